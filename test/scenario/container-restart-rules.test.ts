import { describe, expect, it } from "vitest";
import { scenarioProblems } from "../helpers/session.js";

/**
 * A regular container's restartPolicy / restartPolicyRules (KEP-5307, ContainerRestartRules: beta
 * and on by default in 1.35, kubernetes/kubernetes PR #134631) change when the kubelet restarts
 * it; jobsim's kubelet follows the pod's restartPolicy only, so the scenario is refused when it
 * loads rather than run as if the fields were not there.
 */

function scenario(
  container: string,
  inits = '[{name: side, image: "app:1", restartPolicy: Always}]',
): string {
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
          initContainers: ${inits}
          containers: [{name: a, image: "app:1"}, ${container}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
`;
}

const NOT_SIMULATED =
  "jobsim does not simulate container-level restart policies and rules (feature ContainerRestartRules, on from 1.35: the kubelet restarts such a container in place)";

const NOT_SIMULATED_INIT =
  "jobsim does not simulate container-level restart policies and rules (feature ContainerRestartRules, on from 1.35: the kubelet restarts such an init container by its own policy, not the pod's)";

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

  it("an init container's restartPolicy other than Always, or its restartPolicyRules, is refused too (at 1.35)", () => {
    // The gate lets an init container set its own policy (a "try-once" init container in an
    // OnFailure pod, or one restarted in place in a Never pod: kubernetes.io blog 2025-08-29,
    // "Kubernetes v1.34: Finer-Grained Control Over Container Restarts"); jobsim's kubelet would
    // run it by the pod's policy.
    const once = scenario(
      "{name: b, image: 'app:1'}",
      "[{name: once, image: 'app:1', restartPolicy: Never}]",
    );
    expect(scenarioProblems(once, "crr.yaml")).toEqual([
      `crr.yaml: files.job.yaml: spec.template.spec.initContainers[0].restartPolicy: ${NOT_SIMULATED_INIT}`,
    ]);
    const rules = scenario(
      "{name: b, image: 'app:1'}",
      "[{name: side, image: 'app:1', restartPolicy: Always}, {name: retry, image: 'app:1', restartPolicyRules: [{action: Restart, exitCodes: {operator: In, values: [42]}}]}]",
    );
    expect(scenarioProblems(rules, "crr.yaml")).toEqual([
      `crr.yaml: files.job.yaml: spec.template.spec.initContainers[1].restartPolicyRules: ${NOT_SIMULATED_INIT}`,
    ]);
  });

  it("containers without them, and a sidecar's restartPolicy Always, are accepted", () => {
    expect(scenarioProblems(scenario("{name: b, image: 'app:1'}"), "crr.yaml")).toEqual([]);
  });
});
