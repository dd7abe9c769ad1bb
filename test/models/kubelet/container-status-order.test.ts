import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * The kubelet reports containerStatuses sorted by name (kubelet_pods.go
 * convertToAPIContainerStatuses: sort.Sort(SortedContainerStatuses)), and clients walk them in
 * that order: the Job controller's pod failure policy (getMatchingContainerFromList takes the
 * first match) and kubectl's STATUS column (printPod walks them backwards, so the first decides).
 * Spec order here is zeta, alpha.
 */

function transcript(zetaExit: number, alphaExit: number, policy: string, steps: string[]): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: order}
seed: 1
images:
  z:1: {pullSeconds: 0, startSeconds: 0.5, runSeconds: 5, outcomes: [{probability: 1, exitCode: ${zetaExit}}]}
  a:1: {pullSeconds: 0, startSeconds: 0.5, runSeconds: 5, outcomes: [{probability: 1, exitCode: ${alphaExit}}]}
files:
  j.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: order}
    spec:
      backoffLimit: 0
${policy}
      template:
        spec:
          containers:
            - {name: zeta, image: "z:1"}
            - {name: alpha, image: "a:1"}
          restartPolicy: Never
steps:
${["kubectl apply -f j.yaml", "sleep 20s", ...steps].map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "order.yaml", "/nonexistent"));
}

const FAIL_JOB = `      podFailurePolicy:
        rules:
          - action: FailJob
            onExitCodes: {operator: In, values: [3, 4]}`;

describe("container statuses in name order", () => {
  it("-o jsonpath lists them sorted by name", () => {
    const out = transcript(3, 4, "", [
      "kubectl get pods -o jsonpath={.items[0].status.containerStatuses[*].name}",
    ]);
    expect(out).toContain("\nalpha zeta");
  });

  it("the pod failure policy matches the first container in that order", () => {
    const out = transcript(3, 4, FAIL_JOB, [
      "kubectl get job order -o jsonpath={.status.conditions[0].message}",
    ]);
    expect(out).toMatch(
      /Container alpha for pod default\/order-\w{5} failed with exit code 4 matching FailJob rule at index 0/,
    );
  });

  it("kubectl's STATUS comes from the first status: alpha Completed, zeta Error", () => {
    const out = transcript(1, 0, "", ["kubectl get pods"]);
    expect(out).toMatch(/order-\w{5} {3}0\/2 {5}Completed/);
  });
});
