import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * `kubectl drain` of several nodes (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain):
 * RunCordonOrUncordon over all of them first, then deleteOrEvictPodsSimple node by node, each
 * refusal reported as it comes, and the pending nodes and CheckErr's aggregate at the end.
 */
describe("kubectl drain of several nodes", () => {
  const twoNodes = (steps: string[]) =>
    sessionTranscript(
      parseScenario(
        `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: two}
seed: 1
cluster:
  nodes: [{name: node-a, cpu: "1"}, {name: node-b, cpu: "1"}]
images:
  app:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 300, outcomes: [{probability: 1, exitCode: 0}]}
files:
  cache.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: cache}
    spec:
      parallelism: 2
      completions: 2
      template:
        spec:
          containers: [{name: c, image: "app:1", resources: {requests: {cpu: 600m}}}]
          volumes: [{name: scratch, emptyDir: {}}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`,
        "two.yaml",
        "/nonexistent",
      ),
      { stderrPrefix: "2> " },
    );

  it("cordons them all first, then drains each in turn; the trailer lists every refused node", () => {
    const out = twoNodes(["kubectl apply -f cache.yaml", "sleep 10s", "kubectl drain node-a node-b"]);
    const [a, b] = ["node-a", "node-b"].map((n) => {
      const pod = /(cache-\w{5}) +1\/1 +Running/.exec(
        twoNodes(["kubectl apply -f cache.yaml", "sleep 10s", "kubectl get pods -o wide"])
          .split("\n")
          .find((l) => l.includes(n))!,
      )![1];
      return `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${pod}`;
    });
    expect(out.slice(out.indexOf("$ kubectl drain"))).toBe(
      [
        "$ kubectl drain node-a node-b",
        "node/node-a cordoned",
        "node/node-b cordoned",
        `2> error: unable to drain node "node-a" due to error: ${a}, continuing command...`,
        `2> error: unable to drain node "node-b" due to error: ${b}, continuing command...`,
        "2> There are pending nodes to be drained:",
        "2>  node-a",
        "2>  node-b",
        `2> ${a}`,
        `2> ${b}`,
        "",
      ].join("\n"),
    );
  });
});
