/**
 * What the HTML report and the run timeline are drawn from. The analysis and session layers
 * fill these; src/report renders them (charts as SVG at report time, no network needed to view).
 */

/** One point of a cumulative distribution: P(time to finish ≤ seconds). */
export type CdfPoint = [seconds: number, fraction: number];

export interface ReportMeta {
  /** jobsim's version (package.json). */
  version: string;
  scenario: string;
  /** The scenario file as given on the command line. */
  scenarioFile: string;
  seed: number | string;
  runs: number;
  /** The command line that produced the report (without the program name). */
  command: string;
}

/** Per swept value (or, for `mc`, per Job), the distributions the charts need. */
export interface Distributions {
  /** Label: the swept value, or the Job's name. */
  label: string;
  /** The swept value (sweeps only). */
  value?: number;
  /** Time to finish (Complete or Failed), all finished runs; cumulative. */
  finishCdf: CdfPoint[];
  /** Pods created per run: [pods, runs]. */
  pods: [number, number][];
}

export type TimelinePhase =
  | "Pending"
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
