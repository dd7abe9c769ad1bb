import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, jobsim, noStackTrace, tmp, tutorialReadingManifest } from "../helpers/cli.js";

/**
 * Output paths are checked before any run: none may be an input, no two may be the same file
 * (or a file and a directory at once); a directory made for an output that never arrived is
 * removed again; a write to a full standard output is one line, not a stack trace.
 */

const SCENARIO = "scenarios/flaky-job.yaml";

describe("outputs that would clash", () => {
  it("an output over the scenario file is refused, and the scenario kept", () => {
    const dir = tmp();
    const victim = join(dir, "victim.yaml");
    copyFileSync(SCENARIO, victim);
    for (const args of [
      ["mc", victim, "--runs", "10", "--csv", victim],
      ["sweep", victim, "--set", "spec.backoffLimit=0..1", "--runs", "10", "--csv", victim],
      ["run", victim, "--trace", victim],
    ]) {
      const r = jobsim(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `jobsim: ${args[args.length - 2]} ${victim} is the input file ${victim}: refusing to overwrite it\n`,
      );
    }
    expect(readFileSync(victim, "utf8")).toBe(readFileSync(SCENARIO, "utf8"));
  });

  it("an output over a manifest the scenario reads from disk is refused, and the manifest kept", () => {
    const dir = tmp();
    const { scenario, manifest } = tutorialReadingManifest(dir, "m/job.yaml");
    const victim = join(dir, "sc", "m", "job.yaml");
    for (const [args, option] of [
      [["mc", scenario, "--runs", "10", "--csv", victim], "--csv"],
      [["mc", scenario, "--runs", "10", "--emit-job", victim], "--emit-job"],
      [["sweep", scenario, "--set", "spec.backoffLimit=0..1", "--runs", "10", "--csv", victim], "--csv"],
      [["run", scenario, "--trace", victim], "--trace"],
    ] as const) {
      const r = jobsim(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(
        `jobsim: ${option} ${victim} is the input file ${victim}: refusing to overwrite it\n`,
      );
    }
    expect(readFileSync(victim, "utf8")).toBe(manifest);
  });

  it.each([
    [
      ["mc", SCENARIO, "--runs", "10", "--csv", "R/report.json", "--report", "R"],
      "--csv and --report R both write R/report.json",
    ],
    [
      [
        "sweep",
        SCENARIO,
        "--set",
        "spec.backoffLimit=0..1",
        "--runs",
        "10",
        "--csv",
        "R/sweep.csv",
        "--report",
        "R",
      ],
      "--csv and --report R both write R/sweep.csv",
    ],
    [
      ["run", SCENARIO, "--trace", "t.html", "--timeline", "t.html"],
      "--trace and --timeline both write t.html",
    ],
  ])("two outputs on one file: %j", (args, message) => {
    const dir = tmp();
    const r = spawnSync(
      process.execPath,
      [CLI, ...args.map((a) => (a === SCENARIO ? join(process.cwd(), a) : a))],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`jobsim: ${message}: give them different files\n`);
    expect(existsSync(join(dir, "R"))).toBe(false);
    expect(existsSync(join(dir, "t.html"))).toBe(false);
  });

  it("a file and a directory at once", () => {
    const dir = tmp();
    const r = jobsim("mc", SCENARIO, "--runs", "10", "--csv", join(dir, "a"), "--report", join(dir, "a"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/as a file and a directory at once/);
    expect(existsSync(join(dir, "a"))).toBe(false);
  });
});

describe("directories made for outputs", () => {
  it("an interrupt removes the directories it made and what it staged there", async () => {
    const dir = tmp();
    const csv = join(dir, "new", "sub", "runs.csv");
    const child = spawn(process.execPath, [CLI, "mc", SCENARIO, "--runs", "5000000", "--csv", csv]);
    // Interrupt once the run is under way (its staged CSV exists): waited for by condition,
    // up to 30 s on a loaded machine.
    for (let i = 0; i < 1200 && !existsSync(join(dir, "new", "sub")); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(join(dir, "new", "sub"))).toBe(true);
    child.kill("SIGINT");
    const status = await new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    expect(status).toBe(130);
    expect(existsSync(join(dir, "new"))).toBe(false);
  }, 60_000);

  it("a finished run keeps them", () => {
    const dir = tmp();
    const csv = join(dir, "kept", "runs.csv");
    expect(jobsim("mc", SCENARIO, "--runs", "10", "--csv", csv).status).toBe(0);
    expect(existsSync(csv)).toBe(true);
  });
});

describe("outputs that cannot be written are refused before any run", () => {
  // /proc takes no new files or directories, even for root (Node's recursive mkdir used to
  // loop there for ever: the kernel answers ENOENT and EEXIST by turns).
  const procfs = existsSync("/proc/self");
  it.skipIf(!procfs).each([
    [["mc", SCENARIO, "--runs", "1000000", "--report", "/proc"], "--report /proc: cannot write in /proc"],
    [
      ["mc", SCENARIO, "--runs", "1000000", "--report", "/proc/jobsim-rep"],
      "--report /proc/jobsim-rep: cannot write in /proc",
    ],
    [
      ["mc", SCENARIO, "--runs", "1000000", "--csv", "/proc/jobsim/x.csv"],
      "--csv /proc/jobsim/x.csv: cannot write in /proc",
    ],
    [
      ["run", SCENARIO, "--trace", "/proc/jobsim/t.jsonl"],
      "--trace /proc/jobsim/t.jsonl: cannot write in /proc",
    ],
  ])("%j", (args, message) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(new RegExp(`^jobsim: ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
    noStackTrace(r.stderr);
  });

  it("a relative link is read from the link's real directory, as the kernel reads it", () => {
    const dir = tmp();
    mkdirSync(join(dir, "a", "b"), { recursive: true });
    symlinkSync("a/b", join(dir, "d"));
    symlinkSync("../target.csv", join(dir, "a", "b", "out.csv"));
    expect(jobsim("mc", SCENARIO, "--runs", "5", "--csv", join(dir, "d", "out.csv")).status).toBe(0);
    expect(existsSync(join(dir, "a", "target.csv"))).toBe(true);
    expect(existsSync(join(dir, "target.csv"))).toBe(false);
  });

  it("two dangling links to one file are two outputs on one file; links in a loop are refused", () => {
    const dir = tmp();
    symlinkSync("t.svg", join(dir, "l1"));
    symlinkSync("t.svg", join(dir, "l2.svg"));
    const both = jobsim("run", SCENARIO, "--trace", join(dir, "l1"), "--timeline", join(dir, "l2.svg"));
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(
      `jobsim: --trace and --timeline both write ${join(dir, "l2.svg")}: give them different files\n`,
    );
    symlinkSync("lpb", join(dir, "lpa"));
    symlinkSync("lpa", join(dir, "lpb"));
    const loop = jobsim("mc", SCENARIO, "--runs", "10", "--csv", join(dir, "lpa"));
    expect(loop.status).toBe(1);
    expect(loop.stderr).toBe(`jobsim: --csv ${join(dir, "lpa")}: too many levels of symbolic links\n`);
    expect(lstatSync(join(dir, "lpa")).isSymbolicLink()).toBe(true);
  });

  it("a link into a directory that cannot be made is refused before the runs", () => {
    const dir = tmp();
    symlinkSync("/proc/jobsim-nope/t.csv", join(dir, "t.csv"));
    const r = jobsim("mc", SCENARIO, "--runs", "1000000", "--csv", join(dir, "t.csv"));
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `jobsim: --csv ${join(dir, "t.csv")}: cannot write in /proc: it takes no new files\n`,
    );
  });

  it("a dangling symbolic link stays a link: the file is made where it points", () => {
    const dir = tmp();
    const link = join(dir, "runs.csv");
    symlinkSync("target.csv", link);
    expect(jobsim("mc", SCENARIO, "--runs", "5", "--csv", link).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "target.csv"), "utf8").split("\n")).toHaveLength(7); // header, 5 rows, ""
  });
});

describe("usage slips", () => {
  it.each([
    [["mc", SCENARIO, "--runs"], "--runs needs a number"],
    [["mc", SCENARIO, "--runs", "--json"], "--runs needs a number"],
    [["mc", SCENARIO, "--runs", ""], "--runs needs a number"],
    [["mc", SCENARIO, "--runs", "10", "--workers"], "--workers needs a number"],
    [["sweep", SCENARIO, "--set", "spec.backoffLimit=0..2", "--target"], "--target needs a number"],
    [["run", SCENARIO, "--run"], "--run needs a number"],
    [["mc", SCENARIO, "--runs", "10", "--json", "--json"], "--json is given 2 times: give it once"],
    [
      ["mc", SCENARIO, "--runs", "10", "--image", "x"],
      "--image sets the container image of --emit-job's Job: give --emit-job FILE too",
    ],
  ])("%j", (args, message) => {
    const r = jobsim(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`jobsim: ${message}\n`);
  });
});

describe("a standard output that cannot be written", () => {
  it.skipIf(!existsSync("/dev/full"))("is one line and status 1", () => {
    const r = spawnSync(process.execPath, [CLI, "mc", SCENARIO, "--runs", "10"], {
      stdio: ["ignore", openSync("/dev/full", "w"), "pipe"],
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("jobsim: cannot write the output: no space left on the device\n");
    noStackTrace(r.stderr);
  });
});

describe("a CSV the file system takes only part of (a full disk, a file-size limit)", () => {
  // Under `ulimit -f` a write past the limit is cut short and the next one fails (EFBIG; Node
  // ignores SIGXFSZ): a block's rows written by one short write must not end as a truncated CSV
  // put in place with status 0 — in this thread, in a worker's part, or when the workers' parts
  // are joined. (When both workers' parts are cut short, the second worker's error used to
  // unref its thread while the pool was closing, and the process could end with status 0 and
  // nothing reported: test/analysis/worker-pool-close.test.ts pins that order of messages.)
  it.each([
    ["one thread, one block", 100, ["--runs", "4096"]],
    ["two workers, the parts joined", 300, ["--runs", "8192", "--workers", "2"]],
    ["two workers, a part cut short", 100, ["--runs", "8192", "--workers", "2"]],
  ])("%s: status 1, one line, no file", (_, kib, args) => {
    const dir = tmp();
    const csv = join(dir, "runs.csv");
    const command = [process.execPath, CLI, "mc", join(process.cwd(), SCENARIO), ...args, "--csv", csv]
      .map((a) => `'${a}'`)
      .join(" ");
    const r = spawnSync("bash", ["-c", `ulimit -f ${kib}; ${command} >/dev/null`], { encoding: "utf8" });
    expect([r.status, r.signal, r.stderr]).toEqual([
      1,
      null,
      "jobsim: cannot write the output: file too large\n",
    ]);
    expect(r.status).toBe(1);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("an output written into a pipe whose reader stops (| head)", () => {
  const scenario = join(process.cwd(), SCENARIO);
  it.each([
    [["mc", scenario, "--runs", "20000", "--csv", "/dev/stdout"]],
    [["run", scenario, "--trace", "/dev/stdout"]],
  ])("%j stops quietly with status 0", (args) => {
    const command = [process.execPath, CLI, ...args].map((a) => `'${a}'`).join(" ");
    const r = spawnSync(
      "bash",
      ["-c", `${command} 2>err.txt | head -c 1 >/dev/null; echo \${PIPESTATUS[0]}; cat err.txt`],
      {
        encoding: "utf8",
        cwd: tmp(),
      },
    );
    const [status, ...stderr] = r.stdout.split("\n");
    expect(status).toBe("0");
    expect(stderr.join("\n")).not.toContain("jobsim:");
  });
});
