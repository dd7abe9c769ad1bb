/**
 * kubectl apply's record of what it applied, kept on the object for the next three-way merge.
 */

import { LAST_APPLIED } from "../models/api/annotations.js";

export { LAST_APPLIED };

/**
 * The annotation `kubectl apply` records (apply's GetModifiedConfiguration): the object as sent —
 * its namespace filled in, as kubectl's resource builder sets it — with its annotations minus this
 * one, an empty map when there are none; JSON with sorted keys and a newline.
 * (Seen in real objects: `"metadata":{"annotations":{},"name":"x","namespace":"default"}`.)
 */
export function lastAppliedConfiguration(object: Record<string, unknown>, namespace: string | null): string {
  const o = structuredClone(object);
  const meta = (o.metadata ??= {}) as Record<string, unknown>;
  if (namespace !== null) meta.namespace = namespace;
  const annotations = { ...((meta.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  meta.annotations = annotations;
  return `${sortedJson(o)}\n`;
}

/** JSON with keys sorted at every level, as kubectl serialises unstructured objects. */
export function sortedJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, sortKeys(o[k])]),
    );
  }
  return v;
}
