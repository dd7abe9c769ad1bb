import { describe, expect, it } from "vitest";
import { StrategicPatchError, strategicMergePatch } from "../../src/kubectl/patch-merge.js";

/**
 * strategicpatch's `$patch` directive beyond replace/delete (apimachinery
 * pkg/util/strategicpatch/patch.go): in a merged list's item, `merge` is refused
 * (mergeSliceWithSpecialElements) and any other value is mergepatch.ErrBadPatchType, as it is
 * in a map (handleDirectiveInMergeMap). A directive in a value the live object does not have
 * is dropped with it (removeDirectives), not refused.
 */

const withEnv = (env: unknown[]) => ({
  spec: { template: { spec: { containers: [{ name: "c", image: "app:1", env }] } } },
});
const live = withEnv([{ name: "A", value: "1" }]);

const refused = (patch: unknown) => {
  try {
    strategicMergePatch(structuredClone(live), patch);
  } catch (e) {
    expect(e).toBeInstanceOf(StrategicPatchError);
    return (e as Error).message;
  }
  return "accepted";
};

describe("strategicMergePatch: $patch directives it refuses", () => {
  it("$patch: merge in a list item: merging lists cannot yet be specified", () => {
    expect(refused(withEnv([{ name: "A", $patch: "merge" }]))).toBe(
      "merging lists cannot yet be specified in the patch",
    );
  });

  it("an unknown $patch in a list item or a map: ErrBadPatchType", () => {
    expect(refused(withEnv([{ name: "A", $patch: "bogus" }]))).toBe(
      "unknown patch type: bogus in map: map[$patch:bogus name:A]",
    );
    expect(refused({ spec: { template: { $patch: "merge" } } })).toBe(
      "unknown patch type: merge in map: map[$patch:merge]",
    );
  });

  it("a $patch: replace list drops the other directive items too", () => {
    const out = strategicMergePatch(
      structuredClone(live),
      withEnv([{ $patch: "replace" }, { name: "A", $patch: "delete" }, { name: "B", value: "2" }]),
    );
    expect(out).toEqual(withEnv([{ name: "B", value: "2" }]));
  });

  it("a directive in a map the live object lacks is dropped with that map", () => {
    const out = strategicMergePatch(structuredClone(live), {
      spec: { template: { spec: { nodeSelector: { $patch: "bogus" } } } },
    });
    expect(out).toEqual(live);
  });
});

describe("strategicMergePatch: a value the live object lacks", () => {
  it("loses its null map values (discardNullValuesFromPatch) and its directive maps", () => {
    const out = strategicMergePatch(structuredClone(live), {
      spec: { template: { spec: { nodeSelector: { a: null, b: "x" } } } },
    });
    expect(out).toEqual({
      spec: { template: { spec: { ...live.spec.template.spec, nodeSelector: { b: "x" } } } },
    });
  });

  it("a $patch that is not a string is shown as fmt's %s shows a float64", () => {
    expect(refused({ spec: { template: { $patch: 1 } } })).toBe(
      "unknown patch type: %!s(float64=1) in map: map[$patch:1]",
    );
  });
});

const gates = (names: string[]) => ({
  spec: { template: { spec: { schedulingGates: names.map((name) => ({ name })) } } },
});

describe("strategicMergePatch: the order of a merged list (normalizeElementOrder)", () => {
  it("patch items in the patch's order; a live-only item keeps its place only before live patch items", () => {
    expect(strategicMergePatch(gates(["a", "b", "c"]), gates(["d", "a"]))).toEqual(
      gates(["d", "a", "b", "c"]),
    );
    expect(strategicMergePatch(gates(["a", "b", "c"]), gates(["c", "d"]))).toEqual(
      gates(["a", "b", "c", "d"]),
    );
  });

  it("$setElementOrder orders the merged list and leaves the patch", () => {
    const patch = {
      spec: { template: { spec: { "$setElementOrder/schedulingGates": [{ name: "c" }, { name: "a" }] } } },
    };
    // (b, live-only, stood before c, the first listed item: it goes first)
    expect(strategicMergePatch(gates(["a", "b", "c"]), patch)).toEqual(gates(["b", "c", "a"]));
  });

  it("a patch list out of the $setElementOrder order is refused", () => {
    const patch = {
      spec: {
        template: {
          spec: {
            "$setElementOrder/schedulingGates": [{ name: "a" }, { name: "b" }],
            schedulingGates: [{ name: "b" }, { name: "a" }],
          },
        },
      },
    };
    expect(() => strategicMergePatch(gates(["a"]), patch)).toThrow(
      "The order in patch list:\n[map[name:b] map[name:a]]\n doesn't match $setElementOrder/ list:\n[map[name:a] map[name:b]]\n",
    );
  });
});

describe("strategicMergePatch: $retainKeys and $deleteFromPrimitiveList", () => {
  it("$retainKeys clears the live keys it does not list", () => {
    const out = strategicMergePatch(
      { spec: { template: { spec: { nodeSelector: { a: "1", b: "2" } } } } },
      { spec: { template: { spec: { nodeSelector: { $retainKeys: ["b", "c"], c: "3" } } } } },
    );
    expect(out).toEqual({ spec: { template: { spec: { nodeSelector: { b: "2", c: "3" } } } } });
  });

  it("a key the patch sets outside $retainKeys is a BadRequest", () => {
    let error: unknown;
    try {
      strategicMergePatch({ spec: {} }, { spec: { $retainKeys: ["a"], b: 1 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StrategicPatchError);
    expect((error as StrategicPatchError).message).toBe("invalid patch format of retainKeys");
    expect((error as StrategicPatchError).badRequest).toBe(true);
  });

  it("$deleteFromPrimitiveList removes those values from a list of scalars", () => {
    const out = strategicMergePatch(
      { metadata: { finalizers: ["a", "b", "c"] } },
      { metadata: { "$deleteFromPrimitiveList/finalizers": ["b"] } },
    );
    expect(out).toEqual({ metadata: { finalizers: ["a", "c"] } });
  });
});
