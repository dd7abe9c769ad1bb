import { describe, expect, it } from "vitest";
import {
  matchesNodeAffinity,
  normalizedAffinityScore,
  preferredAffinityWeight,
} from "../../src/models/node-affinity.js";
import { parseScenario } from "../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../helpers/session.js";

/**
 * The NodeAffinity plugin (pkg/scheduler/framework/plugins/nodeaffinity; matching from
 * component-helpers/scheduling/corev1/nodeaffinity and apimachinery labels.Requirement.Matches).
 */

const node = { name: "agent-0", labels: { "kubernetes.io/hostname": "agent-0", tier: "batch", cores: "8" } };
type Req = { key: string; operator: string; values?: string[] };
const required = (...terms: { matchExpressions?: Req[]; matchFields?: Req[] }[]) =>
  ({
    containers: [],
    affinity: {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
    },
  }) as never;

describe("required node affinity", () => {
  it.each([
    [[{ key: "tier", operator: "In", values: ["batch", "web"] }], true],
    [[{ key: "tier", operator: "In", values: ["web"] }], false],
    [[{ key: "zone", operator: "In", values: ["a"] }], false],
    [[{ key: "tier", operator: "NotIn", values: ["web"] }], true],
    [[{ key: "zone", operator: "NotIn", values: ["a"] }], true], // an absent label is not in any set
    [[{ key: "tier", operator: "Exists" }], true],
    [[{ key: "zone", operator: "Exists" }], false],
    [[{ key: "zone", operator: "DoesNotExist" }], true],
    [[{ key: "cores", operator: "Gt", values: ["4"] }], true],
    [[{ key: "cores", operator: "Gt", values: ["8"] }], false],
    [[{ key: "cores", operator: "Lt", values: ["+9"] }], true], // strconv.ParseInt takes a sign
    [[{ key: "tier", operator: "Gt", values: ["1"] }], false], // not an integer: no match
    [[{ key: "zone", operator: "Lt", values: ["1"] }], false],
    [
      [
        { key: "tier", operator: "In", values: ["batch"] },
        { key: "cores", operator: "Lt", values: ["4"] },
      ],
      false, // expressions of a term are ANDed
    ],
  ])("matchExpressions %j: %s", (exprs, want) => {
    expect(matchesNodeAffinity(required({ matchExpressions: exprs }), node)).toBe(want);
  });

  it("matches metadata.name through matchFields, ORs the terms, and an empty term matches nothing", () => {
    const byName = (op: string, name: string) => ({
      matchFields: [{ key: "metadata.name", operator: op, values: [name] }],
    });
    expect(matchesNodeAffinity(required(byName("In", "agent-0")), node)).toBe(true);
    expect(matchesNodeAffinity(required(byName("NotIn", "agent-0")), node)).toBe(false);
    expect(matchesNodeAffinity(required(byName("In", "server-0"), byName("In", "agent-0")), node)).toBe(true);
    expect(matchesNodeAffinity(required({}), node)).toBe(false);
  });

  it("ANDs the nodeSelector with the affinity", () => {
    const spec = {
      ...(required({ matchExpressions: [{ key: "tier", operator: "Exists" }] }) as object),
      nodeSelector: { tier: "web" },
    };
    expect(matchesNodeAffinity(spec as never, node)).toBe(false);
  });
});

describe("preferred node affinity", () => {
  it("sums the weights of the terms a node matches, normalized to 0–100 over the feasible nodes", () => {
    const spec = {
      containers: [],
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 30,
              preference: { matchExpressions: [{ key: "tier", operator: "In", values: ["batch"] }] },
            },
            { weight: 50, preference: { matchExpressions: [{ key: "zone", operator: "Exists" }] } },
          ],
        },
      },
    } as never;
    expect(preferredAffinityWeight(spec, node)).toBe(30);
    expect(normalizedAffinityScore(30, 80)).toBe(37); // DefaultNormalizeScore truncates 37.5
    expect(normalizedAffinityScore(0, 0)).toBe(0);
  });
});

function scenario(affinity: string, steps: string[]) {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: aff}
seed: 3
cluster:
  nodes: [{name: server-0}, {name: agent-0}]
images:
  "app:1": {runSeconds: 60}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: aff}
    spec:
      completions: 6
      parallelism: 6
      template:
        spec:
          affinity: ${affinity}
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
}

const nodesOf = (out: string) => [...out.matchAll(/^aff-\S+ .* (server-0|agent-0) /gm)].map((m) => m[1]);

describe("the scheduler with node affinity", () => {
  it("places every pod on a node the required terms match", () => {
    const out = sessionTranscript(
      parseScenario(
        scenario(
          "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [agent-0]}]}]}}}",
          ["kubectl apply -f job.yaml", "sleep 10s", "kubectl get pods -o wide"],
        ),
        "aff.yaml",
        "/nonexistent",
      ),
    );
    expect(nodesOf(out)).toEqual(Array(6).fill("agent-0"));
  });

  it("leaves a pod whose matchFields name no node Pending, with the PreFilter's reason", () => {
    // NodeAffinity PreFilter returns the nodes a metadata.name In matchField names
    // (PreFilterResult.NodeNames); findNodesThatFitPod gives every other node the status
    // "node(s) didn't satisfy plugin(s) [NodeAffinity]" (UnschedulableAndUnresolvable).
    const out = sessionTranscript(
      parseScenario(
        scenario(
          "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [gpu-0]}]}]}}}",
          [
            "kubectl apply -f job.yaml",
            "sleep 10s",
            "kubectl get events --field-selector reason=FailedScheduling",
          ],
        ),
        "aff.yaml",
        "/nonexistent",
      ),
    );
    expect(out).toContain(
      "0/2 nodes are available: 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it("rejects in the PreFilter a term whose matchFields name no node in common", () => {
    // node_affinity.go PreFilter: the names' intersection is empty → UnschedulableAndUnresolvable
    // "pod affinity terms conflict"; FitError prints a PreFilter message without counts.
    const out = sessionTranscript(
      parseScenario(
        scenario(
          "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [agent-0]}, {key: metadata.name, operator: In, values: [server-0]}]}]}}}",
          [
            "kubectl apply -f job.yaml",
            "sleep 10s",
            "kubectl get events --field-selector reason=FailedScheduling",
          ],
        ),
        "aff.yaml",
        "/nonexistent",
      ),
    );
    expect(out).toContain(
      "0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    );
  });

  it("filters the node a matchField names, the others failing the PreFilter", () => {
    const text = scenario(
      "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchFields: [{key: metadata.name, operator: In, values: [agent-0]}]}]}}}",
      [
        "kubectl apply -f job.yaml",
        "sleep 10s",
        "kubectl get events --field-selector reason=FailedScheduling",
      ],
    ).replace(
      'containers: [{name: c, image: "app:1"}]',
      'containers: [{name: c, image: "app:1", resources: {requests: {cpu: "64"}}}]',
    );
    const out = sessionTranscript(parseScenario(text, "aff.yaml", "/nonexistent"));
    expect(out).toContain(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it("names per node why preemption cannot help: no victims where resources failed, not helpful where affinity did", () => {
    // DefaultPreemption (framework/preemption/preemption.go Evaluator.Preempt): the nodes whose
    // filter status is Unschedulable (NodeResourcesFit) are dry-run and find no victims; the
    // UnschedulableAndUnresolvable ones (NodeAffinity) are absent from its statuses and get
    // SetAbsentNodesStatus's "Preemption is not helpful for scheduling".
    const text = scenario(
      "{nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [agent-0]}]}]}}}",
      [
        "kubectl apply -f job.yaml",
        "sleep 10s",
        "kubectl get events --field-selector reason=FailedScheduling",
      ],
    ).replace(
      'containers: [{name: c, image: "app:1"}]',
      'containers: [{name: c, image: "app:1", resources: {requests: {cpu: "1500m"}}}]',
    );
    const out = sessionTranscript(parseScenario(text, "aff.yaml", "/nonexistent"));
    expect(out).toContain(
      "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it("prefers the nodes the preferred terms match (NodeAffinity score, weight 2)", () => {
    const out = sessionTranscript(
      parseScenario(
        scenario(
          "{nodeAffinity: {preferredDuringSchedulingIgnoredDuringExecution: [{weight: 100, preference: {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [server-0]}]}}]}}",
          ["kubectl apply -f job.yaml", "sleep 10s", "kubectl get pods -o wide"],
        ),
        "aff.yaml",
        "/nonexistent",
      ),
    );
    // 200 points for server-0 outweigh what LeastAllocated and BalancedAllocation take off it.
    expect(nodesOf(out)).toEqual(Array(6).fill("server-0"));
  });
});

describe("scheduling directives jobsim does not simulate", () => {
  it.each([
    [
      "nodeName: agent-0",
      "spec.template.spec.nodeName: jobsim does not simulate pods bound to a node without the scheduler; use a nodeSelector on kubernetes.io/hostname",
    ],
    [
      "affinity: {podAntiAffinity: {}}",
      "spec.template.spec.affinity.podAntiAffinity: jobsim does not simulate inter-pod anti-affinity",
    ],
    [
      "topologySpreadConstraints: [{maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}]",
      "spec.template.spec.topologySpreadConstraints: jobsim does not simulate topology spread constraints",
    ],
    [
      "schedulerName: my-scheduler",
      "spec.template.spec.schedulerName: jobsim does not simulate schedulers other than default-scheduler",
    ],
  ])("%s is refused when the scenario loads", (field, message) => {
    const text = scenario("{}", ["kubectl apply -f job.yaml"]).replace(
      "          affinity: {}",
      `          ${field}`,
    );
    expect(scenarioProblems(text, "aff.yaml")).toEqual([`aff.yaml: files.job.yaml: ${message}`]);
  });
});
