/**
 * The map-level directives of a strategic merge patch, applied before its keys are merged
 * (apimachinery pkg/util/strategicpatch patch.go mergeMap: applyRetainKeysDirective, then
 * mergePatchIntoOriginal), as the API server runs them (MergeParallelList: true):
 *
 * - `$retainKeys: [k…]` clears the live keys not listed; every key the patch sets must be listed
 *   (else mergepatch.ErrBadPatchFormatForRetainKeys, a BadRequest);
 * - `$setElementOrder/<list>: [items]` merges `<list>` as usual, then orders it: the items
 *   listed in the directive's order, the live-only ones kept in their live places
 *   (normalizeElementOrder); a patch list out of the directive's order is refused.
 *
 * Both keys, and the lists `$setElementOrder` merged, leave the patch; the rest is returned.
 */

import { goFormatValue } from "../models/api/unstructured-decode.js";
import { MERGE_KEYS, mergeList, StrategicPatchError } from "./patch-merge.js";
import { normalizeElementOrder, partitionByPresence } from "./patch-order.js";

const RETAIN_KEYS = "$retainKeys";
const SET_ELEMENT_ORDER = "$setElementOrder/";
const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** reflect.TypeOf's name of a decoded JSON value, for mergepatch.ErrBadArgType. */
function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return "[]interface {}";
  if (typeof v === "object") return "map[string]interface {}";
  return typeof v === "number" ? "float64" : typeof v === "boolean" ? "bool" : "string";
}

/** mergepatch.ErrBadArgType(expected a list, got `v`). */
function badListArg(v: unknown): StrategicPatchError {
  return new StrategicPatchError(`expected a []interface {}, but received a ${goTypeName(v)}`);
}

export function applyMapDirectives(
  out: Record<string, unknown>,
  patch: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  const rest = { ...patch };
  if (RETAIN_KEYS in rest) {
    const retained = rest[RETAIN_KEYS];
    delete rest[RETAIN_KEYS];
    const bad = new StrategicPatchError("invalid patch format of retainKeys", true);
    if (!Array.isArray(retained)) throw bad;
    for (const [k, v] of Object.entries(rest)) {
      if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
      if (!retained.includes(k)) throw bad;
    }
    for (const k of Object.keys(out)) if (!retained.includes(k)) delete out[k];
  }
  for (const k of Object.keys(rest)) {
    if (!k.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = rest[k];
    delete rest[k];
    if (!Array.isArray(order)) throw badListArg(order);
    const listKey = k.slice(SET_ELEMENT_ORDER.length);
    const field = path === "" ? listKey : `${path}.${listKey}`;
    const key = MERGE_KEYS.get(field) ?? null;
    const merges = MERGE_KEYS.has(field);
    const live = out[listKey];
    const patched = rest[listKey];
    if (live !== undefined && !Array.isArray(live)) throw badListArg(live);
    if (patched !== undefined && !Array.isArray(patched)) throw badListArg(patched);
    checkOrder(patched ?? [], order, key);
    let merged: unknown[];
    if (live !== undefined && patched === undefined) merged = live;
    else if (live === undefined && patched !== undefined) merged = patched;
    else if (live !== undefined && patched !== undefined)
      merged = merges ? mergeList(live, patched, key, field) : patched;
    else continue;
    const elementIsMap = [...(live ?? []), ...(patched ?? [])].some(isRecord);
    const byKey = elementIsMap ? key : null;
    const [named, liveOnly] = partitionByPresence(merged, order, byKey);
    out[listKey] = normalizeElementOrder(named, liveOnly, order, live ?? [], byKey);
    delete rest[listKey];
  }
  return rest;
}

/**
 * validatePatchWithSetOrderList: the patch list's items (but `$patch: delete` ones) must come
 * in the directive list's order.
 */
function checkOrder(patched: unknown[], order: unknown[], key: string | null): void {
  if (patched.length === 0 || order.length === 0) return;
  const items = patched.filter((x) => !(key !== null && isRecord(x) && x.$patch === "delete"));
  const mergeValue = (x: unknown) => (key === null ? x : isRecord(x) ? x[key] : undefined);
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isRecord(items[p]) && "$patch" in (items[p] as Record<string, unknown>)) {
      p++;
      continue;
    }
    if (mergeValue(items[p]) === mergeValue(order[o])) p++;
    o++;
  }
  if (p < items.length && o >= order.length)
    throw new StrategicPatchError(
      `The order in patch list:\n${goFormatValue(patched)}\n doesn't match ${SET_ELEMENT_ORDER} list:\n${goFormatValue(order)}\n`,
    );
}
