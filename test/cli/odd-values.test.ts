import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument, stringify } from "yaml";
import { AnalysisError } from "../../src/analysis/errors.js";
import { mcCommand } from "../../src/cli/mc.js";
import { CliError } from "../../src/cli/output.js";
import { runCommand } from "../../src/cli/run.js";
import { OverrideError } from "../../src/scenario/overrides.js";
import { ScenarioError } from "../../src/scenario/problems.js";

/**
 * Bad input never becomes an internal error. Every value of the shipped scenarios' Job manifests
 * (and a few fields they leave out) and of the tutorial scenario's own fields is replaced
 * in turn by odd JSON (null, a negative number, 2^31, a fraction, a string, a list, a map, true,
 * "Indexed", 1e15); the scenario then goes through the session (`jobsim run`) and a short Monte
 * Carlo (`jobsim mc`). Either may refuse it, but only with one of the errors the CLI prints as a
 * clear message (main.ts `report`): anything else would reach the user as "internal error".
 * (Found this way and fixed: `image: null`, `podFailurePolicy: {}`, a null resource quantity, a
 * lognormal sigma of 1e15.)
 */

const USER_ERRORS = [ScenarioError, CliError, AnalysisError, OverrideError];
const ODD_VALUES: unknown[] = [null, -1, 2147483648, 0.5, "x", [], {}, true, "Indexed"];
const ABSENT_FIELDS = [
  ["spec", "parallelism"],
  ["spec", "completions"],
  ["spec", "activeDeadlineSeconds"],
  ["spec", "ttlSecondsAfterFinished"],
  ["spec", "suspend"],
  ["spec", "podFailurePolicy"],
  ["spec", "podReplacementPolicy"],
  ["spec", "completionMode"],
  ["spec", "template", "spec", "terminationGracePeriodSeconds"],
  ["spec", "template", "spec", "containers", 0, "resources", "requests", "cpu"],
  ["metadata", "namespace"],
];

type ScenarioFile = { files: Record<string, string> };
const load = (name: string) =>
  parseDocument(readFileSync(`scenarios/${name}`, "utf8")).toJS() as ScenarioFile;
const base = load("flaky-job.yaml");

function leaves(o: unknown, path: (string | number)[], out: (string | number)[][]): void {
  if (Array.isArray(o)) for (const [i, v] of o.entries()) leaves(v, [...path, i], out);
  else if (o !== null && typeof o === "object")
    for (const [k, v] of Object.entries(o)) leaves(v, [...path, k], out);
  else out.push(path);
}

function withValue(
  job: Record<string, unknown>,
  path: (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(job);
  let node = copy as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) {
    const next = node[path[i]];
    if (next === null || typeof next !== "object") node[path[i]] = typeof path[i + 1] === "number" ? [] : {};
    node = node[path[i]] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return copy;
}

const sink = { write: () => true } as unknown as NodeJS.WriteStream;

/** The error a command ended with, if any. */
async function failure(command: () => number | Promise<number>): Promise<unknown> {
  try {
    await command();
    return null;
  } catch (e) {
    return e;
  }
}

const dir = mkdtempSync(join(tmpdir(), "jobsim-bad-input-"));

// Every scenario shipped in scenarios/: their Jobs use parallelism, deadlines, pod failure
// policies, OnFailure and scripts, so the odd values reach those paths of the controller too.
const manifestCases = readdirSync("scenarios")
  .filter((f) => f.endsWith(".yaml"))
  .flatMap((scenarioName) => {
    const scenario = load(scenarioName);
    const [fileName, text] = Object.entries(scenario.files)[0];
    const job = parseDocument(text).toJS() as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    leaves(job, [], paths);
    for (const extra of ABSENT_FIELDS)
      if (!paths.some((p) => p.join(".") === extra.join("."))) paths.push(extra);
    return paths.map((path) => ({
      name: `${scenarioName}: ${path.join(".")}`,
      scenario,
      fileName,
      job,
      path,
    }));
  });

/** The session and a short Monte Carlo of `scenario`: their failures other than user errors. */
async function unexpectedFailures(scenario: unknown, value: unknown): Promise<string[]> {
  const file = join(dir, "s.yaml");
  writeFileSync(file, stringify(scenario));
  const run = await failure(() => runCommand({ scenario: file }, sink, sink));
  const mc = await failure(() => mcCommand({ scenario: file, runs: 20, workers: 1, json: true }, sink));
  const out: string[] = [];
  for (const [command, e] of [
    ["run", run],
    ["mc", mc],
  ] as const) {
    if (e !== null && !USER_ERRORS.some((cls) => e instanceof cls))
      out.push(`${command} with ${JSON.stringify(value)}: ${(e as Error).stack ?? e}`);
  }
  return out;
}

describe("odd values in a Job manifest give clear messages, never internal errors", () => {
  it.each(manifestCases)("$name", async ({ scenario, fileName, job, path }) => {
    const unexpected: string[] = [];
    for (const value of ODD_VALUES) {
      const files = { ...scenario.files, [fileName]: stringify(withValue(job, path, value)) };
      unexpected.push(...(await unexpectedFailures({ ...scenario, files }, value)));
    }
    expect(unexpected).toEqual([]);
  });
});

describe("odd values in the scenario's own fields give clear messages, never internal errors", () => {
  const scenarioPaths: (string | number)[][] = [];
  leaves(base, [], scenarioPaths);
  const own = scenarioPaths.filter((p) => p[0] !== "files" && p[0] !== "apiVersion" && p[0] !== "kind");
  // 1e15: a lognormal sigma that large once overflowed a duration to Infinity.
  const values = [...ODD_VALUES, 1e15];
  it.each(own.map((p) => [p.join(".")]))("%s", async (name) => {
    const path = own.find((p) => p.join(".") === name)!;
    const unexpected: string[] = [];
    for (const value of values) {
      const copy = withValue(base as unknown as Record<string, unknown>, path, value);
      unexpected.push(...(await unexpectedFailures(copy, value)));
    }
    expect(unexpected).toEqual([]);
  });
});
