import type { PodSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { podRequests } from "../../src/models/scheduler-score.js";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * The requests the scheduler counts for a pod (component-helpers resource.PodRequests →
 * AggregateContainerRequests, used by NodeResourcesFit and, with the 100m/200Mi non-missing
 * defaults, by the node's NonZeroRequested): containers summed; a sidecar (init container with
 * restartPolicy Always) adds to that sum and to every later init container; the largest init
 * container wins when larger.
 */
describe("podRequests (AggregateContainerRequests)", () => {
  const app = (cpu?: string) => ({
    name: "app",
    image: "busybox",
    ...(cpu === undefined ? {} : { resources: { requests: { cpu } } }),
  });

  it("adds a sidecar's requests to the containers'", () => {
    const r = podRequests({
      containers: [app("1")],
      initContainers: [{ ...app("1"), name: "proxy", restartPolicy: "Always" }],
    });
    expect(r.milliCpu).toBe(2000);
    expect(r.nonZeroMilliCpu).toBe(2000);
  });

  it("counts the sidecars started before an init container with it", () => {
    const r = podRequests({
      containers: [app("100m")],
      initContainers: [
        { ...app("500m"), name: "proxy", restartPolicy: "Always" },
        { ...app("1"), name: "migrate" },
      ],
    });
    // max(100m + 500m, 500m + 1) = 1500m
    expect(r.milliCpu).toBe(1500);
  });

  it("lets a large init container raise the non-zero requests too", () => {
    const r = podRequests({ containers: [app()], initContainers: [{ ...app("2"), name: "init" }] });
    expect(r.milliCpu).toBe(2000);
    expect(r.nonZeroMilliCpu).toBe(2000);
    expect(r.nonZeroMemory).toBe(200 * 1024 * 1024);
  });
});

describe("podRequests with pod-level resources (PodLevelResources, beta and on since 1.34)", () => {
  const app = (cpu?: string) => ({
    name: "app",
    image: "busybox",
    ...(cpu === undefined ? {} : { resources: { requests: { cpu } } }),
  });

  it("takes the pod-level requests over the containers' (PodRequests applyPodLevelResources)", () => {
    const r = podRequests({
      containers: [app("100m")],
      resources: { requests: { cpu: "2", memory: "1Gi" } },
    } as PodSpec);
    expect(r.milliCpu).toBe(2000);
    expect(r.memory).toBe(2 ** 30);
    expect(r.nonZeroMilliCpu).toBe(2000);
    expect(r.nonZeroMemory).toBe(2 ** 30);
  });

  it("counts pod-level limits as requests when no container requests the resource (defaultPodRequests)", () => {
    const r = podRequests({ containers: [app()], resources: { limits: { cpu: "3" } } } as PodSpec);
    expect(r.milliCpu).toBe(3000);
    expect(r.nonZeroMilliCpu).toBe(3000);
    // memory: neither level asks; the scheduler's 200Mi non-zero default stays.
    expect(r.memory).toBe(0);
    expect(r.nonZeroMemory).toBe(200 * 1024 * 1024);
  });

  it("counts a pod-level limit as the request even when a container requests less (defaultPodRequests since 1.33, #130577)", () => {
    // Before kubernetes/kubernetes #130577 the pod-level cpu request defaulted to the containers'
    // total (100m); since, the containers' total defaults only hugepages, and cpu takes the limit.
    const r = podRequests({ containers: [app("100m")], resources: { limits: { cpu: "3" } } } as PodSpec);
    expect(r.milliCpu).toBe(3000);
  });

  it("drops the non-zero default of a resource only some containers request", () => {
    const r = podRequests({
      containers: [
        { name: "a", image: "busybox", resources: { requests: { memory: "64Mi" } } },
        { name: "b", image: "busybox" },
      ],
      resources: { requests: { cpu: "1" } },
    } as PodSpec);
    expect(r.nonZeroMemory).toBe(64 * 1024 * 1024);
  });
});

describe("a pod whose sidecar makes it too large for the node", () => {
  it("stays Pending with Insufficient cpu", () => {
    const yaml = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: sidecar-fit
seed: 1
cluster:
  nodes:
    - {name: k3d-my-cluster-agent-0, cpu: 1500m}
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
        spec:
          initContainers:
            - name: proxy
              image: busybox:1.36
              restartPolicy: Always
              resources: {requests: {cpu: "1"}}
          containers:
            - name: app
              image: busybox:1.36
              resources: {requests: {cpu: "1"}}
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 1s
  - kubectl get events --field-selector reason=FailedScheduling -o jsonpath={.items[0].message}
`;
    const out = sessionTranscript(parseScenario(yaml, "sidecar-fit.yaml", "/nonexistent"));
    expect(out).toContain(
      "0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.",
    );
  });
});

describe("a pod asking an extended resource no k3d node has", () => {
  it("stays Pending with Insufficient <name> (fit.go fitsRequest ScalarResources)", () => {
    const yaml = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: gpu
seed: 1
cluster:
  nodes:
    - {name: k3d-my-cluster-server-0}
    - {name: k3d-my-cluster-agent-0}
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
        spec:
          containers:
            - name: app
              image: busybox:1.36
              resources: {limits: {nvidia.com/gpu: 1}}
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 1s
  - kubectl get events --field-selector reason=FailedScheduling -o jsonpath={.items[0].message}
`;
    const out = sessionTranscript(parseScenario(yaml, "gpu.yaml", "/nonexistent"));
    expect(out).toContain(
      "0/2 nodes are available: 2 Insufficient nvidia.com/gpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    );
  });
});
