import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../../helpers/session.js";

/**
 * `restartPolicy` on a regular (non-init) container. Before feature gate ContainerRestartRules
 * (alpha/off 1.34, beta/on 1.35: pkg/features/kube_features.go) the API server refuses it in
 * validateContainers (pkg/apis/core/validation/validation.go: "These fields are disallowed for
 * regular containers" → Forbidden "may not be set for non-init containers"). From 1.35 it is
 * accepted and the kubelet restarts such a container in place by its rules, which jobsim does
 * not simulate: the scenario is refused up front rather than run as if the rules were absent.
 */

function scenario(version: string): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: rp}
seed: 1
cluster:
  version: "${version}"
  nodes: [{name: node-0}]
images:
  app:1: {runSeconds: 5, outcomes: [{probability: 1, exitCode: 1, log: ok}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:
          containers:
          - name: c
            image: "app:1"
            restartPolicy: Never
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
`;
}

describe("container restartPolicy by version", () => {
  for (const version of ["1.32", "1.33", "1.34"]) {
    it(`${version}: the API server refuses it on a regular container`, () => {
      const out = sessionTranscript(parseScenario(scenario(version), "rp.yaml", "/nonexistent"));
      expect(out).toContain(
        'The Job "work" is invalid: spec.template.spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
      );
      expect(out).not.toContain("job.batch/work created");
    });
  }

  it("1.35: the scenario is refused, as jobsim does not simulate container restart rules", () => {
    expect(scenarioProblems(scenario("1.35"), "rp.yaml")).toEqual([
      "rp.yaml: files.job.yaml: spec.template.spec.containers[0].restartPolicy: jobsim does not simulate container-level restart policies and rules (feature ContainerRestartRules, on from 1.35: the kubelet restarts such a container in place)",
    ]);
  });

  for (const version of ["1.32", "1.33", "1.34"]) {
    it(`${version}: the API server refuses an init container's restartPolicy other than Always`, () => {
      // validateInitContainers → validateInitContainerRestartPolicy (validation.go): NotSupported
      // with the one value it takes, after the common checks and before the name's uniqueness.
      const text = scenario(version)
        .replace(
          "          containers:\n",
          '          initContainers: [{name: c, image: "app:1", restartPolicy: OnFailure}]\n          containers:\n',
        )
        .replace("            restartPolicy: Never\n          restartPolicy", "          restartPolicy");
      const out = sessionTranscript(parseScenario(text, "rp.yaml", "/nonexistent"));
      expect(out).toContain(
        'The Job "work" is invalid: \n' +
          '* spec.template.spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n' +
          '* spec.template.spec.initContainers[0].name: Duplicate value: "c"\n',
      );
      // (jobsim's hint about a Job's own restartPolicy does not fit an init container's.)
      expect(out).not.toContain("a Job's restartPolicy must be");
      expect(out).not.toContain("job.batch/work created");
    });
  }

  it("an init container's restartPolicy (a sidecar) is not refused as a regular container's", () => {
    const text = scenario("1.34")
      .replace(
        "          containers:\n",
        '          initContainers: [{name: s, image: "app:1", restartPolicy: Always}]\n          containers:\n',
      )
      .replace("            restartPolicy: Never\n          restartPolicy", "          restartPolicy");
    const out = sessionTranscript(parseScenario(text, "rp.yaml", "/nonexistent"));
    expect(out).not.toContain("may not be set for non-init containers");
  });
});
