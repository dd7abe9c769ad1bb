/**
 * What the HTML report and the run timeline are drawn from. The analysis and session layers
 * define and fill their parts (analysis/distributions.ts, session/timeline-data.ts); src/report
 * renders them (charts as SVG at report time, no network needed to view).
 */

export type { CdfPoint, Distributions } from "../analysis/distributions.js";
export type {
  TimelineData,
  TimelineMarker,
  TimelinePhase,
  TimelinePod,
  TimelineSegment,
} from "../session/timeline-data.js";

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
