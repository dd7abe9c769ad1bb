import { closeSync, existsSync, openSync, readFileSync, statSync } from "node:fs";
import { dirname, posix, resolve } from "node:path";
import { type ManifestFile, parseManifestFile } from "../kubectl/manifests.js";
import type { NodeSpec } from "../models/cluster-setup.js";
import type { PriorityClassSpec } from "../models/priority-classes.js";
import type { VersionProfile } from "../models/version-profile.js";
import { type ImageBehaviour, Workload } from "../models/workload.js";
import { parseCluster } from "./cluster-spec.js";
import { parseScenarioDuration } from "./durations.js";
import { parseImage } from "./images.js";
import { type Override, OverrideError, setInImages, setInManifest } from "./overrides.js";
import { checkKnownKeys, Problems, ScenarioError, shown } from "./problems.js";
import { readScenarioYaml } from "./scenario-yaml.js";
import { integerSeed } from "./seed.js";
import { checkFileReads, checkGenerateNameApplies } from "./step-file-checks.js";
import { parseSteps, type Step } from "./steps.js";
import {
  checkContainerRestartRules,
  checkImages,
  checkJobImages,
  checkScheduling,
} from "./template-checks.js";

/**
 * Loading a scenario file (contract in ../shared/design.md): every problem is reported at
 * once, as `<file>: <path>: <what is wrong>`. Manifests referenced by steps (`-f name`) come
 * from `files:` or from disk beside the scenario.
 */

export const SCENARIO_API_VERSION = "jobsim/v1alpha1";
const TOP_FIELDS = [
  "apiVersion",
  "kind",
  "metadata",
  "seed",
  "horizon",
  "cluster",
  "images",
  "files",
  "steps",
];
export const DEFAULT_HORIZON_MS = 24 * 3_600_000;

export interface Scenario {
  /** The path as given (for messages). */
  file: string;
  name: string;
  seed: number | string;
  /** Monte Carlo runs stop here if some Job has not finished. */
  horizonMs: number;
  profile: VersionProfile;
  epochMs: number;
  nodes: NodeSpec[];
  /** Namespaces besides the system ones that exist when the session starts. */
  namespaces: string[];
  /** PriorityClasses besides the two system ones. */
  priorityClasses: PriorityClassSpec[];
  workload: Workload;
  /** Manifests by the name steps use. */
  manifests: Map<string, ManifestFile>;
  /** The scenario file's text, as loaded. */
  text: string;
  /** Names of the manifests read from beside the scenario (not under files:), in step order. */
  filesOnDisk: string[];
  steps: Step[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function loadScenario(file: string, overrides: readonly Override[] = []): Scenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError([
      code === "ENOENT"
        ? `${file}: no such file`
        : code === "EISDIR"
          ? `${file}: is a directory, expected a scenario file`
          : code === "EACCES" || code === "EPERM"
            ? `${file}: permission denied`
            : `${file}: ${(e as Error).message}`,
    ]);
  }
  return scenarioFromText(text, file, overrides);
}

/**
 * A scenario from the text already read from `file` (a caller that has to look at the text
 * first reads it once: a pipe or FIFO yields its text to one reader only). Manifests are read
 * from beside `file`, as loadScenario does.
 */
export function scenarioFromText(text: string, file: string, overrides: readonly Override[] = []): Scenario {
  return parseScenario(text, file, dirname(resolve(file)), overrides);
}

/**
 * What a scenario was loaded from: its file's text and the manifests read from beside it. A
 * command that builds the scenario more than once (a sweep, per value; worker threads, which
 * cannot receive a parsed one) builds every copy from this, never from the files again: a file
 * edited while the command runs would otherwise mix two scenarios in one result.
 */
export interface ScenarioSource {
  file: string;
  text: string;
  /** [name as the steps give it, text] of each manifest read from beside the scenario. */
  disk: [string, string][];
}

export function scenarioSource(s: Scenario): ScenarioSource {
  return { file: s.file, text: s.text, disk: s.filesOnDisk.map((n) => [n, s.manifests.get(n)?.text ?? ""]) };
}

/** The scenario of `source`, with `overrides`, as loadScenario would have built it then. */
export function scenarioFromSource(source: ScenarioSource, overrides: readonly Override[] = []): Scenario {
  return parseScenario(
    source.text,
    source.file,
    dirname(resolve(source.file)),
    overrides,
    new Map(source.disk),
  );
}

/** Why an existing path cannot be read as a manifest file, or null. */
function unreadableManifest(path: string): string | null {
  try {
    // kubectl -f DIR applies the directory's .json/.yaml/.yml files; jobsim reads named files only.
    if (statSync(path).isDirectory())
      return "is a directory: jobsim does not simulate -f with a directory; name each file (-f a.yaml -f b.yaml)";
    closeSync(openSync(path, "r"));
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "EACCES" || code === "EPERM"
      ? "cannot be read: permission denied"
      : `cannot be read: ${code}`;
  }
}

export function parseScenario(
  text: string,
  file: string,
  dir: string,
  overrides: readonly Override[] = [],
  /** Texts of manifests beside the scenario, read earlier (scenarioFromSource): not read again. */
  disk?: ReadonlyMap<string, string>,
): Scenario {
  const problems = new Problems(file);
  const raw = readScenarioYaml(text, file);
  if (!isRecord(raw))
    throw new ScenarioError([
      `${file}: expected a Scenario mapping (apiVersion: ${SCENARIO_API_VERSION}, kind: Scenario, ...)`,
    ]);
  if (
    raw.kind !== "Scenario" &&
    typeof raw.kind === "string" &&
    typeof raw.apiVersion === "string" &&
    raw.apiVersion !== SCENARIO_API_VERSION
  )
    // A Kubernetes manifest where a scenario was expected: say so, not which scenario keys it lacks.
    throw new ScenarioError([
      `${file}: this is a ${raw.kind} manifest (${raw.apiVersion}), not a scenario: a scenario (apiVersion: ${SCENARIO_API_VERSION}, kind: Scenario) holds it under files: and applies it in its steps, as scenarios/flaky-job.yaml does`,
    ]);
  checkKnownKeys(problems, "", raw, TOP_FIELDS);
  for (const o of overrides) {
    if (!o.path.startsWith("images.")) continue;
    if (!isRecord(raw.images))
      throw new OverrideError(`--set ${o.path}: the scenario has no images: section`);
    setInImages(raw.images, o.path, o.value);
  }
  if (raw.apiVersion !== SCENARIO_API_VERSION)
    problems.add("apiVersion", `expected "${SCENARIO_API_VERSION}", got ${shown(raw.apiVersion)}`);
  if (raw.kind !== "Scenario") problems.add("kind", `expected "Scenario", got ${shown(raw.kind)}`);
  const meta = isRecord(raw.metadata) ? raw.metadata : {};
  if (raw.metadata !== undefined && !isRecord(raw.metadata))
    problems.add(
      "metadata",
      `expected a mapping with the scenario's name ({name: ...}), got ${shown(raw.metadata)}`,
    );
  else {
    checkKnownKeys(problems, "metadata", meta, ["name"]);
    if (meta.name !== undefined && typeof meta.name !== "string")
      problems.add("metadata.name", `expected a name for the scenario (a string), got ${shown(meta.name)}`);
    else if (typeof meta.name !== "string" || meta.name === "")
      problems.add("metadata.name", "required: a name for the scenario");
  }
  // Only a seed left out takes the default: `seed:` with no value is a slip (as `horizon:` is).
  const seed = raw.seed === undefined ? 1 : raw.seed;
  if (!(typeof seed === "string" || (typeof seed === "number" && Number.isSafeInteger(seed)))) {
    // Digits past 2^53 − 1 reach here as the nearest float: name them as written, not as that.
    const digits = /^seed:[ \t]*(-?\d+)[ \t]*(#.*)?$/m.exec(text)?.[1];
    problems.add(
      "seed",
      digits !== undefined && typeof seed === "number" && !Number.isSafeInteger(Number(digits))
        ? `an integer past 2^53 − 1 (9007199254740991) cannot be read exactly: quote it ("${digits}") to use its digits as a string seed`
        : `expected an integer or a string, got ${shown(seed)}`,
    );
  } else if (typeof seed === "string" && seed.trim() === "")
    // As `--seed ''` is refused (cli/output.ts parseSeed): a blank seed is a slip, not a seed.
    problems.add("seed", "must not be empty: give a number or a word");
  let horizonMs = DEFAULT_HORIZON_MS;
  if (raw.horizon !== undefined) {
    const h = parseScenarioDuration(raw.horizon);
    if (typeof h === "string") problems.add("horizon", h);
    // A horizon of 0 ends every run at time 0, "Unfinished", before anything happens.
    else if (h === 0)
      problems.add(
        "horizon",
        `${shown(raw.horizon)} stops every run before it starts: expected a time longer than 0, such as 24h (the default)`,
      );
    else horizonMs = h;
  }
  const cluster = parseCluster(raw.cluster, problems);

  const behaviours = new Map<string, ImageBehaviour>();
  if (raw.images !== undefined && !isRecord(raw.images))
    problems.add("images", "expected a mapping from image reference to behaviour");
  for (const [image, spec] of Object.entries(isRecord(raw.images) ? raw.images : {})) {
    const b = parseImage(image, spec, `images.${image}`, problems);
    if (b) behaviours.set(image, b);
  }
  const workload = new Workload(behaviours);

  const inline = new Map<string, string>();
  if (raw.files !== undefined && !isRecord(raw.files))
    problems.add("files", "expected a mapping from file name to manifest text");
  // Entries that are not text were reported: a step naming one is not also "missing".
  const badInline = new Set<string>();
  for (const [name, content] of Object.entries(isRecord(raw.files) ? raw.files : {})) {
    if (typeof content !== "string") {
      problems.add(`files.${name}`, "expected the manifest text (use a YAML block scalar: `|`)");
      badInline.add(name);
    } else inline.set(name, content);
  }

  const steps = parseSteps(raw.steps, problems);
  const manifests = new Map<string, ManifestFile>();
  const filesOnDisk: string[] = [];
  // files: stands for the directory beside the scenario: `-f ./job.yaml` opens files.job.yaml.
  const inlineByPath = new Map([...inline.keys()].map((k) => [posix.normalize(k), k]));
  const inlineUsed = new Set<string>();
  steps.forEach((s) => {
    if (s.kind !== "kubectl") return;
    for (const f of s.files) {
      if (manifests.has(f) || badInline.has(f)) continue;
      const inlineKey = inline.has(f) ? f : inlineByPath.get(posix.normalize(f));
      let content = inlineKey === undefined ? undefined : inline.get(inlineKey);
      const read = content === undefined ? disk?.get(f) : undefined;
      if (read !== undefined) {
        content = read;
        filesOnDisk.push(f);
      } else if (content === undefined) {
        // kubectl reads `-` from stdin and fetches http(s):// URLs (cli-runtime
        // resource/builder.go FilenameParam): neither is a path to look for beside the scenario.
        const unread =
          f === "-"
            ? "-f - reads standard input, which a step does not have"
            : /^https?:\/\//.test(f)
              ? `jobsim does not fetch "${f}"`
              : null;
        if (unread !== null) {
          problems.add(
            "steps",
            `${s.line}: ${unread}: put the manifest under files: and name it (-f job.yaml)`,
          );
          continue;
        }
        const onDisk = resolve(dir, f);
        if (!existsSync(onDisk)) {
          problems.add(
            `steps`,
            `${s.line}: the path "${f}" does not exist (neither under files: nor beside the scenario)`,
          );
          continue;
        }
        const unreadable = unreadableManifest(onDisk);
        if (unreadable !== null) {
          problems.add(`steps`, `${s.line}: the path "${f}" ${unreadable}`);
          continue;
        }
        content = readFileSync(onDisk, "utf8");
        filesOnDisk.push(f);
      }
      const m = parseManifestFile(f, content);
      if (filesOnDisk.includes(f)) BESIDE_SCENARIO.add(m);
      else if (inlineKey !== undefined) {
        inlineUsed.add(inlineKey);
        if (inlineKey !== f) INLINE_KEY.set(m, inlineKey);
      }
      manifests.set(f, m);
    }
  });
  for (const [name, text] of inline)
    if (!manifests.has(name) && !inlineUsed.has(name)) manifests.set(name, parseManifestFile(name, text));
  checkGenerateNameApplies(steps, manifests, problems);
  checkFileReads(steps, manifests, problems);
  // Images declared but invalid were reported already; do not report them again as missing.
  const declared = new Set(Object.keys(isRecord(raw.images) ? raw.images : {}));
  // An images: that is not a mapping was reported; every image would else be named again.
  const imagesReadable = raw.images === undefined || isRecord(raw.images);
  for (const m of manifests.values()) {
    const label = manifestLabel(m);
    if (imagesReadable) checkImages(m, declared, problems, label);
    checkScheduling(m, problems, label);
    checkContainerRestartRules(m, cluster.profile, problems, label);
  }
  // The Job of a `kubectl create job` step needs a behaviour for its image as a manifest's does.
  for (const s of steps)
    if (s.kind === "kubectl" && s.job !== undefined && imagesReadable)
      checkJobImages(s.job, declared, (message) => problems.add("steps", `${s.line}: ${message}`));
  for (const o of overrides) {
    if (!o.path.startsWith("spec.")) continue;
    for (const m of manifests.values()) for (const d of m.docs) setInManifest(d.object, o.path, o.value);
    for (const s of steps)
      if (s.kind === "kubectl" && s.job !== undefined)
        setInManifest(s.job as unknown as Record<string, unknown>, o.path, o.value);
  }
  // A problem may come from a swept value rather than the file: say which values were set.
  if (!problems.empty && overrides.length > 0)
    problems.add("", `with ${overrides.map((o) => `--set ${o.path}=${o.value}`).join(", ")}`);
  problems.throwIfAny(manifests);
  return {
    file,
    name: meta.name as string,
    seed: integerSeed(seed as number | string),
    horizonMs,
    profile: cluster.profile,
    epochMs: cluster.epochMs,
    nodes: cluster.nodes,
    namespaces: cluster.namespaces,
    priorityClasses: cluster.priorityClasses,
    workload,
    manifests,
    text,
    filesOnDisk,
    steps,
  };
}

/** The manifests read from files beside their scenario (not from its `files:`). */
const BESIDE_SCENARIO = new WeakSet<ManifestFile>();
/** The files: key of a manifest a step names by another path to it (`./job.yaml`). */
const INLINE_KEY = new WeakMap<ManifestFile, string>();

/**
 * Where a manifest's problems are said to be: its `files:` entry, or — for a file read from
 * beside the scenario — that file (a `files.NAME` key would point at nothing).
 */
export function manifestLabel(m: ManifestFile): string {
  return BESIDE_SCENARIO.has(m) ? `${m.name} (beside the scenario)` : `files.${INLINE_KEY.get(m) ?? m.name}`;
}

export { ScenarioError };
