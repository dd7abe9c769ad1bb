/** The run timeline's data: filled by timeline.ts, drawn by src/report (the Gantt chart). */

export type TimelinePhase =
  | "Pending"
  | "Initializing"
  | "Pulling"
  | "ContainerCreating"
  | "Running"
  | "Completed"
  | "Error"
  | "CrashLoopBackOff"
  | "Terminating";

export interface TimelineSegment {
  /** Simulated ms since the start. */
  fromMs: number;
  toMs: number;
  phase: TimelinePhase;
}

export interface TimelinePod {
  name: string;
  node: string;
  /** The Job it belongs to ("" for none). */
  job: string;
  segments: TimelineSegment[];
}

export interface TimelineMarker {
  atMs: number;
  /** e.g. "Complete", "FailureTarget", "Failed", "SuccessCriteriaMet", "Suspended". */
  label: string;
  job: string;
}

export interface TimelineData {
  title: string;
  /** Unix ms of simulated time 0 (for absolute times in tooltips). */
  epochMs: number;
  endMs: number;
  pods: TimelinePod[];
  markers: TimelineMarker[];
  nodes: string[];
}
