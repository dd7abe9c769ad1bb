import type { Job, JobSpec } from "kubernetes-types/batch/v1.js";

/**
 * What `kubectl apply` leaves alone on a live Job. apply sends a three-way strategic merge patch
 * (kubectl apply/patcher.go → apimachinery strategicpatch `CreateThreeWayMergePatch`): "the
 * difference from current to modified without deletions, plus deletions from original to
 * modified", original being the last-applied-configuration annotation. A spec field the new
 * manifest does not set is therefore removed (and defaulted again by the server) only when the
 * last apply had set it; one that neither sets — defaulted by the server, or set by `kubectl
 * patch` — keeps its live value (`patch suspend=true`, then re-applying a manifest without
 * `suspend`, leaves the Job suspended; a manifest that adds `parallelism` to a Job created with
 * neither it nor `completions` leaves `completions: 1` as it is).
 *
 * This works on the spec's top-level fields, each as a whole. The selector, manualSelector and
 * the pod template are left to updateExistingJob as before (the live ones carry what the server
 * generated; only a suspended Job's scheduling directives may change there).
 */

const NOT_RETAINED = new Set(["selector", "manualSelector", "template"]);

/** The top-level spec fields of a manifest (as written, before defaulting). */
export function specKeys(manifest: unknown): ReadonlySet<string> {
  const spec = (manifest as { spec?: unknown } | null | undefined)?.spec;
  return new Set(spec !== null && typeof spec === "object" ? Object.keys(spec) : []);
}

/**
 * The object the last-applied-configuration annotation records, or undefined when the Job has
 * none (created by `kubectl create`: no original, so nothing is deleted) or it is not JSON.
 */
export function lastAppliedObject(annotation: string | undefined): unknown {
  if (annotation === undefined) return undefined;
  try {
    return JSON.parse(annotation);
  } catch {
    return undefined;
  }
}

/**
 * `submitted` with the live value of every spec field that neither the manifest (`written`, its
 * fields as written) nor the original (`original`) sets. `submitted` may be the manifest itself or
 * its defaulted form (Monte Carlo's prepared Job): a defaulted value of a field the manifest does
 * not set gives way to the live one.
 */
export function withRetainedSpec(
  submitted: Job,
  written: ReadonlySet<string>,
  live: Job,
  original: ReadonlySet<string> | null,
): Job {
  const liveSpec = (live.spec ?? {}) as Record<string, unknown>;
  let spec: Record<string, unknown> | null = null;
  for (const k of Object.keys(liveSpec)) {
    if (NOT_RETAINED.has(k) || written.has(k) || original?.has(k)) continue;
    spec ??= { ...((submitted.spec ?? {}) as Record<string, unknown>) };
    spec[k] = structuredClone(liveSpec[k]);
  }
  return spec === null ? submitted : { ...submitted, spec: spec as unknown as JobSpec };
}

/** The metadata.labels of a manifest as written, or undefined when it sets none. */
export function writtenLabels(manifest: unknown): Readonly<Record<string, string>> | undefined {
  const labels = (manifest as { metadata?: { labels?: unknown } } | null | undefined)?.metadata?.labels;
  return labels !== null && typeof labels === "object" ? (labels as Record<string, string>) : undefined;
}

/**
 * `submitted` with the Job's labels as the three-way merge leaves them: the live labels, less
 * those the original set and the manifest no longer does, plus the manifest's. So the labels the
 * server gave a Job created without any (SetDefaults_Job: the template's, controller-uid and
 * job-name among them) stay when a later manifest adds one. A merge that leaves none is defaulted
 * again from the template, as the patched object is. Without labels in either, nothing changes.
 */
export function withMergedLabels(
  submitted: Job,
  written: Readonly<Record<string, string>> | undefined,
  live: Job,
  original: Readonly<Record<string, string>> | undefined,
): Job {
  if (written === undefined && original === undefined) {
    if (submitted.metadata?.labels === undefined) return submitted;
    const { labels: _dropped, ...meta } = submitted.metadata;
    return { ...submitted, metadata: meta };
  }
  const labels: Record<string, string> = { ...(live.metadata?.labels ?? {}) };
  for (const k of Object.keys(original ?? {})) if (written === undefined || !(k in written)) delete labels[k];
  assignOrDelete(labels, written ?? {});
  const merged =
    Object.keys(labels).length > 0 ? labels : { ...(live.spec?.template.metadata?.labels ?? {}) };
  return { ...submitted, metadata: { ...submitted.metadata, labels: merged } };
}

/** The metadata.annotations of an object as written, or undefined when it sets none. */
export function writtenAnnotations(manifest: unknown): Readonly<Record<string, string>> | undefined {
  const a = (manifest as { metadata?: { annotations?: unknown } } | null | undefined)?.metadata?.annotations;
  return a !== null && typeof a === "object" ? (a as Record<string, string>) : undefined;
}

/**
 * `submitted` with the Job's annotations as the three-way merge leaves them (the same rule as
 * withMergedLabels): the live ones, less those the original (the last-applied record) set and
 * the manifest no longer does, plus the manifest's, the new last-applied record among them. An
 * annotation added by `kubectl patch` or `annotate` is in neither, so it stays, and a re-apply
 * of the same manifest finds nothing to change (apply.go: `unchanged`).
 */
export function withMergedAnnotations(
  submitted: Job,
  written: Readonly<Record<string, string | null>>,
  live: Job,
  original: Readonly<Record<string, string>> | undefined,
): Job {
  const annotations: Record<string, string> = { ...(live.metadata?.annotations ?? {}) };
  for (const k of Object.keys(original ?? {})) if (!(k in written)) delete annotations[k];
  assignOrDelete(annotations, written);
  return { ...submitted, metadata: { ...submitted.metadata, annotations } };
}

/** The written keys set; one written as null is deleted (the patch's null). */
function assignOrDelete(
  target: Record<string, string>,
  written: Readonly<Record<string, string | null>>,
): void {
  for (const [k, v] of Object.entries(written)) {
    if (v === null) delete target[k];
    else target[k] = v;
  }
}

/**
 * The resourceVersion a manifest carries (copied from `get -o yaml`), when it is a precondition:
 * a number other than 0; else null. kubectl apply sends it in its three-way patch (it is a
 * changed field), and the registry's Update refuses it unless it is the live Job's
 * (registry/generic/registry/store.go: Conflict). A create clears it (resource.Helper.Create).
 */
export function appliedResourceVersion(manifest: unknown): string | null {
  const rv = (manifest as { metadata?: { resourceVersion?: unknown } } | null | undefined)?.metadata
    ?.resourceVersion;
  if (typeof rv !== "string" || !/^\d+$/.test(rv) || BigInt(rv) === 0n) return null;
  return rv;
}

/** Whether an apply carrying `written` (appliedResourceVersion) conflicts with the live version. */
export function conflictsWithLive(written: string | null | undefined, live: number): boolean {
  return written !== null && written !== undefined && BigInt(written) !== BigInt(live);
}
