/**
 * The order strategicpatch leaves a merged list in (apimachinery pkg/util/strategicpatch
 * patch.go: mergeSlice's "enforce the order", normalizeElementOrder, normalizeSliceOrder,
 * mergeSortedSlice, deduplicateScalars). The items the patch names come in the patch's order
 * (or its `$setElementOrder` list's), the live-only ones in their live order, and the two are
 * interleaved by the live positions: a live-only item goes first only when both it and the
 * patch's next item were live and it stood before that one. So a patch naming an existing
 * item after a new one moves the existing item after the new one.
 */

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** index(): where `item` stands in `list`, by its merge key (maps) or by value (scalars). */
function indexIn(list: readonly unknown[], item: unknown, key: string | null): number {
  const mergeValue = (x: unknown) => (key === null ? x : isRecord(x) ? x[key] : undefined);
  const wanted = mergeValue(item);
  return list.findIndex((x) => mergeValue(x) === wanted);
}

/** partitionMapsByPresentInList / partitionPrimitivesByPresentInList. */
export function partitionByPresence(
  merged: readonly unknown[],
  by: readonly unknown[],
  key: string | null,
): [unknown[], unknown[]] {
  const present: unknown[] = [];
  const absent: unknown[] = [];
  for (const x of merged) (indexIn(by, x, key) >= 0 ? present : absent).push(x);
  return [present, absent];
}

/** normalizeSliceOrder: a stable sort by the order list, `$patch: delete` items last. */
function sortByOrder(items: unknown[], order: readonly unknown[], key: string | null): unknown[] {
  const isDelete = (x: unknown) => key !== null && isRecord(x) && x.$patch === "delete";
  const kept = items.filter((x) => !isDelete(x));
  const ranked = kept.map((x, i) => ({ x, i, at: indexIn(order, x, key) }));
  ranked.sort((a, b) => (a.at >= 0 && b.at >= 0 && a.at !== b.at ? a.at - b.at : a.i - b.i));
  return [...ranked.map((r) => r.x), ...items.filter(isDelete)];
}

/** normalizeElementOrder(patchItems, serverOnly, patchOrder, serverOrder). */
export function normalizeElementOrder(
  patchItems: unknown[],
  serverOnly: unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  key: string | null,
): unknown[] {
  const right = sortByOrder(patchItems, patchOrder, key);
  const left = sortByOrder(serverOnly, serverOrder, key);
  // mergeSortedSlice
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], key);
      const ri = indexIn(serverOrder, right[j], key);
      out.push(li >= 0 && ri >= 0 && li < ri ? left[i++] : right[j++]);
    }
  }
  return out;
}

/** deduplicateScalars: a later duplicate is overwritten by the last item (order not kept). */
export function deduplicateScalars(input: readonly unknown[]): unknown[] {
  const s = [...input];
  let last = s.length - 1;
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (s[i] === s[j]) {
        s[j] = s[last];
        s.length = last;
        last--;
        j--;
      }
    }
  }
  return s;
}
