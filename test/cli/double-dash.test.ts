import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, noStackTrace, tmp } from "../helpers/cli.js";

/**
 * `--` ends the options, as it does for getopt and for kubectl (cobra): the words after it are
 * operands, even those that start with a dash. yargs leaves them out of a command's positionals,
 * so `jobsim validate a.yaml -- b.yaml` checked a.yaml alone and exited 0.
 */

const TUTORIAL = readFileSync("scenarios/flaky-job.yaml", "utf8");

function jobsimIn(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("-- before the operands", () => {
  const dir = tmp();
  writeFileSync(join(dir, "-dash.yaml"), TUTORIAL);
  writeFileSync(join(dir, "-broken.yaml"), TUTORIAL.replace("probability: 0.4,", "probability: 1.5,"));
  writeFileSync(join(dir, "ok.yaml"), TUTORIAL);

  it("validate checks every file after it, one that starts with a dash too", () => {
    const r = jobsimIn(dir, "validate", "ok.yaml", "--", "-broken.yaml");
    expect(r.stdout).toBe('ok.yaml: valid scenario "flaky-job" (9 steps, 1 Job manifest)\n');
    expect(r.stderr).toContain(
      "./-broken.yaml: images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability: probability 1.5 is not in [0, 1]",
    );
    expect(r.status).toBe(1);
    noStackTrace(r.stderr);
  });

  it("run and mc take a scenario whose name starts with a dash", () => {
    const run = jobsimIn(dir, "run", "--", "-dash.yaml");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("job.batch/example-job created\n");
    const mc = jobsimIn(dir, "mc", "--runs", "20", "--", "-dash.yaml");
    expect(mc.status).toBe(0);
    expect(mc.stdout).toContain("(replay one: jobsim run ./-dash.yaml --seed 7 --run N)");
  });

  it("an option after it is an operand too: one too many, not silently dropped", () => {
    const r = jobsimIn(dir, "mc", "ok.yaml", "--runs", "20", "--", "--seed", "9");
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("jobsim: Unknown arguments: ./--seed, 9\nRun 'jobsim --help' for usage.\n");
    expect(r.status).toBe(2);
  });
});
