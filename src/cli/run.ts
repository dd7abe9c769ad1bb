import { extname } from "node:path";
import type { TraceLine } from "../models/trace.js";
import { renderTimeline } from "../report/timeline.js";
import { loadScenario, manifestLabel } from "../scenario/load.js";
import { Session, type TranscriptSink } from "../session/session.js";
import { TimelineRecorder } from "../session/timeline.js";
import { CliError, shownValue, tooLarge } from "./output.js";
import { checkDistinctOutputs, checkOutputFile, isStandardOutput, scenarioInputs } from "./output-checks.js";
import { writeScenarioNotes } from "./scenario-notes.js";
import { StagedOutputs } from "./staged-output.js";
import { refusedCreateJobSteps, refusedManifests } from "./validate.js";

export interface RunArgs {
  scenario: string;
  seed?: number | string;
  /** Which run of the seed (as `jobsim mc` numbers them). */
  run?: number;
  trace?: string;
  timeline?: string;
}

function timelineFormat(path: string): "svg" | "html" {
  const ext = extname(path).toLowerCase();
  if (ext === ".svg") return "svg";
  if (ext === ".html" || ext === ".htm") return "html";
  // `--timeline -` reaches here as /dev/stdout (main.ts joinDashValues): no name to go by.
  if (isStandardOutput(path) || path === "/dev/stdout")
    throw new CliError(
      "--timeline: standard output has no file name to choose .svg or .html by: give FILE.svg or FILE.html",
      2,
    );
  throw new CliError(`--timeline ${path}: the file name must end in .svg or .html`, 2);
}

/**
 * `jobsim run`: the session as a terminal shows it; the trace and the timeline, if asked, written
 * whole at the end.
 */
export function runCommand(args: RunArgs, out: NodeJS.WriteStream, err: NodeJS.WriteStream): number {
  if (args.timeline !== undefined) checkOutputFile("--timeline", args.timeline);
  const format = args.timeline === undefined ? null : timelineFormat(args.timeline);
  if (args.trace !== undefined) checkOutputFile("--trace", args.trace);
  checkDistinctOutputs(
    [args.scenario],
    [
      ["--trace", args.trace],
      ["--timeline", args.timeline],
    ],
  );
  if (args.run !== undefined && (!Number.isSafeInteger(args.run) || args.run < 0))
    throw new CliError(
      `--run must be a whole number ≥ 0, got ${shownValue(args.run, "run")}${tooLarge(args.run)}`,
      2,
    );
  // An output on standard output (`--trace -`) has it to itself: the transcript goes to stderr.
  const onStdout = (["--trace", "--timeline"] as const).filter((o) => {
    const path = o === "--trace" ? args.trace : args.timeline;
    return path !== undefined && isStandardOutput(path);
  });
  if (onStdout.length > 1)
    throw new CliError("--trace and --timeline both write to standard output: give one of them a file", 2);
  const transcript = onStdout.length > 0 ? err : out;
  const scenario = loadScenario(args.scenario);
  checkDistinctOutputs(scenarioInputs(args.scenario, scenario.filesOnDisk), [
    ["--trace", args.trace],
    ["--timeline", args.timeline],
  ]);
  writeScenarioNotes(scenario, args.scenario, err);
  const trace: string[] = [];
  const session = new Session(scenario, {
    seed: args.seed,
    run: args.run,
    trace: args.trace !== undefined ? (l: TraceLine) => trace.push(JSON.stringify(l)) : undefined,
  });
  const timeline = format === null ? null : new TimelineRecorder(session.cluster.store);
  // Bold prompts on a terminal, unless the user turned colour off (no-color.org: NO_COLOR set
  // and not empty; TERM=dumb terminals take no escapes).
  const noColor = (process.env.NO_COLOR ?? "") !== "" || process.env.TERM === "dumb";
  const color = transcript.isTTY === true && !noColor;
  const sink: TranscriptSink = {
    prompt: (line) => transcript.write(color ? `\x1b[1m$ ${line}\x1b[0m\n` : `$ ${line}\n`),
    stdout: (text) => transcript.write(text),
    stderr: (text) => err.write(text),
  };
  session.run(sink);
  const outputs = new StagedOutputs();
  try {
    if (args.trace !== undefined) outputs.stage(args.trace, trace.length > 0 ? `${trace.join("\n")}\n` : "");
    if (timeline !== null && args.timeline !== undefined && format !== null) {
      const seed = args.seed ?? scenario.seed;
      const run = args.run ?? 0;
      const title = `${scenario.name} · seed ${seed}${run > 0 ? ` · run ${run}` : ""}`;
      outputs.stage(args.timeline, renderTimeline(timeline.data(title, scenario.epochMs), format));
    }
    outputs.commit();
  } finally {
    outputs.discard();
  }
  // The session shows kubectl's and the API server's answer to an invalid manifest, as a
  // cluster would; the run still ends in failure, as bad input does (mc refuses it up front).
  const applied = new Set(
    scenario.steps.flatMap((st) =>
      st.kind === "kubectl" && (st.command.verb === "apply" || st.command.verb === "create") ? st.files : [],
    ),
  );
  const refused = refusedManifests(
    [...scenario.manifests.values()].filter((m) => applied.has(m.name)),
    scenario.profile,
  ).map(manifestLabel);
  // A `kubectl create job` whose Job the API server refuses, likewise.
  refused.push(...refusedCreateJobSteps(scenario.steps, scenario.profile).map((r) => `steps: ${r.line}`));
  if (refused.length > 0) {
    err.write(
      `jobsim: ${args.scenario}: ${refused.join(", ")}: refused as kubectl apply would refuse it (the answer is in the transcript); jobsim validate ${args.scenario} lists every problem\n`,
    );
    return 1;
  }
  return 0;
}
