import { availableParallelism } from "node:os";
import { join } from "node:path";
import { closedFormFor } from "../analysis/closed-form.js";
import { distributionsOf } from "../analysis/distributions.js";
import { CSV_HEADER, execute } from "../analysis/execute.js";
import { BLOCK_RUNS } from "../analysis/fingerprint.js";
import { MonteCarlo } from "../analysis/monte-carlo.js";
import { planFor } from "../analysis/plan.js";
import { jobLabel, mcReport } from "../analysis/report.js";
import { parseShard, scenarioDigest, shardFile, shardRange } from "../analysis/shards.js";
import { goQuote } from "../models/api/field-errors.js";
import { hasSurroundingSpace } from "../models/api/pod-validation.js";
import { mcText } from "../report/mc-text.js";
import type { ReportMeta } from "../report/report-data.js";
import { loadScenario, scenarioSource } from "../scenario/load.js";
import { defaultShards, emitJob } from "./emit-job.js";
import { CliError, shownValue, tooLarge, writeFileAtomic } from "./output.js";
import {
  checkDistinctOutputs,
  checkOutputDir,
  checkOutputFile,
  isStandardOutput,
  reportOutputs,
  reportStream,
  scenarioInputs,
} from "./output-checks.js";
import { Progress } from "./progress.js";
import { writeScenarioNotes } from "./scenario-notes.js";
import { StagedOutputs } from "./staged-output.js";
import { jobsimVersion } from "./version.js";

export interface McArgs {
  scenario: string;
  runs: number;
  seed?: number | string;
  workers: number;
  shard?: string;
  json: boolean;
  csv?: string;
  emitJob?: string;
  image?: string;
  /** Shards for --emit-job (default: about 2 million runs each, at most 100 shards). */
  shards?: number;
  /** Directory for index.html (charts and table) and report.json. */
  report?: string;
  /** The command line, for the report's footer. */
  command?: string;
}

export function checkRuns(runs: number): void {
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new CliError(
      `--runs must be a whole number ≥ 1, got ${shownValue(runs, "runs")}${tooLarge(runs)}`,
      2,
    );
}

/**
 * The worker threads to use: --workers checked, and capped at the CPUs this process may use —
 * more threads than cores only share them, each with its own model and memory (128 on two
 * cores took 6× as long and 3 GB). The results do not depend on the count.
 */
export function usableWorkers(workers: number): number {
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 256)
    throw new CliError(
      `--workers must be a whole number from 1 to 256, got ${shownValue(workers, "workers")}`,
      2,
    );
  const cpus = availableParallelism();
  if (workers <= cpus) return workers;
  process.stderr.write(
    `jobsim: note: --workers ${workers}, but this machine gives jobsim ${cpus} CPU${cpus === 1 ? "" : "s"}: using ${cpus} (the results are the same)\n`,
  );
  return cpus;
}

/** Monte Carlo replays deletes of pods, not of Jobs (README): a step deleting both is left out,
 * and a pod deleted mid-run changes how its Job goes on. */
export function notePodDeletes(lines: readonly string[], file: string): void {
  for (const line of lines)
    process.stderr.write(
      `jobsim: note: ${file}: ${line}: Monte Carlo does not replay deletes of Jobs, and this one deletes pods too; without it a run may end otherwise than jobsim run --run N shows\n`,
    );
}

/** A wait on text Monte Carlo's runs leave out (plan.ts leanWaits) may be met otherwise. */
export function noteLeanWaits(lines: readonly string[], file: string): void {
  for (const line of lines)
    process.stderr.write(
      `jobsim: note: ${file}: ${line}: Monte Carlo's runs leave out messages and kubectl's annotations, which this wait reads; a run may go on otherwise than jobsim run --run N shows\n`,
    );
}

/** Options that would be silently ignored together are refused before any work. */
function checkCombination(a: McArgs): void {
  if (a.emitJob !== undefined) {
    const runsNothing: [string, boolean][] = [
      ["--shard", a.shard !== undefined],
      ["--csv", a.csv !== undefined],
      ["--report", a.report !== undefined],
      ["--json", a.json],
      // (Each of the Job's pods runs one shard on one thread.)
      ["--workers", a.workers !== 1],
    ];
    const clash = runsNothing.find(([, given]) => given);
    if (clash !== undefined)
      throw new CliError(
        `--emit-job writes a Job manifest and runs nothing here: it cannot be combined with ${clash[0]}`,
        2,
      );
  } else if (a.image !== undefined) {
    throw new CliError("--image sets the container image of --emit-job's Job: give --emit-job FILE too", 2);
  } else if (a.shards !== undefined) {
    throw new CliError(
      "--shards sets the shard count of --emit-job; to run one shard here use --shard i/n",
      2,
    );
  }
  if (a.report !== undefined && a.shard !== undefined)
    throw new CliError(
      "--report and --shard: a shard prints its JSON for jobsim merge; make the report from the whole run",
      2,
    );
}

/** `jobsim mc`: N seeded runs of the scenario; a report (text or --json), per-run CSV, shards. */
export async function mcCommand(a: McArgs, out: NodeJS.WriteStream): Promise<number> {
  checkRuns(a.runs);
  const workers = usableWorkers(a.workers);
  if (a.csv !== undefined) checkOutputFile("--csv", a.csv);
  const reportOut = reportStream(a.csv, a.shard !== undefined ? "--shard" : a.json ? "--json" : null, out);
  if (a.emitJob !== undefined) checkOutputFile("--emit-job", a.emitJob);
  if (a.report !== undefined) checkOutputDir("--report", a.report, MC_REPORT_FILES);
  checkDistinctOutputs(
    [a.scenario],
    [["--csv", a.csv], ["--emit-job", a.emitJob], ...reportOutputs(a.report, MC_REPORT_FILES)],
  );
  checkCombination(a);
  const shard = a.shard === undefined ? null : parseShard(a.shard);
  if (typeof shard === "string") throw new CliError(shard, 2);
  const scenario = loadScenario(a.scenario);
  checkDistinctOutputs(scenarioInputs(a.scenario, scenario.filesOnDisk), [
    ["--csv", a.csv],
    ["--emit-job", a.emitJob],
    ...reportOutputs(a.report, MC_REPORT_FILES),
  ]);
  // Of what was loaded, not read again after the runs: the files may be edited meanwhile.
  const digest = shard === null ? "" : scenarioDigest(scenario);
  const seed = a.seed ?? scenario.seed;
  if (a.emitJob !== undefined) {
    if (a.image !== undefined && a.image.trim() === "")
      throw new CliError("--image must not be empty: give the image that has jobsim installed", 2);
    // Admitted in a Job's template, but refused in each pod the Job controller creates from it
    // (validateContainersOnlyForPod): the Job would never start a pod.
    if (a.image !== undefined && hasSurroundingSpace(a.image))
      throw new CliError(
        `--emit-job: the API server would refuse the Job's pods: spec.containers[0].image: Invalid value: ${goQuote(a.image)}: must not have leading or trailing whitespace`,
        2,
      );
    const shards = a.shards ?? defaultShards(a.runs);
    if (!Number.isSafeInteger(shards) || shards < 1 || shards > a.runs)
      throw new CliError(
        `--shards must be a whole number from 1 to --runs (${a.runs}), got ${shownValue(shards, "shards")}`,
        2,
      );
    // Shards take whole blocks of runs (shardRange): more shards than blocks start idle pods.
    const blocks = Math.ceil(a.runs / BLOCK_RUNS);
    if (shards > blocks)
      throw new CliError(
        `--shards ${shards}: ${a.runs.toLocaleString("en-US")} runs make ${blocks} block(s) of ${BLOCK_RUNS.toLocaleString("en-US")}, the unit a shard takes; more than ${blocks} shard(s) would leave pods with no runs`,
        2,
      );
    // The shards' runs must be runs jobsim makes here: a scenario mc refuses would fail every pod.
    planFor(scenario);
    writeFileAtomic(a.emitJob, emitJob(a.scenario, scenario, a.runs, seed, shards, a.image));
    // A manifest written to standard output (`--emit-job -`, for `| kubectl apply -f -`) has it
    // to itself: the note goes to stderr.
    (isStandardOutput(a.emitJob) ? process.stderr : out).write(
      `wrote ${a.emitJob}: an Indexed Job running the ${a.runs.toLocaleString("en-US")} runs as ${shards} shard(s); see README ("Monte Carlo on a cluster")\n`,
    );
    return 0;
  }
  const mc = new MonteCarlo(scenario, seed); // validates the plan before any work starts
  writeScenarioNotes(scenario, a.scenario);
  notePodDeletes(mc.plan.skippedPodDeletes, a.scenario);
  noteLeanWaits(mc.plan.leanWaits, a.scenario);
  const closed = mc.jobKeys.map((_, i) => closedFormFor(scenario, mc.plan, i));
  const [from, to] = shard === null ? [0, a.runs] : shardRange(a.runs, shard);
  // Shards take whole blocks of runs: with fewer blocks than shards some have none. Such a
  // shard is still a valid part for merge, but its user may not expect it.
  if (shard !== null && from === to)
    process.stderr.write(
      `jobsim: note: shard ${shard.index}/${shard.count} runs nothing: ${a.runs.toLocaleString("en-US")} runs make ${Math.ceil(a.runs / BLOCK_RUNS)} block(s) of ${BLOCK_RUNS.toLocaleString("en-US")}, the unit a shard takes\n`,
    );
  const progress = new Progress(to - from, "jobsim mc");
  const outputs = new StagedOutputs();
  try {
    const csvTmp = a.csv === undefined ? undefined : outputs.open(a.csv, `${CSV_HEADER.join(",")}\n`);
    let result: Awaited<ReturnType<typeof execute>>;
    try {
      result = await execute({
        scenario,
        scenarioPath: a.scenario,
        // Workers build the scenario as loaded here, not from the files again (which may be
        // edited meanwhile: the digest and closed forms are of this one).
        source: scenarioSource(scenario),
        overrides: [],
        seed,
        from,
        to,
        workers,
        progress: (d) => progress.update(d),
        csvPath: csvTmp,
      });
    } finally {
      progress.end();
    }
    if (shard !== null) {
      outputs.commit();
      reportOut.write(
        `${JSON.stringify(shardFile(scenario.name, digest, seed, a.runs, shard, [from, to], mc.jobKeys, closed, result.stats, result.fingerprint))}\n`,
      );
      return 0;
    }
    const report = mcReport(
      scenario.name,
      seed,
      a.runs,
      mc.jobKeys,
      result.stats,
      result.fingerprint,
      closed,
    );
    if (a.report !== undefined)
      await stageReport(outputs, a, report, mc.jobKeys, result.stats, seed, scenario.name);
    outputs.commit();
    reportOut.write(
      a.json ? `${JSON.stringify(report)}\n` : mcText(report, { scenarioFile: a.scenario, seed }),
    );
    return 0;
  } finally {
    outputs.discard();
  }
}

/** The files --report DIR holds. */
const MC_REPORT_FILES = ["index.html", "report.json"];

async function stageReport(
  outputs: StagedOutputs,
  a: McArgs,
  report: ReturnType<typeof mcReport>,
  jobKeys: MonteCarlo["jobKeys"],
  stats: Awaited<ReturnType<typeof execute>>["stats"],
  seed: number | string,
  scenarioName: string,
): Promise<void> {
  // Loaded on demand: vega costs a few hundred ms at start-up that other commands need not pay.
  const { renderMcHtml } = await import("../report/html.js");
  const dists = jobKeys.map((k, i) => distributionsOf(jobLabel(k), stats[i]));
  const meta: ReportMeta = {
    version: jobsimVersion(),
    scenario: scenarioName,
    scenarioFile: a.scenario,
    seed,
    runs: a.runs,
    command: a.command ?? `mc ${a.scenario}`,
  };
  const html = await renderMcHtml(report, dists, meta);
  outputs.stage(join(a.report!, "index.html"), html);
  outputs.stage(join(a.report!, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
}
