import type { PodSpec, Toleration } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { toleratesUnschedulable } from "../../src/models/node-cordon.js";
import { toleratesTaint } from "../../src/models/taints.js";

/**
 * Toleration.ToleratesTaint (staging/src/k8s.io/api/core/v1/toleration.go) on the value-less
 * taints jobsim's controllers add, and the cordon's NodeUnschedulable filter that reads it.
 */
const U = "node.kubernetes.io/unreachable";
const NR = "node.kubernetes.io/not-ready";
const UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

describe("toleratesTaint", () => {
  it.each<[Toleration, string, boolean]>([
    [{ key: U, operator: "Exists", effect: "NoExecute" }, "NoExecute", true],
    [{ key: U, operator: "Exists", effect: "NoExecute" }, "NoSchedule", false],
    [{ key: U, operator: "Exists" }, "NoSchedule", true],
    [{ key: U, operator: "Equal", value: "" }, "NoExecute", true],
    [{ key: U }, "NoExecute", true],
    [{ key: U, value: "x" }, "NoExecute", false],
    [{ key: U, operator: "Gt", value: "1" }, "NoExecute", false],
    [{ operator: "Exists" }, "NoSchedule", true],
    [{ operator: "Exists", effect: "NoSchedule" }, "NoExecute", false],
    // Validation refuses an empty key without Exists; ToleratesTaint itself matches on the value.
    [{ operator: "Equal" }, "NoSchedule", true],
    [{ key: NR, operator: "Exists" }, "NoExecute", false],
  ])("%j against unreachable:%s → %s", (t, effect, want) => {
    expect(toleratesTaint(t, U, effect)).toBe(want);
  });
});

describe("toleratesUnschedulable", () => {
  const spec = (tolerations?: Toleration[]) => ({ containers: [], tolerations }) as PodSpec;
  it.each<[string, Toleration[] | undefined, boolean]>([
    ["no tolerations", undefined, false],
    ["the taint's key", [{ key: UNSCHEDULABLE, operator: "Exists" }], true],
    ["its key and NoSchedule", [{ key: UNSCHEDULABLE, operator: "Exists", effect: "NoSchedule" }], true],
    ["its key, NoExecute only", [{ key: UNSCHEDULABLE, operator: "Exists", effect: "NoExecute" }], false],
    ["every key", [{ operator: "Exists" }], true],
    ["another key", [{ key: U, operator: "Exists" }], false],
    ["a value to match", [{ key: UNSCHEDULABLE, value: "yes" }], false],
    ["the second one matches", [{ key: U, operator: "Exists" }, { key: UNSCHEDULABLE }], true],
  ])("%s → %s", (_, tolerations, want) => {
    expect(toleratesUnschedulable(spec(tolerations))).toBe(want);
  });
});
