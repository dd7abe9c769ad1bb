import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * status.qosClass as the API server sets it (pkg/apis/core/v1/helper/qos GetPodQOS, called from
 * pkg/registry/core/pod/strategy.go): cpu and memory only, zero quantities ignored, init
 * containers included, requests and limits summed and compared as quantities (1 == 1000m).
 */
function qosOf(resources: string, initResources = "", podResources = ""): string {
  const init =
    initResources === ""
      ? ""
      : `
          initContainers:
            - name: init
              image: busybox:1.36
              resources: ${initResources}`;
  const yaml = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: qos
seed: 1
cluster:
  nodes:
    - name: k3d-my-cluster-agent-0
images:
  busybox:1.36:
    runSeconds: 5
    outcomes:
      - { probability: 1, exitCode: 0 }
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: work
    spec:
      template:
        spec:${init}${podResources === "" ? "" : `\n          resources: ${podResources}`}
          containers:
            - name: app
              image: busybox:1.36
              resources: ${resources}
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 1s
  - kubectl get pods -l job-name=work -o jsonpath={.items[0].status.qosClass}
`;
  const out = sessionTranscript(parseScenario(yaml, "qos.yaml", "/nonexistent"));
  return out.split("\n").slice(-1)[0] || out.split("\n").slice(-2)[0];
}

describe("pod status.qosClass (qos.GetPodQOS)", () => {
  it("compares requests and limits as quantities, not as text", () => {
    expect(qosOf("{requests: {cpu: '1', memory: 1Gi}, limits: {cpu: 1000m, memory: 1024Mi}}")).toBe(
      "Guaranteed",
    );
  });
  it("ignores resources other than cpu and memory", () => {
    expect(qosOf("{requests: {ephemeral-storage: 1Gi}}")).toBe("BestEffort");
  });
  it("ignores zero requests", () => {
    expect(qosOf("{requests: {cpu: '0'}}")).toBe("BestEffort");
  });
  it("counts init containers", () => {
    expect(qosOf("{}", "{requests: {cpu: 100m}}")).toBe("Burstable");
    expect(qosOf("{limits: {cpu: 100m, memory: 64Mi}}", "{requests: {cpu: 100m}}")).toBe("Burstable");
  });
  it("uses the pod-level resources when the pod has them (ComputePodQOS, PodLevelResources)", () => {
    // Pod-level limits only: the requests default to them (defaultPodRequests).
    expect(qosOf("{}", "", "{limits: {cpu: '1', memory: 1Gi}}")).toBe("Guaranteed");
    // A container's smaller cpu request does not change that: since 1.33 defaultPodRequests gives
    // cpu and memory the pod-level limit (kubernetes/kubernetes #130577; the containers' total
    // defaults only hugepages), so the pod is Guaranteed.
    expect(qosOf("{requests: {cpu: 500m}}", "", "{limits: {cpu: '1', memory: 1Gi}}")).toBe("Guaranteed");
    // Container limits do not make the pod Guaranteed when the pod level only requests.
    expect(qosOf("{limits: {cpu: 100m, memory: 64Mi}}", "", "{requests: {cpu: 100m}}")).toBe("Burstable");
  });
  it("keeps Guaranteed when every container's limits equal its requests", () => {
    expect(qosOf("{limits: {cpu: 100m, memory: 64Mi}}", "{limits: {cpu: 50m, memory: 32Mi}}")).toBe(
      "Guaranteed",
    );
  });
});
