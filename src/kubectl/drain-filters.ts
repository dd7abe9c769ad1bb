/**
 * kubectl drain's pod filters (staging/src/k8s.io/kubectl/pkg/drain/filters.go makeFilters), in
 * upstream order: skipDeletedFilter, daemonSetFilter, mirrorPodFilter, localStorageFilter,
 * unreplicatedFilter. The chain stops at the first filter whose status says "do not delete", and
 * the pod's status is the last filter's (filterPods): so localStorageFilter's warning is always
 * replaced by unreplicatedFilter's status, as the upstream TODO there says.
 *
 * jobsim has neither DaemonSets nor static (mirror) pods, so daemonSetFilter and mirrorPodFilter
 * pass every pod: a pod is a Job's (controller reference) or an orphan (`delete job
 * --cascade=orphan` removed the reference). Pure: table-tested.
 */

/** A pod as the filters read it. */
export interface DrainPodFacts {
  /** status.phase is Succeeded or Failed. */
  readonly terminal: boolean;
  /** metav1.GetControllerOf is not nil. */
  readonly hasController: boolean;
  /** A volume with an emptyDir source (hasLocalStorage). */
  readonly hasEmptyDir: boolean;
  /** metadata.deletionTimestamp in ms, or null when not being deleted. */
  readonly deletionMs: number | null;
}

export interface DrainFilterFlags {
  readonly force: boolean;
  readonly deleteEmptyDirData: boolean;
  /** --skip-wait-for-delete-timeout (seconds; 0 or less: off). */
  readonly skipWaitForDeleteTimeoutSeconds: number;
}

/** PodDeleteStatus: whether the pod is evicted, and Reason/Message. */
export interface DrainPodStatus {
  readonly delete: boolean;
  readonly reason: "Okay" | "Skip" | "Warning" | "Error";
  readonly message: string;
}

/** filters.go's messages (constants daemonSetFatal… unmanagedWarning). unmanagedFatal begins
 * with "cannot delete" since kubernetes#120159 (kubectl 1.30): see drainErrors. */
export const LOCAL_STORAGE_FATAL = "Pods with local storage (use --delete-emptydir-data to override)";
export const LOCAL_STORAGE_WARNING = "deleting Pods with local storage";
export const UNMANAGED_FATAL = "cannot delete Pods that declare no controller (use --force to override)";
export const UNMANAGED_WARNING = "deleting Pods that declare no controller";

const OKAY: DrainPodStatus = { delete: true, reason: "Okay", message: "" };
const SKIP: DrainPodStatus = { delete: false, reason: "Skip", message: "" };

/**
 * shouldSkipPod: --skip-wait-for-delete-timeout N > 0 and a deletionTimestamp more than N whole
 * seconds in the past (`int(time.Now().Sub(deletionTimestamp).Seconds()) > N`: the seconds are
 * truncated toward zero, and a deletionTimestamp in the future — a graceful delete's — is never
 * old).
 */
export function shouldSkipPod(deletionMs: number | null, nowMs: number, skipSeconds: number): boolean {
  return skipSeconds > 0 && deletionMs !== null && Math.trunc((nowMs - deletionMs) / 1000) > skipSeconds;
}

/** The pod's final status through the filter chain. */
export function drainPodStatus(pod: DrainPodFacts, flags: DrainFilterFlags, nowMs: number): DrainPodStatus {
  // skipDeletedFilter
  if (shouldSkipPod(pod.deletionMs, nowMs, flags.skipWaitForDeleteTimeoutSeconds)) return SKIP;
  // daemonSetFilter and mirrorPodFilter: Okay for every pod jobsim has.
  // localStorageFilter: finished pods pass; else an Error without the flag. With it, a Warning
  // that unreplicatedFilter (which runs next, delete still true) always replaces.
  if (pod.hasEmptyDir && !pod.terminal && !flags.deleteEmptyDirData)
    return { delete: false, reason: "Error", message: LOCAL_STORAGE_FATAL };
  // unreplicatedFilter
  if (pod.terminal || pod.hasController) return OKAY;
  if (flags.force) return { delete: true, reason: "Warning", message: UNMANAGED_WARNING };
  return { delete: false, reason: "Error", message: UNMANAGED_FATAL };
}

/**
 * PodDeleteList.errors / Warnings: per message, the pods' "namespace/name" joined with ", ";
 * errors read `cannot delete <message>: <pods>`, warnings `<message>: <pods>` joined with "; ".
 * Upstream groups the messages in a Go map, so two kinds come in random order; jobsim keeps the
 * order in which the list first meets each (docs/fidelity.md). In 1.30–1.35 errors() prepends
 * "cannot delete " to every message, unmanagedFatal's included, which prints "cannot delete
 * cannot delete Pods that declare no controller …" (kubernetes/kubectl#1808, open at 1.35's
 * release; the HasPrefix guard of kubernetes#131173/#131174 was not merged).
 */
export function drainErrors(items: readonly { ref: string; status: DrainPodStatus }[]): string[] {
  return grouped(items, "Error").map(([message, pods]) => `cannot delete ${message}: ${pods.join(", ")}`);
}

export function drainWarnings(items: readonly { ref: string; status: DrainPodStatus }[]): string {
  return grouped(items, "Warning")
    .map(([message, pods]) => `${message}: ${pods.join(", ")}`)
    .join("; ");
}

function grouped(
  items: readonly { ref: string; status: DrainPodStatus }[],
  reason: DrainPodStatus["reason"],
): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const { ref, status } of items) {
    if (status.reason !== reason) continue;
    const list = groups.get(status.message);
    if (list === undefined) groups.set(status.message, [ref]);
    else list.push(ref);
  }
  return [...groups];
}
