import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { StagedOutputs } from "../../src/cli/staged-output.js";
import { CLI, jobsim, noStackTrace, tmp } from "../helpers/cli.js";

/**
 * Wrong usage is refused before any work with one line and exit status 2: an option given twice
 * (yargs would pass an array on, which became an internal error or a seed "1,2"), an empty file
 * name, `-` for standard input, an unknown command. Outputs are all put in place or none.
 */

const S = "scenarios/flaky-job.yaml";

describe("wrong usage: exit 2, one message, nothing written", () => {
  const dir = tmp();
  const out = (name: string) => join(dir, name);
  it.each([
    [
      ["mc", S, "--runs", "10", "--csv", out("a.csv"), "--csv", out("b.csv")],
      "--csv is given 2 times: give it once",
    ],
    [["mc", S, "--runs", "10", "--seed", "1", "--seed", "2"], "--seed is given 2 times: give it once"],
    [["mc", S, "--runs", "10", "--runs", "20"], "--runs is given 2 times: give it once"],
    [["mc", S, "--report", out("r1"), "--report", out("r2")], "--report is given 2 times: give it once"],
    [
      ["mc", S, "--emit-job", out("j.yaml"), "--image", "a", "--image", "b"],
      "--image is given 2 times: give it once",
    ],
    [["mc", S, "--shard", "1/2", "--shard", "2/2"], "--shard is given 2 times: give it once"],
    [
      ["sweep", S, "--set", "spec.backoffLimit=1..2", "--target", "0.9", "--within", "1m", "--within", "2m"],
      "--within is given 2 times: give it once",
    ],
    [["run", S, "--trace", out("t1"), "--trace", out("t2")], "--trace is given 2 times: give it once"],
    [
      ["run", S, "--timeline", out("a.svg"), "--timeline", out("b.svg")],
      "--timeline is given 2 times: give it once",
    ],
    [
      ["mc", S, "--emit-job", out("j.yaml"), "--image", ""],
      "--image must not be empty: give the image that has jobsim installed",
    ],
    [
      ["mc", S, "--emit-job", out("j.yaml"), "--image", " jobsim:0.1.0"],
      '--emit-job: the API server would refuse the Job\'s pods: spec.containers[0].image: Invalid value: " jobsim:0.1.0": must not have leading or trailing whitespace',
    ],
    [["run", S, "--trace="], "--trace needs a file name"],
    [["run", S, "--timeline="], "--timeline needs a file name"],
    [["sweep", S, "--set"], "--set needs PATH=VALUES, e.g. spec.backoffLimit=0..15"],
    [["sweep", S, "--set="], "--set needs PATH=VALUES, e.g. spec.backoffLimit=0..15"],
    // `-` is taken for standard output, whose name cannot say which of the two formats to write.
    [
      ["run", S, "--timeline", "-"],
      "--timeline: standard output has no file name to choose .svg or .html by: give FILE.svg or FILE.html",
    ],
    [["mc", S, "--runs", "10", "--csv="], "--csv needs a file name"],
    [["mc", S, "--runs", "10", "--report="], "--report needs a directory name"],
    [["mc", S, "--emit-job="], "--emit-job needs a file name"],
    [["sweep", S, "--set", "spec.backoffLimit=1..2", "--csv="], "--csv needs a file name"],
    [["sweep", S, "--set", "spec.backoffLimit=1..2", "--report="], "--report needs a directory name"],
    [["validate", "-"], "reading from standard input ('-') is not supported: give a file name"],
    [["validate", S, "-"], "reading from standard input ('-') is not supported: give a file name"],
    [["run", "-"], "reading from standard input ('-') is not supported: give a file name"],
    [["mc", "-"], "reading from standard input ('-') is not supported: give a file name"],
    [["merge", "-"], "reading from standard input ('-') is not supported: give a file name"],
    [["run", ""], "a file name must not be empty"],
    [["mc", S, "--runs="], "--runs needs a number"],
    [["sweep", S, "--set", "spec.backoffLimit=1..2", "--target="], "--target needs a number"],
    [["mc", S, "--runs", "10", "--json=maybe"], '--json takes no value (or true/false), got "maybe"'],
    // A word that is not a number is shown as given (yargs makes it NaN).
    [["mc", S, "--runs", "abc"], '--runs must be a whole number ≥ 1, got "abc"'],
    [["mc", S, "--runs=x1"], '--runs must be a whole number ≥ 1, got "x1"'],
    // A number past float64 is shown as given too, not as JavaScript's Infinity.
    [["mc", S, "--runs", "1e309"], '--runs must be a whole number ≥ 1, got "1e309"'],
    [
      ["mc", S, "--runs", "10", "--workers", "two"],
      '--workers must be a whole number from 1 to 256, got "two"',
    ],
    [["run", S, "--run", "zz"], '--run must be a whole number ≥ 0, got "zz"'],
    // Digits past 2^53 − 1 are shown as typed, not as the double yargs rounded them to (…992);
    // cli.test.ts holds --runs to the same.
    [
      ["run", S, "--run=9007199254740993"],
      "--run must be a whole number ≥ 0, got 9007199254740993 (at most 2^53 − 1 = 9007199254740991)",
    ],
    [
      ["sweep", S, "--set", "spec.backoffLimit=1..2", "--target", "abc"],
      '--target must be a probability strictly between 0 and 1, got "abc"',
    ],
  ])("%j", (args, message) => {
    const r = jobsim(...args);
    expect(r.stderr).toBe(`jobsim: ${message}\n`);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(".").filter((f) => f.startsWith("index.html") || f.includes(".tmp-"))).toEqual([]);
  });

  it("help: -h, --help and `help COMMAND` print the same help", () => {
    const help = jobsim("mc", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^jobsim mc <scenario>\n/);
    for (const args of [
      ["mc", "-h"],
      ["help", "mc"],
    ]) {
      const r = jobsim(...args);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(help.stdout);
    }
    expect(jobsim("help").stdout).toBe(jobsim("--help").stdout);
    const unknown = jobsim("help", "frob");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(jobsim("frob").stderr);
    expect(jobsim("-h").stdout).toBe(jobsim("--help").stdout);
  });

  it("an unknown command is named, with the nearest one", () => {
    const r = jobsim("frob");
    expect(r.stderr).toBe(
      "jobsim: Unknown command: frob. Did you mean run?\nRun 'jobsim --help' for usage.\n",
    );
    expect(r.status).toBe(2);
  });
});

describe("a report's files are put in place together or not at all", () => {
  it("a directory where a report file goes is refused before the runs, and no CSV appears", () => {
    const dir = tmp();
    const report = join(dir, "report");
    mkdirSync(join(report, "report.json"), { recursive: true });
    const csv = join(dir, "runs.csv");
    const r = jobsim("mc", S, "--runs", "20", "--csv", csv, "--report", report);
    expect(r.stderr).toBe(
      `jobsim: --report ${report}: ${join(report, "report.json")} is a directory, expected room for a file\n`,
    );
    expect(r.status).toBe(1);
    expect(readdirSync(dir).sort()).toEqual(["report"]);
    expect(readdirSync(report)).toEqual(["report.json"]);
  });

  it("StagedOutputs: a file that cannot be staged discards the ones before it", () => {
    const dir = tmp();
    writeFileSync(join(dir, "blocker"), "");
    const outputs = new StagedOutputs();
    outputs.stage(join(dir, "first.txt"), "one\n");
    expect(() => outputs.stage(join(dir, "blocker", "second.txt"), "two\n")).toThrow(
      `cannot create directory ${join(dir, "blocker")}: a file is in the way`,
    );
    outputs.discard();
    expect(readdirSync(dir)).toEqual(["blocker"]);
  });

  it("StagedOutputs: commit puts every staged file in place and leaves no temporary", () => {
    const dir = tmp();
    const outputs = new StagedOutputs();
    outputs.stage(join(dir, "a", "one.txt"), "one\n");
    const partial = outputs.open(join(dir, "two.csv"), "header\n");
    writeFileSync(partial, "header\nrow\n");
    expect(existsSync(join(dir, "two.csv"))).toBe(false);
    outputs.commit();
    expect(readdirSync(dir).sort()).toEqual(["a", "two.csv"]);
    expect(readdirSync(join(dir, "a"))).toEqual(["one.txt"]);
  });
});

describe("an interrupted run leaves no temporary files", () => {
  // One worker runs in the main thread: it must give the signal a turn between blocks, or it
  // would only be handled after the last of the 50 million runs (and the outputs committed).
  it.each([
    ["SIGINT", 130, "2", ".part"],
    ["SIGTERM", 143, "2", ".part"],
    ["SIGINT", 130, "1", ".tmp"],
    ["SIGHUP", 129, "1", ".tmp"],
    ["SIGQUIT", 131, "2", ".part"],
  ] as const)(
    "%s during mc --csv: exit %d (--workers %s), the directory is empty",
    async (signal, status, workers, writing) => {
      const dir = tmp();
      const csv = join(dir, "runs.csv");
      const child = spawn(
        process.execPath,
        [CLI, "mc", S, "--runs", "50000000", "--workers", workers, "--csv", csv, "--report", join(dir, "r")],
        {
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (d) => {
        stderr += d;
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      // Wait (by condition, not by time) until the runs are writing their CSV rows.
      while (!readdirSync(dir).some((f) => f.includes(writing))) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      expect(await exited).toBe(status);
      expect(readdirSync(dir)).toEqual([]);
      noStackTrace(stderr);
    },
    60_000,
  );
});

describe("usage in jobsim's words", () => {
  it.each([
    [["merge"], "jobsim: merge needs the shards' JSON files: jobsim merge SHARD.json...\n"],
    [["mc"], "jobsim: mc needs a scenario file: jobsim mc SCENARIO.yaml\n"],
    [["run"], "jobsim: run needs a scenario file: jobsim run SCENARIO.yaml\n"],
    [["validate"], "jobsim: validate needs the files to check: jobsim validate FILE...\n"],
  ])("%j with nothing to work on", (args, first) => {
    const r = jobsim(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${first}Run 'jobsim --help' for usage.\n`);
  });

  it("--csv - is standard output", () => {
    const dash = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "5", "--csv", "-");
    const dev = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "5", "--csv", "/dev/stdout");
    expect(dash.status).toBe(0);
    expect(dash.stdout).toContain("run,job,outcome,reason,durationSeconds");
    expect(dash.stdout).toBe(dev.stdout);
    // Standard output holds the rows alone; the text report goes to stderr.
    expect(dash.stdout.split("\n")[0]).toBe(
      "run,job,outcome,reason,durationSeconds,pods,failedPods,podSeconds,wastedPodSeconds",
    );
    expect(dash.stdout).not.toContain("jobsim mc:");
    expect(dash.stderr).toContain("jobsim mc: flaky-job, seed 7, 5 runs");
  });

  it("run --trace -: standard output holds the trace alone, the transcript goes to stderr", () => {
    const r = jobsim("run", "scenarios/flaky-job.yaml", "--trace", "-");
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(JSON.parse(line)).toHaveProperty("type");
    expect(r.stderr.split("\n")[0]).toBe("$ kubectl apply -f job.yaml");
    expect(r.stderr).toContain("job.batch/example-job condition met");
  });

  it("mc --emit-job -: standard output holds the manifest alone (for | kubectl apply -f -), the note goes to stderr", () => {
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "1000", "--emit-job", "-");
    expect(r.status).toBe(0);
    const docs = parseAllDocuments(r.stdout);
    expect(docs.every((d) => d.errors.length === 0)).toBe(true);
    expect(docs.map((d) => d.get("kind"))).toContain("Job");
    expect(r.stdout).not.toContain("wrote ");
    expect(r.stderr).toContain("wrote /dev/stdout: an Indexed Job running the 1,000 runs");
  });

  it("--csv - with a JSON report on standard output too (--json, --shard) is refused before any work", () => {
    for (const extra of [["--json"], ["--shard", "1/2"]]) {
      const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "5", "--csv", "-", ...extra);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `jobsim: --csv writes the rows to standard output, where ${extra[0]} writes its JSON: give --csv a file\n`,
      );
    }
  });

  it("sweep --csv -: the rows alone on standard output, the table on stderr", () => {
    const r = jobsim(
      "sweep",
      "scenarios/flaky-job.yaml",
      "--set",
      "spec.backoffLimit=0..1",
      "--runs",
      "50",
      "--csv",
      "-",
    );
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n")[0]).toMatch(/^spec\.backoffLimit,runs,complete,/);
    expect(r.stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(r.stderr).toContain("spec.backoffLimit");
  });

  it("--emit-job with --workers is refused: each pod runs one shard", () => {
    const r = jobsim(
      "mc",
      "scenarios/flaky-job.yaml",
      "--runs",
      "10",
      "--workers",
      "2",
      "--emit-job",
      "x.yaml",
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "jobsim: --emit-job writes a Job manifest and runs nothing here: it cannot be combined with --workers\n",
    );
  });
});

describe("--csv - into standard output redirected to a file", () => {
  it("keeps every row, and the file holds the CSV alone (the report goes to stderr)", () => {
    const dir = tmp();
    const out = join(dir, "out.txt");
    const r = spawnSync(
      "bash",
      [
        "-c",
        `'${process.execPath}' '${CLI}' mc '${join(process.cwd(), "scenarios/flaky-job.yaml")}' --runs 200 --csv - > '${out}'`,
      ],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.match(/^run,job,outcome,reason,durationSeconds/gm)).toHaveLength(1);
    expect(text.match(/^\d+,example-job,/gm)).toHaveLength(200);
    expect(text.trimEnd().split("\n")).toHaveLength(201);
    expect(r.stderr).toContain("jobsim mc: flaky-job, seed 7, 200 runs");
  });
});
