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
