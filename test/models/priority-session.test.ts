import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseScenario } from "../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../helpers/session.js";

/**
 * PriorityClasses in a session: the Priority admission plugin sets each pod's priority from its
 * class (or refuses the pod: the Job controller's FailedCreate), and the scheduler's active queue
 * tries higher priorities first (queuesort PrioritySort).
 */

function scenario(templates: Record<string, string>, steps: string[], classes = ""): string {
  const files = Object.entries(templates)
    .map(
      ([name, extra]) => `  ${name}.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: ${name}}
    spec:
      backoffLimit: 0
      template:
        spec:
          restartPolicy: Never
          containers: [{name: c, image: "app:1", resources: {requests: {cpu: 600m}}}]${extra}
`,
    )
    .join("");
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: prio}
seed: 3
cluster:
  nodes: [{name: node-0, cpu: "1", images: ["app:1"]}]
${classes}images:
  app:1:
    startSeconds: 1
    runSeconds: 10
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
${files}steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "prio.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}

function lastYaml(out: string): { items: { spec: Record<string, unknown> }[] } {
  return parseYaml(out.slice(out.lastIndexOf("apiVersion: v1\nitems:")));
}

describe("PriorityClasses", () => {
  it("a system class gives the pod its priority; the template keeps only the name", () => {
    const out = scenario({ work: "\n          priorityClassName: system-cluster-critical" }, [
      "kubectl apply -f work.yaml",
      "sleep 3s",
      "kubectl get pods -o yaml",
    ]);
    const pod = lastYaml(out).items[0];
    expect(pod.spec.priority).toBe(2000000000);
    expect(pod.spec.priorityClassName).toBe("system-cluster-critical");
    expect(pod.spec.preemptionPolicy).toBe("PreemptLowerPriority");
  });

  it("a global default class is written into pods that name none", () => {
    const out = scenario(
      { work: "" },
      ["kubectl apply -f work.yaml", "sleep 3s", "kubectl get pods -o yaml"],
      "  priorityClasses: [{name: batch, value: -5, preemptionPolicy: Never, globalDefault: true}]\n",
    );
    const pod = lastYaml(out).items[0];
    expect([pod.spec.priorityClassName, pod.spec.priority, pod.spec.preemptionPolicy]).toEqual([
      "batch",
      -5,
      "Never",
    ]);
  });

  it("a class the cluster does not have: every pod is Forbidden, as the Job's events say", () => {
    const out = scenario({ work: "\n          priorityClassName: high" }, [
      "kubectl apply -f work.yaml",
      "sleep 5s",
      "kubectl get pods",
      "kubectl describe job work",
    ]);
    expect(out).toContain("No resources found in default namespace.");
    const events = out.slice(out.lastIndexOf("Events:"));
    expect(events).toContain(
      'job-controller  Error creating: pods "work-" is forbidden: no PriorityClass with name high was found',
    );
    expect(events).toMatch(/^ {2}Warning {2}FailedCreate {2}/m);
  });

  it("the scheduler tries the higher priority first when room frees", () => {
    // node-0 fits one pod. `first` runs; `later` (priority 0) waits, then `urgent` (class high)
    // waits. When `first` ends (about 11 s) both are retried: `urgent` gets the node though it
    // came last, and still holds it at 16 s.
    const out = scenario(
      { first: "", later: "", urgent: "\n          priorityClassName: high" },
      [
        "kubectl apply -f first.yaml",
        "sleep 2s",
        "kubectl apply -f later.yaml",
        "sleep 2s",
        "kubectl apply -f urgent.yaml",
        "sleep 12s",
        "kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName,PRIORITY:.spec.priority --sort-by=.metadata.name",
      ],
      // A non-preempting class (preemptionPolicy Never): ahead in the queue, but it may not evict
      // `first` (preemption-session.test.ts has the class that may).
      "  priorityClasses: [{name: high, value: 1000, preemptionPolicy: Never}]\n",
    );
    const rows = out
      .slice(out.lastIndexOf("NAME"))
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(/\s+/));
    const byJob = Object.fromEntries(
      rows.map(([name, node, prio]) => [name.replace(/-[a-z0-9]{5}$/, ""), [node, prio]]),
    );
    expect(byJob).toEqual({ first: ["node-0", "0"], later: ["<none>", "0"], urgent: ["node-0", "1000"] });
  });
});

describe("FailedScheduling's PostFilter part", () => {
  const pending = (cluster: string, extra = "") =>
    scenario(
      { first: "", wait: extra },
      [
        "kubectl apply -f first.yaml",
        "kubectl apply -f wait.yaml",
        "sleep 2s",
        "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=MSG:.message",
      ],
      cluster,
    )
      .split("\n")
      .filter((l) => l.startsWith("0/1 nodes"));

  it("1.34+: DynamicResources' PostFilter speaks first (no new claims to deallocate)", () => {
    expect(pending("")).toEqual([
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    ]);
  });

  it("1.33: DynamicResourceAllocation is off, so the plugin is not in the profile", () => {
    expect(pending('  version: "1.33"\n')).toEqual([
      "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    ]);
  });

  it("a pod that may not preempt is not dry-run (PodEligibleToPreemptOthers)", () => {
    expect(
      pending(
        "  priorityClasses: [{name: polite, value: 10, preemptionPolicy: Never}]\n",
        "\n          priorityClassName: polite",
      ),
    ).toEqual([
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.",
    ]);
  });
});

describe("cluster.priorityClasses, checked as the API server checks a PriorityClass", () => {
  it("names every problem at once", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: t}
cluster:
  priorityClasses:
    - {name: system-high, value: 5}
    - {name: Big, value: 1}
    - {name: huge, value: 1000000001}
    - {name: a, value: 1.5}
    - {name: b, value: 1, preemptionPolicy: never, globalDefault: true}
    - {name: c, value: 1, globalDefault: true}
    - {name: d, value: 2, globalDefault: true}
    - {name: c, value: 3}
    - {name: e, value: 3, tier: gold}
images: {}
steps: [sleep 1s]
`;
    expect(scenarioProblems(text, "s.yaml")).toEqual([
      "s.yaml: cluster.priorityClasses[0].name: \"system-high\": priority class names with 'system-' prefix are reserved for system use only (system-node-critical and system-cluster-critical always exist)",
      expect.stringMatching(
        /^s\.yaml: cluster\.priorityClasses\[1\]\.name: invalid PriorityClass name "Big": a lowercase RFC 1123 subdomain/,
      ),
      "s.yaml: cluster.priorityClasses[2].value: maximum allowed value of a user defined priority is 1000000000, got 1000000001",
      "s.yaml: cluster.priorityClasses[3].value: expected a whole number (the class's priority), got 1.5",
      's.yaml: cluster.priorityClasses[4].preemptionPolicy: Unsupported value: "never": supported values: "Never", "PreemptLowerPriority"',
      "s.yaml: cluster.priorityClasses[6].globalDefault: PriorityClass c is already marked as default. Only one default can exist",
      's.yaml: cluster.priorityClasses[7].name: PriorityClass "c" is listed twice',
      expect.stringMatching(/^s\.yaml: cluster\.priorityClasses\[8\]: unknown field "tier"/),
    ]);
  });
});
