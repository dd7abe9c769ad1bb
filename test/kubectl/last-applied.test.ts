import { describe, expect, it } from "vitest";
import { LAST_APPLIED, lastAppliedConfiguration } from "../../src/kubectl/last-applied.js";

/**
 * The annotation `kubectl apply` records. Real objects show it with the namespace filled in and
 * an `annotations` map, empty when the manifest had none:
 * `{"apiVersion":"v1","kind":"Secret","metadata":{"annotations":{},"name":"mysecret","namespace":"default"},...}`.
 */

const job = (metadata: Record<string, unknown>) => ({
  apiVersion: "batch/v1",
  kind: "Job",
  metadata,
  spec: { x: 1 },
});

describe("kubectl.kubernetes.io/last-applied-configuration", () => {
  it.each([
    [
      "no annotations: an empty map, and the namespace kubectl used",
      job({ name: "work" }),
      "default",
      '{"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"work","namespace":"default"},"spec":{"x":1}}\n',
    ],
    [
      "the manifest's annotations, sorted; -n team-a",
      job({ name: "work", annotations: { z: "1", a: "2" } }),
      "team-a",
      '{"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{"a":"2","z":"1"},"name":"work","namespace":"team-a"},"spec":{"x":1}}\n',
    ],
    [
      "an old record in the manifest is not recorded inside the new one",
      job({ name: "work", annotations: { [LAST_APPLIED]: "{}" } }),
      "default",
      '{"apiVersion":"batch/v1","kind":"Job","metadata":{"annotations":{},"name":"work","namespace":"default"},"spec":{"x":1}}\n',
    ],
    [
      "a cluster-scoped object has no namespace",
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a" } },
      null,
      '{"apiVersion":"v1","kind":"Namespace","metadata":{"annotations":{},"name":"team-a"}}\n',
    ],
  ])("%s", (_name, object, namespace, expected) => {
    expect(lastAppliedConfiguration(object as Record<string, unknown>, namespace as string | null)).toBe(
      expected,
    );
    // The manifest itself is left as it was.
    expect((object as { metadata: Record<string, unknown> }).metadata.namespace).toBeUndefined();
  });
});
