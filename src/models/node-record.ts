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
  /** Next host-local IPAM address on this node's pod CIDR. */
  nextPodIp = 2;
  /** Opaque state of this node's kubelet. */
  kubelet: unknown = null;

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
  }
}
