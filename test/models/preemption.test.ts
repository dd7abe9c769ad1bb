import { describe, expect, it } from "vitest";
import { bestCandidates, selectVictimsOnNode, type VictimCandidate } from "../../src/models/preemption.js";

/**
 * DefaultPreemption's pure policy: SelectVictimsOnNode (default_preemption.go) and
 * pickOneNodeForPreemption's score functions (preemption.go), without PDBs.
 */

type P = VictimCandidate & { id: string };
const pod = (id: string, priority: number, startMs: number, milliCpu: number, memory = 0): P => ({
  id,
  priority,
  startMs,
  milliCpu,
  memory,
});
const ids = (r: ReturnType<typeof selectVictimsOnNode<P>>) =>
  r.kind === "victims" ? r.victims.map((v) => v.id) : r.kind;

describe("selectVictimsOnNode", () => {
  const req = { priority: 100, milliCpu: 600, memory: 0 };
  const cases: [string, P[], { milliCpu: number; memory: number; pods: number }, unknown][] = [
    [
      "no pod of lower priority (equal priority is never preempted)",
      [pod("a", 100, 0, 900)],
      { milliCpu: 100, memory: 0, pods: 10 },
      "none",
    ],
    ["one lower pod in the way", [pod("a", 0, 0, 600)], { milliCpu: 400, memory: 0, pods: 10 }, ["a"]],
    [
      "the most important lower pod is reprieved first: the higher priority stays",
      [pod("lo", 0, 0, 300), pod("mid", 50, 0, 300)],
      { milliCpu: 300, memory: 0, pods: 10 },
      ["lo"],
    ],
    [
      "equal priorities: the one started earlier is reprieved",
      [pod("late", 0, 5000, 300), pod("early", 0, 1000, 300)],
      { milliCpu: 300, memory: 0, pods: 10 },
      ["late"],
    ],
    [
      "victims come out most important first",
      [pod("a", 1, 0, 400), pod("b", 2, 0, 400)],
      { milliCpu: 0, memory: 0, pods: 10 },
      ["b", "a"],
    ],
    [
      "even without every lower pod it does not fit: the node's own reason",
      [pod("a", 0, 0, 100), pod("h", 200, 0, 800)],
      { milliCpu: 100, memory: 0, pods: 10 },
      "unfit",
    ],
    ["a pod slot counts as a resource", [pod("a", 0, 0, 0)], { milliCpu: 1000, memory: 0, pods: 0 }, ["a"]],
  ];
  it.each(cases)("%s", (_, pods, room, want) => {
    expect(ids(selectVictimsOnNode(pods, room, req))).toEqual(want);
  });

  it("an unfit node says which resources stay short", () => {
    const r = selectVictimsOnNode(
      [pod("a", 0, 0, 100, 10)],
      { milliCpu: 0, memory: 0, pods: 1 },
      {
        priority: 1,
        milliCpu: 500,
        memory: 5,
      },
    );
    expect(r).toEqual({ kind: "unfit", reasons: { cpu: true, memory: false, pods: false } });
  });
});

describe("pickOneNodeForPreemption's criteria, in order", () => {
  const c = (...victims: P[]) => ({ victims });
  const cases: [string, { victims: P[] }[], number[]][] = [
    [
      "the lowest highest-priority victim",
      [c(pod("a", 10, 0, 0)), c(pod("b", 5, 0, 0), pod("c", 5, 0, 0))],
      [1],
    ],
    [
      "then the smallest sum of priorities",
      [c(pod("a", 5, 0, 0), pod("b", 5, 0, 0)), c(pod("c", 5, 0, 0), pod("d", 1, 0, 0))],
      [1],
    ],
    [
      "the sum shifts by MaxInt32+1: two pods of -10 weigh more than one",
      [c(pod("a", -10, 0, 0), pod("b", -10, 0, 0)), c(pod("c", -10, 0, 0))],
      [1],
    ],
    ["then the fewest victims", [c(pod("a", 0, 0, 0), pod("b", 0, 0, 0)), c(pod("c", 0, 0, 0))], [1]],
    [
      "then the latest earliest start among the highest-priority victims",
      [c(pod("a", 0, 1000, 0)), c(pod("b", 0, 3000, 0)), c(pod("c", 0, 2000, 0))],
      [1],
    ],
    ["a full tie is left to the caller", [c(pod("a", 0, 1000, 0)), c(pod("b", 0, 1000, 0))], [0, 1]],
  ];
  it.each(cases)("%s", (_, candidates, want) => {
    expect(bestCandidates(candidates)).toEqual(want);
  });
});
