import type { Distribution } from "../../engine/random/distributions.js";
import type { Simulation } from "../../engine/simulation.js";
import type { EventRecorder } from "../events.js";
import { apiTime, containerAt, containerSpecAt, type NodeRecord, type PodRecord } from "../objects.js";
import type { Store } from "../store.js";
import { fillMessage, type VersionProfile } from "../version-profile.js";
import { Action, type KubeletHost, neverPullMessage, P_INIT_PULL, P_PULL } from "./actions.js";
import { NodePulls, pulledMessage } from "./image-pulls.js";
import { type PodRestarts, showReasonCache } from "./pod-restarts.js";
import type { PodState } from "./pod-state.js";

/** What the image step needs of its kubelet: it creates the container once the image is there,
 * draws the pull's duration, and handles the events scheduled here. */
export interface ImageHost extends KubeletHost {
  create(pod: PodRecord, i: number): void;
  drawMs(d: Distribution, pod: PodRecord, purposeHash: number, b: number): number;
}

/**
 * A kubelet's image step for one container start (kuberuntime_container.go startContainer →
 * EnsureImageExists): the image already present (Pulled "already present", unless
 * imagePullPolicy Always), pulled (Pulling … Pulled, one pull at a time per node: image-pulls.ts),
 * or, with imagePullPolicy Never and no image, ErrImageNeverPull and the pod worker's retry.
 */
export class ImageStep {
  private readonly pulls = new NodePulls();

  constructor(
    private readonly host: ImageHost,
    private readonly node: NodeRecord,
    private readonly sim: Simulation,
    private readonly store: Store,
    private readonly recorder: EventRecorder | null,
    private readonly profile: VersionProfile,
    private readonly restarts: PodRestarts,
  ) {}

  /** A new run: no pulls queued. */
  reset(): void {
    this.pulls.reset();
  }

  /** Container k as containerAt numbers them (init containers first). */
  ensureImage(pod: PodRecord, k: number): void {
    const st = pod.kubeletState as PodState;
    const c = containerAt(pod, k);
    const spec = containerSpecAt(pod, k);
    const image = c.image;
    const policy = spec.imagePullPolicy ?? "IfNotPresent";
    const present = this.node.images.has(image);
    if (policy === "Never" && !present) {
      // SyncPod fails in startContainer (EnsureImageExists), with its two events, each try. The
      // reason reaches the status only at the next sync (the reason cache is updated after
      // SyncPod returns), which the pod worker runs after wait.Jitter(10 s, 0.5), at the next tick.
      this.host.event(pod, c, "Warning", "ErrImageNeverPull", neverPullMessage(image));
      this.host.event(pod, c, "Warning", "Failed", "Error: ErrImageNeverPull");
      st.handles[k] = this.restarts.podWorkerRetry(pod, st, k, Action.ImageRetry);
      return;
    }
    if (policy !== "Always" && present) {
      c.imageResolved = true;
      if (this.recorder !== null)
        this.host.event(pod, c, "Normal", "Pulled", fillMessage(this.profile.imagePresentMessage, { image }));
      this.host.create(pod, k);
      return;
    }
    const behaviour = c.behaviour;
    const now = this.sim.now;
    const startAt = this.pulls.startAt(now);
    // Keyed like the start draw (restart·64 + container): the first start keeps stream (P_PULL, i).
    const restart = c.current === null ? 0 : c.restartCount + 1;
    const dur = this.host.drawMs(
      this.pulls.layersThere(image, present, startAt)
        ? behaviour.spec.repullSeconds
        : behaviour.spec.pullSeconds,
      pod,
      c.init ? P_INIT_PULL : P_PULL,
      restart * 64 + c.specIndex,
    );
    const end = startAt + dur;
    this.pulls.book(image, end);
    st.pullRequestedMs[k] = now;
    c.pulling = true;
    this.store.podDetailChanged(pod);
    st.pullTookMs[k] = dur;
    if (this.recorder !== null) this.host.event(pod, c, "Normal", "Pulling", `Pulling image "${image}"`);
    st.handles[k] = this.sim.scheduleAt(end, this.host, Action.PullDone * 256 + k, pod);
  }

  pullDone(pod: PodRecord, k: number): void {
    const st = pod.kubeletState as PodState;
    const c = containerAt(pod, k);
    this.node.images.add(c.image);
    this.node.pulled = true;
    c.imageResolved = true;
    c.pulling = false;
    this.store.podDetailChanged(pod);
    if (this.recorder !== null) {
      const waited = this.sim.now - st.pullRequestedMs[k];
      this.host.event(
        pod,
        c,
        "Normal",
        "Pulled",
        pulledMessage(c.image, st.pullTookMs[k], waited, c.behaviour.spec.sizeBytes),
      );
    }
    this.host.create(pod, k);
  }

  /**
   * The pod worker's next sync after ErrImageNeverPull: its status shows the reason of the last
   * try and the sandbox the first try made (IP, PodReadyToStartContainers); then it tries again.
   */
  imageRetry(pod: PodRecord, k: number): void {
    const c = containerAt(pod, k);
    showReasonCache(pod, pod.kubeletState as PodState);
    c.waitingReason = "ErrImageNeverPull";
    c.waitingMessage = neverPullMessage(c.image);
    if (!pod.readyToStartContainers) {
      pod.readyToStartContainers = true;
      pod.readyToStartContainersMs = apiTime(this.sim.now);
    }
    pod.ipReported = true;
    this.store.updatePod(pod);
    this.ensureImage(pod, k);
  }
}
