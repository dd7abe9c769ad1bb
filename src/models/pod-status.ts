import { NONE, type PodRecord } from "./objects.js";

/**
 * The pod conditions the kubelet writes, in its order (pkg/kubelet/kubelet_pods.go
 * generateAPIPodStatus): PodReadyToStartContainers, Initialized, Ready, ContainersReady,
 * PodScheduled. Before a kubelet has seen the pod, only PodScheduled exists (set by binding,
 * or False/Unschedulable by the scheduler).
 */
export function podConditions(pod: PodRecord): [type: string, status: string][] {
  const out: [string, string][] = [];
  // DisruptionTarget (the scheduler's, preemptor.ts): first once the kubelet has written status
  // since (status_manager.go mergePodStatus keeps conditions it does not own, ahead of its own),
  // last before that (UpdatePodCondition appends a new type).
  const disrupted = pod.disruptionMs !== NONE;
  const disruptionFirst = disrupted && disruptionSeenByKubelet(pod);
  if (disruptionFirst) out.push(["DisruptionTarget", "True"]);
  if (pod.startTimeMs !== NONE) {
    out.push(["PodReadyToStartContainers", pod.readyToStartContainers ? "True" : "False"]);
    out.push(["Initialized", pod.initialized ? "True" : "False"]);
    out.push(["Ready", pod.ready ? "True" : "False"]);
    out.push(["ContainersReady", pod.containersReady ? "True" : "False"]);
  }
  if (pod.scheduledMs !== NONE) out.push(["PodScheduled", "True"]);
  else if (pod.unschedulableMs !== NONE) out.push(["PodScheduled", "False"]);
  if (disrupted && !disruptionFirst) out.push(["DisruptionTarget", "True"]);
  return out;
}

/** The kubelet has written status since the scheduler added DisruptionTarget: its writes record
 * the generation they saw, and the DELETE that followed the condition bumped it. */
export function disruptionSeenByKubelet(pod: PodRecord): boolean {
  return pod.observedGeneration > pod.disruptionGeneration;
}

/** Sum of container restart counts, init containers' included (what OnFailure's backoffLimit
 * check adds up: job_controller.go pastBackoffLimitOnFailure reads both status lists). */
export function restartSum(pod: PodRecord): number {
  let s = 0;
  for (const c of pod.containers) s += c.restartCount;
  for (const c of pod.initContainers) s += c.restartCount;
  return s;
}
