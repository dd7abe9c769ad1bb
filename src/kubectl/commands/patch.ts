import type { Job } from "kubernetes-types/batch/v1.js";
import { goQuote } from "../../models/api/field-errors.js";
import { strictDecode } from "../../models/api/strict-decode.js";
import { convertUnstructured, goFormatValue } from "../../models/api/unstructured-decode.js";
import type { Cluster } from "../../models/cluster.js";
import type { JobRecord } from "../../models/objects.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { dryRunOf, dryRunSuffix } from "../dry-run.js";
import { jobSpecWarnings } from "../job-warnings.js";
import { sortedJson } from "../last-applied.js";
import { notFound } from "../lookup.js";
import type { KubectlCommand } from "../parse.js";
import { JobPatch, parsePatchArgs } from "../patch-args.js";
import { mergePatch, StrategicPatchError, strategicMergePatch } from "../patch-merge.js";
import { updateExistingJob } from "./update-job.js";

/**
 * `kubectl patch job NAME -p '<patch>' [--type strategic|merge]`, answered as the API server's
 * PATCH handler does (apiserver endpoints/handlers/patch.go): the patch must be a JSON object;
 * it is merged into the live Job, the result converted into the Go type (strategic: the
 * unstructured converter, unstructured-decode.ts; merge: JSON decoding, strict-decode.ts), and
 * the object judged as an update (update-job.ts). kubectl prints the server's error as it is
 * (patch.go returns it to cmdutil.CheckErr, with no prefix of its own), else
 * `job.batch/NAME patched` or `... patched (no change)`. kubectl patch sends no fieldValidation,
 * so the server's default, Warn, turns unknown fields into warnings. `--dry-run` (dry-run.ts):
 * the server judges a server dry run and stores nothing; a client dry run patches locally.
 */

/** What `kubectl patch` asks for, or kubectl's refusal (Monte Carlo's plan replays it). */
export function parsePatch(
  cmd: KubectlCommand,
): { namespace: string; name: string; patch: unknown } | string {
  return parsePatchArgs(cmd);
}

export function patchCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const dryRun = dryRunOf(cmd);
  if (typeof dryRun === "object") return fail(dryRun.error);
  const parsed = parsePatchArgs(cmd);
  if (typeof parsed === "string") return fail(parsed);
  const { namespace: ns, name, patch } = parsed;
  const job = ctx.cluster.store.findJob(ns, name);
  if (job === undefined) return fail(notFound("jobs", name));
  const r =
    dryRun === "client"
      ? patchLocally(ctx.materializer.job(job), patch)
      : patchJob(ctx.cluster, job, patch, () => ctx.materializer.job(job), dryRun === "none");
  const warnings = r.warnings.map((w) => `Warning: ${w}\n`).join("");
  if (r.error) return { stdout: "", stderr: r.error, stderrBefore: warnings || undefined, exitCode: 1 };
  return {
    stdout: `job.batch/${name} ${r.changed ? "patched" : "patched (no change)"}${dryRunSuffix(dryRun)}\n`,
    stderr: "",
    stderrBefore: warnings || undefined,
    exitCode: 0,
  };
}

/**
 * A client dry run (patch.go, getPatchedJSON): kubectl applies the patch to the live object
 * itself — no conversion to the Go type, no validation — and compares. Its errors are plain
 * ones, which cmdutil.CheckErr prints after `error: `.
 */
function patchLocally(live: Job, patch: JobPatch): { changed: boolean; error?: string; warnings: string[] } {
  const none = { changed: false, warnings: [] as string[] };
  if (patch.body === null) return none;
  if (typeof patch.body !== "object" || Array.isArray(patch.body))
    return {
      ...none,
      error:
        "jobsim does not simulate --dry-run=client with a patch that is not a JSON object: use --dry-run=server\n",
    };
  try {
    const merge = patch.type === "strategic" ? strategicMergePatch : mergePatch;
    const target = merge(structuredClone(live), patch.body);
    return { ...none, changed: sortedJson(target) !== sortedJson(live) };
  } catch (e) {
    if (!(e instanceof StrategicPatchError)) throw e;
    return { ...none, error: `error: ${e.message}\n` };
  }
}

/** kubectl's rendering of the patch handler's Invalid error, which has no kind or name. */
function invalidPatch(value: string, error: string): string {
  return `The request is invalid: patch: Invalid value: ${goQuote(value)}: ${error}\n`;
}

/**
 * Applies a patch to a live Job (a session's `kubectl patch`, and Monte Carlo's replay of it:
 * a JobPatch, or a bare body taken as a strategic merge patch). `shown` gives the object as the
 * API server holds it, for the text of a merge patch's decoding error.
 */
export function patchJob(
  cluster: Cluster,
  job: JobRecord,
  patch: unknown,
  shown: () => Job = () => job.object,
  persist = true,
): { changed: boolean; error?: string; warnings: string[] } {
  const { type, body } = patch instanceof JobPatch ? patch : new JobPatch("strategic", patch);
  const none = { changed: false, warnings: [] as string[] };
  if (body === null) return none; // (a JSON null leaves the patch map empty)
  if (typeof body !== "object" || Array.isArray(body)) {
    // strategicPatchObject / applyJSPatch: kjson.UnmarshalStrict of the body into a map.
    const what = Array.isArray(body) ? "array" : typeof body === "boolean" ? "bool" : typeof body;
    const err = `json: cannot unmarshal ${what} into Go value of type map[string]interface {}`;
    return {
      ...none,
      error: `Error from server (BadRequest): ${type === "merge" ? "error decoding patch: " : ""}${err}\n`,
    };
  }
  let merged: unknown;
  try {
    // (A top-level `$patch: delete` leaves strategicpatch's mergeMap an empty map.)
    merged =
      (type === "strategic" ? strategicMergePatch : mergePatch)(structuredClone(job.object), body) ?? {};
  } catch (e) {
    if (!(e instanceof StrategicPatchError)) throw e;
    // A plain error from strategicpatch (not one interpretStrategicMergePatchError maps to a
    // status) reaches kubectl as a Status without a reason: "Error from server: …".
    // (interpretStrategicMergePatchError makes the malformed-directive ones a BadRequest.)
    const reason = e.badRequest ? " (BadRequest)" : "";
    return { ...none, error: `Error from server${reason}: ${e.message}\n` };
  }
  let warnings: string[] = [];
  if (type === "merge") {
    // jsonPatcher: runtime.DecodeInto the patched JSON (strict serializer: unknown fields warn).
    const decoded = strictDecode("Job", merged);
    if (decoded !== null && !decoded.strict) {
      const text = JSON.stringify(mergePatch(structuredClone(shown()), body));
      return { ...none, error: invalidPatch(text, decoded.errors[0]) };
    }
    if (decoded !== null) warnings = decoded.errors;
  }
  const converted = convertUnstructured("Job", merged);
  if (!converted.ok) return { ...none, error: invalidPatch(goFormatValue(body), converted.error) };
  if (type === "strategic") warnings = converted.unknown;
  const after = converted.value as Job;
  // patch.go applyPatch: rest.EnsureObjectNamespaceMatchesRequestNamespace, then checkName.
  const requestError = objectMismatch(after, job);
  if (requestError !== null)
    return { ...none, warnings, error: `Error from server (BadRequest): ${requestError}\n` };
  if (staleResourceVersion(after, job))
    return { ...none, warnings, error: `Error from server (Conflict): ${conflictMessage(job.name)}\n` };
  const before = convertUnstructured("Job", job.object);
  if (before.ok && sortedJson(before.value) === sortedJson(after)) return { ...none, warnings };
  const r = updateExistingJob(cluster, job, asSubmitted(after, job), persist);
  if (r.error) return { changed: false, error: r.error, warnings };
  // The decoder's warnings, then the strategy's (WarningsOnUpdate, after validation).
  if (r.changedSpec !== undefined) warnings = [...warnings, ...jobSpecWarnings(r.changedSpec)];
  return { changed: r.outcome !== "unchanged", warnings };
}

/**
 * A resourceVersion the patched object carries is the update's precondition (registry
 * store.go Update, tryUpdate: checked after the patch is applied, before BeforeUpdate's
 * validation): a number other than the stored version is refused; "" or "0" asks for none.
 * (A version that is not a number is left alone: jobsim does not judge it.)
 */
function staleResourceVersion(after: Job, job: JobRecord): boolean {
  const rv = after.metadata?.resourceVersion;
  if (typeof rv !== "string" || !/^\d+$/.test(rv)) return false;
  const asked = BigInt(rv);
  return asked !== 0n && asked !== BigInt(job.resourceVersion);
}

/** apierrors.NewConflict with registry.OptimisticLockErrorMsg, for jobs.batch. */
function conflictMessage(name: string): string {
  return `Operation cannot be fulfilled on jobs.batch ${goQuote(name)}: the object has been modified; please apply your changes to the latest version and try again`;
}

function objectMismatch(after: Job, job: JobRecord): string | null {
  const ns = after.metadata?.namespace;
  if (ns && ns !== job.namespace)
    return "the namespace of the provided object does not match the namespace sent on the request";
  const name = after.metadata?.name ?? "";
  // checkName: ContextBasedNaming.ObjectName refuses an empty name (errEmptyName,
  // apiserver endpoints/handlers/namer.go) before names are compared.
  if (name === "")
    return `the name of the object (${job.name} based on URL) was undeterminable: name must be provided`;
  if (name !== job.name)
    return `the name of the object (${name}) does not match the name on the URL (${job.name})`;
  return null;
}

/**
 * The patched Job as its manifest, without what the API server generated at creation (the
 * controller-uid labels; metadata and status): updateExistingJob defaults and validates it as
 * it does an applied manifest. A selector other than the live one stays, to be refused.
 */
function asSubmitted(after: Job, job: JobRecord): Job {
  const { selector, ...spec } = after.spec ?? ({} as NonNullable<Job["spec"]>);
  const labels = { ...(spec.template?.metadata?.labels ?? {}) };
  for (const k of Object.keys(labels)) if (k.endsWith("controller-uid")) delete labels[k];
  const meta = after.metadata ?? {};
  const keep = spec.manualSelector === true || sortedJson(selector) !== sortedJson(job.object.spec?.selector);
  return {
    apiVersion: after.apiVersion,
    kind: after.kind,
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      labels: meta.labels,
      annotations: meta.annotations,
    },
    spec: {
      ...spec,
      ...(keep && selector !== undefined ? { selector } : {}),
      template: { ...spec.template, metadata: { ...spec.template?.metadata, labels } },
    },
  } as Job;
}
