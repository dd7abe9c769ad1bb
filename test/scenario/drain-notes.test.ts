import { describe, expect, it } from "vitest";
import { drainNotes } from "../../src/scenario/drain-notes.js";
import { Problems } from "../../src/scenario/problems.js";
import { parseStepLine, type Step } from "../../src/scenario/steps.js";

/**
 * The note on a drain without --ignore-daemonsets (a k3d node's svclb-traefik DaemonSet pod,
 * which jobsim does not list, would stop a real drain at daemonSetFilter, after the cordon).
 * A drain kubectl refuses before it cordons anything — no node named, a flag pflag or Complete
 * refuses — never reaches the filters, so there is nothing to note.
 */
const steps = (...lines: string[]): Step[] => {
  const problems = new Problems("s.yaml");
  const out = lines.map((l, i) => parseStepLine(l, `steps[${i}]`, problems) as Step);
  expect(problems.list).toEqual([]);
  return out;
};
const noted = (...lines: string[]) =>
  drainNotes(steps(...lines)).map((n) => n.slice(0, n.indexOf(": on a k3d")));

describe("drainNotes", () => {
  it.each<[string, boolean]>([
    ["kubectl drain a", true],
    ["kubectl drain a --dry-run=client", true],
    ["kubectl drain -l kubernetes.io/hostname=a", true],
    ["kubectl drain a --ignore-daemonsets", false],
    ["kubectl drain", false],
    ["kubectl drain a --timeout=abc", false],
    ["kubectl drain a --grace-period=x", false],
    ["kubectl drain a --pod-selector='a in'", false],
  ])("%s → noted: %s", (line, want) => {
    expect(noted(line)).toEqual(want ? [line] : []);
  });

  it("notes each drain step, in order, and nothing else", () => {
    expect(noted("kubectl cordon a", "kubectl drain a", "sleep 5s", "kubectl drain b --force")).toEqual([
      "kubectl drain a",
      "kubectl drain b --force",
    ]);
  });
});
