import { describe, expect, it } from "vitest";
import { scenarioProblems } from "../helpers/session.js";

/**
 * A regular container's restartPolicy / restartPolicyRules (KEP-5307, ContainerRestartRules: beta
 * and on by default in 1.35, kubernetes/kubernetes PR #134631) change when the kubelet restarts
 * it; jobsim's kubelet follows the pod's restartPolicy only, so the scenario is refused when it
 * loads rather than run as if the fields were not there.
 */

function scenario(container: string): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: crr}
seed: 1
images:
  "app:1": {runSeconds: 5}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:
          initContainers: [{name: side, image: "app:1", restartPolicy: Always}]
          containers: [{name: a, image: "app:1"}, ${container}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
`;
}

const NOT_SIMULATED =
  "jobsim does not simulate container-level restart policies and rules (feature ContainerRestartRules, on from 1.35: the kubelet restarts such a container in place)";

describe("container-level restart policies and rules", () => {
  it("a regular container with restartPolicy or restartPolicyRules is refused (at 1.35), once, by the first field's path", () => {
    const text = scenario(
      "{name: b, image: 'app:1', restartPolicy: Never, restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}",
    );
    expect(scenarioProblems(text, "crr.yaml")).toEqual([
      `crr.yaml: files.job.yaml: spec.template.spec.containers[1].restartPolicy: ${NOT_SIMULATED}`,
    ]);
    const rulesOnly = scenario(
      "{name: b, image: 'app:1', restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}",
    );
    expect(scenarioProblems(rulesOnly, "crr.yaml")).toEqual([
      `crr.yaml: files.job.yaml: spec.template.spec.containers[1].restartPolicyRules: ${NOT_SIMULATED}`,
    ]);
  });

  it("containers without them, and a sidecar's restartPolicy Always, are accepted", () => {
    expect(scenarioProblems(scenario("{name: b, image: 'app:1'}"), "crr.yaml")).toEqual([]);
  });
});
