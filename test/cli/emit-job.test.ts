import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { shellQuote } from "../../src/cli/emit-job.js";
import { CLI, jobsim, tmp } from "../helpers/cli.js";

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

describe("the emitted Indexed Job, run shard by shard", () => {
  it("gives the one-process report after jobsim merge", () => {
    const dir = tmp();
    const seed = `x$HOME"'\`y`;
    const manifest = join(dir, "mc-job.yaml");
    const emitted = jobsim(
      "mc",
      S,
      "--runs",
      "3000",
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

    // The pod's world: the ConfigMap mounted at /scenario (here under dir), jobsim on the PATH.
    const mount = join(dir, "scenario");
    mkdirSync(mount);
    for (const [key, text] of Object.entries(configMap.data as Record<string, string>))
      writeFileSync(join(mount, key), text);
    const bin = join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "jobsim"), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(join(bin, "jobsim"), 0o755);
    const [sh, flag, script] = job.spec.template.spec.containers[0].command as string[];
    const shards: string[] = [];
    for (let index = 0; index < 3; index++) {
      const r = spawnSync(sh, [flag, script.replace("/scenario/", `${mount}/`)], {
        encoding: "utf8",
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, JOB_COMPLETION_INDEX: String(index) },
      });
      expect(r.stderr).toBe("");
      const shard = join(dir, `shard-${index}.json`);
      writeFileSync(shard, r.stdout);
      shards.push(shard);
    }
    const merged = jobsim("merge", ...shards);
    expect(merged.status).toBe(0);
    const whole = jobsim("mc", S, "--runs", "3000", "--seed", seed, "--json");
    expect(JSON.parse(whole.stdout).seed).toBe(seed);
    expect(merged.stdout).toBe(whole.stdout);
  });
});
