import { describe, expect, it } from "vitest";
import { parseManifestFile } from "../../../src/kubectl/manifests.js";
import { applyDecodedNulls } from "../../../src/models/api/decode-nulls.js";
import { Cluster } from "../../../src/models/cluster.js";

/** JSON nulls in a manifest decode to Go zero values (encoding/json), as the API server sees them. */

/** A one-container Job manifest file with `specLine` in its spec and the container's `image`. */
function jobFile(specLine: string, image: string) {
  return parseManifestFile(
    "job.yaml",
    [
      "apiVersion: batch/v1",
      "kind: Job",
      "metadata: {name: j}",
      "spec:",
      `  ${specLine}`,
      "  template:",
      "    spec:",
      `      containers: [{name: c, image: ${image}}]`,
      "      restartPolicy: Never",
    ].join("\n"),
  );
}
describe("applyDecodedNulls", () => {
  it.each([
    ["a null pointer field is absent", { spec: { backoffLimit: null } }, { spec: {} }],
    [
      "a null string field is absent",
      { spec: { template: { spec: { containers: [{ name: "c", image: null }] } } } },
      { spec: { template: { spec: { containers: [{ name: "c" }] } } } },
    ],
    [
      "a null struct in a list is the zero struct",
      { spec: { template: { spec: { containers: [null] } } } },
      { spec: { template: { spec: { containers: [{}] } } } },
    ],
    [
      "a null string in a list or map is the empty string",
      {
        spec: {
          template: { metadata: { labels: { a: null } }, spec: { containers: [{ args: [null, "x"] }] } },
        },
      },
      {
        spec: { template: { metadata: { labels: { a: "" } }, spec: { containers: [{ args: ["", "x"] }] } } },
      },
    ],
    [
      "a null quantity in a resource list is the zero quantity",
      {
        spec: {
          template: { spec: { containers: [{ resources: { requests: { cpu: null, memory: "1Gi" } } }] } },
        },
      },
      {
        spec: {
          template: { spec: { containers: [{ resources: { requests: { cpu: "0", memory: "1Gi" } } }] } },
        },
      },
    ],
    ["fields the schema does not know are left alone", { spec: { zzz: null } }, { spec: { zzz: null } }],
  ])("%s", (_what, input, expected) => {
    const obj = structuredClone(input) as Record<string, unknown>;
    applyDecodedNulls("Job", obj);
    expect(obj).toEqual(expected);
  });

  it("image: null is the API server's Required value, not a crash", () => {
    const file = jobFile("backoffLimit: null", "null");
    expect(file.docs[0].decodeError).toBeNull();
    const prepared = Cluster.prepareJob(file.docs[0].object);
    expect(Array.isArray(prepared)).toBe(true);
    expect((prepared as { field: string; type: string }[]).map((e) => [e.field, e.type])).toEqual([
      ["spec.template.spec.containers[0].image", "Required value"],
    ]);
  });
});

describe("what Go marshals for a nil list that has no omitempty", () => {
  it("podFailurePolicy: {} is stored and shown with rules: null", () => {
    const file = jobFile("podFailurePolicy: {}", "app");
    const prepared = Cluster.prepareJob(file.docs[0].object);
    expect(Array.isArray(prepared)).toBe(false);
    expect((prepared as { object: { spec: unknown } }).object.spec).toMatchObject({
      podFailurePolicy: { rules: null },
    });
  });
});
