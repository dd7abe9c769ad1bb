import type { Container, LifecycleHandler } from "kubernetes-types/core/v1.js";
import { NONE } from "./object-basics.js";

/**
 * Which lifecycle hooks the kubelet model runs. Only the `sleep` action has a duration a
 * scenario fixes: pkg/kubelet/lifecycle/handlers.go runSleepHandler waits exactly `seconds`
 * (feature PodLifecycleSleepAction, on by default from 1.30 and GA from 1.34: on in every version
 * jobsim models). An exec or httpGet hook lasts as long as what it runs, which no image behaviour
 * describes: jobsim treats it as done at once and says so (template-checks.ts hookNotes).
 */

/** A handler's sleep in ms, or NONE when it is not a sleep alone (exec, httpGet, tcpSocket, none). */
export function sleepHookMs(handler: LifecycleHandler | undefined | null): number {
  if (handler === undefined || handler === null) return NONE;
  const seconds = handler.sleep?.seconds;
  // validateLifecycleHandler admits one handler type per hook; anything else is not run here.
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 0) return NONE;
  if (handler.exec != null || handler.httpGet != null || handler.tcpSocket != null) return NONE;
  return seconds * 1000;
}

/** Sets a container status's hook sleeps from its spec (objects.ts setContainers). */
export function setHookSleeps(
  status: { postStartSleepMs: number; preStopSleepMs: number },
  spec: Container,
): void {
  const lifecycle = spec.lifecycle;
  if (lifecycle === undefined || lifecycle === null) return; // reuse() left them NONE
  status.postStartSleepMs = sleepHookMs(lifecycle.postStart);
  status.preStopSleepMs = sleepHookMs(lifecycle.preStop);
}
