import { Distribution } from "../engine/random/distributions.js";
import {
  DEFAULT_ON_SIGTERM,
  ImageBehaviour,
  type Outcome,
  type WeightedOutcome,
} from "../models/workload.js";
import { parseScenarioDuration } from "./durations.js";
import { checkKnownKeys, closest, type Problems, shown } from "./problems.js";

/**
 * The `images:` section: how each container image behaves. A duration is a number of seconds, a
 * Go duration ("90s", "1h30m": the scenario's durations, parseScenarioDuration) or one
 * distribution, its parameters in seconds — {uniform: [a, b]}, {exponential: {mean}},
 * {lognormal: {median, sigma}}, {normal: {mean, sd, min}}, {empirical: [values]}.
 */

const IMAGE_FIELDS = [
  "pullSeconds",
  "repullSeconds",
  "startSeconds",
  "runSeconds",
  "terminationSeconds",
  "onSigterm",
  "outcomes",
  "script",
  "sizeBytes",
  "startLog",
];
const OUTCOME_FIELDS = ["probability", "exitCode", "log", "reason", "runSeconds"];
const SCRIPT_FIELDS = ["exitCode", "log", "reason", "runSeconds"];
/** How the process exits when SIGTERM stops it; its time is terminationSeconds. */
const ON_SIGTERM_FIELDS = ["exitCode", "log", "reason"];

/** Defaults, chosen to look like a small Python image pulled from a local registry. */
export const IMAGE_DEFAULTS = {
  pullSeconds: 2,
  repullSeconds: 0.2,
  startSeconds: 0.5,
  runSeconds: 1,
  terminationSeconds: 0,
  sizeBytes: 20_000_000,
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The parameters of the distributions written as a mapping. */
const DISTRIBUTION_PARAMS: Record<string, readonly string[] | undefined> = {
  exponential: ["mean"],
  lognormal: ["median", "sigma"],
  normal: ["mean", "sd", "min"],
};

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

/** Parses a duration distribution in seconds; reports and returns null on error. */
export function parseDistribution(value: unknown, path: string, problems: Problems): Distribution | null {
  const fail = (msg: string) => {
    problems.add(path, msg);
    return null;
  };
  if (typeof value === "number")
    return value >= 0 && Number.isFinite(value)
      ? Distribution.constant(value)
      : fail(`${shown(value)} seconds: expected a number ≥ 0`);
  // A constant written as the scenario writes its other durations ("90s"), as the README has it.
  if (typeof value === "string") {
    const ms = parseScenarioDuration(value);
    return typeof ms === "number" ? Distribution.constant(ms / 1000) : fail(ms);
  }
  if (!isRecord(value))
    return fail(
      `expected seconds (a number), a duration such as "90s" or a distribution such as {lognormal: {median: 1.2, sigma: 0.3}}, got ${JSON.stringify(value)}`,
    );
  const keys = Object.keys(value);
  if (keys.length !== 1)
    return fail(
      `expected exactly one distribution (uniform, exponential, lognormal, normal, empirical), got ${keys.length === 0 ? "none" : keys.join(", ")}`,
    );
  const kind = keys[0];
  const arg = value[kind];
  // A parameter the distribution does not take would be dropped without a word — and a sweep
  // that `--set`s it (images.<image>.runSeconds.lognormal.mean) would vary nothing.
  const params = DISTRIBUTION_PARAMS[kind];
  if (params !== undefined && isRecord(arg)) {
    const unknown = Object.keys(arg).filter((k) => !params.includes(k));
    if (unknown.length > 0) {
      for (const k of unknown) {
        const hint = closest(k, params);
        fail(
          `${kind}: unknown field "${k}"${hint ? ` (did you mean "${hint}"?)` : ""}; known fields: ${params.join(", ")}`,
        );
      }
      return null;
    }
  }
  try {
    switch (kind) {
      case "uniform": {
        if (!Array.isArray(arg) || arg.length !== 2 || num(arg[0]) === null || num(arg[1]) === null)
          return fail("uniform: expected [low, high]");
        if ((arg[0] as number) < 0) return fail("uniform: low must be ≥ 0 seconds");
        return Distribution.uniform(arg[0] as number, arg[1] as number);
      }
      case "exponential": {
        if (!isRecord(arg) || num(arg.mean) === null) return fail("exponential: expected {mean: seconds}");
        return Distribution.exponential(arg.mean as number);
      }
      case "lognormal": {
        if (!isRecord(arg) || num(arg.median) === null || num(arg.sigma) === null)
          return fail("lognormal: expected {median: seconds, sigma: number}");
        return Distribution.lognormal(arg.median as number, arg.sigma as number);
      }
      case "normal": {
        if (!isRecord(arg) || num(arg.mean) === null || num(arg.sd) === null)
          return fail("normal: expected {mean, sd, min}");
        const min = arg.min === undefined ? 0 : num(arg.min);
        if (min === null || min < 0)
          return fail("normal: min must be a number ≥ 0 (durations cannot be negative)");
        return Distribution.normal(arg.mean as number, arg.sd as number, min);
      }
      case "empirical": {
        if (!Array.isArray(arg) || arg.length === 0 || arg.some((x) => num(x) === null || (x as number) < 0))
          return fail("empirical: expected a list of seconds ≥ 0");
        return Distribution.empirical(arg as number[]);
      }
      default:
        return fail(
          `unknown distribution "${kind}": expected uniform, exponential, lognormal, normal or empirical`,
        );
    }
  } catch (e) {
    return fail((e as Error).message);
  }
}

function parseExit(o: Record<string, unknown>, path: string, problems: Problems): Outcome | null {
  const code = o.exitCode;
  if (
    code === undefined ||
    num(code) === null ||
    !Number.isInteger(code) ||
    (code as number) < 0 ||
    (code as number) > 255
  ) {
    problems.add(
      `${path}.exitCode`,
      code === undefined
        ? "required: an integer exit code 0..255"
        : `expected an integer exit code 0..255, got ${shown(code)}`,
    );
    return null;
  }
  if (o.log !== undefined && typeof o.log !== "string") problems.add(`${path}.log`, "expected a string");
  if (o.reason !== undefined && typeof o.reason !== "string")
    problems.add(`${path}.reason`, "expected a string");
  const out: Outcome = { exitCode: code as number, log: typeof o.log === "string" ? o.log : "" };
  if (typeof o.reason === "string") out.reason = o.reason;
  if (o.runSeconds !== undefined) {
    const d = parseDistribution(o.runSeconds, `${path}.runSeconds`, problems);
    if (d) out.runSeconds = d;
  }
  return out;
}

export function parseImage(
  image: string,
  value: unknown,
  path: string,
  problems: Problems,
): ImageBehaviour | null {
  if (!isRecord(value)) {
    problems.add(
      path,
      "expected a mapping of behaviour fields (pullSeconds, startSeconds, runSeconds, outcomes, ...)",
    );
    return null;
  }
  const problemsBefore = problems.list.length;
  checkKnownKeys(problems, path, value, IMAGE_FIELDS);
  const dist = (field: keyof typeof IMAGE_DEFAULTS) =>
    value[field] === undefined
      ? Distribution.constant(IMAGE_DEFAULTS[field])
      : parseDistribution(value[field], `${path}.${field}`, problems);
  const pull = dist("pullSeconds");
  const repull = dist("repullSeconds");
  const start = dist("startSeconds");
  const run = dist("runSeconds");
  const term = dist("terminationSeconds");
  let outcomes: WeightedOutcome[] = [];
  if (value.outcomes !== undefined) {
    if (!Array.isArray(value.outcomes) || value.outcomes.length === 0)
      problems.add(`${path}.outcomes`, "expected a non-empty list of {probability, exitCode, log}");
    else {
      let sum = 0;
      let ok = true;
      value.outcomes.forEach((o, i) => {
        const p = `${path}.outcomes[${i}]`;
        if (!isRecord(o)) {
          problems.add(p, "expected {probability, exitCode, log}");
          ok = false;
          return;
        }
        checkKnownKeys(problems, p, o, OUTCOME_FIELDS);
        const prob = num(o.probability);
        if (prob === null) {
          problems.add(
            `${p}.probability`,
            o.probability === undefined
              ? "required: a number in [0, 1]"
              : `expected a number in [0, 1], got ${shown(o.probability)}`,
          );
          ok = false;
        } else if (prob < 0 || prob > 1) {
          problems.add(`${p}.probability`, `probability ${prob} is not in [0, 1]`);
          ok = false;
        } else sum += prob;
        const exit = parseExit(o, p, problems);
        if (exit && prob !== null) outcomes.push({ ...exit, probability: prob });
      });
      if (ok && Math.abs(sum - 1) > 1e-9)
        problems.add(`${path}.outcomes`, `probabilities sum to ${Number(sum.toPrecision(12))}, expected 1`);
    }
  }
  let script: Outcome[] | null = null;
  if (value.script !== undefined) {
    if (!Array.isArray(value.script) || value.script.length === 0)
      problems.add(`${path}.script`, "expected a non-empty list of {exitCode, log}");
    else {
      script = [];
      value.script.forEach((o, i) => {
        const p = `${path}.script[${i}]`;
        if (!isRecord(o)) {
          problems.add(p, "expected {exitCode, log}");
          return;
        }
        checkKnownKeys(problems, p, o, SCRIPT_FIELDS);
        const exit = parseExit(o, p, problems);
        if (exit) script!.push(exit);
      });
    }
  }
  if (value.outcomes !== undefined && value.script !== undefined)
    problems.add(
      path,
      "give outcomes (drawn at random for every attempt) or script (attempt by attempt), not both",
    );
  if (value.outcomes === undefined && value.script === undefined)
    outcomes = [{ probability: 1, exitCode: 0, log: "" }];
  let onSigterm: Outcome | null = DEFAULT_ON_SIGTERM;
  if (value.onSigterm !== undefined) {
    const p = `${path}.onSigterm`;
    if (!isRecord(value.onSigterm)) {
      problems.add(p, "expected {exitCode, log}: how the process exits when SIGTERM stops it");
      onSigterm = null;
    } else {
      checkKnownKeys(problems, p, value.onSigterm, ON_SIGTERM_FIELDS);
      onSigterm = parseExit(value.onSigterm, p, problems);
    }
  }
  const size = value.sizeBytes === undefined ? IMAGE_DEFAULTS.sizeBytes : num(value.sizeBytes);
  if (size === null || size < 0 || !Number.isInteger(size))
    problems.add(`${path}.sizeBytes`, "expected a whole number of bytes");
  if (value.startLog !== undefined && typeof value.startLog !== "string")
    problems.add(`${path}.startLog`, "expected a string");
  // Nothing is built from a behaviour with a problem: the problems are reported instead (a
  // probability outside [0, 1] would otherwise reach the sampler, which rejects it).
  if (problems.list.length > problemsBefore) return null;
  if (!pull || !repull || !start || !run || !term || !onSigterm || size === null) return null;
  return new ImageBehaviour({
    image,
    pullSeconds: pull,
    repullSeconds: repull,
    startSeconds: start,
    runSeconds: run,
    terminationSeconds: term,
    onSigterm,
    outcomes,
    script,
    sizeBytes: size,
    startLog: typeof value.startLog === "string" ? value.startLog : "",
  });
}
