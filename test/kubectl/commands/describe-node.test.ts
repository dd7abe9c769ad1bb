import { describe, expect, it } from "vitest";
import { commandOutput, commandTranscript } from "./session.js";

/**
 * `kubectl describe node` in a session (describe.go NodeDescriber.Describe): the node as the API
 * serves it, its Lease, the pods bound to it that have not finished, and its events; names,
 * prefixes and selectors as describe resolves them for a cluster-scoped kind.
 */
describe("kubectl describe node", () => {
  it("describes a node six minutes in: heartbeats on the 5-minute grid, the lease renewed every 10 s, the running pod counted", () => {
    const out = commandOutput(["kubectl apply -f job.yaml", "sleep 6m5s"], "kubectl describe node node-0", {
      runSeconds: 900,
    });
    const lines = out.split("\n");
    expect(lines.slice(0, 3)).toEqual([
      "Name:               node-0",
      "Roles:              <none>",
      "Labels:             beta.kubernetes.io/arch=amd64",
    ]);
    expect(out).toContain(
      [
        "Lease:",
        "  HolderIdentity:  node-0",
        "  AcquireTime:     <unset>",
        "  RenewTime:       Thu, 01 Jan 2026 00:06:00 +0000",
        "Conditions:",
        "  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message",
        "  ----             ------  -----------------                 ------------------                ------                       -------",
        "  MemoryPressure   False   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientMemory   kubelet has sufficient memory available",
        "  DiskPressure     False   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasNoDiskPressure     kubelet has no disk pressure",
        "  PIDPressure      False   Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletHasSufficientPID      kubelet has sufficient PID available",
        "  Ready            True    Thu, 01 Jan 2026 00:05:00 +0000   Thu, 01 Jan 2026 00:00:00 +0000   KubeletReady                 kubelet is posting ready status",
      ].join("\n"),
    );
    expect(out).toMatch(/\nNon-terminated Pods: +\(1 in total\)\n/);
    expect(out).toMatch(/\n {2}default +work-[a-z0-9]{5} +0 \(0%\) +0 \(0%\) +0 \(0%\) +0 \(0%\) +6m5s\n/);
    expect(out).toMatch(/\nEvents: +<none>\n$/);
    expect(out).not.toContain("Kube-Proxy Version");
  });

  it("lists only pods that have not finished; shows a cordon's taint; --show-events=false drops the Events line", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 1m", "kubectl cordon node-0"],
      "kubectl describe nodes --show-events=false",
    );
    expect(out).toMatch(/\nNon-terminated Pods: +\(0 in total\)\n/);
    expect(out).toMatch(/\nTaints: +node\.kubernetes\.io\/unschedulable:NoSchedule\nUnschedulable: +true\n/);
    expect(out).not.toContain("Events:");
  });

  it("a missing name is the API's NotFound; a prefix (two arguments) describes the nodes it starts", () => {
    expect(commandOutput([], "kubectl describe node nope")).toBe(
      '2> Error from server (NotFound): nodes "nope" not found\n',
    );
    // A namespace flag does not apply to a cluster-scoped kind.
    expect(commandOutput([], "kubectl describe node nope -n nowhere")).toBe(
      '2> Error from server (NotFound): nodes "nope" not found\n',
    );
    expect(commandOutput([], "kubectl describe nodes node")).toMatch(/^Name: +node-0\n/);
    expect(commandTranscript(["kubectl describe no -l role=none"])).toContain(
      "2> No resources found in default namespace.\n",
    );
  });
});

describe("kubectl describe node of a stopped node", () => {
  it("its lease and heartbeat stop with the kubelet; the node lifecycle controller turns every condition Unknown and adds the NoSchedule taint (the cluster's only node down: full disruption, no NoExecute)", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 25s", "docker stop node-0", "sleep 2m"],
      "kubectl describe node node-0",
      { runSeconds: 900 },
    );
    expect(out).toMatch(/\nTaints: +node\.kubernetes\.io\/unreachable:NoSchedule\nUnschedulable: +false\n/);
    expect(out).toContain("  RenewTime:       Thu, 01 Jan 2026 00:00:20 +0000\n");
    for (const type of ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"])
      expect(out).toMatch(
        new RegExp(
          `\\n {2}${type} +Unknown +Thu, 01 Jan 2026 00:00:00 \\+0000 +Thu, 01 Jan 2026 00:01:\\d\\d \\+0000 +NodeStatusUnknown +Kubelet stopped posting node status\\.\\n`,
        ),
      );
  });
});
