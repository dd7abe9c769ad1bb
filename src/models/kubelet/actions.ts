import type { EventHandler } from "../../engine/simulation.js";
import { purpose } from "../identity.js";
import type { ContainerStatus, PodRecord } from "../objects.js";

/** What a kubelet event does: the high bits of its argument (the low 8 bits: the container). */
export enum Action {
  FirstSync = 0,
  PullDone = 1,
  Start = 2,
  ObserveExit = 3,
  /** The pod worker's retry after a sync that stopped at a crash back-off (one per pod). */
  Retry = 4,
  Killed = 5,
  Deadline = 6,
  /** The first status of a deleted pod's termination (observedGeneration 2; a crash-looping
   * container shows its run). */
  TerminatingStatus = 7,
  /** The pod worker's next try after an image it may not pull was missing. */
  ImageRetry = 8,
  /** A container's postStart sleep hook is over: startContainer returns. */
  PostStartDone = 9,
}

/** Generic PLEG relist period (pkg/kubelet/pleg/generic.go). */
export const PLEG_RELIST_PERIOD_MS = 1000;
export const KUBELET_COMPONENT = "kubelet";

/** kuberuntime_manager.go minimumGracePeriodInSeconds: the shortest StopContainer timeout
 * killContainer gives ("a minimal shutdown window to avoid unnecessary SIGKILLs"). */
export const MINIMUM_KILL_GRACE_SECONDS = 2;
/** pod_workers.go calculateEffectiveGracePeriod: "no matter what, we always supply a grace
 * period of 1" — the pod worker's period, which a later DELETE may only shorten. */
export const MINIMUM_POD_WORKER_GRACE_SECONDS = 1;

/** pkg/kubelet/active_deadline.go: the reason and message of a pod past its activeDeadlineSeconds. */
export const DEADLINE_EXCEEDED_REASON = "DeadlineExceeded";
export const DEADLINE_EXCEEDED_MESSAGE = "Pod was active on the node longer than the specified deadline";

/** image_manager.go imagePullPrecheck: the ErrImageNeverPull message. */
export function neverPullMessage(image: string): string {
  return `Container image "${image}" is not present with pull policy of Never`;
}

// The purposes of the kubelet's random draws (see the Kubelet's comment: one stream per purpose).
export const P_PULL = purpose("pull");
export const P_START = purpose("start");
export const P_RUN = purpose("run");
export const P_OUTCOME = purpose("outcome");
export const P_TERMINATION = purpose("termination");
export const P_POD_WORKER = purpose("pod-worker");
export const P_PLEG = purpose("pleg-phase");
// An init container's draws have purposes of their own: a pod's regular containers draw the same
// whether or not it has init containers.
export const P_INIT_PULL = purpose("init-pull");
export const P_INIT_START = purpose("init-start");
export const P_INIT_RUN = purpose("init-run");
export const P_INIT_OUTCOME = purpose("init-outcome");
export const P_INIT_TERMINATION = purpose("init-termination");

/** What a kubelet's helpers (pod-restarts.ts, pod-kills.ts) need of it: it handles the events
 * they schedule, and records its Events. */
export interface KubeletHost extends EventHandler {
  event(
    pod: PodRecord,
    c: ContainerStatus,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
  ): void;
}
