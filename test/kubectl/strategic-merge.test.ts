import { describe, expect, it } from "vitest";
import { mergePatch, StrategicPatchError, strategicMergePatch } from "../../src/kubectl/patch-merge.js";

/**
 * Strategic merge patches of a Job, by the patchStrategy/patchMergeKey tags of k8s.io/api
 * core/v1 (Container env: name, ports: containerPort, volumeMounts: mountPath; PodSpec
 * volumes: name; ObjectMeta finalizers: merged set) and strategicpatch's `$patch` directive.
 */

const container = (extra: Record<string, unknown>) => ({
  spec: { template: { spec: { containers: [{ name: "c", image: "app:1", ...extra }] } } },
});

const cases: { name: string; live: unknown; patch: unknown; expected: unknown }[] = [
  {
    name: "containers merge by name; a new one is appended",
    live: {
      spec: {
        template: {
          spec: {
            containers: [
              { name: "a", image: "x" },
              { name: "b", image: "y" },
            ],
          },
        },
      },
    },
    patch: {
      spec: {
        template: {
          spec: {
            containers: [
              { name: "b", image: "z" },
              { name: "c", image: "w" },
            ],
          },
        },
      },
    },
    expected: {
      spec: {
        template: {
          spec: {
            containers: [
              { name: "a", image: "x" },
              { name: "b", image: "z" },
              { name: "c", image: "w" },
            ],
          },
        },
      },
    },
  },
  {
    // (A new item goes before the live-only ones: mergeSortedSlice takes a patch item first
    // unless both were live and the live one stood earlier.)
    name: "volumeMounts merge by mountPath, not by name",
    live: container({ volumeMounts: [{ name: "v", mountPath: "/a" }] }),
    patch: container({ volumeMounts: [{ name: "v", mountPath: "/b" }] }),
    expected: container({
      volumeMounts: [
        { name: "v", mountPath: "/b" },
        { name: "v", mountPath: "/a" },
      ],
    }),
  },
  {
    name: "ports merge by containerPort (a named port with a new number is another port)",
    live: container({ ports: [{ name: "http", containerPort: 80 }] }),
    patch: container({ ports: [{ name: "http", containerPort: 8080 }] }),
    expected: container({
      ports: [
        { name: "http", containerPort: 8080 },
        { name: "http", containerPort: 80 },
      ],
    }),
  },
  {
    name: "env: $patch delete removes the item with that name",
    live: container({
      env: [
        { name: "A", value: "1" },
        { name: "B", value: "2" },
      ],
    }),
    patch: container({ env: [{ name: "A", $patch: "delete" }] }),
    expected: container({ env: [{ name: "B", value: "2" }] }),
  },
  {
    name: "env: a $patch replace item makes the list the patch's other items",
    live: container({ env: [{ name: "A", value: "1" }] }),
    patch: container({ env: [{ $patch: "replace" }, { name: "C", value: "3" }] }),
    expected: container({ env: [{ name: "C", value: "3" }] }),
  },
  {
    name: "tolerations have no patch strategy: replaced",
    live: { spec: { template: { spec: { tolerations: [{ key: "a" }] } } } },
    patch: { spec: { template: { spec: { tolerations: [{ key: "b" }] } } } },
    expected: { spec: { template: { spec: { tolerations: [{ key: "b" }] } } } },
  },
  {
    name: "args (a list of strings without strategy): replaced",
    live: container({ args: ["a", "b"] }),
    patch: container({ args: ["b"] }),
    expected: container({ args: ["b"] }),
  },
  {
    name: "metadata.finalizers: the union, live ones first",
    live: { metadata: { finalizers: ["a", "b"] } },
    patch: { metadata: { finalizers: ["b", "c"] } },
    expected: { metadata: { finalizers: ["a", "b", "c"] } },
  },
  {
    name: "a map with $patch replace is replaced; null deletes a key",
    live: { metadata: { labels: { a: "1", b: "2" }, annotations: { x: "1" } } },
    patch: { metadata: { labels: { $patch: "replace", c: "3" }, annotations: { x: null } } },
    expected: { metadata: { labels: { c: "3" }, annotations: {} } },
  },
  {
    name: "a list of the same name elsewhere (podFailurePolicy rules) is replaced",
    live: { spec: { podFailurePolicy: { rules: [{ action: "Ignore" }] } } },
    patch: { spec: { podFailurePolicy: { rules: [{ action: "FailJob" }] } } },
    expected: { spec: { podFailurePolicy: { rules: [{ action: "FailJob" }] } } },
  },
];

describe("strategicMergePatch", () => {
  it.each(cases)("$name", ({ live, patch, expected }) => {
    expect(strategicMergePatch(structuredClone(live), patch)).toEqual(expected);
  });

  it("an item without the merge key is refused with strategicpatch's ErrNoMergeKey text", () => {
    const live = container({});
    const patch = { spec: { template: { spec: { containers: [{ image: "app:2" }] } } } };
    expect(() => strategicMergePatch(live, patch)).toThrow(StrategicPatchError);
    expect(() => strategicMergePatch(live, patch)).toThrow(
      "map: map[image:app:2] does not contain declared merge key: name",
    );
  });

  it("a JSON merge patch (RFC 7386) replaces every list", () => {
    const live = container({ env: [{ name: "A", value: "1" }] });
    expect(mergePatch(live, container({ env: [{ name: "B", value: "2" }] }))).toEqual(
      container({ env: [{ name: "B", value: "2" }] }),
    );
  });
});
