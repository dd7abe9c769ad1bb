import type { PodSpec, Toleration } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { NodeRecord } from "../../src/models/node-record.js";
import {
  admittedTolerations,
  EVICT_NOW,
  NEVER_EVICT,
  refusedByUnreachableTaint,
  unreachableEvictionDelayMs,
} from "../../src/models/taint-eviction.js";

/**
 * The taint eviction controller's and the DefaultTolerationSeconds admission plugin's policy
 * (pkg/controller/tainteviction/taint_eviction.go processPodOnNode, getMinTolerationTime;
 * v1helper.GetMatchingTolerations; plugin/pkg/admission/defaulttolerationseconds/admission.go;
), and the scheduler's TaintToleration filter on the
 * unreachable taints.
 */
const U = "node.kubernetes.io/unreachable";
const NR = "node.kubernetes.io/not-ready";

describe("admittedTolerations", () => {
  it.each<[string, Toleration[] | undefined, string[]]>([
    ["none: both defaults", undefined, [`${NR}/NoExecute/300`, `${U}/NoExecute/300`]],
    [
      "its own first",
      [{ key: "gpu", operator: "Exists" }],
      ["gpu//-", `${NR}/NoExecute/300`, `${U}/NoExecute/300`],
    ],
    [
      "unreachable covered: only not-ready added",
      [{ key: U, operator: "Exists", effect: "NoExecute", tolerationSeconds: 60 }],
      [`${U}/NoExecute/60`, `${NR}/NoExecute/300`],
    ],
    ["an empty effect covers", [{ key: U, operator: "Exists" }], [`${U}//-`, `${NR}/NoExecute/300`]],
    ["an empty key covers both", [{ operator: "Exists" }], ["//-"]],
    [
      "a NoSchedule one does not cover",
      [{ key: U, operator: "Exists", effect: "NoSchedule" }],
      [`${U}/NoSchedule/-`, `${NR}/NoExecute/300`, `${U}/NoExecute/300`],
    ],
  ])("%s", (_, own, want) => {
    expect(
      admittedTolerations(own).map((t) => `${t.key ?? ""}/${t.effect ?? ""}/${t.tolerationSeconds ?? "-"}`),
    ).toEqual(want);
  });
});

describe("unreachableEvictionDelayMs", () => {
  it.each<[string, Toleration[] | undefined, number]>([
    ["the default 300 s", undefined, 300_000],
    ["its own 60 s", [{ key: U, operator: "Exists", effect: "NoExecute", tolerationSeconds: 60 }], 60_000],
    ["for ever", [{ key: U, operator: "Exists", effect: "NoExecute" }], NEVER_EVICT],
    ["0 s: now", [{ key: U, operator: "Exists", effect: "NoExecute", tolerationSeconds: 0 }], EVICT_NOW],
    [
      "negative: now",
      [{ key: U, operator: "Exists", effect: "NoExecute", tolerationSeconds: -5 }],
      EVICT_NOW,
    ],
    // The first toleration that tolerates the taint is the one used (GetMatchingTolerations breaks).
    [
      "the first matching",
      [{ operator: "Exists" }, { key: U, operator: "Exists", tolerationSeconds: 10 }],
      NEVER_EVICT,
    ],
    // A toleration with a value never matches the value-less taint, and covers it for admission.
    ["not tolerated: now", [{ key: U, operator: "Equal", value: "x", effect: "NoExecute" }], EVICT_NOW],
  ])("%s", (_, own, want) => {
    expect(unreachableEvictionDelayMs(own)).toBe(want);
  });
});

describe("refusedByUnreachableTaint (TaintToleration Filter)", () => {
  const node = (noSchedule: number, noExecute: number) => {
    const n = new NodeRecord(0, "n", "agent", 1000, 1 << 30, 110, 0, 0, "10.0.0.1", 0, {}, 0);
    n.unreachableNoScheduleMs = noSchedule;
    n.unreachableNoExecuteMs = noExecute;
    return n;
  };
  const spec = (tolerations?: Toleration[]): PodSpec => ({ containers: [], tolerations });
  it.each<[string, number, number, Toleration[] | undefined, boolean]>([
    ["no taint", -1, -1, undefined, false],
    ["NoSchedule untolerated", 1, -1, undefined, true],
    ["both, default tolerations", 1, 2, undefined, true],
    [
      "NoSchedule tolerated, NoExecute by default",
      1,
      2,
      [{ key: U, operator: "Exists", effect: "NoSchedule" }],
      false,
    ],
    ["everything tolerated", 1, 2, [{ operator: "Exists" }], false],
  ])("%s", (_, ns, ne, tol, want) => {
    expect(refusedByUnreachableTaint(spec(tol), node(ns, ne))).toBe(want);
  });
});
