import { readFileSync } from "node:fs";
import { parseDocument } from "yaml";
import { stepsPastHorizon } from "../analysis/plan.js";
import { invalidNamespaceName } from "../kubectl/commands/namespaces.js";
import { inertNameErrors } from "../kubectl/inert-objects.js";
import { type ManifestFile, parseManifestFile } from "../kubectl/manifests.js";
import { apiServerInvalidMessage, kubectlInvalidMessage } from "../models/api/field-errors.js";
import { Cluster } from "../models/cluster.js";
import type { VersionProfile } from "../models/version-profile.js";
import { drainNotes } from "../scenario/drain-notes.js";
import { manifestLabel, SCENARIO_API_VERSION, scenarioFromText } from "../scenario/load.js";
import { podSecurityNotes } from "../scenario/pod-security-notes.js";
import { refusedPriorityNotes } from "../scenario/priority-classes-spec.js";
import { ScenarioError } from "../scenario/problems.js";
import { referenceNotes } from "../scenario/reference-checks.js";
import type { Step } from "../scenario/steps.js";
import { probeNotes } from "../scenario/template-checks.js";
import { hintsFor } from "../session/hints.js";

/**
 * `jobsim validate <file>...`: scenarios (schema, steps, files) and manifests (as kubectl and
 * the API server would judge them at `kubectl apply`), without running anything. Problems go
 * to stderr; the exit status is 1 if any file has one.
 */

/** What kubectl and the API server (of the scenario's version, else 1.35) would say of the
 * file's documents at `kubectl apply`. */
function manifestProblems(m: ManifestFile, profile?: VersionProfile): string[] {
  if (m.clientError !== null) return [`error: ${m.clientError}`];
  const out: string[] = [];
  for (const n of m.namespaces) {
    const invalid = invalidNamespaceName(n.name);
    if (invalid !== null) out.push(invalid.replace(/\n$/, ""));
  }
  // The inert objects (kubectl/inert-objects.ts): the API server's decoding and name checks.
  for (const d of m.inert) {
    if (d.decodeError !== null)
      out.push(`Error from server (BadRequest): error when creating "${m.name}": ${d.decodeError}`);
    else if (!d.generateName) {
      const invalid = inertNameErrors(d.type, d.name);
      if (invalid.length > 0)
        out.push(kubectlInvalidMessage(d.type.kind, d.name, invalid).replace(/\n$/, ""));
    }
  }
  for (const doc of m.docs) {
    if (doc.decodeError !== null) {
      out.push(`Error from server (BadRequest): error when creating "${m.name}": ${doc.decodeError}`);
      continue;
    }
    const errors = Cluster.prepareJob(structuredClone(doc.object), profile);
    if (Array.isArray(errors) && errors.length > 0)
      out.push(kubectlInvalidMessage("Job", doc.name, errors).replace(/\n$/, ""));
  }
  return out;
}

/** Warnings (not problems: kubectl applies such a file) about keys given twice. */
function manifestWarnings(m: ManifestFile, where: string): string[] {
  return m.duplicateKeys.map(
    (d) =>
      `${where}: warning: line ${d.line}: key "${d.key}" is given again (first on line ${d.firstLine}); kubectl applies the file with the last value, without a word`,
  );
}

/**
 * The `kubectl create job` steps whose Job the API server refuses (Invalid), with what the
 * session prints: create_job.go Run wraps the error ("failed to create job: %v").
 */
export function refusedCreateJobSteps(
  steps: readonly Step[],
  profile: VersionProfile,
): { line: string; message: string }[] {
  const out: { line: string; message: string }[] = [];
  for (const step of steps) {
    if (step.kind !== "kubectl" || step.job === undefined) continue;
    const errors = Cluster.prepareJob(structuredClone(step.job), profile);
    if (Array.isArray(errors) && errors.length > 0) {
      const invalid = apiServerInvalidMessage("Job", "batch", step.job.metadata?.name ?? "", errors);
      out.push({ line: step.line, message: `error: failed to create job: ${invalid}` });
    }
  }
  return out;
}

/** The scenario's manifest files that kubectl or the API server would refuse. */
export function refusedManifests(manifests: Iterable<ManifestFile>, profile: VersionProfile): ManifestFile[] {
  return [...manifests].filter((m) => manifestProblems(m, profile).length > 0);
}

function readProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, expected a scenario or manifest file";
  if (code === "EACCES") return "permission denied";
  return (e as Error).message;
}

/** The file's Namespaces, then its inert objects by kind in first-seen order, counted. */
function otherObjects(m: ManifestFile): string[] {
  const counts = new Map<string, number>();
  if (m.namespaces.length > 0) counts.set("Namespace", m.namespaces.length);
  for (const d of m.inert) counts.set(d.type.kind, (counts.get(d.type.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => plural(n, kind));
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * Whether a file's text is a scenario (kind: Scenario, or jobsim's apiVersion with a kind
 * misspelt or left out: the loader names that, as `run` would) rather than a manifest.
 */
function isScenario(text: string): boolean {
  try {
    const v = parseDocument(text).toJS() as { kind?: unknown; apiVersion?: unknown } | null;
    return (
      v !== null && typeof v === "object" && (v.kind === "Scenario" || v.apiVersion === SCENARIO_API_VERSION)
    );
  } catch {
    return false;
  }
}

export function validateCommand(files: string[], out: NodeJS.WriteStream, err: NodeJS.WriteStream): number {
  let bad = 0;
  for (const file of files) {
    const problems: string[] = [];
    const warnings: string[] = [];
    let summary = "";
    try {
      // Read once: a second read of a pipe or FIFO (validate <(cat f.yaml)) finds it empty or
      // waits for a writer that is gone.
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (e) {
        throw new ScenarioError([`${file}: ${readProblem(e)}`]);
      }
      if (isScenario(text)) {
        const s = scenarioFromText(text, file);
        for (const m of s.manifests.values()) {
          for (const p of manifestProblems(m, s.profile)) problems.push(`${file}: ${manifestLabel(m)}: ${p}`);
          warnings.push(...manifestWarnings(m, `${file}: ${manifestLabel(m)}`));
          warnings.push(...probeNotes(m).map((n) => `${file}: ${manifestLabel(m)}: warning: ${n}`));
          warnings.push(
            ...referenceNotes(m, [...s.manifests.values()]).map(
              (n) => `${file}: ${manifestLabel(m)}: warning: ${n}`,
            ),
          );
          warnings.push(
            ...refusedPriorityNotes(m, s.priorityClasses).map(
              (n) => `${file}: ${manifestLabel(m)}: warning: ${n}`,
            ),
          );
          warnings.push(...podSecurityNotes(m).map((n) => `${file}: ${manifestLabel(m)}: warning: ${n}`));
        }
        // The Job of each `kubectl create job` step, judged as the API server judges it: the
        // session prints its refusal as create_job.go's Run wraps it.
        const commandJobs = s.steps.filter(
          (step) => step.kind === "kubectl" && step.job !== undefined,
        ).length;
        for (const r of refusedCreateJobSteps(s.steps, s.profile))
          problems.push(`${file}: steps: ${r.line}: ${r.message}`);
        for (const n of drainNotes(s.steps)) warnings.push(`${file}: warning: ${n}`);
        for (const p of stepsPastHorizon(s)) warnings.push(`${file}: warning: ${p} (mc and sweep refuse it)`);
        const docs = [...s.manifests.values()].reduce((n, m) => n + m.docs.length, 0);
        const fromCommands = commandJobs === 0 ? "" : `, ${commandJobs} kubectl create job`;
        summary = `${file}: valid scenario "${s.name}" (${s.steps.length} steps, ${docs} Job manifest${docs === 1 ? "" : "s"}${fromCommands})`;
      } else {
        const m = parseManifestFile(file, text);
        for (const p of manifestProblems(m)) problems.push(`${file}: ${p}`);
        warnings.push(...manifestWarnings(m, file));
        warnings.push(...probeNotes(m).map((n) => `${file}: warning: ${n}`));
        warnings.push(...referenceNotes(m).map((n) => `${file}: warning: ${n}`));
        warnings.push(...refusedPriorityNotes(m, []).map((n) => `${file}: warning: ${n}`));
        warnings.push(...podSecurityNotes(m).map((n) => `${file}: warning: ${n}`));
        summary = `${file}: valid (${[plural(m.docs.length, "Job manifest"), ...otherObjects(m)].join(", ")})`;
      }
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      problems.push(...e.problems);
      // Reported all at once: the scenario's own problems, then its manifests' as kubectl sees them.
      if (e.partial instanceof Map)
        for (const m of (e.partial as Map<string, ManifestFile>).values())
          for (const p of manifestProblems(m)) problems.push(`${file}: ${manifestLabel(m)}: ${p}`);
    }
    for (const w of warnings) err.write(`${w}\n`);
    if (problems.length > 0) {
      bad++;
      for (const p of problems) {
        err.write(`${p}\n`);
        for (const h of hintsFor(p)) err.write(`jobsim: hint: ${h}\n`);
      }
    } else out.write(`${summary}\n`);
  }
  return bad > 0 ? 1 : 0;
}
