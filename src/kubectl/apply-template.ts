import type { Job, JobSpec } from "kubernetes-types/batch/v1.js";
import { MERGE_KEYS } from "./patch-merge.js";
import { normalizeElementOrder, partitionByPresence } from "./patch-order.js";

/**
 * kubectl apply's three-way merge inside the pod template (apply/patcher.go →
 * strategicpatch CreateThreeWayMergePatch, applied by the API server's StrategicMergePatch):
 * the live template, less what the last-applied template set and the manifest's no longer does,
 * with the manifest's values merged in — maps key by key, lists with a patch merge key item by
 * item (ordered by the manifest, as its `$setElementOrder` does), other lists and values
 * replaced; a null in the manifest deletes. So what neither sets stays as it is live: the
 * server's defaults (imagePullPolicy stays what it was defaulted to) and a scheduling directive
 * `kubectl patch` gave a suspended Job.
 */
export function mergeThreeWay(original: unknown, live: unknown, modified: unknown, path: string): unknown {
  if (isRecord(modified)) {
    if (!isRecord(live)) return withoutNulls(modified);
    const out: Record<string, unknown> = { ...live };
    for (const k of Object.keys(out))
      if (!(k in modified) && isRecord(original) && k in original) delete out[k];
    for (const [k, v] of Object.entries(modified)) {
      const field = `${path}.${k}`;
      if (v === null) delete out[k];
      else out[k] = mergeThreeWay(isRecord(original) ? original[k] : undefined, out[k], v, field);
    }
    return out;
  }
  const key = MERGE_KEYS.get(path);
  if (Array.isArray(modified) && typeof key === "string" && Array.isArray(live))
    return mergeKeyedList(Array.isArray(original) ? original : [], live, modified, key, path);
  return structuredClone(modified);
}

function mergeKeyedList(
  original: unknown[],
  live: unknown[],
  modified: unknown[],
  key: string,
  path: string,
): unknown[] {
  const find = (list: unknown[], item: unknown) =>
    list.find((x) => isRecord(x) && isRecord(item) && x[key] === item[key]);
  const out: unknown[] = [];
  for (const x of live) {
    if (find(modified, x) !== undefined) out.push(x);
    else if (find(original, x) === undefined) out.push(x); // (live-only, never applied: kept)
  }
  for (const m of modified) {
    const i = out.findIndex((x) => isRecord(x) && isRecord(m) && x[key] === m[key]);
    if (i >= 0) out[i] = mergeThreeWay(find(original, m), out[i], m, path);
    else out.push(mergeThreeWay(undefined, undefined, m, path));
  }
  const [named, liveOnly] = partitionByPresence(out, modified, key);
  return normalizeElementOrder(named, liveOnly, modified, live, key);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A value the live object lacks, as the server takes it (discardNullValuesFromPatch). */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isRecord(v)) return structuredClone(v);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = withoutNulls(x);
  return out;
}

/** The template as written in a manifest (nulls kept), or undefined. */
export function writtenTemplate(manifest: unknown): unknown {
  const spec = (manifest as { spec?: unknown } | null | undefined)?.spec;
  return isRecord(spec) ? spec.template : undefined;
}

/**
 * `submitted` with its template the three-way merge of the live one, the last-applied one
 * (`original`) and the manifest's (`written`), less the controller-uid labels the registry
 * generated (updateExistingJob keeps the live ones, as it does for a patch).
 */
export function withMergedTemplate(submitted: Job, written: unknown, live: Job, original: unknown): Job {
  if (written === undefined || submitted.spec === undefined) return submitted;
  const merged = mergeThreeWay(
    original,
    live.spec?.template,
    written,
    "spec.template",
  ) as JobSpec["template"];
  const labels = merged.metadata?.labels;
  if (labels !== undefined) {
    const kept = Object.fromEntries(Object.entries(labels).filter(([k]) => !k.endsWith("controller-uid")));
    merged.metadata = { ...merged.metadata, labels: kept };
  }
  return { ...submitted, spec: { ...submitted.spec, template: merged } };
}
