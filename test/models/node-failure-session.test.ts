import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * A node whose container is stopped (`docker stop`), in a session: the node lifecycle
 * controller (node_lifecycle_controller.go: Ready Unknown "Kubelet stopped posting node status.",
 * the unreachable taints, MarkPodsNotReady and its NodeNotReady events), the taint eviction
 * controller (taint_eviction.go: TaintManagerEviction, DisruptionTarget DeletionByTaintManager,
 * DELETE after the default 300 s toleration), the scheduler's TaintToleration filter, and the Job
 * controller's view of a pod that never stops terminating (job_controller.go isPodFailed,
 * onlyReplaceFailedPods).
 */
function transcript(
  steps: string[],
  jobSpecExtra = "",
  podSpecExtra = "",
  nodes = '[{name: s, role: server, cpu: "2"}, {name: a, cpu: "2"}]',
): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: nf}
seed: 1
cluster:
  nodes: ${nodes}
images:
  app:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 600, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      parallelism: 2
      completions: 2${jobSpecExtra}
      template:
        spec:${podSpecExtra}
          containers: [{name: c, image: "app:1", resources: {requests: {cpu: 1500m}}}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "nf.yaml", "/nonexistent"));
}

const ON_A = "kubectl get pods --field-selector spec.nodeName=a";

describe("a stopped node", () => {
  it("docker stop prints the container's name; the node reads Ready until the grace period passes", () => {
    // Stopped at 20 s: last Lease renewal 20 s, Ready Unknown at the pass at 75 s.
    const out = transcript([
      "kubectl apply -f job.yaml",
      "sleep 20s",
      "docker stop a",
      "at 74s",
      // conditions[3] is Ready: the kubelet posts MemoryPressure, DiskPressure, PIDPressure, Ready.
      "kubectl get nodes a --no-headers -o custom-columns=S:.status.conditions[3].status",
      "at 75s",
      "kubectl get nodes a --no-headers -o custom-columns=S:.status.conditions[3].status,R:.status.conditions[3].reason,M:.status.conditions[3].message",
      "kubectl get node a -o jsonpath={.spec.taints}",
    ]);
    expect(out).toContain("$ docker stop a\na\n");
    expect(out).toMatch(/at 74s\n\$ kubectl get nodes a[^\n]*\nTrue\n/);
    expect(out).toContain("Unknown   NodeStatusUnknown   Kubelet stopped posting node status.\n");
    expect(out).toContain(
      '[{"effect":"NoSchedule","key":"node.kubernetes.io/unreachable","timeAdded":"2026-01-01T00:01:15Z"}]',
    );
  });

  it("the NoExecute taint comes at the next pass; the pods there turn not ready, still Running, with NodeNotReady", () => {
    const out = transcript([
      "kubectl apply -f job.yaml",
      "sleep 20s",
      "docker stop a",
      "at 81s",
      "kubectl get node a -o jsonpath={.spec.taints[*].effect}",
      ON_A,
      `${ON_A} -o jsonpath='{.items[0].status.conditions[?(@.type=="Ready")]}'`,
      "kubectl get events --field-selector reason=NodeNotReady -o custom-columns=T:.type,K:.involvedObject.kind,F:.source.component,M:.message --no-headers",
    ]);
    expect(out).toContain("NoSchedule NoExecute");
    expect(out).toMatch(/work-\w{5}\s+1\/1\s+Running\s+0\s+81s/);
    expect(out).toContain(
      '"lastTransitionTime":"2026-01-01T00:01:15Z","observedGeneration":1,"status":"False","type":"Ready"}',
    );
    expect(out).not.toMatch(/"type":"Ready","reason"/);
    expect(out).toMatch(/Normal\s+Node\s+node-controller\s+Node a status is now: NodeNotReady/);
    expect(out).toMatch(/Warning\s+Pod\s+node-controller\s+Node is not ready/);
  });

  it("300 s after the NoExecute taint the pod is marked and deleted, and stays Terminating; the Job replaces it", () => {
    // NoExecute at 80.1 s; the eviction at 380.1 s.
    const out = transcript([
      "kubectl apply -f job.yaml",
      "sleep 20s",
      "docker stop a",
      "at 380s",
      ON_A,
      "at 381s",
      ON_A,
      `${ON_A} -o jsonpath='{.items[0].status.conditions[?(@.type=="DisruptionTarget")]}'`,
      `${ON_A} -o jsonpath='{.items[0].metadata.deletionTimestamp}{" "}{.items[0].metadata.finalizers}{" "}{.items[0].status.phase}'`,
      "kubectl get events --field-selector reason=TaintManagerEviction -o custom-columns=F:.source.component,U:.involvedObject.uid,M:.message --no-headers",
      // The Job controller syncs a second after the pod's update (its work queue's delay).
      "at 382s",
      `${ON_A} -o jsonpath='{.items[0].metadata.finalizers}'`,
      `kubectl get job work -o jsonpath='{.status.failed}{" "}{.status.terminating}{" "}{.status.active}'`,
      "kubectl get pods --field-selector spec.nodeName!=a --no-headers",
      "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=M:.message --no-headers",
      "at 2h",
      ON_A,
    ]);
    expect(out).toMatch(/at 380s\n\$ [^\n]*\nNAME[^\n]*\nwork-\w{5}\s+1\/1\s+Running/);
    expect(out).toMatch(/at 381s\n\$ [^\n]*\nNAME[^\n]*\nwork-\w{5}\s+1\/1\s+Terminating/);
    expect(out).toContain(
      '{"lastProbeTime":null,"lastTransitionTime":"2026-01-01T00:06:20Z","message":"Taint manager: deleting due to NoExecute taint","observedGeneration":1,"reason":"DeletionByTaintManager","status":"True","type":"DisruptionTarget"}',
    );
    expect(out).toContain('2026-01-01T00:06:50Z ["batch.kubernetes.io/job-tracking"] Running');
    expect(out).toMatch(/taint-eviction-controller\s+<none>\s+Marking for deletion Pod default\/work-\w{5}/);
    // Counted as failed (deletionTimestamp, not Succeeded), its finalizer off; replaced at once.
    expect(out).toMatch(/finalizers}'\n\$ kubectl get job/);
    expect(out).toContain("1 1 2$ kubectl get pods");
    // The replacement: no room on s (1.5 of 2 CPUs taken), a is tainted.
    expect(out).toMatch(/work-\w{5}\s+0\/1\s+Pending\s+0\s+1s/);
    expect(out).toContain(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
    expect(out).toMatch(/at 2h\n\$ [^\n]*\nNAME[^\n]*\nwork-\w{5}\s+1\/1\s+Terminating\s+0\s+120m/);
  });

  it("describe shows the NodeNotReady event but not TaintManagerEviction (its reference has no uid)", () => {
    const out = transcript([
      "kubectl apply -f job.yaml",
      "sleep 20s",
      "docker stop a",
      "at 400s",
      "kubectl describe pods -l job-name=work",
    ]);
    expect(out).toMatch(/Warning\s+NodeNotReady\s+5m25s\s+node-controller\s+Node is not ready/);
    expect(out).toContain("DisruptionTarget            True");
    expect(out).not.toContain("TaintManagerEviction");
  });

  it("with a podFailurePolicy the terminating pod is not replaced: the Job waits for a phase that never comes", () => {
    const policy =
      "\n      podFailurePolicy:\n        rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]";
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        "sleep 20s",
        "docker stop a",
        "at 2h",
        `kubectl get job work -o jsonpath='{.status.active}{" "}{.status.terminating}{" "}{.status.failed}{" "}{.status.succeeded}'`,
        "kubectl get pods --no-headers",
      ],
      policy,
    );
    // active and failed are 0 (omitted): one pod succeeded, one terminates for ever.
    expect(out).toContain(" 1  1$ kubectl get pods");
    expect(out.match(/work-\w{5}/g)?.length).toBe(2);
  });

  it("a pod that tolerates the unreachable taint for ever is never evicted", () => {
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        "sleep 20s",
        "docker stop a",
        "at 2h",
        ON_A,
        `${ON_A} -o jsonpath='{.items[0].spec.tolerations}'`,
      ],
      "",
      "\n          tolerations: [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}]",
    );
    expect(out).toMatch(/work-\w{5}\s+1\/1\s+Running\s+0\s+120m/);
    // DefaultTolerationSeconds adds only the not-ready toleration: the pod's own covers unreachable.
    expect(out).toContain(
      '[{"effect":"NoExecute","key":"node.kubernetes.io/unreachable","operator":"Exists"},{"effect":"NoExecute","key":"node.kubernetes.io/not-ready","operator":"Exists","tolerationSeconds":300}]',
    );
  });

  it("the scheduler keeps new pods off the tainted node: TaintToleration's reason", () => {
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        "sleep 20s",
        "docker stop a",
        "at 400s",
        "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=M:.message --no-headers",
      ],
      "",
      "\n          nodeSelector: {kubernetes.io/hostname: a}",
    );
    expect(out).toContain(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint(s). no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it("a node outside NodeAffinity's PreFilter names is not filtered, tainted or not", () => {
    // matchFields metadata.name names s only: a is absent from the filters' statuses
    // (schedule_one.go findNodesThatFitPod, SetAbsentNodesStatus), before and after its taint.
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        "sleep 20s",
        "docker stop a",
        "at 400s",
        "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=M:.message --no-headers",
      ],
      "",
      "\n          affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [s]}]}]}}}",
    );
    expect(out).toMatch(
      /at 400s\n[^\n]*\n0\/2 nodes are available: 1 Insufficient cpu, 1 node\(s\) didn't satisfy plugin\(s\) \[NodeAffinity\]\./,
    );
    expect(out).not.toContain("untolerated");
  });

  it("1.32's TaintToleration names the taint it found (before kubernetes #134740)", () => {
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        "sleep 20s",
        "docker stop a",
        "at 400s",
        "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=M:.message --no-headers",
      ],
      "",
      "\n          nodeSelector: {kubernetes.io/hostname: a}",
      '[{name: s, role: server, cpu: "2"}, {name: a, cpu: "2"}]\n  version: "1.32"',
    );
    expect(out).toContain(
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it("a pod force-deleted while its eviction waits: the worker is cancelled, with its event", () => {
    const out = transcript([
      "kubectl apply -f job.yaml",
      "sleep 20s",
      "docker stop a",
      "at 100s",
      // Both pods: only the one on a had an eviction waiting.
      "kubectl delete pods -l job-name=work --grace-period=0 --force",
      "at 500s",
      "kubectl get events --field-selector reason=TaintManagerEviction -o custom-columns=M:.message --no-headers",
    ]);
    expect(out.match(/Cancelling deletion of Pod default\/work-\w{5}\n/g)?.length).toBe(1);
    expect(out).not.toContain("Marking for deletion");
  });

  it("force-deleting the pod that never stops terminating lets the Job complete", () => {
    const out = transcript([
      "kubectl apply -f job.yaml",
      "sleep 20s",
      "docker stop a",
      "at 2h",
      "kubectl get jobs --no-headers",
      "kubectl delete pods -l job-name=work --grace-period=0 --force",
      "kubectl wait --for=condition=complete job/work --timeout=1m",
    ]);
    expect(out).toMatch(/work\s+SuccessCriteriaMet\s+2\/2/);
    expect(out).toContain("job.batch/work condition met\n");
  });

  it("nodes that go down together get the NoExecute taint 10 s apart (node-eviction-rate 0.1/s, burst 1)", () => {
    const out = transcript(
      [
        "docker stop a b",
        "at 2m",
        "kubectl get nodes -o custom-columns=N:.metadata.name,E:.spec.taints[1].effect,T:.spec.taints[1].timeAdded --no-headers",
      ],
      "",
      "",
      "[{name: s, role: server}, {name: a}, {name: b}]",
    );
    // Stopped at 0: Unknown at 55 s, the first NoExecute at 60.1 s, the second at 70.1 s.
    expect(out).toMatch(
      /\na\s+NoExecute\s+2026-01-01T00:01:00Z\nb\s+NoExecute\s+2026-01-01T00:01:10Z\ns\s+<none>\s+<none>\n/,
    );
  });

  it("with more than 2 and at least 55 % of a small cluster's nodes down, no node gets the NoExecute taint: nothing is evicted", () => {
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        "sleep 20s",
        "docker stop a b c",
        "at 2h",
        "kubectl get nodes -o custom-columns=N:.metadata.name,S:.status.conditions[3].status,E:.spec.taints[*].effect --no-headers",
        "kubectl get pods --no-headers --field-selector status.phase=Running",
      ],
      "",
      "",
      '[{name: s, role: server, cpu: "1"}, {name: a, cpu: "2"}, {name: b, cpu: "2"}, {name: c, cpu: "2"}]',
    );
    expect(out).toMatch(
      /\na\s+Unknown\s+NoSchedule\nb\s+Unknown\s+NoSchedule\nc\s+Unknown\s+NoSchedule\ns\s+True\s+<none>\n/,
    );
    // Both pods, on stopped nodes, still read Running two hours on.
    expect(out.match(/work-\w{5}\s+1\/1\s+Running\s+0\s+120m/g)?.length).toBe(2);
  });
});
