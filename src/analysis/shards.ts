import { createHash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import type { Scenario } from "../scenario/load.js";
import { JobStats, type JobStatsJSON } from "./accumulators.js";
import type { ClosedForm } from "./closed-form.js";
import { BLOCK_RUNS, Fingerprint } from "./fingerprint.js";
import { type McReport, mcReport } from "./report.js";

/**
 * A short digest of what a scenario runs, for telling shards of different scenarios apart: the
 * scenario file's text, then each manifest it reads from beside it (name and text), since a
 * manifest edited between two shards changes the runs as much as the scenario file would.
 * (A scenario with every manifest under files: digests as its file's bytes alone.)
 */
export function scenarioDigest(scenario: Pick<Scenario, "text" | "filesOnDisk" | "manifests">): string {
  const hash = createHash("sha256").update(scenario.text);
  for (const name of scenario.filesOnDisk)
    hash.update(`\u0000${name}\u0000${scenario.manifests.get(name)?.text ?? ""}`);
  return hash.digest("hex").slice(0, 16);
}

/**
 * Shards: `mc --shard i/n` runs the i-th of n block-aligned slices of the runs and writes its
 * raw state; `merge` adds the states and produces exactly the one-process report.
 */

export interface ShardSpec {
  index: number;
  count: number;
}

export function parseShard(text: string): ShardSpec | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard ${text}: expected i/n, e.g. 1/4`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return `--shard ${text}: n, the number of shards, must be at least 1`;
  if (index < 1 || index > count)
    return `--shard ${text}: i must be between 1 and n (shards are numbered 1/${count} to ${count}/${count})`;
  return { index, count };
}

/** The runs of shard i/n of `runs`: whole blocks, in order. */
export function shardRange(runs: number, s: ShardSpec): [number, number] {
  const blocks = Math.ceil(runs / BLOCK_RUNS);
  const a = Math.floor(((s.index - 1) * blocks) / s.count) * BLOCK_RUNS;
  const b = Math.min(runs, Math.floor((s.index * blocks) / s.count) * BLOCK_RUNS);
  return [Math.min(a, runs), Math.max(Math.min(a, runs), b)];
}

export interface ShardFile {
  jobsimShard: 1;
  scenario: string;
  /** What the scenario runs, digested (scenarioDigest): shards of different scenarios never merge. */
  scenarioDigest: string;
  seed: number | string;
  runs: number;
  shard: { index: number; count: number; from: number; to: number };
  jobKeys: string[];
  closedForms: (ClosedForm | string)[];
  stats: JobStatsJSON[];
  lanes: number[];
}

export function shardFile(
  scenario: string,
  scenarioDigest: string,
  seed: number | string,
  runs: number,
  spec: ShardSpec,
  range: [number, number],
  keys: readonly string[],
  closed: (ClosedForm | string)[],
  stats: JobStats[],
  fp: Fingerprint,
): ShardFile {
  return {
    jobsimShard: 1,
    scenario,
    scenarioDigest,
    seed,
    runs,
    shard: { index: spec.index, count: spec.count, from: range[0], to: range[1] },
    jobKeys: [...keys],
    closedForms: closed,
    stats: stats.map((s) => s.toJSON()),
    lanes: Array.from(fp.lanes),
  };
}

/** Merges a complete set of shards; throws Error with a clear message otherwise. */
export function mergeShards(files: { name: string; shard: ShardFile }[]): McReport {
  if (files.length === 0) throw new Error("no shard files given");
  const first = files[0].shard;
  const seen = new Map<number, string>();
  for (const { name, shard } of files) {
    if (shard.jobsimShard !== 1)
      throw new Error(`${name}: not a jobsim shard file (write one with mc --shard i/n --json)`);
    for (const k of ["scenario", "seed", "runs"] as const) {
      if (shard[k] !== first[k])
        throw new Error(
          `${name}: ${k} ${JSON.stringify(shard[k])} differs from ${files[0].name}'s ${JSON.stringify(first[k])}`,
        );
    }
    if (shard.scenarioDigest !== first.scenarioDigest)
      throw new Error(
        `${name}: its scenario differs from ${files[0].name}'s — the scenario file or a manifest it reads from beside it (digest ${shard.scenarioDigest}, not ${first.scenarioDigest}): run every shard on the same files`,
      );
    if (shard.shard.count !== first.shard.count)
      throw new Error(
        `${name}: shard ${shard.shard.index}/${shard.shard.count} is not one of ${first.shard.count} shards`,
      );
    if (JSON.stringify(shard.jobKeys) !== JSON.stringify(first.jobKeys))
      throw new Error(`${name}: its Jobs differ from ${files[0].name}'s`);
    // The closed forms are computed from the scenario alone, not from a shard's runs: every
    // shard of one computation writes the same ones. The merge reports the first file's, so
    // shards that disagree would make the report depend on the order of the files.
    const j = shard.jobKeys.findIndex(
      (_, i) => !isDeepStrictEqual(shard.closedForms[i], first.closedForms[i]),
    );
    if (j >= 0)
      throw new Error(
        `${name}: its closed form of ${shard.jobKeys[j]} differs from ${files[0].name}'s, which the same scenario cannot give (a shard file edited, or written by another version of jobsim): run every shard with the same jobsim on the same files`,
      );
    if (seen.has(shard.shard.index))
      throw new Error(
        `${name}: shard ${shard.shard.index}/${shard.shard.count} given twice (also ${seen.get(shard.shard.index)})`,
      );
    seen.set(shard.shard.index, name);
  }
  const missing: number[] = [];
  for (let i = 1; i <= first.shard.count; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length > 0)
    throw new Error(
      `missing shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${first.shard.count}`).join(", ")}`,
    );
  const stats = first.jobKeys.map(() => new JobStats());
  const fp = new Fingerprint();
  for (const { shard } of files) {
    shard.stats.forEach((s, j) => {
      stats[j].merge(JobStats.fromJSON(s));
    });
    const f = new Fingerprint();
    f.lanes.set(shard.lanes);
    fp.merge(f);
  }
  return mcReport(first.scenario, first.seed, first.runs, first.jobKeys, stats, fp, first.closedForms);
}
