import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * `kubectl get pod -o yaml` of a Job's pod through its life, against what a 1.35 cluster with its
 * default feature gates shows (pkg/features/kube_features.go), with the gates' earlier defaults in
 * the older version profiles:
 * - metadata.generation: 1 (pkg/registry/core/pod/strategy.go PrepareForCreate, 1.33+);
 * - observedGeneration on every condition and on the status once the kubelet has written it
 *   (PodObservedGenerationTracking: beta/on 1.34, GA 1.35; pkg/kubelet/status/generate.go,
 *   status_manager.go SetPodStatus, pkg/scheduler/schedule_one.go for PodScheduled=False);
 * - containerStatuses[].volumeMounts with recursiveReadOnly on the read-only mounts
 *   (RecursiveReadOnlyMounts, GA 1.33; pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses);
 * - containerStatuses[].resources while running only (InPlacePodVerticalScaling, beta/on 1.33,
 *   GA 1.35; same function), no allocatedResources (InPlacePodVerticalScalingAllocatedStatus is
 *   off: deprecated in 1.33).
 * Real 1.35 captures show the same shape (`observedGeneration: 1` under each condition and the
 * status, `resources: {}` on a running container, `recursiveReadOnly: Disabled` on the token mount).
 */

function scenario(version: string): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: pod-status
seed: 3
cluster:
  version: "${version}"
  nodes:
    - name: k3d-my-cluster-agent-0
images:
  busybox:1.36:
    pullSeconds: 2
    startSeconds: 1
    runSeconds: 5
    outcomes:
      - { probability: 1, exitCode: 0, log: "done" }
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
              resources:
                requests: {cpu: 250m, memory: 64Mi}
                limits: {memory: 128Mi}
              volumeMounts:
                - {name: cache, mountPath: /cache}
                - {name: cfg, mountPath: /cfg, readOnly: true}
                - {name: data, mountPath: /data, readOnly: true, recursiveReadOnly: IfPossible}
          volumes:
            - {name: cache, emptyDir: {}}
            - {name: cfg, emptyDir: {}}
            - {name: data, emptyDir: {}}
          restartPolicy: Never
  big.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: big
    spec:
      template:
        spec:
          containers:
            - name: app
              image: busybox:1.36
              resources:
                requests: {cpu: "64"}
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - kubectl apply -f big.yaml
  - sleep 1s
  - kubectl get pods -l job-name=big -o yaml
  - kubectl get pods -l job-name=work -o yaml
  - sleep 3s
  - kubectl get pods -l job-name=work -o yaml
  - sleep 10s
  - kubectl get pods -l job-name=work -o yaml
`;
}

/** Each `get -o yaml` step's pod: its metadata.generation line (or "") and its status block. */
function snapshots(version: string): { generation: string; status: string }[] {
  const out = sessionTranscript(parseScenario(scenario(version), "pod-status.yaml", "/nonexistent"));
  return out
    .split("$ kubectl get pods")
    .slice(1)
    .map((block) => ({
      generation: /^ {4}generation: .*$/m.exec(block)?.[0].trim() ?? "",
      status: block.slice(block.indexOf("  status:\n"), block.indexOf("kind: List")),
    }));
}

const CID = "containerd://d2242341e2b7a2a662b486a1810fe89672c2eddd2d3fd3b1eb78d93915cdd798";
const IMAGE_ID =
  "docker.io/library/busybox@sha256:5a7fc757b4220e3f0e2e1ad601357861d9ca0d6e24ca405f1c6a9399642c0b60";

describe("pod -o yaml status fields (1.35)", () => {
  const got = snapshots("1.35");
  const cases: [string, number, string[]][] = [
    [
      "an unschedulable pod (the scheduler's PodScheduled=False; no kubelet status yet)",
      0,
      [
        "  status:",
        "    conditions:",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      message: '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate,",
        "        preemption: 0/1 nodes are available: 1 No preemption victims found for incoming",
        "        pod.'",
        "      observedGeneration: 1",
        "      reason: Unschedulable",
        '      status: "False"',
        "      type: PodScheduled",
        "    phase: Pending",
        "    qosClass: Burstable",
      ],
    ],
    [
      "ContainerCreating (the kubelet's first status, written before the sandbox exists: no IP, PodReadyToStartContainers False; volumeMounts, no resources; the default container status: the spec's image as written, no imageID)",
      1,
      [
        "  status:",
        "    conditions:",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      observedGeneration: 1",
        '      status: "False"',
        "      type: PodReadyToStartContainers",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: Initialized",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      message: 'containers with unready status: [app]'",
        "      observedGeneration: 1",
        "      reason: ContainersNotReady",
        '      status: "False"',
        "      type: Ready",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      message: 'containers with unready status: [app]'",
        "      observedGeneration: 1",
        "      reason: ContainersNotReady",
        '      status: "False"',
        "      type: ContainersReady",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: PodScheduled",
        "    containerStatuses:",
        "    - image: busybox:1.36",
        '      imageID: ""',
        "      lastState: {}",
        "      name: app",
        "      ready: false",
        "      restartCount: 0",
        "      started: false",
        "      state:",
        "        waiting:",
        "          reason: ContainerCreating",
        "      volumeMounts:",
        "      - mountPath: /cache",
        "        name: cache",
        "      - mountPath: /cfg",
        "        name: cfg",
        "        readOnly: true",
        "        recursiveReadOnly: Disabled",
        "      - mountPath: /data",
        "        name: data",
        "        readOnly: true",
        "        recursiveReadOnly: Enabled",
        "      - mountPath: /var/run/secrets/kubernetes.io/serviceaccount",
        "        name: kube-api-access-tt27z",
        "        readOnly: true",
        "        recursiveReadOnly: Disabled",
        "    hostIP: 172.18.0.3",
        "    hostIPs:",
        "    - ip: 172.18.0.3",
        "    observedGeneration: 1",
        "    phase: Pending",
        "    qosClass: Burstable",
        '    startTime: "2026-01-01T00:00:00Z"',
      ],
    ],
    [
      "Running (resources while running)",
      2,
      [
        "  status:",
        "    conditions:",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:03Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: PodReadyToStartContainers",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: Initialized",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:03Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: Ready",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:03Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: ContainersReady",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: PodScheduled",
        "    containerStatuses:",
        `    - containerID: ${CID}`,
        "      image: docker.io/library/busybox:1.36",
        `      imageID: ${IMAGE_ID}`,
        "      lastState: {}",
        "      name: app",
        "      ready: true",
        "      resources:",
        "        limits:",
        "          memory: 128Mi",
        "        requests:",
        "          cpu: 250m",
        "          memory: 64Mi",
        "      restartCount: 0",
        "      started: true",
        "      state:",
        "        running:",
        '          startedAt: "2026-01-01T00:00:03Z"',
        "      volumeMounts:",
        "      - mountPath: /cache",
        "        name: cache",
        "      - mountPath: /cfg",
        "        name: cfg",
        "        readOnly: true",
        "        recursiveReadOnly: Disabled",
        "      - mountPath: /data",
        "        name: data",
        "        readOnly: true",
        "        recursiveReadOnly: Enabled",
        "      - mountPath: /var/run/secrets/kubernetes.io/serviceaccount",
        "        name: kube-api-access-tt27z",
        "        readOnly: true",
        "        recursiveReadOnly: Disabled",
        "    hostIP: 172.18.0.3",
        "    hostIPs:",
        "    - ip: 172.18.0.3",
        "    observedGeneration: 1",
        "    phase: Running",
        "    podIP: 10.42.0.3",
        "    podIPs:",
        "    - ip: 10.42.0.3",
        "    qosClass: Burstable",
        '    startTime: "2026-01-01T00:00:00Z"',
      ],
    ],
    [
      "Succeeded (terminated: no resources)",
      3,
      [
        "  status:",
        "    conditions:",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:08Z"',
        "      observedGeneration: 1",
        '      status: "False"',
        "      type: PodReadyToStartContainers",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      observedGeneration: 1",
        // Every Succeeded pod's Initialized carries reason PodCompleted (status/generate.go
        // GeneratePodInitializedCondition).
        "      reason: PodCompleted",
        '      status: "True"',
        "      type: Initialized",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:08Z"',
        "      observedGeneration: 1",
        "      reason: PodCompleted",
        '      status: "False"',
        "      type: Ready",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:08Z"',
        "      observedGeneration: 1",
        "      reason: PodCompleted",
        '      status: "False"',
        "      type: ContainersReady",
        "    - lastProbeTime: null",
        '      lastTransitionTime: "2026-01-01T00:00:00Z"',
        "      observedGeneration: 1",
        '      status: "True"',
        "      type: PodScheduled",
        "    containerStatuses:",
        `    - containerID: ${CID}`,
        "      image: docker.io/library/busybox:1.36",
        `      imageID: ${IMAGE_ID}`,
        "      lastState: {}",
        "      name: app",
        "      ready: false",
        "      restartCount: 0",
        "      started: false",
        "      state:",
        "        terminated:",
        `          containerID: ${CID}`,
        "          exitCode: 0",
        '          finishedAt: "2026-01-01T00:00:08Z"',
        "          reason: Completed",
        '          startedAt: "2026-01-01T00:00:03Z"',
        "      volumeMounts:",
        "      - mountPath: /cache",
        "        name: cache",
        "      - mountPath: /cfg",
        "        name: cfg",
        "        readOnly: true",
        "        recursiveReadOnly: Disabled",
        "      - mountPath: /data",
        "        name: data",
        "        readOnly: true",
        "        recursiveReadOnly: Enabled",
        "      - mountPath: /var/run/secrets/kubernetes.io/serviceaccount",
        "        name: kube-api-access-tt27z",
        "        readOnly: true",
        "        recursiveReadOnly: Disabled",
        "    hostIP: 172.18.0.3",
        "    hostIPs:",
        "    - ip: 172.18.0.3",
        "    observedGeneration: 1",
        "    phase: Succeeded",
        "    podIP: 10.42.0.3",
        "    podIPs:",
        "    - ip: 10.42.0.3",
        "    qosClass: Burstable",
        '    startTime: "2026-01-01T00:00:00Z"',
      ],
    ],
  ];
  it.each(cases)("%s", (_name, i, expected) => {
    expect(got[i].generation).toBe("generation: 1");
    expect(got[i].status).toBe(`${expected.join("\n")}\n`);
  });
});

describe("the same fields by version profile (the feature gates' defaults of each release)", () => {
  // [version, metadata.generation line, observedGeneration lines in the Running snapshot,
  //  resources on the running container, volumeMounts with recursiveReadOnly]
  const cases: [string, string, number, boolean, boolean][] = [
    ["1.35", "generation: 1", 6, true, true],
    ["1.34", "generation: 1", 6, true, true],
    ["1.33", "generation: 1", 0, true, true],
    ["1.32", "", 0, false, true],
  ];
  it.each(cases)("%s", (version, generation, observed, resources, rro) => {
    const running = snapshots(version)[2];
    expect(running.generation).toBe(generation);
    expect(running.status.match(/observedGeneration: 1/g)?.length ?? 0).toBe(observed);
    expect(running.status.includes("      resources:\n")).toBe(resources);
    expect(running.status.includes("recursiveReadOnly: Disabled")).toBe(rro);
  });
});
