import { describe, expect, it } from "vitest";
import { type PriorityAdmission, PriorityClasses } from "../../src/models/priority-classes.js";

/**
 * The Priority admission plugin on a pod made from a template (admission.go admitPod): the class
 * named, or the global default, gives priority and preemptionPolicy; a class that does not exist,
 * or a priority / preemptionPolicy the template sets to another value, is Forbidden.
 */

const declared = new PriorityClasses([
  { name: "high", value: 1_000_000, preemptionPolicy: "PreemptLowerPriority", globalDefault: false },
  { name: "batch", value: -5, preemptionPolicy: "Never", globalDefault: true },
]);
const bare = new PriorityClasses();

const ok = (className: string, priority: number, preemptionPolicy: string): PriorityAdmission =>
  ({ className, priority, preemptionPolicy, forbidden: null }) as PriorityAdmission;

describe("Priority admission of a template's pods", () => {
  const cases: [string, PriorityClasses, Record<string, unknown>, PriorityAdmission | string][] = [
    ["no class, no default: priority 0", bare, {}, ok("", 0, "PreemptLowerPriority")],
    [
      "a system class exists in every cluster",
      bare,
      { priorityClassName: "system-cluster-critical" },
      ok("system-cluster-critical", 2_000_000_000, "PreemptLowerPriority"),
    ],
    [
      "system-node-critical is 1000 higher",
      bare,
      { priorityClassName: "system-node-critical" },
      ok("system-node-critical", 2_000_001_000, "PreemptLowerPriority"),
    ],
    [
      "a declared class",
      declared,
      { priorityClassName: "high" },
      ok("high", 1_000_000, "PreemptLowerPriority"),
    ],
    ["no class: the global default, its name written into the pod", declared, {}, ok("batch", -5, "Never")],
    [
      "a class the cluster does not have",
      bare,
      { priorityClassName: "high" },
      "no PriorityClass with name high was found",
    ],
    [
      "a priority equal to the computed one is accepted",
      declared,
      { priorityClassName: "high", priority: 1_000_000 },
      ok("high", 1_000_000, "PreemptLowerPriority"),
    ],
    [
      "a priority that differs",
      bare,
      { priority: 7 },
      "the integer value of priority (7) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name",
    ],
    [
      "a preemptionPolicy that differs from the class's",
      declared,
      { preemptionPolicy: "PreemptLowerPriority" },
      "the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name",
    ],
    [
      "without any class the computed policy is PreemptLowerPriority, so Never is refused too",
      bare,
      { preemptionPolicy: "Never" },
      "the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name",
    ],
  ];

  it.each(cases)("%s", (_name, classes, spec, expected) => {
    const got = classes.admit({ containers: [], ...spec });
    if (typeof expected === "string") expect(got.forbidden).toBe(expected);
    else expect(got).toEqual(expected);
  });

  it("of several global defaults, the lowest value wins (getDefaultPriorityClass)", () => {
    const two = new PriorityClasses([
      { name: "a", value: 10, preemptionPolicy: "PreemptLowerPriority", globalDefault: true },
      { name: "b", value: 3, preemptionPolicy: "PreemptLowerPriority", globalDefault: true },
    ]);
    expect(two.admit({ containers: [] }).className).toBe("b");
  });
});
