import type { Node, Pod } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { describeNode } from "../../../src/kubectl/describe/describe-node.js";
import { podResourceTotals } from "../../../src/kubectl/describe/pod-resources.js";
import { at, K135 } from "./fixtures.js";

/**
 * `kubectl describe node` (describe.go describeNode, describeNodeLease, describeNodeResource,
 * getPodsTotalRequestsAndLimits; component-helpers resource.PodRequests / PodLimits), from the
 * objects the API serves.
 */

const NOW = at("2026-01-01T00:10:00Z");

function node(over: { spec?: Node["spec"]; status?: Node["status"] } = {}): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: "k3d-c-agent-0",
      uid: "7b9d1a52-3c4e-4f60-8a71-92b3c4d5e6f7",
      creationTimestamp: "2026-01-01T00:00:00Z",
      labels: { "kubernetes.io/hostname": "k3d-c-agent-0", "node-role.kubernetes.io/worker": "true" },
    },
    spec: over.spec ?? {
      podCIDR: "10.42.1.0/24",
      podCIDRs: ["10.42.1.0/24"],
      providerID: "k3s://k3d-c-agent-0",
    },
    status: over.status ?? {
      conditions: [
        {
          type: "Ready",
          status: "True",
          lastHeartbeatTime: "2026-01-01T00:05:00Z",
          lastTransitionTime: "2026-01-01T00:00:00Z",
          reason: "KubeletReady",
          message: "kubelet is posting ready status",
        },
      ],
      addresses: [
        { type: "InternalIP", address: "172.18.0.4" },
        { type: "Hostname", address: "k3d-c-agent-0" },
      ],
      capacity: { pods: "110", memory: "8Gi", cpu: "4", "example.com/gpu": "2", "hugepages-2Mi": "64Mi" },
      allocatable: { pods: "110", memory: "8Gi", cpu: "4", "example.com/gpu": "2", "hugepages-2Mi": "64Mi" },
      nodeInfo: {
        machineID: "",
        systemUUID: "",
        bootID: "",
        kernelVersion: "6.8.0",
        osImage: "K3s v1.35.5+k3s1",
        operatingSystem: "linux",
        architecture: "amd64",
        containerRuntimeVersion: "containerd://2.2.3-k3s1",
        kubeletVersion: "v1.35.5+k3s1",
        kubeProxyVersion: "",
      },
    },
  };
}

function pod(name: string, spec: Partial<NonNullable<Pod["spec"]>>, ns = "default"): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: ns, creationTimestamp: "2026-01-01T00:08:30Z" },
    spec: { containers: [], ...spec },
  };
}

const c = (name: string, requests: Record<string, string>, limits: Record<string, string> = {}) => ({
  name,
  image: "busybox",
  resources: { requests, limits },
});

const LEASE = { holderIdentity: "k3d-c-agent-0", acquireTime: null, renewTime: "2026-01-01T00:10:00Z" };

describe("describe node", () => {
  it("prints every section in describeNode's order, the pods' shares and the totals", () => {
    const pods = [
      pod("a", { containers: [c("main", { cpu: "500m", memory: "256Mi" }, { cpu: "1", memory: "512Mi" })] }),
      pod("b", {
        containers: [c("main", { cpu: "250m", "example.com/gpu": "1" }, { "example.com/gpu": "1" })],
      }),
    ];
    const out = describeNode(
      {
        node: node({
          spec: {
            unschedulable: true,
            taints: [
              { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" },
              { key: "node.kubernetes.io/unreachable", effect: "NoExecute" },
              { key: "dedicated", value: "batch", effect: "NoSchedule" },
            ],
            podCIDR: "10.42.1.0/24",
            podCIDRs: ["10.42.1.0/24"],
            providerID: "k3s://k3d-c-agent-0",
          },
        }),
        lease: LEASE,
        pods,
        events: [],
      },
      NOW,
      K135,
    );
    expect(out).toBe(
      [
        "Name:               k3d-c-agent-0",
        "Roles:              worker",
        "Labels:             kubernetes.io/hostname=k3d-c-agent-0",
        "                    node-role.kubernetes.io/worker=true",
        "Annotations:        <none>",
        "CreationTimestamp:  Thu, 01 Jan 2026 00:00:00 +0000",
        // Sorted by "effect,key": NoExecute before NoSchedule, then the keys.
        "Taints:             node.kubernetes.io/unreachable:NoExecute",
        "                    dedicated=batch:NoSchedule",
        "                    node.kubernetes.io/unschedulable:NoSchedule",
        "Unschedulable:      true",
        "Lease:",
        "  HolderIdentity:  k3d-c-agent-0",
        "  AcquireTime:     <unset>",
        "  RenewTime:       Thu, 01 Jan 2026 00:10:00 +0000",
        "Conditions:",
        "  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message",
        "  ----    ------  -----------------                 ------------------                ------         -------",
        "  Ready   True    Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady   kubelet is posting ready status",
        "Addresses:",
        "  InternalIP:  172.18.0.4",
        "  Hostname:    k3d-c-agent-0",
        "Capacity:",
        "  cpu:              4",
        "  example.com/gpu:  2",
        "  hugepages-2Mi:    64Mi",
        "  memory:           8Gi",
        "  pods:             110",
        "Allocatable:",
        "  cpu:              4",
        "  example.com/gpu:  2",
        "  hugepages-2Mi:    64Mi",
        "  memory:           8Gi",
        "  pods:             110",
        "System Info:",
        "  Machine ID:                 ",
        "  System UUID:                ",
        "  Boot ID:                    ",
        "  Kernel Version:             6.8.0",
        "  OS Image:                   K3s v1.35.5+k3s1",
        "  Operating System:           linux",
        "  Architecture:               amd64",
        "  Container Runtime Version:  containerd://2.2.3-k3s1",
        "  Kubelet Version:            v1.35.5+k3s1",
        "PodCIDR:                      10.42.1.0/24",
        "PodCIDRs:                     10.42.1.0/24",
        "ProviderID:                   k3s://k3d-c-agent-0",
        "Non-terminated Pods:          (2 in total)",
        "  Namespace                   Name    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age",
        "  ---------                   ----    ------------  ----------  ---------------  -------------  ---",
        "  default                     a       500m (12%)    1 (25%)     256Mi (3%)       512Mi (6%)     90s",
        "  default                     b       250m (6%)     0 (0%)      0 (0%)           0 (0%)         90s",
        "Allocated resources:",
        "  (Total limits may be over 100 percent, i.e., overcommitted.)",
        "  Resource           Requests    Limits",
        "  --------           --------    ------",
        "  cpu                750m (18%)  1 (25%)",
        "  memory             256Mi (3%)  512Mi (6%)",
        "  ephemeral-storage  0 (0%)      0 (0%)",
        "  hugepages-2Mi      0 (0%)      0 (0%)",
        "  example.com/gpu    1           1",
        "Events:              <none>",
        "",
      ].join("\n"),
    );
  });

  it("leaves out Conditions when there are none; a lease it could not get; divides by the capacity without allocatable", () => {
    const out = describeNode(
      {
        node: node({ status: { capacity: { cpu: "2", memory: "1Gi" }, addresses: [] } }),
        lease: { error: 'leases.coordination.k8s.io "k3d-c-agent-0" not found' },
        pods: [pod("a", { containers: [c("main", { cpu: "1", memory: "512Mi" })] })],
        events: null,
      },
      NOW,
      K135,
    );
    expect(out).not.toContain("Conditions:");
    expect(out).not.toContain("Allocatable:");
    expect(out).not.toContain("Events:");
    expect(out).toContain(
      'Lease:              Failed to get lease: leases.coordination.k8s.io "k3d-c-agent-0" not found\n',
    );
    expect(out).toContain("Addresses:\nCapacity:\n");
    expect(out).toMatch(/\n {2}default +a +1 \(50%\) +0 \(0%\) +512Mi \(50%\) +0 \(0%\) +90s\n/);
  });
});

describe("describe node across kubectl versions", () => {
  it("kubectl up to 1.34 prints Kube-Proxy Version under System Info (empty once the kubelet stops setting it)", () => {
    const d = { node: node(), lease: LEASE, pods: [], events: null };
    expect(describeNode(d, NOW, { ...K135, nodeKubeProxyVersion: true })).toMatch(
      /\n {2}Kubelet Version: +v1\.35\.5\+k3s1\n {2}Kube-Proxy Version: +\nPodCIDR:/,
    );
    expect(describeNode(d, NOW, K135)).toMatch(/\n {2}Kubelet Version: +v1\.35\.5\+k3s1\nPodCIDR:/);
  });
});

describe("PodRequests / PodLimits", () => {
  const totals = (p: Pod, kind: "requests" | "limits") =>
    Object.fromEntries([...podResourceTotals(p, kind)].map(([k, v]) => [k, v.toString()]));

  it.each([
    {
      name: "containers summed; a larger init container wins resource by resource",
      spec: {
        containers: [c("a", { cpu: "100m", memory: "64Mi" }), c("b", { cpu: "200m", memory: "64Mi" })],
        initContainers: [c("init", { cpu: "1", memory: "32Mi" })],
      },
      requests: { cpu: "1", memory: "128Mi" },
    },
    {
      name: "a sidecar adds to the sum and counts under every later init container",
      spec: {
        containers: [c("a", { cpu: "100m" })],
        initContainers: [
          { ...c("side", { cpu: "300m" }), restartPolicy: "Always" },
          c("init", { cpu: "350m" }),
        ],
      },
      // sum 100m + 300m = 400m; init 350m + sidecar 300m = 650m wins
      requests: { cpu: "650m" },
    },
    {
      name: "pod-level requests replace cpu and memory; overhead is added",
      spec: {
        containers: [c("a", { cpu: "100m", memory: "64Mi", "example.com/gpu": "1" })],
        resources: { requests: { cpu: "2", memory: "1Gi" } },
        overhead: { cpu: "250m" },
      },
      requests: { cpu: "2250m", memory: "1Gi", "example.com/gpu": "1" },
    },
  ] as { name: string; spec: NonNullable<Pod["spec"]>; requests: Record<string, string> }[])(
    "$name",
    ({ spec, requests }) => {
      expect(totals(pod("p", spec), "requests")).toEqual(requests);
    },
  );

  it("overhead is added only to limits already set", () => {
    const p = pod("p", {
      containers: [c("a", {}, { memory: "128Mi" })],
      overhead: { cpu: "250m", memory: "32Mi" },
    });
    expect(totals(p, "limits")).toEqual({ memory: "160Mi" });
  });
});
