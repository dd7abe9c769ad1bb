import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changes, flatten } from "../../src/models/trace.js";

/**
 * A trace line's `changed` (trace.ts): applied in order to the previous object, it gives the new
 * one. Applying a path: whatever was at or under it goes; a value other than null is set there,
 * replacing a leaf that held its place ({} or []). A null leaf and an absent field read alike.
 */

type Leaves = Map<string, unknown>;

function under(key: string, path: string): boolean {
  return key === path || key.startsWith(`${path}.`) || key.startsWith(`${path}[`);
}

function apply(before: Leaves, changed: Record<string, unknown>): Leaves {
  const out = new Map(before);
  for (const [path, value] of Object.entries(changed)) {
    for (const k of [...out.keys()]) if (under(k, path) || under(path, k)) out.delete(k);
    if (value === null) continue;
    for (const [k, v] of flatten(value, path).leaves) out.set(k, v);
  }
  return out;
}

/** Leaves other than null, with empty objects and lists spelled out for comparison. */
function visible(flat: Leaves): [string, string][] {
  return [...flat]
    .filter(([, v]) => v !== null)
    .map(([k, v]): [string, string] => [k, typeof v === "symbol" ? String(v.description) : JSON.stringify(v)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const tree = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(0, 1, "x", true, null),
    fc.dictionary(fc.constantFrom("a", "b", "c"), tie("node"), { maxKeys: 3 }),
    fc.array(tie("node"), { maxLength: 3 }),
  ),
})).node;

describe("trace changes", () => {
  it("a status that was {} and now has fields is set, not also removed (the old trace said null)", () => {
    const before = flatten({ status: {} });
    const after = flatten({ status: { active: 1, uncountedTerminatedPods: {} } });
    expect(changes(before, after)).toEqual({ "status.active": 1, "status.uncountedTerminatedPods": {} });
  });

  it("fields removed under a parent that becomes {} are left to the parent's {}", () => {
    const before = flatten({ status: { uncountedTerminatedPods: { failed: ["u1"] } } });
    const after = flatten({ status: { uncountedTerminatedPods: {} } });
    expect(changes(before, after)).toEqual({ "status.uncountedTerminatedPods": {} });
  });

  it("a label removed beside one whose key extends its name with a dot is still removed", () => {
    const both = { metadata: { labels: { app: "x", "app.kubernetes.io/name": "y" } } };
    const one = { metadata: { labels: { "app.kubernetes.io/name": "y" } } };
    const other = { metadata: { labels: { app: "x" } } };
    expect(changes(flatten(both), flatten(one))).toEqual({ "metadata.labels.app": null });
    expect(changes(flatten(both), flatten(other))).toEqual({
      "metadata.labels.app.kubernetes.io/name": null,
    });
  });

  it("a removed field is null, listed before the fields set", () => {
    const c = changes(flatten({ a: 1, b: { c: 2 } }), flatten({ a: 2 }));
    expect(Object.entries(c)).toEqual([
      ["b.c", null],
      ["a", 2],
    ]);
  });

  it("applied in order, the changes turn the old object into the new", () => {
    fc.assert(
      fc.property(tree, tree, (a, b) => {
        const before = flatten({ root: a });
        const after = flatten({ root: b });
        expect(visible(apply(before.leaves, changes(before, after)))).toEqual(visible(after.leaves));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });
});
