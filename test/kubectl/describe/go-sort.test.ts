import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  goSort,
  goSortStrings,
  goSortWithShifts,
  goStringCompare,
  XORSHIFT_GO_1_19,
} from "../../../src/kubectl/describe/go-sort.js";

interface Item {
  k: number;
  id: number;
}

const byKey = (a: Item, b: Item) => a.k < b.k;

describe("goSort: Go's sort.Sort (pdqsort)", () => {
  /**
   * Cases produced by Go 1.19.8's `sort.Sort` (Debian golang-go 2:1.19~1) on []struct{Key, ID int} with
   * Less = Key only, for sizes 13–100 with 1–1000 distinct keys (random, nearly ascending, descending), keeping
   * mostly inputs whose result depends on the pattern breaker. The generator:
   *   sort.Sort(byKey(items)); for i, it := range items { order[i] = it.ID }
   * Go 1.19 seeds breakPatterns' xorshift with shifts (13, 17, 5); Go ≥ 1.24 (kubectl 1.35's toolchain) uses
   * (13, 7, 17) — the algorithm is otherwise the same, so the port is checked with the 1.19 shifts here.
   */
  const cases = JSON.parse(readFileSync(new URL("./go119-sort-cases.json", import.meta.url), "utf8")) as {
    keys: number[];
    order: number[];
  }[];

  it.each(cases.map((c, i) => [i, c.keys.length, c] as const))(
    "Go 1.19 case %i (n=%i): same final order",
    (_i, _n, c) => {
      const items = c.keys.map((k, id) => ({ k, id }));
      goSortWithShifts(items, byKey, XORSHIFT_GO_1_19);
      expect(items.map((x) => x.id)).toEqual(c.order);
    },
  );

  it("sorts (non-decreasing) and permutes, for any input", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 300 }), (keys) => {
        const items = keys.map((k, id) => ({ k, id }));
        goSort(items, byKey);
        for (let i = 1; i < items.length; i++) expect(items[i - 1].k <= items[i].k).toBe(true);
        expect(items.map((x) => x.id).sort((a, b) => a - b)).toEqual(keys.map((_, i) => i));
      }),
    );
  });

  it("is stable for 12 elements or fewer (insertion sort), as kubectl's event list relies on", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 12 }), (keys) => {
        const items = keys.map((k, id) => ({ k, id }));
        goSort(items, byKey);
        const expected = keys.map((k, id) => ({ k, id })).sort((a, b) => a.k - b.k || a.id - b.id);
        expect(items).toEqual(expected);
      }),
    );
  });

  it("is not stable above 12 elements (order checked against Go 1.19.8, no pattern breaking involved)", () => {
    // 14 events of which 13 share a lastTimestamp: pdqsort's partitioning moves the equal ones around.
    const keys = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    for (const sorter of [
      (x: Item[]) => goSort(x, byKey),
      (x: Item[]) => goSortWithShifts(x, byKey, XORSHIFT_GO_1_19),
    ]) {
      const items = keys.map((k, id) => ({ k, id }));
      sorter(items);
      expect(items.map((x) => x.id)).toEqual([13, 6, 2, 3, 4, 5, 0, 7, 8, 9, 10, 11, 12, 1]);
    }
  });
});

describe("Go string order", () => {
  it("compares by code point (UTF-8 byte order), not UTF-16 units", () => {
    // U+FF5E (one UTF-16 unit) sorts before U+1F600 (a surrogate pair) in Go; JavaScript's default sort
    // puts the pair first because 0xD83D < 0xFF5E.
    expect(goSortStrings(["\u{1F600}", "\uFF5E", "a", "B", ""])).toEqual([
      "",
      "B",
      "a",
      "\uFF5E",
      "\u{1F600}",
    ]);
    expect(goStringCompare("ab", "abc")).toBe(-1);
    expect(goStringCompare("abc", "abc")).toBe(0);
  });
});
