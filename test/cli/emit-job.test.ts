import { spawnSync } from "node:child_process";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { shellQuote } from "../../src/cli/emit-job.js";
import { CLI, jobsim, tmp, tutorialReadingManifest } from "../helpers/cli.js";

/**
 * `mc --emit-job`: the manifest is an Indexed Job, and its pods' command, run here by `sh`
 * with JOB_COMPLETION_INDEX = 0..n-1 as the Job controller sets it, prints shards that
 * `jobsim merge` turns into the one-process report byte for byte — even for a seed full of
 * characters a shell would expand.
 */

const S = "scenarios/flaky-job.yaml";

describe("shellQuote", () => {
  it.each([
    ["42", "'42'"],
    ['a$b"c', `'a$b"c'`],
    ["it's", `'it'\\''s'`],
    ["$(rm -rf /)", "'$(rm -rf /)'"],
  ])("%s → %s, which sh reads back unchanged", (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
    const echoed = spawnSync("sh", ["-c", `printf %s ${quoted}`], { encoding: "utf8" });
    expect(echoed.stdout).toBe(word);
  });
});

/**
 * The pods' world: the ConfigMap mounted at /scenario (here under dir; its volume's items, if
 * any, place keys at paths), jobsim on the PATH; runs index 0..n-1 and returns the shard files.
 */
// biome-ignore lint/suspicious/noExplicitAny: emitted manifests, read as plain data
function runIndexes(dir: string, configMap: any, job: any, count: number): string[] {
  const mount = join(dir, "scenario");
  mkdirSync(mount);
  const data = configMap.data as Record<string, string>;
  const items = (job.spec.template.spec.volumes[0].configMap.items ??
    Object.keys(data).map((key) => ({ key, path: key }))) as {
    key: string;
    path: string;
  }[];
  for (const { key, path } of items) {
    mkdirSync(dirname(join(mount, path)), { recursive: true });
    writeFileSync(join(mount, path), data[key]);
  }
  const bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "jobsim"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(join(bin, "jobsim"), 0o755);
  const [sh, flag, script] = job.spec.template.spec.containers[0].command as string[];
  const shards: string[] = [];
  for (let index = 0; index < count; index++) {
    // The container's log, which `kubectl logs` returns, is its stdout and stderr as one stream;
    // the kubelet gives each container a file at /dev/termination-log (terminationMessagePath).
    const shard = join(dir, `shard-${index}.json`);
    const terminationLog = join(dir, `termination-log-${index}`);
    writeFileSync(terminationLog, "");
    const log = openSync(shard, "w");
    const r = spawnSync(
      sh,
      [flag, script.replace("/scenario/", `${mount}/`).replaceAll("/dev/termination-log", terminationLog)],
      {
        stdio: ["ignore", log, log],
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, JOB_COMPLETION_INDEX: String(index) },
      },
    );
    closeSync(log);
    expect(r.status).toBe(0);
    terminationMessages.push(readFileSync(terminationLog, "utf8"));
    shards.push(shard);
  }
  return shards;
}

/** What each pod run by runIndexes left in its termination log, in order. */
const terminationMessages: string[] = [];

describe("the emitted Indexed Job, run shard by shard", () => {
  it("gives the one-process report after jobsim merge", () => {
    const dir = tmp();
    const seed = `x$HOME"'\`y`;
    const manifest = join(dir, "mc-job.yaml");
    const emitted = jobsim(
      "mc",
      S,
      "--runs",
      "9000",
      "--seed",
      seed,
      "--emit-job",
      manifest,
      "--shards",
      "3",
    );
    expect(emitted.stderr).toBe("");
    expect(emitted.status).toBe(0);
    const [configMap, job] = parseAllDocuments(readFileSync(manifest, "utf8")).map((d) => d.toJS());
    expect(configMap.kind).toBe("ConfigMap");
    expect(job.kind).toBe("Job");
    // (jobsim's own validator refuses Indexed Jobs: it does not simulate them yet.)
    expect(job.spec).toMatchObject({ completionMode: "Indexed", completions: 3, parallelism: 3 });
    expect(job.spec.template.spec.restartPolicy).toBe("Never");
    expect(job.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);

    const shards = runIndexes(dir, configMap, job, 3);
    const merged = jobsim("merge", ...shards);
    expect(merged.status).toBe(0);
    const whole = jobsim("mc", S, "--runs", "9000", "--seed", seed, "--json");
    expect(JSON.parse(whole.stdout).seed).toBe(seed);
    expect(merged.stdout).toBe(whole.stdout);
  });
});

describe("a shard's notes", () => {
  it("stay out of the pod's log, which kubectl logs returns as the shard file", () => {
    // A step deleting Jobs and pods together: mc notes on stderr that it is not replayed.
    const dir = tmp();
    const scenario = join(dir, "note.yaml");
    writeFileSync(
      scenario,
      readFileSync(S, "utf8").replace("kubectl delete jobs example-job", "kubectl delete jobs,pods --all"),
    );
    const manifest = join(dir, "mc-job.yaml");
    expect(jobsim("mc", scenario, "--runs", "5000", "--emit-job", manifest, "--shards", "2").status).toBe(0);
    const [configMap, job] = parseAllDocuments(readFileSync(manifest, "utf8")).map((d) => d.toJS());
    terminationMessages.length = 0;
    const merged = jobsim("merge", ...runIndexes(dir, configMap, job, 2));
    expect(merged.stderr).toBe("");
    expect(merged.stdout).toBe(jobsim("mc", scenario, "--runs", "5000", "--json").stdout);
    // The note is still there to read, in the pod's status (kubectl describe pod: Message).
    for (const m of terminationMessages) expect(m).toContain("Monte Carlo does not replay deletes of Jobs");
  });
});

describe("a scenario that reads its manifest from beside it", () => {
  const outside = (dir: string, path: string) => tutorialReadingManifest(dir, path).scenario;

  it("carries the manifest in the ConfigMap, placed where the steps name it", () => {
    const dir = tmp();
    const scenario = outside(dir, "manifests/job.yaml");
    const manifest = join(dir, "mc-job.yaml");
    const emitted = jobsim("mc", scenario, "--runs", "5000", "--emit-job", manifest, "--shards", "2");
    expect(emitted.stderr).toBe("");
    expect(emitted.status).toBe(0);
    const [configMap, job] = parseAllDocuments(readFileSync(manifest, "utf8")).map((d) => d.toJS());
    expect(Object.keys(configMap.data)).toEqual(["outside.yaml", "manifests-job.yaml"]);
    expect(job.spec.template.spec.volumes[0].configMap.items).toEqual([
      { key: "outside.yaml", path: "outside.yaml" },
      { key: "manifests-job.yaml", path: "manifests/job.yaml" },
    ]);
    const merged = jobsim("merge", ...runIndexes(dir, configMap, job, 2));
    expect(merged.stderr).toBe("");
    expect(merged.stdout).toBe(jobsim("mc", scenario, "--runs", "5000", "--json").stdout);
  });

  it("is refused when the manifest lies outside the scenario's directory", () => {
    const dir = tmp();
    const scenario = outside(dir, "../job.yaml");
    const manifest = join(dir, "mc-job.yaml");
    const r = jobsim("mc", scenario, "--runs", "3000", "--emit-job", manifest);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      'jobsim: --emit-job: the scenario reads "../job.yaml", outside its own directory, which the Job\'s scenario volume cannot hold there: move the file beside the scenario or under files:\n',
    );
    expect(existsSync(manifest)).toBe(false);
  });
});

describe("--shards beyond the blocks of runs", () => {
  it("is refused before anything is written: those pods would get no runs", () => {
    const manifest = join(tmp(), "mc-job.yaml");
    const r = jobsim("mc", S, "--runs", "10000", "--emit-job", manifest, "--shards", "4");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      "jobsim: --shards 4: 10,000 runs make 3 block(s) of 4,096, the unit a shard takes; more than 3 shard(s) would leave pods with no runs\n",
    );
    expect(existsSync(manifest)).toBe(false);
  });
});

describe("--emit-job refuses a Job that could not work", () => {
  it("a scenario mc refuses: exit 1, no manifest (every pod would fail)", () => {
    const dir = tmp();
    const scenario = join(dir, "bad.yaml");
    // The manifest's text is a path, not a manifest: mc has nothing to simulate.
    writeFileSync(
      scenario,
      readFileSync(S, "utf8").replace(
        /\nfiles:\n[\s\S]*?\nsteps:/,
        "\nfiles:\n  job.yaml: m/job.yaml\nsteps:",
      ),
    );
    const out = join(dir, "job.yaml");
    const mc = jobsim("mc", scenario, "--runs", "1000");
    const r = jobsim("mc", scenario, "--runs", "1000", "--emit-job", out);
    expect(mc.status).toBe(1);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(mc.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it("more shards than an Indexed Job may have: the API server's own refusal, exit 2", () => {
    const out = join(tmp(), "job.yaml");
    const r = jobsim("mc", S, "--runs", "1000000000", "--shards", "200000", "--emit-job", out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "spec.parallelism: Invalid value: 200000: must be less than or equal to 100000 when completion mode is Indexed",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("the wait's timeout grows with the largest shard", () => {
    const out = join(tmp(), "job.yaml");
    expect(jobsim("mc", S, "--runs", "1000000000", "--shards", "10", "--emit-job", out).status).toBe(0);
    // 100,000,000 runs a shard at 25,000 runs/s is 4,000 s: 2 h.
    expect(readFileSync(out, "utf8")).toContain("--timeout=2h");
  });
});
