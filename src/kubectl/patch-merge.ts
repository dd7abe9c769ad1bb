/**
 * The two ways a patch body is merged into the live object (apiserver endpoints/handlers/
 * patch.go): `--type merge` is RFC 7386 (evanphx/json-patch MergePatch: objects merge key by
 * key, null deletes, anything else replaces); `--type strategic` (kubectl's default) is
 * apimachinery strategicpatch, which differs where the Go types carry a patch strategy.
 */

import { goFormatValue } from "../models/api/unstructured-decode.js";
import { deduplicateScalars, normalizeElementOrder, partitionByPresence } from "./patch-order.js";
import { applyMapDirectives } from "./retain-keys.js";

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/**
 * The lists of a Job that a strategic merge patch merges rather than replaces, by field path
 * (list items add nothing to the path), with their patchMergeKey — the `patchStrategy:"merge"`
 * tags of k8s.io/api core/v1 types.go (PodSpec, Container, ObjectMeta); every other list is
 * replaced. `null` marks a list of scalars merged as a set (ObjectMeta.finalizers).
 */
const CONTAINER_LISTS: Record<string, string> = {
  env: "name",
  ports: "containerPort",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
};
const POD_SPEC_LISTS: Record<string, string> = {
  volumes: "name",
  imagePullSecrets: "name",
  hostAliases: "ip",
  topologySpreadConstraints: "topologyKey",
  schedulingGates: "name",
  resourceClaims: "name",
};
export const MERGE_KEYS = new Map<string, string | null>();
for (const meta of ["metadata", "spec.template.metadata"]) {
  MERGE_KEYS.set(`${meta}.finalizers`, null);
  MERGE_KEYS.set(`${meta}.ownerReferences`, "uid");
}
for (const [field, key] of Object.entries(POD_SPEC_LISTS)) MERGE_KEYS.set(`spec.template.spec.${field}`, key);
for (const containers of ["containers", "initContainers", "ephemeralContainers"]) {
  MERGE_KEYS.set(`spec.template.spec.${containers}`, "name");
  for (const [field, key] of Object.entries(CONTAINER_LISTS))
    MERGE_KEYS.set(`spec.template.spec.${containers}.${field}`, key);
}

/**
 * A patch the strategic merge cannot apply: a plain error, or (`badRequest`) one of the
 * mergepatch errors the API server's interpretStrategicMergePatchError makes a BadRequest.
 */
export class StrategicPatchError extends Error {
  constructor(
    message: string,
    readonly badRequest = false,
  ) {
    super(message);
  }
}

const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

const PATCH_DIRECTIVE = "$patch";

/**
 * A strategic merge patch of a Job (apimachinery pkg/util/strategicpatch `StrategicMergePatch`):
 * maps merge key by key (null deletes; `$patch: replace` replaces the map, `$patch: delete`
 * empties it); a list in MERGE_KEYS merges item by item on its merge key — an item whose key
 * matches is merged into the live one, a new one added (in the order patch-order.ts gives), `{$patch: delete, <key>: v}`
 * removes the live one, a `{$patch: replace}` item makes the list the patch's other items —
 * and a merged list of scalars is the union, in order; other lists and values replace. A value
 * the live object lacks is taken from the patch less its directives (removeDirectives, PR
 * #117568). `$retainKeys`, `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` act
 * as in mergeMap (retain-keys.ts). Throws StrategicPatchError for an item without the merge
 * key, a `$patch` it does not know, or a malformed directive.
 */
export function strategicMergePatch(target: unknown, patch: unknown, path = ""): unknown {
  if (!isRecord(patch)) return patch;
  if (PATCH_DIRECTIVE in patch) {
    // handleDirectiveInMergeMap
    const directive = patch[PATCH_DIRECTIVE];
    if (directive === "replace") return withoutDirective(patch);
    // (an empty map, not a deletion: a pointer field stays, empty, e.g. `affinity: {}`)
    if (directive === "delete") return {};
    throw badPatchType(directive, patch);
  }
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  const rest = applyMapDirectives(out, patch, path);
  for (const [k, v] of Object.entries(rest)) {
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      // preprocessDeletionListForMerging; mergeSlice's deleteFromSlice (whatever the strategy,
      // PR #110472) — a list of scalars loses those values; nothing else is touched.
      const listKey = k.slice(DELETE_FROM_PRIMITIVE_LIST.length);
      const live = out[listKey];
      if (Array.isArray(live) && Array.isArray(v) && live.every((x) => !isRecord(x)))
        out[listKey] = live.filter((x) => !v.includes(x));
      continue;
    }
    const field = path === "" ? k : `${path}.${k}`;
    if (v === null) delete out[k];
    else if (!(k in out)) {
      const taken = withoutDirectives(structuredClone(v));
      if (taken === undefined) delete out[k];
      else out[k] = taken;
    } else if (Array.isArray(v) && MERGE_KEYS.has(field)) {
      out[k] = mergeList(Array.isArray(out[k]) ? out[k] : [], v, MERGE_KEYS.get(field) ?? null, field);
    } else {
      const merged = strategicMergePatch(out[k], v, field);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  return out;
}

/** mergepatch.ErrBadPatchType: "unknown patch type: %s in map: %v". */
function badPatchType(directive: unknown, m: Record<string, unknown>): StrategicPatchError {
  // (%s of a JSON number or bool is fmt's bad-verb form.)
  const goType = typeof directive === "number" ? "float64" : typeof directive === "boolean" ? "bool" : null;
  const shown =
    typeof directive === "string"
      ? directive
      : goType !== null
        ? `%!s(${goType}=${goFormatValue(directive)})`
        : goFormatValue(directive);
  return new StrategicPatchError(`unknown patch type: ${shown} in map: ${goFormatValue(m)}`);
}

/**
 * strategicpatch removeDirectives: a value put where the live object has none keeps no map
 * that carries `$patch` (whatever its value), at any depth; undefined when `v` itself does.
 * Its null map values go too (discardNullValuesFromPatch: the API server merges with
 * IgnoreUnmatchedNulls).
 */
function withoutDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDirectives).filter((x) => x !== undefined);
  if (!isRecord(v)) return v;
  if (PATCH_DIRECTIVE in v) return undefined;
  for (const [k, x] of Object.entries(v)) {
    const kept = x === null ? undefined : withoutDirectives(x);
    if (kept === undefined) delete v[k];
    else v[k] = kept;
  }
  return v;
}

function withoutDirective(m: Record<string, unknown>): Record<string, unknown> {
  const { [PATCH_DIRECTIVE]: _, ...rest } = m;
  return rest;
}

export function mergeList(live: unknown[], patch: unknown[], key: string | null, path: string): unknown[] {
  if (live.length === 0 && patch.length === 0) return live;
  if (key === null) {
    const merged = deduplicateScalars([...live, ...patch]);
    const [named, liveOnly] = partitionByPresence(merged, patch, null);
    return normalizeElementOrder(named, liveOnly, patch, live, null);
  }
  // mergeSliceWithSpecialElements: the directive items first, over the whole list.
  let out = live.map((x) => structuredClone(x));
  let replace = false;
  const plain: unknown[] = [];
  for (const item of patch) {
    if (!isRecord(item) || !(PATCH_DIRECTIVE in item)) {
      plain.push(item);
      continue;
    }
    const directive = item[PATCH_DIRECTIVE];
    if (directive === "delete") {
      if (!(key in item)) throw noMergeKey(item, key);
      out = out.filter((x) => !(isRecord(x) && x[key] === item[key]));
    } else if (directive === "replace") replace = true;
    else if (directive === "merge")
      throw new StrategicPatchError("merging lists cannot yet be specified in the patch");
    else throw badPatchType(directive, item);
  }
  if (replace) return plain.map((x) => structuredClone(x));
  const serverOrder = [...out];
  // mergeSliceWithoutSpecialElements
  for (const item of plain) {
    if (!isRecord(item) || !(key in item)) throw noMergeKey(item, key);
    // (Keys compare as decoded JSON values: a port 80 is the number 80.)
    const i = out.findIndex((x) => isRecord(x) && x[key] === item[key]);
    if (i >= 0) out[i] = strategicMergePatch(out[i], item, path);
    else out.push(strategicMergePatch(undefined, item, path));
  }
  const [named, liveOnly] = partitionByPresence(out, plain, key);
  return normalizeElementOrder(named, liveOnly, plain, serverOrder, key);
}

/** mergepatch.ErrNoMergeKey. */
function noMergeKey(item: unknown, key: string): StrategicPatchError {
  return new StrategicPatchError(
    `${isRecord(item) ? `map: ${goFormatValue(item)}` : goFormatValue(item)} does not contain declared merge key: ${key}`,
  );
}
