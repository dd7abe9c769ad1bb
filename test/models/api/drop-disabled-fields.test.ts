import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * Template fields whose feature gate is off are dropped at create (pkg/api/pod/util.go
 * dropDisabledFields, from the Job strategy's PrepareForCreate), so `get job -o yaml` and the
 * pods do not show them: workloadRef (GenericWorkload, alpha 1.35) and lifecycle.stopSignal
 * (ContainerStopSignals, alpha 1.33) at every version; hostnameOverride until 1.35 (beta on);
 * the pod-level resources until 1.34 (PodLevelResources beta on); hostUsers and
 * securityContext.supplementalGroupsPolicy until 1.33 (UserNamespacesSupport,
 * SupplementalGroupsPolicy on).
 */
function jobSpec(version: string, pod: string, container: string): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: gates}
seed: 1
cluster:
  version: "${version}"
  nodes: [{name: node-0}]
images:
  app:1: {runSeconds: 5, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:
${pod}
          containers:
          - name: c
            image: "app:1"
${container}
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - kubectl get job work -o jsonpath={.spec.template.spec}
`;
  const out = sessionTranscript(parseScenario(text, "gates.yaml", "/nonexistent"));
  return out.slice(out.indexOf("jsonpath"));
}

const WORKLOAD = "          workloadRef: {name: w, podGroup: g}";
const STOP_SIGNAL = "            lifecycle: {stopSignal: SIGUSR1}";
const HOSTNAME = "          hostnameOverride: h";
const POD_RESOURCES = '          resources: {limits: {cpu: "1"}}';

describe("template fields of gates that are off", () => {
  it("1.35: workloadRef and lifecycle.stopSignal are dropped (alpha gates)", () => {
    const spec = jobSpec("1.35", WORKLOAD, STOP_SIGNAL);
    expect(spec).toContain('"name":"c"');
    expect(spec).not.toContain("workloadRef");
    expect(spec).not.toContain("lifecycle");
  });

  it("1.35 keeps hostnameOverride (beta, on); 1.34 drops it", () => {
    expect(jobSpec("1.35", HOSTNAME, "")).toContain('"hostnameOverride":"h"');
    expect(jobSpec("1.34", HOSTNAME, "")).not.toContain("hostnameOverride");
  });

  it("the pod-level resources are kept from 1.34 and dropped before", () => {
    expect(jobSpec("1.34", POD_RESOURCES, "")).toContain('"resources":{"limits":{"cpu":"1"}}');
    expect(jobSpec("1.33", POD_RESOURCES, "")).not.toContain('"resources":{"limits"');
  });

  it("hostUsers and securityContext.supplementalGroupsPolicy are kept from 1.33 and dropped at 1.32", () => {
    const pod = "          hostUsers: true\n          securityContext: {supplementalGroupsPolicy: Strict}";
    const at33 = jobSpec("1.33", pod, "");
    expect(at33).toContain('"hostUsers":true');
    expect(at33).toContain('"securityContext":{"supplementalGroupsPolicy":"Strict"}');
    const at32 = jobSpec("1.32", pod, "");
    expect(at32).not.toContain("hostUsers");
    expect(at32).toContain('"securityContext":{}');
  });
});
