// A node as the store keeps it (objects.ts re-exports it).

export class NodeRecord {
  resourceVersion = 0;
  /** Images present on the node (pulled or preloaded). */
  readonly images = new Set<string>();
  /** An image was pulled since the last reset (the set differs from the preloaded one). */
  pulled = false;
  /** Sum of requests of pods bound here and not terminal (milli-CPU, bytes, count). */
  requestedMilliCpu = 0;
  requestedMemory = 0;
  podCount = 0;
  /** Requests as the scheduler scores them (unset requests count as 100m / 200Mi). */
  nonZeroMilliCpu = 0;
  nonZeroMemory = 0;
  /** Next host-local IPAM address on this node's pod CIDR (last reserved + 1). */
  nextPodIp = 2;
  /** The first address left to pods: the ones below are the system pods' (k3d's), for good. */
  firstPodIp = 2;
  /** The allocator went past the range's end and came back round: addresses may be taken. */
  ipWrapped = false;
  /** Opaque state of this node's kubelet. */
  kubelet: unknown = null;
  /** spec.unschedulable: set by `kubectl cordon`, cleared by `uncordon` (kubectl's PATCH). */
  unschedulable = false;
  /** When the node lifecycle controller added its `node.kubernetes.io/unschedulable` taint
   * (simulated ms), or -1 while the node has none. */
  unschedulableTaintMs = -1;
  /** `docker stop` of the node's container (simulated ms), or -1 while its kubelet runs
   * (node-lifecycle.ts). */
  kubeletStoppedMs = -1;
  /** When the node lifecycle controller set Ready (and the other kubelet conditions) to Unknown,
   * or -1 while the node is Ready. */
  readyUnknownMs = -1;
  /** When it added `node.kubernetes.io/unreachable:NoSchedule`, and `…:NoExecute`, or -1. */
  unreachableNoScheduleMs = -1;
  unreachableNoExecuteMs = -1;

  constructor(
    readonly index: number,
    readonly name: string,
    readonly role: "server" | "agent",
    readonly allocatableMilliCpu: number,
    readonly allocatableMemory: number,
    readonly allocatablePods: number,
    /** Requests already placed by system pods (coredns, metrics-server, ...). */
    readonly systemMilliCpu: number,
    readonly systemMemory: number,
    readonly internalIP: string,
    readonly podCidrIndex: number,
    readonly labels: Readonly<Record<string, string>>,
    readonly creationMs: number,
  ) {}

  /** Empties the node for a new run: no pods, only the preloaded images. */
  resetState(firstPodIp: number, images: readonly string[]): void {
    this.resourceVersion = 0;
    if (this.pulled || this.images.size !== images.length) {
      this.images.clear();
      for (const i of images) this.images.add(i);
      this.pulled = false;
    }
    this.requestedMilliCpu = 0;
    this.requestedMemory = 0;
    this.nonZeroMilliCpu = 0;
    this.nonZeroMemory = 0;
    this.podCount = 0;
    this.nextPodIp = firstPodIp;
    this.firstPodIp = firstPodIp;
    this.ipWrapped = false;
    this.unschedulable = false;
    this.unschedulableTaintMs = -1;
    this.kubeletStoppedMs = -1;
    this.readyUnknownMs = -1;
    this.unreachableNoScheduleMs = -1;
    this.unreachableNoExecuteMs = -1;
  }

  /**
   * The host part of a new sandbox's IP, as host-local IPAM gives it (containernetworking/plugins
   * plugins/ipam/host-local/backend/allocator: GetIter starts at the last reserved IP + 1 and
   * goes round-robin through the range — .1 to .254 of the /24, the gateway .1 skipped —
   * taking the first address not reserved). An address is reserved while its pod's sandbox
   * lives: until the pod is terminal (the kubelet stops the sandbox, and CNI DEL releases it).
   */
  allocatePodIp(pods: readonly PodIpHolder[]): number {
    let h = this.nextPodIp;
    for (let tries = 0; tries < LAST_POD_IP - 1; tries++, h++) {
      if (h > LAST_POD_IP) {
        h = 2; // RangeStart .1 is the gateway
        this.ipWrapped = true;
      }
      if (!this.ipWrapped || (h >= this.firstPodIp && !this.ipTaken(h, pods))) break;
    }
    this.nextPodIp = h + 1;
    return h;
  }

  private ipTaken(h: number, pods: readonly PodIpHolder[]): boolean {
    for (const p of pods)
      if (p.node === this && p.podIpHost === h && !p.removed && p.phase !== 2 && p.phase !== 3) return true;
    return false;
  }
}

/** The last address of a /24 pod CIDR the range holds (the broadcast address excluded). */
export const LAST_POD_IP = 254;

/** What the allocator reads of a pod (PodRecord; phase 2 and 3 are Succeeded and Failed). */
interface PodIpHolder {
  readonly node: unknown;
  readonly podIpHost: number;
  readonly removed: boolean;
  readonly phase: number;
}
