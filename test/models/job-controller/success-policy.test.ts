import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../../src/analysis/monte-carlo.js";
import { Distribution } from "../../../src/engine/random/distributions.js";
import { withOrderedIndexes } from "../../../src/models/job-controller/indexed.js";
import {
  matchSuccessPolicy,
  succeededIndexesRuleHolds,
} from "../../../src/models/job-controller/success-policy.js";
import { PodPhase } from "../../../src/models/objects.js";
import type { Outcome } from "../../../src/models/workload.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { behaviour, cluster, exits, jobManifest, prepare, record } from "../harness.js";

/**
 * successPolicy (pkg/controller/job/success_policy.go): the first rule that holds ends an
 * Indexed Job with SuccessCriteriaMet / SuccessPolicy, "Matched rules at index <i>"; the pods
 * still running are deleted and not counted as failures; Complete follows once they are gone.
 */

const set = (...ix: number[]) => withOrderedIndexes([], ix);

describe("matchSuccessPolicy", () => {
  const cases: {
    name: string;
    rules: { succeededIndexes?: string; succeededCount?: number }[];
    completions: number;
    succeeded: number[];
    want: string | null;
  }[] = [
    {
      name: "nothing succeeded yet",
      rules: [{ succeededCount: 0 }],
      completions: 3,
      succeeded: [],
      want: null,
    },
    {
      name: "succeededIndexes all in",
      rules: [{ succeededIndexes: "0,2" }],
      completions: 3,
      succeeded: [0, 2],
      want: "Matched rules at index 0",
    },
    {
      name: "succeededIndexes one missing",
      rules: [{ succeededIndexes: "0-2" }],
      completions: 3,
      succeeded: [0, 2],
      want: null,
    },
    {
      name: "succeededIndexes with succeededCount: enough of them",
      rules: [{ succeededIndexes: "0-4", succeededCount: 2 }],
      completions: 6,
      succeeded: [1, 3, 5],
      want: "Matched rules at index 0",
    },
    {
      name: "succeededIndexes with succeededCount: others do not count",
      rules: [{ succeededIndexes: "0-2", succeededCount: 2 }],
      completions: 6,
      succeeded: [2, 4, 5],
      want: null,
    },
    {
      name: "succeededCount alone",
      rules: [{ succeededCount: 2 }],
      completions: 5,
      succeeded: [3, 4],
      want: "Matched rules at index 0",
    },
    {
      name: "the first rule that holds names the message",
      rules: [{ succeededIndexes: "0" }, { succeededCount: 1 }, { succeededCount: 1 }],
      completions: 3,
      succeeded: [2],
      want: "Matched rules at index 1",
    },
    // parseIndexesFromString keeps only indexes below completions; a rule left with none is skipped.
    {
      name: "a rule wholly past completions never holds",
      rules: [{ succeededIndexes: "5-7" }],
      completions: 3,
      succeeded: [0, 1, 2],
      want: null,
    },
    {
      name: "a rule reaching past completions is cut",
      rules: [{ succeededIndexes: "1-9" }],
      completions: 3,
      succeeded: [1, 2],
      want: "Matched rules at index 0",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(matchSuccessPolicy({ rules: c.rules }, c.completions, set(...c.succeeded))).toBe(c.want);
    });
  }

  it("counts the overlap of interval lists (matchSucceededIndexesRule)", () => {
    expect(succeededIndexesRuleHolds([0, 3, 6, 8], [1, 2, 7, 9], 4)).toBe(true); // 1,2 + 7,8
    expect(succeededIndexesRuleHolds([0, 3, 6, 8], [1, 2, 7, 9], 5)).toBe(false);
    expect(succeededIndexesRuleHolds([0, 3, 6, 8], [0, 8], null)).toBe(true);
    expect(succeededIndexesRuleHolds([0, 3, 6, 8], [0, 7], null)).toBe(false);
  });
});

describe("a Job that meets its successPolicy", () => {
  it("SuccessCriteriaMet when index 0 succeeds; the other pods are deleted, not counted failed; Complete once they are gone", () => {
    // Index 0 runs 10 s; indexes 1–3 would run 100 s and take 3 s to stop.
    const script = exits(0, 0, 0, 0).map(
      (o, i): Outcome => ({ ...o, runSeconds: Distribution.constant(i === 0 ? 10 : 100) }),
    );
    const c = cluster({ behaviour: behaviour({ script, terminationSeconds: Distribution.constant(3) }) });
    const log = record(c);
    c.createJob(
      prepare(
        jobManifest({
          completionMode: "Indexed",
          completions: 4,
          parallelism: 4,
          successPolicy: { rules: [{ succeededIndexes: "0" }] },
        }),
      ),
    );
    const job = c.store.jobs[0];
    c.sim.run({ until: 3_600_000 });
    expect(job.status.conditions.map((x) => [x.type, x.reason, x.message])).toEqual([
      ["SuccessCriteriaMet", "SuccessPolicy", "Matched rules at index 0"],
      ["Complete", "SuccessPolicy", "Matched rules at index 0"],
    ]);
    expect([job.status.succeeded, job.status.failed, job.status.completedIndexes]).toEqual([1, 0, "0"]);
    const met = log.find(
      (x) => x.kind === "Job" && (x.conditions ?? []).includes("SuccessCriteriaMet/SuccessPolicy"),
    )!.t;
    const complete = log.find(
      (x) => x.kind === "Job" && (x.conditions ?? []).includes("Complete/SuccessPolicy"),
    )!.t;
    // Complete waits for the deleted pods' 3 s of termination.
    expect(complete - met).toBeGreaterThanOrEqual(3000);
    const stopped = log.filter((x) => x.kind === "Pod" && x.type === "DELETED").map((x) => x.pod!);
    expect(stopped.map((p) => p.completionIndex).sort()).toEqual([1, 2, 3]);
    expect(stopped.every((p) => p.phase === PodPhase.Failed)).toBe(true);
  });
});

describe("Monte Carlo's failed pods of a Job that met its successPolicy", () => {
  it("are the pods the Job counts as failed: none, though the pods it stopped end Failed", () => {
    const sc = parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: sp}
images:
  app:1:
    pullSeconds: 1
    startSeconds: 1
    terminationSeconds: 3
    script: [{exitCode: 0, runSeconds: 10}, {exitCode: 0, runSeconds: 100}, {exitCode: 0, runSeconds: 100}]
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: sp}
    spec:
      completionMode: Indexed
      completions: 3
      parallelism: 3
      successPolicy: {rules: [{succeededIndexes: "0"}]}
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
`,
      "sp.yaml",
      "/nonexistent",
    );
    const r = new MonteCarlo(sc, 1).runOne(0)[0];
    expect([r.outcome, r.reason, r.pods, r.failedPods, r.wastedMs]).toEqual([
      "Complete",
      "SuccessPolicy",
      3,
      0,
      0,
    ]);
  });
});
