import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { parseScenario } from "../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../helpers/session.js";
import { WORK_JOB_FILE } from "./commands/session.js";

/**
 * Namespaces: the system ones and `cluster.namespaces` exist from the start, `kubectl create
 * namespace` makes others, and a Job applied into one that does not exist is refused by the
 * NamespaceLifecycle admission plugin (NotFound, before validation) — in a session, and so
 * in Monte Carlo, which leaves that Job out.
 */

function scenarioText(steps: string[], namespaces = ""): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: ns}
${namespaces === "" ? "" : `cluster:\n  namespaces: ${namespaces}\n`}images:
  app:1:
    runSeconds: 3
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
${WORK_JOB_FILE}  ns-first.yaml: |
    apiVersion: v1
    kind: Namespace
    metadata: {name: team-n}
    ---
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work, namespace: team-n}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
  ns-last.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work, namespace: team-l}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
    ---
    apiVersion: v1
    kind: Namespace
    metadata: {name: team-l}
  bad.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: Bad}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
}

function transcript(steps: string[], namespaces = ""): string {
  return sessionTranscript(parseScenario(scenarioText(steps, namespaces), "ns.yaml", "/nonexistent"));
}

function mc(steps: string[], namespaces = ""): MonteCarlo {
  return new MonteCarlo(parseScenario(scenarioText(steps, namespaces), "ns.yaml", "/nonexistent"), 1);
}

function loadProblems(steps: string[], namespaces = ""): string[] {
  return scenarioProblems(scenarioText(steps, namespaces), "ns.yaml");
}

describe("namespaces in a session", () => {
  it("a Job into a missing namespace is NotFound; created, the namespace takes it", () => {
    expect(
      transcript([
        "kubectl apply -f job.yaml -n team-a",
        "kubectl create namespace team-a",
        "kubectl create ns team-a",
        "kubectl apply -f job.yaml -n team-a",
        "kubectl get jobs -n team-a -o name",
      ]),
    ).toBe(
      [
        "$ kubectl apply -f job.yaml -n team-a",
        'Error from server (NotFound): error when creating "job.yaml": namespaces "team-a" not found',
        "$ kubectl create namespace team-a",
        "namespace/team-a created",
        "$ kubectl create ns team-a",
        'Error from server (AlreadyExists): namespaces "team-a" already exists',
        "$ kubectl apply -f job.yaml -n team-a",
        "job.batch/work created",
        "$ kubectl get jobs -n team-a -o name",
        "job.batch/work",
        "",
      ].join("\n"),
    );
  });

  it("the namespace is checked before the Job is validated (admission runs first)", () => {
    expect(transcript(["kubectl apply -f bad.yaml -n nowhere"])).toBe(
      [
        "$ kubectl apply -f bad.yaml -n nowhere",
        'Error from server (NotFound): error when creating "bad.yaml": namespaces "nowhere" not found',
        "",
      ].join("\n"),
    );
  });

  it("system namespaces and cluster.namespaces exist from the start", () => {
    const out = transcript(
      ["kubectl apply -f job.yaml -n kube-system", "kubectl apply -f job.yaml -n team-b"],
      "[team-b]",
    );
    expect(out).toBe(
      [
        "$ kubectl apply -f job.yaml -n kube-system",
        "job.batch/work created",
        "$ kubectl apply -f job.yaml -n team-b",
        "job.batch/work created",
        "",
      ].join("\n"),
    );
  });

  it("an invalid name gets the API server's Invalid message", () => {
    expect(transcript(["kubectl create namespace Team_A"])).toBe(
      [
        "$ kubectl create namespace Team_A",
        `The Namespace "Team_A" is invalid: metadata.name: Invalid value: "Team_A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
        "",
      ].join("\n"),
    );
  });

  it.each([
    [
      "kubectl create namespace",
      "error: exactly one NAME is required, got 0 See 'kubectl create namespace -h' for help and examples",
    ],
    [
      "kubectl create deployment web --image=nginx",
      'jobsim does not simulate "kubectl create deployment" (it simulates create -f FILE, create namespace NAME and create job NAME)',
    ],
  ])("%s is a problem when the scenario is loaded", (step, message) => {
    expect(loadProblems([step])).toEqual([`ns.yaml: steps[0]: ${step}: ${message}`]);
  });

  it("cluster.namespaces entries are checked", () => {
    expect(loadProblems(["kubectl apply -f job.yaml"], '[ok, "No", default, 7]')).toEqual([
      `ns.yaml: cluster.namespaces[1]: invalid namespace name "No": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      'ns.yaml: cluster.namespaces[2]: namespace "default" is listed twice (default, kube-node-lease, kube-public, kube-system always exist)',
      "ns.yaml: cluster.namespaces[3]: expected a namespace name, got 7",
    ]);
  });
});

describe("kubectl get namespaces", () => {
  it("lists the system ones, cluster.namespaces and those made since, with kubectl's columns", () => {
    const out = transcript(
      [
        "sleep 90s",
        "kubectl apply -f ns-first.yaml",
        "kubectl create namespace team-c",
        "sleep 5s",
        "kubectl get ns",
        "kubectl get namespace team-c -o name",
        "kubectl get ns -l kubernetes.io/metadata.name=team-b --no-headers",
        "kubectl get ns nowhere",
      ],
      "[team-b]",
    );
    expect(out).toBe(
      [
        "$ sleep 90s",
        "$ kubectl apply -f ns-first.yaml",
        "namespace/team-n created",
        "job.batch/work created",
        "$ kubectl create namespace team-c",
        "namespace/team-c created",
        "$ sleep 5s",
        "$ kubectl get ns",
        "NAME              STATUS   AGE",
        "default           Active   95s",
        "kube-node-lease   Active   95s",
        "kube-public       Active   95s",
        "kube-system       Active   95s",
        "team-b            Active   95s",
        "team-c            Active   5s",
        "team-n            Active   5s",
        "$ kubectl get namespace team-c -o name",
        "namespace/team-c",
        "$ kubectl get ns -l kubernetes.io/metadata.name=team-b --no-headers",
        "team-b   Active   95s",
        "$ kubectl get ns nowhere",
        'Error from server (NotFound): namespaces "nowhere" not found',
        "",
      ].join("\n"),
    );
  });

  it("-o yaml: the name label, the kubernetes finalizer, Active, and apply's record", () => {
    const out = transcript(["kubectl apply -f ns-first.yaml", "kubectl get ns team-n -o yaml"]);
    const yaml = out.slice(out.indexOf("apiVersion: v1"));
    expect(yaml).toMatch(
      new RegExp(
        [
          "^apiVersion: v1",
          "kind: Namespace",
          "metadata:",
          "  annotations:",
          "    kubectl.kubernetes.io/last-applied-configuration: \\|",
          '      \\{"apiVersion":"v1","kind":"Namespace","metadata":\\{"annotations":\\{\\},"name":"team-n"\\}\\}',
          '  creationTimestamp: "2026-01-01T00:00:00Z"',
          "  labels:",
          "    kubernetes.io/metadata.name: team-n",
          "  name: team-n",
          '  resourceVersion: "\\d+"',
          "  uid: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
          "spec:",
          "  finalizers:",
          "  - kubernetes",
          "status:",
          "  phase: Active",
          "$",
        ].join("\n"),
      ),
    );
  });
});

describe("Namespace documents in manifests", () => {
  it("are sent in their place among the file's Jobs; re-applied, unchanged; created again, AlreadyExists", () => {
    expect(
      transcript([
        "kubectl apply -f ns-first.yaml",
        "kubectl apply -f ns-last.yaml",
        "kubectl apply -f ns-first.yaml",
        "kubectl create -f ns-first.yaml",
        "kubectl delete -f ns-first.yaml",
      ]),
    ).toBe(
      [
        "$ kubectl apply -f ns-first.yaml",
        "namespace/team-n created",
        "job.batch/work created",
        "$ kubectl apply -f ns-last.yaml",
        "namespace/team-l created",
        'Error from server (NotFound): error when creating "ns-last.yaml": namespaces "team-l" not found',
        "$ kubectl apply -f ns-first.yaml",
        "namespace/team-n unchanged",
        "job.batch/work unchanged",
        "$ kubectl create -f ns-first.yaml",
        'Error from server (AlreadyExists): error when creating "ns-first.yaml": namespaces "team-n" already exists',
        'Error from server (AlreadyExists): error when creating "ns-first.yaml": jobs.batch "work" already exists',
        "$ kubectl delete -f ns-first.yaml",
        'jobsim does not simulate deleting a namespace (ns-first.yaml holds Namespace "team-n"): delete its Jobs by name instead',
        "",
      ].join("\n"),
    );
  });

  it("applied over a namespace kubectl apply did not make: the missing-annotation warning, then configured", () => {
    expect(transcript(["kubectl create namespace team-n", "kubectl apply -f ns-first.yaml"])).toBe(
      [
        "$ kubectl create namespace team-n",
        "namespace/team-n created",
        "$ kubectl apply -f ns-first.yaml",
        "Warning: resource namespaces/team-n is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.",
        "namespace/team-n configured",
        "job.batch/work created",
        "",
      ].join("\n"),
    );
  });
});

describe("namespaces in Monte Carlo", () => {
  it("a file's Namespace document counts for the Jobs after it, not before", () => {
    expect(mc(["kubectl apply -f ns-last.yaml", "kubectl apply -f ns-first.yaml"]).jobKeys).toEqual([
      "team-n/work",
    ]);
    expect(mc(["kubectl apply -f ns-last.yaml", "kubectl apply -f ns-last.yaml"]).jobKeys).toEqual([
      "team-l/work",
    ]);
  });

  it("a Job whose namespace is missing at its step is left out, as the session refuses it", () => {
    expect(
      mc(
        [
          "kubectl apply -f job.yaml",
          "kubectl apply -f job.yaml -n late",
          "kubectl create namespace late",
          "kubectl apply -f job.yaml -n early",
          "sleep 1m",
        ],
        "[early]",
      ).jobKeys,
    ).toEqual(["default/work", "early/work"]);
  });

  it("when every Job is left out, it says which namespace is missing", () => {
    expect(() => mc(["kubectl apply -f job.yaml -n team-c"])).toThrow(
      'ns.yaml: kubectl apply -f job.yaml -n team-c: nothing to simulate: namespaces "team-c" not found (add a step kubectl create namespace team-c, or list it in cluster.namespaces)',
    );
  });
});
