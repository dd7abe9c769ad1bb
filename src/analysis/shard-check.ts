import { OUTCOMES } from "./accumulators.js";
import { type ShardFile, shardRange } from "./shards.js";

/**
 * Checks that parsed JSON is a shard file as `mc --shard i/n` writes it, before merge trusts a
 * field: a file cut short, edited by hand or from another program is named with what is wrong,
 * never passed on to fail deep inside the merge with a JavaScript message. Counts must be
 * whole and not negative, the range must be the one shard i/n of the runs covers, and every Job
 * must have exactly one outcome per run of that range.
 */
export function checkShardFile(name: string, value: unknown): ShardFile {
  const fail = (what: string): never => {
    throw new Error(`${name}: not a jobsim shard file: ${what} (write one with jobsim mc --shard i/n)`);
  };
  if (!isRecord(value)) return fail("expected a JSON object");
  if (value.jobsimShard !== 1) fail('"jobsimShard": 1 is missing');
  if (typeof value.scenario !== "string") fail('"scenario" must be a string');
  if (typeof value.scenarioDigest !== "string") fail('"scenarioDigest" must be a string');
  if (!(typeof value.seed === "string" || Number.isSafeInteger(value.seed)))
    fail('"seed" must be a string or an integer');
  if (!isCount(value.runs) || value.runs === 0) fail('"runs" must be a whole number ≥ 1');
  const runs = value.runs as number;
  const shard = value.shard;
  if (!isRecord(shard) || !["index", "count", "from", "to"].every((k) => isCount(shard[k])))
    return fail('"shard" must hold whole numbers index, count, from and to');
  const { index, count, from, to } = shard as ShardFile["shard"];
  if (count < 1 || index < 1 || index > count) fail(`"shard" ${index}/${count} is not a shard i/n`);
  const [a, b] = shardRange(runs, { index, count });
  if (from !== a || to !== b)
    fail(`shard ${index}/${count} of ${runs} runs covers runs [${a}, ${b}), not [${from}, ${to})`);
  const keys = value.jobKeys;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "string"))
    return fail('"jobKeys" must be a list of names');
  for (const field of ["closedForms", "stats"] as const) {
    const list = value[field];
    if (!Array.isArray(list) || list.length !== keys.length)
      fail(`"${field}" must have one entry per Job (${keys.length})`);
  }
  (value.closedForms as unknown[]).forEach((c, j) => {
    const problem = closedFormProblem(c);
    if (problem !== null) fail(`closed form of ${keys[j]}: ${problem}`);
  });
  (value.stats as unknown[]).forEach((s, j) => {
    const problem = statsProblem(s, to - from);
    if (problem !== null) fail(`stats of ${keys[j]}: ${problem}`);
  });
  const lanes = value.lanes;
  if (!Array.isArray(lanes) || lanes.length !== 4 || !lanes.every((x) => isCount(x) && x < 2 ** 32))
    fail('"lanes" must be the fingerprint: four 32-bit whole numbers');
  return value as unknown as ShardFile;
}

const HISTOGRAMS = [
  "pods",
  "failedPods",
  "durationSeconds",
  "completeSeconds",
  "podSeconds",
  "wastedPodSeconds",
];

/** What is wrong with one Job's statistics over `runs` runs, or null. */
function statsProblem(s: unknown, runs: number): string | null {
  if (!isRecord(s)) return "expected an object";
  const outcomes = s.outcomes;
  if (!isRecord(outcomes)) return '"outcomes" must be an object';
  let total = 0;
  for (const [k, v] of Object.entries(outcomes)) {
    if (!(OUTCOMES as readonly string[]).includes(k)) return `unknown outcome "${k}"`;
    if (!isCount(v)) return `outcome ${k}: ${JSON.stringify(v)} is not a count`;
    total += v as number;
  }
  if (total !== runs) return `its outcomes count ${total} runs, the shard has ${runs}`;
  for (const field of ["reasons", "firstRuns"]) {
    const m = s[field];
    if (!isRecord(m) || !Object.values(m).every(isCount)) return `"${field}" must map names to whole numbers`;
  }
  const complete = (outcomes.Complete as number | undefined) ?? 0;
  const finished = complete + ((outcomes.Failed as number | undefined) ?? 0);
  for (const field of HISTOGRAMS) {
    const pairs = s[field];
    if (!Array.isArray(pairs)) return `"${field}" must be a list of [value, count] pairs`;
    let n = 0;
    for (const p of pairs) {
      if (!Array.isArray(p) || p.length !== 2 || !isCount(p[0]) || !isCount(p[1]) || p[1] === 0)
        return `"${field}": ${JSON.stringify(p)} is not a [value, count] pair`;
      n += p[1];
    }
    // Every run adds to the pods and pod-seconds histograms; a run that ended Complete or
    // Failed to durationSeconds, one that ended Complete also to completeSeconds (JobStats.add).
    const expected = field === "durationSeconds" ? finished : field === "completeSeconds" ? complete : runs;
    if (n !== expected)
      return field === "durationSeconds" || field === "completeSeconds"
        ? `"${field}" counts ${n} runs, its outcomes say ${expected}`
        : `"${field}" counts ${n} runs, the shard has ${runs}`;
  }
  // Only Complete and Failed runs have a reason (their condition's).
  const reasons = Object.values(s.reasons as Record<string, number>).reduce((a, b) => a + b, 0);
  if (reasons > finished)
    return `"reasons" count ${reasons} runs, more than the ${finished} that ended Complete or Failed`;
  return null;
}

/**
 * What is wrong with one Job's closed form (a ClosedForm, or the string saying why there is
 * none), or null. The report reads every field, so each is checked for its type here.
 */
function closedFormProblem(c: unknown): string | null {
  if (typeof c === "string") return null;
  if (!isRecord(c)) return "expected an object or a string";
  for (const field of ["p", "backoffLimit", "successRate", "pastHorizon"])
    if (!Number.isFinite(c[field])) return `"${field}" must be a number`;
  if (typeof c.durationNote !== "string") return '"durationNote" must be a string';
  for (const field of ["pods", "durationSeconds", "completeSeconds"]) {
    const d = c[field];
    if (d === null && field !== "pods") continue;
    if (!isDistribution(d))
      return `"${field}" must be ${field === "pods" ? "" : "null or "}a distribution: lists "values" and "probs" of numbers, as long as each other`;
  }
  return null;
}

function isDistribution(d: unknown): boolean {
  if (!isRecord(d)) return false;
  const { values, probs } = d;
  return (
    Array.isArray(values) &&
    Array.isArray(probs) &&
    values.length === probs.length &&
    [...values, ...probs].every((x) => Number.isFinite(x))
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A whole number ≥ 0 that a double holds exactly. */
function isCount(v: unknown): boolean {
  return Number.isSafeInteger(v) && (v as number) >= 0;
}
