import { join } from "node:path";
import { planFor } from "../analysis/plan.js";
import { sweep } from "../analysis/sweep.js";
import { goDuration, parseGoDuration } from "../models/api/go-duration.js";
import type { ReportMeta } from "../report/report-data.js";
import { sweepCsv, sweepMarkdown, sweepText } from "../report/sweep-table.js";
import { loadScenario } from "../scenario/load.js";
import { parseSet } from "../scenario/overrides.js";
import { ScenarioError } from "../scenario/problems.js";
import { checkRuns, noteLeanWaits, notePodDeletes, usableWorkers } from "./mc.js";
import { CliError, shownValue, tooLarge } from "./output.js";
import {
  checkDistinctOutputs,
  checkOutputDir,
  checkOutputFile,
  reportOutputs,
  reportStream,
  scenarioInputs,
} from "./output-checks.js";
import { Progress } from "./progress.js";
import { writeScenarioNotes } from "./scenario-notes.js";
import { StagedOutputs } from "./staged-output.js";
import { jobsimVersion } from "./version.js";

export interface SweepArgs {
  scenario: string;
  set: string;
  runs: number;
  seed?: number | string;
  workers: number;
  job?: string;
  target?: number;
  within?: string;
  json: boolean;
  csv?: string;
  report?: string;
  /** With --target: refine values in doubt up to this many runs. */
  maxRuns?: number;
  /** The command line, for the report's footer. */
  command?: string;
}

/** Refinement cap with --target: enough to separate 99.922% from 99.9% (about 160,000 runs). */
const DEFAULT_MAX_RUNS = 1_000_000;

/** The files --report DIR holds. */
const SWEEP_REPORT_FILES = ["index.html", "sweep.md", "sweep.csv"];

/** `jobsim sweep`: the Monte Carlo at each value of one parameter, and the smallest that meets a target. */
export async function sweepCommand(a: SweepArgs, out: NodeJS.WriteStream): Promise<number> {
  checkRuns(a.runs);
  const workers = usableWorkers(a.workers);
  if (a.csv !== undefined) checkOutputFile("--csv", a.csv);
  const reportOut = reportStream(a.csv, a.json ? "--json" : null, out);
  if (a.report !== undefined) checkOutputDir("--report", a.report, SWEEP_REPORT_FILES);
  const outputFiles: [string, string | undefined][] = [
    ["--csv", a.csv],
    ...reportOutputs(a.report, SWEEP_REPORT_FILES),
  ];
  checkDistinctOutputs([a.scenario], outputFiles);
  // The manifests the scenario reads from disk are inputs too (a file that fails to load is
  // reported by the sweep itself, with the swept value).
  let onDisk: string[] = [];
  let horizonMs = Number.POSITIVE_INFINITY;
  try {
    const loaded = loadScenario(a.scenario);
    onDisk = loaded.filesOnDisk;
    horizonMs = loaded.horizonMs;
    const plan = planFor(loaded);
    writeScenarioNotes(loaded, a.scenario);
    notePodDeletes(plan.skippedPodDeletes, a.scenario);
    noteLeanWaits(plan.leanWaits, a.scenario);
  } catch {}
  checkDistinctOutputs(scenarioInputs(a.scenario, onDisk), outputFiles);
  if (Array.isArray(a.set))
    throw new CliError(`--set is given ${a.set.length} times: a sweep varies one setting`, 2);
  let parsed: ReturnType<typeof parseSet>;
  try {
    parsed = parseSet(a.set);
  } catch (e) {
    throw new CliError((e as Error).message, 2);
  }
  if (a.target !== undefined && !(a.target > 0 && a.target < 1))
    throw new CliError(
      `--target must be a probability strictly between 0 and 1, got ${shownValue(a.target, "target")}`,
      2,
    );
  let withinSeconds: number | undefined;
  if (a.within !== undefined) {
    if (a.target === undefined)
      throw new CliError("--within needs --target (the success to reach within that time)", 2);
    // A plain number is seconds, as durations are in a scenario file.
    const ms = /^[0-9]+(\.[0-9]+)?$/.test(a.within) ? Number(a.within) * 1000 : parseGoDuration(a.within);
    if (typeof ms === "string")
      throw new CliError(
        `--within ${a.within}: expected a duration such as 30m or 1h30m, or a number of seconds`,
        2,
      );
    if (ms <= 0) throw new CliError(`--within ${a.within}: expected a time longer than 0, such as 30m`, 2);
    // Times to finish are kept in whole seconds (the histograms of mc): 500ms would become 0s.
    if (ms % 1000 !== 0)
      throw new CliError(
        `--within ${a.within}: expected whole seconds (times to finish are counted in seconds)`,
        2,
      );
    withinSeconds = Math.floor(ms / 1000);
    // Every run stops at the horizon: a success after it is never seen, so the rate measured
    // (and the exact one beside it) is success within the horizon, whatever --within says.
    if (ms > horizonMs)
      process.stderr.write(
        `jobsim: note: --within ${a.within} is longer than the scenario's horizon (${goDuration(horizonMs)}), where every run stops: only successes before it count; raise horizon: in ${a.scenario} to count the rest\n`,
      );
  }
  // With a target, values whose interval straddles it are re-run with more runs, up to this.
  const maxRuns = a.target === undefined ? a.runs : Math.max(a.runs, a.maxRuns ?? DEFAULT_MAX_RUNS);
  if (a.maxRuns !== undefined) {
    if (!(Number.isSafeInteger(a.maxRuns) && a.maxRuns >= 1))
      throw new CliError(
        `--max-runs must be a whole number ≥ 1, got ${shownValue(a.maxRuns, "max-runs")}${tooLarge(a.maxRuns)}`,
        2,
      );
    if (a.target === undefined)
      throw new CliError("--max-runs needs --target (values are re-run only to settle the target)", 2);
    if (a.maxRuns < a.runs)
      throw new CliError(
        `--max-runs ${a.maxRuns} is below --runs ${a.runs}: every value gets --runs runs`,
        2,
      );
  }
  const total = parsed.values.length * a.runs;
  const progress = new Progress(total, "jobsim sweep");
  let result: Awaited<ReturnType<typeof sweep>>;
  try {
    result = await sweep({
      scenarioPath: a.scenario,
      parameter: parsed.path,
      values: parsed.values,
      runs: a.runs,
      seed: a.seed,
      workers,
      job: a.job,
      target: a.target,
      withinSeconds,
      maxRuns,
      progress: (done, planned) => progress.update(done, planned),
    });
  } catch (e) {
    throw fileProblem(e, a.scenario);
  } finally {
    progress.end();
  }
  const report = result.report;
  const scenarioName = report.points[0]?.scenario ?? a.scenario;
  const outputs = new StagedOutputs();
  try {
    if (a.csv !== undefined) outputs.stage(a.csv, sweepCsv(report));
    if (a.report !== undefined) await stageReport(outputs, a, result, scenarioName);
    outputs.commit();
  } finally {
    outputs.discard();
  }
  reportOut.write(a.json ? `${JSON.stringify(report)}\n` : sweepText(report));
  return 0;
}

/**
 * A scenario refused with a swept value ends its problems with the line naming that value
 * ("with --set ..."). When the file alone has the very same problems, the value is not the
 * cause: the file's own error is reported instead, without that line.
 */
function fileProblem(e: unknown, scenarioPath: string): unknown {
  if (!(e instanceof ScenarioError)) return e;
  try {
    loadScenario(scenarioPath);
  } catch (alone) {
    if (alone instanceof ScenarioError && sameProblems(alone.problems, e.problems.slice(0, -1))) return alone;
  }
  return e;
}

function sameProblems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

async function stageReport(
  outputs: StagedOutputs,
  a: SweepArgs,
  result: Awaited<ReturnType<typeof sweep>>,
  scenarioName: string,
): Promise<void> {
  const report = result.report;
  const dir = a.report!;
  // Loaded on demand: vega costs a few hundred ms at start-up that other commands need not pay.
  const { renderSweepHtml } = await import("../report/html.js");
  const meta: ReportMeta = {
    version: jobsimVersion(),
    scenario: scenarioName,
    scenarioFile: a.scenario,
    seed: report.seed,
    runs: a.runs,
    command: a.command ?? `sweep ${a.scenario} --set ${a.set}`,
  };
  const html = await renderSweepHtml(report, result.distributions, meta);
  outputs.stage(join(dir, "index.html"), html);
  outputs.stage(join(dir, "sweep.md"), sweepMarkdown(report, scenarioName));
  outputs.stage(join(dir, "sweep.csv"), sweepCsv(report));
}
