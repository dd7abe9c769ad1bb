import { describe, expect, it } from "vitest";
import { planFor } from "../../src/analysis/plan.js";
import { parseScenario } from "../../src/scenario/load.js";

/**
 * Which steps a Monte Carlo run replays (plan.ts): a delete of pods is replayed, a delete of
 * Jobs is not (how the Jobs end is the question), and one of both is left out with a note.
 */

function planOf(step: string) {
  return planFor(
    parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: p}
images:
  app:1: {runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - ${JSON.stringify(step)}
`,
      "p.yaml",
      "/nonexistent",
    ),
  );
}

describe("deletes in a Monte Carlo plan", () => {
  it.each([
    { step: "kubectl delete pods -l job-name=j", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete pod j-abcde --grace-period=5", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete po --all --now", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete pod/j-abcde pod/j-fghij", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete job j", kinds: ["create"], noted: false },
    { step: "kubectl delete jobs.batch --all", kinds: ["create"], noted: false },
    { step: "kubectl delete -f job.yaml", kinds: ["create"], noted: false },
    { step: "kubectl delete jobs,pods -l job-name=j", kinds: ["create"], noted: true },
    { step: "kubectl delete job/j pod/j-abcde", kinds: ["create"], noted: true },
    { step: "kubectl delete pods -l job-name=j --dry-run=server", kinds: ["create"], noted: false },
  ])("$step", ({ step, kinds, noted }) => {
    const plan = planOf(step);
    expect(plan.steps.map((s) => s.kind)).toEqual(kinds);
    expect(plan.skippedPodDeletes).toEqual(noted ? [step] : []);
  });
});

describe("waits on text a Monte Carlo run leaves out", () => {
  it.each([
    { step: "kubectl wait --for=jsonpath={.metadata.annotations} job/j", noted: true },
    {
      step: "kubectl wait --for=jsonpath={.status.containerStatuses[0].state.waiting.message} pod -l job-name=j",
      noted: true,
    },
    { step: "kubectl wait --for=jsonpath={.status.conditions[0].Message}=x job/j", noted: true },
    { step: "kubectl wait --for=jsonpath={.status.succeeded}=1 job/j", noted: false },
    { step: "kubectl wait --for=condition=complete job/j", noted: false },
  ])("$step", ({ step, noted }) => {
    const plan = planOf(step);
    expect(plan.steps.map((s) => s.kind)).toEqual(["create", "wait"]);
    expect(plan.leanWaits).toEqual(noted ? [step] : []);
  });
});
