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
function jobSpec(version: string, pod: string, container: string, whole = false): string {
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
  return whole ? out : out.slice(out.indexOf("jsonpath"));
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

describe("a container's securityContext.procMount (ProcMountType: beta off 1.31, on 1.33)", () => {
  // dropDisabledProcMountField does not remove a written procMount when the gate is off: it
  // forces it to Default (a field once forced non-nil), so validation has nothing to refuse.
  const UNMASKED = "            securityContext: {procMount: Unmasked}";
  it("1.32 stores Default whatever was written; 1.33 keeps the value", () => {
    expect(jobSpec("1.32", "", UNMASKED)).toContain('"securityContext":{"procMount":"Default"}');
    expect(jobSpec("1.33", "          hostUsers: false", UNMASKED)).toContain(
      '"securityContext":{"procMount":"Unmasked"}',
    );
  });

  it("from 1.33 an Unmasked /proc needs hostUsers false, and other values are refused", () => {
    expect(jobSpec("1.33", "", UNMASKED, true)).toContain(
      'The Job "work" is invalid: spec.template.spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
    );
    expect(jobSpec("1.35", "", "            securityContext: {procMount: Masked}", true)).toContain(
      'The Job "work" is invalid: spec.template.spec.containers[0].securityContext.procMount: Unsupported value: "Masked": supported values: "Default", "Unmasked"',
    );
    expect(jobSpec("1.32", "", "            securityContext: {procMount: Masked}")).toContain(
      '"securityContext":{"procMount":"Default"}',
    );
  });
});

describe("env[].valueFrom.fileKeyRef (EnvFiles: alpha 1.34, beta on 1.35)", () => {
  const FILE_KEY =
    "            env: [{name: A, valueFrom: {fileKeyRef: {volumeName: v, path: app.env, key: A}}}]\n            volumeMounts: [{name: v, mountPath: /env}]";
  const VOLUME = "          volumes: [{name: v, emptyDir: {}}]";
  it("1.35 keeps it as the entry's one source", () => {
    expect(jobSpec("1.35", VOLUME, FILE_KEY)).toContain(
      '"valueFrom":{"fileKeyRef":{"key":"A","path":"app.env","volumeName":"v"}}',
    );
  });

  it("1.34 drops it, and the empty valueFrom left is refused", () => {
    expect(jobSpec("1.34", VOLUME, FILE_KEY, true)).toContain(
      'The Job "work" is invalid: spec.template.spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
    );
  });
});
