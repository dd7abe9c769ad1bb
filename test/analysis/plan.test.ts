import { describe, expect, it } from "vitest";
import { planFor } from "../../src/analysis/plan.js";
import { scenario } from "./helpers.js";

/**
 * Which steps a Monte Carlo run replays (plan.ts): a delete of pods is replayed, a delete of
 * Jobs is not (how the Jobs end is the question), and one of both is left out with a note.
 */

function planOf(step: string) {
  return planFor(scenario({ p: 1, backoffLimit: 6, steps: ["kubectl apply -f job.yaml", step] }));
}

describe("deletes in a Monte Carlo plan", () => {
  it.each([
    { step: "kubectl delete pods -l job-name=work", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete pod work-abcde --grace-period=5", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete po --all --now", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete pod/work-abcde pod/work-fghij", kinds: ["create", "deletePods"], noted: false },
    { step: "kubectl delete job work", kinds: ["create"], noted: false },
    { step: "kubectl delete jobs.batch --all", kinds: ["create"], noted: false },
    { step: "kubectl delete -f job.yaml", kinds: ["create"], noted: false },
    { step: "kubectl delete jobs,pods -l job-name=work", kinds: ["create"], noted: true },
    { step: "kubectl delete job/work pod/work-abcde", kinds: ["create"], noted: true },
    { step: "kubectl delete pods -l job-name=work --dry-run=server", kinds: ["create"], noted: false },
  ])("$step", ({ step, kinds, noted }) => {
    const plan = planOf(step);
    expect(plan.steps.map((s) => s.kind)).toEqual(kinds);
    expect(plan.skippedPodDeletes).toEqual(noted ? [step] : []);
  });
});

describe("waits on text a Monte Carlo run leaves out", () => {
  it.each([
    { step: "kubectl wait --for=jsonpath={.metadata.annotations} job/work", noted: true },
    {
      step: "kubectl wait --for=jsonpath={.status.containerStatuses[0].state.waiting.message} pod -l job-name=work",
      noted: true,
    },
    { step: "kubectl wait --for=jsonpath={.status.conditions[0].Message}=x job/work", noted: true },
    { step: "kubectl wait --for=jsonpath={.status.succeeded}=1 job/work", noted: false },
    { step: "kubectl wait --for=condition=complete job/work", noted: false },
  ])("$step", ({ step, noted }) => {
    const plan = planOf(step);
    expect(plan.steps.map((s) => s.kind)).toEqual(["create", "wait"]);
    expect(plan.leanWaits).toEqual(noted ? [step] : []);
  });
});

describe("a Job applied at or after the horizon", () => {
  // Every run stops at the horizon: a Job applied later would be created at the horizon instead
  // (not when the session applies it) and counted Unfinished in every run.
  it.each([
    { horizon: "10s", steps: ["sleep 1m", "kubectl apply -f job.yaml"], at: "1m0s" },
    { horizon: "30s", steps: ["at 10s", "sleep 20s", "kubectl apply -f job.yaml"], at: "30s" },
  ])("is refused: horizon $horizon, applied at $at", ({ horizon, steps, at }) => {
    expect(() => planFor(scenario({ p: 1, backoffLimit: 6, steps, horizon }))).toThrow(
      `analysis-test.yaml: kubectl apply -f job.yaml: applied at ${at} at the earliest, at or after the scenario's horizon (${horizon}) where every run stops: raise horizon: past it`,
    );
  });

  it("is planned when the apply comes before the horizon", () => {
    const plan = planFor(
      scenario({ p: 1, backoffLimit: 6, steps: ["sleep 1m", "kubectl apply -f job.yaml"], horizon: "61s" }),
    );
    expect(plan.steps.map((s) => s.kind)).toEqual(["advance", "create"]);
  });
});
