/**
 * The two ways a patch body is merged into the live object (apiserver endpoints/handlers/
 * patch.go): `--type merge` is RFC 7386 (evanphx/json-patch MergePatch: objects merge key by
 * key, null deletes, anything else replaces); `--type strategic` (kubectl's default) is
 * apimachinery strategicpatch, which differs where the Go types carry a patch strategy.
 */

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
 * A strategic merge patch, as far as a Job's fields need it: maps merge (null deletes), and a
 * list of objects that all carry a `name` (containers, initContainers, env, volumes,
 * volumeMounts: patchMergeKey "name", patchStrategy "merge") merges item by item — an item
 * whose name matches is merged into the live one, a new one is appended; other lists are
 * replaced. The `$patch`/`$retainKeys`/`$setElementOrder` directives are not simulated.
 */
export function strategicMergePatch(target: unknown, patch: unknown): unknown {
  if (Array.isArray(target) && Array.isArray(patch) && byName(target) && byName(patch)) {
    const out = target.map((x) => structuredClone(x) as Record<string, unknown>);
    for (const item of patch as Record<string, unknown>[]) {
      const i = out.findIndex((x) => x.name === item.name);
      if (i >= 0) out[i] = strategicMergePatch(out[i], item) as Record<string, unknown>;
      else out.push(item);
    }
    return out;
  }
  if (!isRecord(patch)) return patch;
  const out: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k], v);
  }
  return out;
}

function byName(list: unknown[]): boolean {
  return list.length > 0 && list.every((x) => isRecord(x) && typeof x.name === "string");
}
