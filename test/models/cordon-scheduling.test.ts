import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * The scheduler and cordoned nodes (pkg/scheduler/framework/plugins/nodeunschedulable
 * node_unschedulable.go: Filter, ErrReasonUnschedulable, isSchedulableAfterNodeChange): a node
 * with spec.unschedulable refuses pods that do not tolerate node.kubernetes.io/unschedulable
 * (UnschedulableAndUnresolvable: "Preemption is not helpful for scheduling"); it is the first
 * Filter plugin (apis/config/v1/default_plugins.go getDefaultPlugins), so a cordoned node that
 * is also full counts as unschedulable only; an uncordon requeues the pods it rejected.
 */
function transcript(steps: string[], podSpecExtra = ""): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: c}
seed: 1
cluster:
  nodes: [{name: a, cpu: "1"}, {name: b, cpu: "1"}]
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 30, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:${podSpecExtra}
          containers: [{name: c, image: "app:1", resources: {requests: {cpu: "2"}}}]
          restartPolicy: Never
  small.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: small}
    spec:
      template:
        spec:${podSpecExtra}
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "c.yaml", "/nonexistent"));
}

const EVENTS =
  "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=M:.message --no-headers";

describe("NodeUnschedulable", () => {
  it("a cordoned node's reason comes first, before Insufficient cpu; preemption is not helpful there", () => {
    const out = transcript(["kubectl cordon a", "kubectl apply -f job.yaml", "sleep 2", EVENTS]);
    expect(out).toContain(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it("a pod tolerating the unschedulable taint is placed on a cordoned node", () => {
    const tol =
      "\n          tolerations: [{key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}]";
    const out = transcript(
      [
        "kubectl cordon a b",
        "kubectl apply -f small.yaml",
        "sleep 5",
        "kubectl get pods -o custom-columns=N:.spec.nodeName --no-headers",
      ],
      tol,
    );
    expect(out).toMatch(/\$ kubectl get pods [^\n]*\n(a|b)\n/);
  });

  it("an uncordon requeues the rejected pod at once, not at the 5-minute flush", () => {
    const out = transcript([
      "kubectl cordon a b",
      "kubectl apply -f small.yaml",
      "sleep 10",
      "kubectl uncordon b",
      "sleep 1",
      "kubectl get pods -o custom-columns=N:.spec.nodeName --no-headers",
    ]);
    expect(out).toContain("$ kubectl get pods -o custom-columns=N:.spec.nodeName --no-headers\nb\n");
  });

  it("pods already running on a node keep running when it is cordoned", () => {
    const out = transcript([
      "kubectl apply -f small.yaml",
      "sleep 5",
      "kubectl cordon a b",
      "sleep 60",
      "kubectl get jobs -o custom-columns=S:.status.succeeded --no-headers",
    ]);
    expect(out).toMatch(/--no-headers\n1\n/);
  });
});
