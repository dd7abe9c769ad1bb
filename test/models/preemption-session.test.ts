import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * Scheduler preemption (DefaultPreemption PostFilter) in a session on one node that fits one pod:
 * `low` (priority 0) runs, `high` (class high, 1000) arrives and preempts it.
 */

interface Options {
  version?: string;
  lowPolicy?: string;
  lowBackoff?: number;
  terminationSeconds?: number;
  grace?: number;
  /** How long the `low` container runs (default 2000 s). */
  lowRunSeconds?: number;
}

function run(steps: string[], o: Options = {}): string {
  const job = (name: string, extra: string, backoff: number) => `  ${name}.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: ${name}}
    spec:
      backoffLimit: ${backoff}${extra}
      template:
        spec:
          restartPolicy: Never${name === "high" ? "\n          priorityClassName: high" : ""}${o.grace !== undefined && name === "low" ? `\n          terminationGracePeriodSeconds: ${o.grace}` : ""}
          containers: [{name: c, image: "${name === "low" ? "slow:1" : "app:1"}", resources: {requests: {cpu: 600m}}}]
`;
  const policy = o.lowPolicy
    ? `\n      podFailurePolicy:\n        rules: [{action: ${o.lowPolicy}, onPodConditions: [{type: DisruptionTarget}]}]`
    : "";
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: preempt}
seed: 3
cluster:
${o.version ? `  version: "${o.version}"\n` : ""}  nodes: [{name: node-0, cpu: "1", images: ["app:1", "slow:1"]}]
  priorityClasses: [{name: high, value: 1000}]
images:
  app:1:
    startSeconds: 1
    runSeconds: 10
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
  slow:1:
    startSeconds: 1
    runSeconds: ${o.lowRunSeconds ?? 2000}
    terminationSeconds: ${o.terminationSeconds ?? 0}
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
${job("low", policy, o.lowBackoff ?? 0)}${job("high", "", 0)}steps:
  - kubectl apply -f low.yaml
  - sleep 5s
  - kubectl apply -f high.yaml
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "preempt.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}

/** The output of the last command. */
function last(out: string): string {
  return out.slice(out.lastIndexOf("\n$ ") + 1).replace(/^\$ [^\n]*\n/, "");
}

describe("DefaultPreemption", () => {
  it("the victim gets DisruptionTarget, is deleted with its own grace period and a Preempted event", () => {
    const out = run(["sleep 1s", "kubectl get pods -l job-name=low -o yaml"], {
      terminationSeconds: 20,
      grace: 15,
      lowPolicy: "Ignore",
    });
    const pod = parseYaml(last(out)).items[0];
    expect(pod.metadata.deletionGracePeriodSeconds).toBe(15);
    expect(pod.metadata.deletionTimestamp).toBe("2026-01-01T00:00:20Z");
    const cond = pod.status.conditions.find((c: { type: string }) => c.type === "DisruptionTarget");
    expect(cond).toEqual({
      type: "DisruptionTarget",
      observedGeneration: 1,
      status: "True",
      lastProbeTime: null,
      lastTransitionTime: "2026-01-01T00:00:05Z",
      reason: "PreemptionByScheduler",
      message: "default-scheduler: preempting to accommodate a higher priority pod",
    });
  });

  it("the preemptor is nominated, fails with the plain filter message, and binds once the victim is gone", () => {
    const out = run(
      [
        "sleep 1s",
        "kubectl get pods -l job-name=high -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,NOMINATED:.status.nominatedNodeName",
        "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=MSG:.message",
        "kubectl get events --field-selector reason=Preempted -o custom-columns=OBJ:.involvedObject.name,MSG:.message",
        "sleep 20s",
        "kubectl get pods -l job-name=high -o custom-columns=NODE:.spec.nodeName,NOMINATED:.status.nominatedNodeName",
      ],
      { terminationSeconds: 10, grace: 30, lowPolicy: "Ignore" },
    );
    expect(out).toMatch(/high-\w{5} +<none> +node-0\n/);
    expect(out).toContain("MSG\n0/1 nodes are available: 1 Insufficient cpu.\n");
    expect(out).toMatch(/low-\w{5} +Preempted by pod [0-9a-f-]{36} on node node-0\n/);
    expect(last(out)).toBe("NODE     NOMINATED\nnode-0   <none>\n");
  });

  it("the Preempted event names the preemptor as its related object (Eventf(victim, preemptor, …))", () => {
    const out = run(["sleep 1s", "kubectl get events --field-selector reason=Preempted -o yaml"], {
      lowPolicy: "Ignore",
    });
    const ev = parseYaml(last(out)).items[0];
    expect(ev.action).toBe("Preempting");
    expect(ev.related).toMatchObject({ apiVersion: "v1", kind: "Pod", namespace: "default" });
    expect(ev.related.name).toMatch(/^high-\w{5}$/);
    expect(ev.message).toBe(`Preempted by pod ${ev.related.uid} on node node-0`);
  });

  it("1.34 (ClearingNominatedNodeNameAfterBinding off): the bound preemptor keeps its nominated node", () => {
    const out = run(
      [
        "sleep 20s",
        "kubectl get pods -l job-name=high -o custom-columns=NODE:.spec.nodeName,NOMINATED:.status.nominatedNodeName",
      ],
      { version: "1.34", terminationSeconds: 10, grace: 30, lowPolicy: "Ignore" },
    );
    expect(last(out)).toBe("NODE     NOMINATED\nnode-0   node-0\n");
  });

  it("a new FailedScheduling message keeps PodScheduled's lastTransitionTime (UpdatePodCondition)", () => {
    const out = run(
      [
        "sleep 6m",
        `kubectl get pods -l job-name=high -o jsonpath='{.items[0].status.conditions[?(@.type=="PodScheduled")].lastTransitionTime}{"\\n"}'`,
        `kubectl get pods -l job-name=high -o jsonpath='{.items[0].status.conditions[?(@.type=="PodScheduled")].message}'`,
      ],
      { terminationSeconds: 1000, grace: 900, lowPolicy: "Ignore" },
    );
    expect(last(out)).toContain("not eligible due to a terminating pod on the nominated node.");
    expect(out).toContain("\n2026-01-01T00:00:05Z\n");
  });

  it("retried while the victim terminates: not eligible due to a terminating pod on the nominated node", () => {
    // A second low-priority Job's pod ending does not happen here; the 5-min flush retries it.
    const out = run(
      [
        "sleep 6m",
        "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=MSG:.message",
      ],
      { terminationSeconds: 1000, grace: 900, lowPolicy: "Ignore" },
    );
    expect(last(out)).toContain(
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to a terminating pod on the nominated node.",
    );
  });
});

describe("the Job controller counts the preempted pod", () => {
  const jobs = (o: Options) =>
    last(
      run(
        [
          "sleep 30s",
          "kubectl get job low -o jsonpath={.status.failed}/{.status.succeeded}/{.status.conditions[*].type}",
        ],
        o,
      ),
    );

  it("podFailurePolicy Ignore on DisruptionTarget: not counted, replaced", () => {
    // Still running: the replacement (slow:1 runs 100 s); nothing failed, nothing succeeded yet.
    expect(jobs({ lowPolicy: "Ignore" })).toBe("//");
  });

  it("FailJob on DisruptionTarget: the Job fails with the PodFailurePolicy message", () => {
    const out = run(["sleep 10s", "kubectl get job low -o jsonpath={.status.conditions[-1:].message}"], {
      lowPolicy: "FailJob",
    });
    expect(last(out)).toMatch(
      /^Pod default\/low-\w{5} has condition DisruptionTarget matching FailJob rule at index 0$/,
    );
  });

  it("no podFailurePolicy: a failure toward backoffLimit (0 here: BackoffLimitExceeded)", () => {
    expect(jobs({})).toMatch(/^1\/\/.*Failed/);
  });

  it("a victim whose container exits 0 within the grace period ends Succeeded: a success, no failure", () => {
    // kubelet_pods.go getPhase: a deleted pod whose containers all exited 0 is Succeeded.
    const out = run(
      [
        "sleep 20s",
        "kubectl get events --field-selector reason=Preempted -o name",
        "kubectl get job low -o jsonpath={.status.succeeded}/{.status.failed}",
      ],
      {
        lowPolicy: "FailJob",
        lowRunSeconds: 8,
        terminationSeconds: 100,
        grace: 60,
      },
    );
    expect(out).toMatch(/^event\/low-\w{5}\.\w+$/m);
    expect(last(out)).toBe("1/");
  });

  it("Count: a failure toward backoffLimit like any other, the pod replaced", () => {
    const out = run(["sleep 30s", "kubectl get job low -o jsonpath={.status.failed}/{.status.active}"], {
      lowPolicy: "Count",
      lowBackoff: 3,
    });
    expect(last(out)).toBe("1/1");
  });
});

describe("the nominated pod keeps the room its victims free (RunFilterPluginsWithNominatedPods)", () => {
  it("a lower-priority pod that would fit in the room left during the victim's termination waits", () => {
    // node-0 has 2 CPU: two `low` pods of 600m run (800m free). `high` asks 1200m: one victim.
    // While the victim terminates (60 s), `late` (700m, priority 0) arrives: it would fit in the
    // 800m, but the nominated `high` reserves 1200m there, so it waits and `high` binds.
    const job = (name: string, cpu: string, parallelism: number, extra = "") => `  ${name}.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: ${name}}
    spec:
      parallelism: ${parallelism}
      completions: ${parallelism}
      template:
        spec:
          restartPolicy: Never${extra}
          containers: [{name: c, image: "slow:1", resources: {requests: {cpu: ${cpu}}}}]
`;
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: nominated}
seed: 3
cluster:
  nodes: [{name: node-0, cpu: "2", images: ["slow:1"]}]
  priorityClasses: [{name: high, value: 1000}]
images:
  slow:1:
    startSeconds: 1
    runSeconds: 2000
    terminationSeconds: 60
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
${job("low", "600m", 2)}${job("high", "1200m", 1, "\n          priorityClassName: high\n")}${job("late", "700m", 1)}steps:
  - kubectl apply -f low.yaml
  - sleep 5s
  - kubectl apply -f high.yaml
  - sleep 1s
  - kubectl apply -f late.yaml
  - sleep 70s
  - kubectl get pods -o custom-columns=JOB:.metadata.labels.job-name,PHASE:.status.phase,NODE:.spec.nodeName --sort-by=.metadata.creationTimestamp
`;
    const out = sessionTranscript(parseScenario(text, "n.yaml", "/nonexistent"), { stderrPrefix: "2> " });
    const rows = last(out)
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(/\s+/).join(" "));
    expect(rows).toContain("high Running node-0");
    expect(rows).toContain("late Pending <none>");
  });
});
