#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { AnalysisError } from "../analysis/errors.js";
import { OverrideError } from "../scenario/overrides.js";
import { ScenarioError } from "../scenario/problems.js";
import { operandsAfterDoubleDash } from "./double-dash.js";
import { CliError, fsReason, PipeClosed, parseSeed } from "./output.js";
import { commandLine, jobsimVersion } from "./version.js";

/**
 * The jobsim command line (contract in ../shared/design.md). Exit status: 0 done; 1 bad
 * input or a failed check (one clear message on stderr, no stack trace); 2 wrong usage.
 */

function report(e: unknown): number {
  if (e instanceof ScenarioError) {
    for (const p of e.problems) process.stderr.write(`${p}\n`);
    return 1;
  }
  if (e instanceof PipeClosed) return 0;
  if (e instanceof CliError) {
    process.stderr.write(`jobsim: ${e.message}\n`);
    return e.exitCode;
  }
  if (e instanceof AnalysisError || e instanceof OverrideError) {
    process.stderr.write(`jobsim: ${e.message}\n`);
    return 1;
  }
  const errno = e as NodeJS.ErrnoException;
  if (errno?.syscall === "write" && typeof errno.code === "string") {
    // Standard output or error could not take what was written (a full disk, a closed device).
    process.stderr.write(`jobsim: cannot write the output: ${fsReason(e)}\n`);
    return 1;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(
    `jobsim: internal error: ${message}\n(this is a bug in jobsim; please report it with the scenario that caused it)\n`,
  );
  return 1;
}

/**
 * yargs collects an option given twice into an array; every jobsim option but sweep's --set
 * (which says why itself) and the file lists takes one value, so a repeat is wrong usage.
 * A file named `-` would be standard input, which jobsim does not read.
 */
function checkUsage(a: Record<string, unknown>, lists: readonly string[] = []): void {
  for (const [key, value] of Object.entries(a)) {
    if (key === "_" || key === "$0" || /[A-Z]/.test(key) || lists.includes(key)) continue;
    if (Array.isArray(value)) throw new CliError(`--${key} is given ${value.length} times: give it once`, 2);
  }
  // yargs reads `--runs=` as 0 and `--json=maybe` as false; both are typing slips to point out.
  // A number option last, or followed by another option, has no value: yargs would drop it.
  let jsons = 0;
  for (let i = 0; i < rawArgs.length; i++) {
    const token = rawArgs[i];
    if (token === "--") break;
    if (token === "--json" || token.startsWith("--json=")) jsons++;
    const bare = /^--([a-z-]+)$/.exec(token);
    if (bare !== null && NUMBER_OPTIONS.includes(bare[1])) {
      const next = rawArgs[i + 1];
      if (next === undefined || next.trim() === "" || /^--?[a-zA-Z]/.test(next))
        throw new CliError(`--${bare[1]} needs a number`, 2);
    }
    const m = /^--([a-z-]+)=(.*)$/.exec(token);
    if (m === null) continue;
    if (m[2] === "" && NUMBER_OPTIONS.includes(m[1])) throw new CliError(`--${m[1]} needs a number`, 2);
    if (m[1] === "json" && !["true", "false"].includes(m[2]))
      throw new CliError(`--json takes no value (or true/false), got "${m[2]}"`, 2);
  }
  // yargs keeps one value of a boolean given twice.
  if (jsons > 1) throw new CliError(`--json is given ${jsons} times: give it once`, 2);
  // yargs turns a lone `-` into "" for one positional and drops it from a list.
  const listsDash = Array.isArray(a.files) && rawArgs.slice(1).includes("-");
  if (a.scenario === "" || listsDash || (Array.isArray(a.files) && a.files.includes("")))
    throw new CliError(
      rawArgs.includes("-")
        ? "reading from standard input ('-') is not supported: give a file name"
        : "a file name must not be empty",
      2,
    );
}

let rawArgs: string[] = [];

const NUMBER_OPTIONS = ["runs", "run", "workers", "shards", "max-runs", "target"];

function guard(action: () => number | Promise<number>): void {
  try {
    const r = action();
    if (typeof r === "number") process.exitCode = r;
    else
      r.then(
        (code) => {
          process.exitCode = code;
        },
        (e) => {
          process.exitCode = report(e);
        },
      );
  } catch (e) {
    process.exitCode = report(e);
  }
}

const COMMANDS = ["run", "mc", "sweep", "merge", "validate"];

/** Output-file options that take `-` for standard output. */
const STDOUT_FILE_OPTIONS = new Set(["--csv", "--trace", "--timeline", "--emit-job"]);

/** Options whose value is never a separate word (yargs booleans). */
const FLAGS = new Set(["--json", "--help", "-h", "--version"]);

/**
 * `--within -1m`, `--seed -5`: a value that starts with a dash and a digit is joined to its
 * option (`--within=-1m`), so that it reaches the option's own check ("expected a duration …")
 * instead of being read as the short flags -1 and -m ("Unknown arguments: 1, m").
 */
export function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    const next = argv[i + 1];
    if (token === "--") {
      out.push(...argv.slice(i));
      break;
    }
    if (/^--[a-z][a-z-]*$/.test(token) && !FLAGS.has(token) && next !== undefined && /^-[0-9.]/.test(next)) {
      out.push(`${token}=${next}`);
      i++;
    } else if (STDOUT_FILE_OPTIONS.has(token) && next === "-") {
      // `--csv -`: the usual spelling of standard output (yargs would read `-` as an argument).
      out.push(`${token}=/dev/stdout`);
      i++;
    } else out.push(token);
  }
  return out;
}

/** yargs' "Not enough non-option arguments: got 0, need at least 1", in the command's words. */
function missingOperand(command: string | undefined): string {
  if (command === "merge") return "merge needs the shards' JSON files: jobsim merge SHARD.json...";
  if (command === "validate") return "validate needs the files to check: jobsim validate FILE...";
  return `${command} needs a scenario file: jobsim ${command} SCENARIO.yaml`;
}

export function main(argv: string[]): void {
  argv = operandsAfterDoubleDash(joinDashValues(argv));
  // `jobsim help [command]`: the same as `jobsim [command] --help` (an unknown command is
  // reported as `jobsim <command>` reports it).
  if (argv[0] === "help")
    argv = argv.length === 1 ? ["--help"] : COMMANDS.includes(argv[1]) ? [argv[1], "--help"] : [argv[1]];
  rawArgs = argv;
  yargs(argv)
    .scriptName("jobsim")
    .usage("$0 <command> [options]\n\nA deterministic discrete-event simulator of Kubernetes Jobs.")
    .command(
      "run <scenario>",
      "replay the scenario's kubectl session in simulated time",
      (y) =>
        y
          .positional("scenario", { type: "string", demandOption: true, describe: "scenario file" })
          .option("seed", { type: "string", describe: "seed (overrides the scenario's)" })
          .option("run", {
            type: "number",
            describe: "replay run N of the seed, as `jobsim mc` and its --csv number runs",
          })
          .option("trace", {
            type: "string",
            describe: "write every Job and Pod change as JSON lines to FILE",
          })
          .option("timeline", {
            type: "string",
            describe: "write a Gantt chart of the pods to FILE (.svg or .html)",
          }),
      (a) =>
        guard(async () => {
          checkUsage(a);
          return (await import("./run.js")).runCommand(
            {
              scenario: a.scenario as string,
              seed: parseSeed(a.seed),
              run: a.run,
              trace: a.trace,
              timeline: a.timeline,
            },
            process.stdout,
            process.stderr,
          );
        }),
    )
    .command(
      "mc <scenario>",
      "Monte Carlo: run the scenario many times and report how its Jobs end",
      (y) =>
        y
          .positional("scenario", { type: "string", demandOption: true, describe: "scenario file" })
          .option("runs", { type: "number", default: 10000, describe: "number of runs" })
          .option("seed", { type: "string", describe: "seed (overrides the scenario's)" })
          .option("workers", { type: "number", default: 1, describe: "worker threads" })
          .option("shard", {
            type: "string",
            describe: "run only shard i/n (prints the shard's JSON for jobsim merge)",
          })
          .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
          .option("csv", { type: "string", describe: "write one row per run and Job to FILE" })
          .option("emit-job", {
            type: "string",
            describe: "write a Kubernetes Indexed Job that runs the shards on a cluster",
          })
          .option("image", {
            type: "string",
            describe: "container image for --emit-job (default: jobsim:0.1.0)",
          })
          .option("shards", {
            type: "number",
            describe:
              "number of shards (pods) for --emit-job (default: about 2 million runs each, at most 100 shards)",
          })
          .option("report", {
            type: "string",
            describe: "write index.html (charts, table) and report.json into DIR",
          }),
      (a) =>
        guard(async () => {
          checkUsage(a);
          return (await import("./mc.js")).mcCommand(
            {
              scenario: a.scenario as string,
              runs: a.runs,
              seed: parseSeed(a.seed),
              workers: a.workers,
              shard: a.shard,
              json: a.json,
              csv: a.csv,
              emitJob: a["emit-job"],
              image: a.image,
              shards: a.shards,
              report: a.report,
              command: commandLine(process.argv.slice(2)),
            },
            process.stdout,
          );
        }),
    )
    .command(
      "sweep <scenario>",
      "Monte Carlo over a range of one parameter, with common random numbers",
      (y) =>
        y
          .positional("scenario", { type: "string", demandOption: true, describe: "scenario file" })
          .option("set", {
            type: "string",
            demandOption: true,
            describe: "PATH=VALUES, e.g. spec.backoffLimit=0..15",
          })
          .option("runs", { type: "number", default: 10000, describe: "runs per value" })
          .option("max-runs", {
            type: "number",
            describe:
              "with --target: re-run values whose interval straddles the target with twice the runs, up to this many (default 1000000; = --runs to turn off)",
          })
          .option("seed", { type: "string", describe: "seed (overrides the scenario's)" })
          .option("workers", { type: "number", default: 1, describe: "worker threads" })
          .option("job", {
            type: "string",
            describe: "the Job whose results are judged (when there are several; --set changes every Job)",
          })
          .option("target", { type: "number", describe: "required success probability, e.g. 0.999" })
          .option("within", { type: "string", describe: "count successes only within this time, e.g. 30m" })
          .option("json", { type: "boolean", default: false, describe: "print the report as JSON" })
          .option("csv", { type: "string", describe: "write the table as CSV to FILE" })
          .option("report", {
            type: "string",
            describe: "write index.html (charts, table), sweep.md and sweep.csv into DIR",
          }),
      (a) =>
        guard(async () => {
          checkUsage(a, ["set"]);
          return (await import("./sweep.js")).sweepCommand(
            {
              scenario: a.scenario as string,
              set: a.set,
              runs: a.runs,
              seed: parseSeed(a.seed),
              workers: a.workers,
              job: a.job,
              target: a.target,
              within: a.within,
              json: a.json,
              csv: a.csv,
              report: a.report,
              maxRuns: a["max-runs"],
              command: commandLine(process.argv.slice(2)),
            },
            process.stdout,
          );
        }),
    )
    .command(
      "merge <files..>",
      "merge mc --shard outputs into the report one process prints: mc --json's object, or with --text its table (less the replay line: a shard does not name the scenario's file)",
      (y) =>
        y
          .positional("files", {
            type: "string",
            array: true,
            demandOption: true,
            describe: "shard JSON files",
            default: undefined,
          })
          .option("json", { type: "boolean", describe: "print the report as JSON (the default)" })
          .option("text", { type: "boolean", describe: "print the report as mc prints it without --json" })
          .conflicts("json", "text"),
      (a) =>
        guard(async () => {
          checkUsage(a, ["files"]);
          return (await import("./merge.js")).mergeCommand(
            a.files as string[],
            process.stdout,
            a.text === true,
          );
        }),
    )
    .command(
      "validate <files..>",
      "check scenarios and Job manifests without running them",
      (y) =>
        y.positional("files", {
          type: "string",
          array: true,
          demandOption: true,
          describe: "scenario or manifest files",
          default: undefined,
        }),
      (a) =>
        guard(async () => {
          checkUsage(a, ["files"]);
          return (await import("./validate.js")).validateCommand(
            a.files as string[],
            process.stdout,
            process.stderr,
          );
        }),
    )
    .demandCommand(1, "a command is required: run, mc, sweep, merge or validate")
    .strict()
    .recommendCommands()
    .help()
    .alias("help", "h")
    .version("version", "Show jobsim's version", `jobsim ${jobsimVersion()}`)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((msg, err) => {
      if (err) throw err;
      // recommendCommands replaces strict mode's "Unknown argument" with only the suggestion.
      const text = msg.startsWith("Did you mean")
        ? `Unknown command: ${rawArgs[0]}. ${msg}`
        : msg.startsWith("Not enough non-option arguments")
          ? missingOperand(rawArgs[0])
          : msg;
      process.stderr.write(`jobsim: ${text}\nRun 'jobsim --help' for usage.\n`);
      process.exit(2);
    })
    .parse();
}

// `jobsim run x | head` closes the pipe early: stop quietly, as a Unix tool does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    // Anything else (ENOSPC on a full disk, EIO): one line, as for any other failure.
    try {
      process.stderr.write(`jobsim: cannot write the output: ${fsReason(e)}\n`);
    } finally {
      process.exit(1);
    }
  });
}

main(hideBin(process.argv));
