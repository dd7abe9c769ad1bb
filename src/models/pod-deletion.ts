import { apiTime, type PodRecord } from "./objects.js";

/**
 * rest.BeforeDelete (apiserver pkg/registry/rest/delete.go) on a pod already being deleted, asked
 * for a shorter grace period — a second `kubectl delete`, or the kubelet's final DELETE with grace
 * 0 once the containers are gone: the deletionTimestamp moves back by the old grace and forward
 * by the new one, but never into the past (kubernetes PR #122646, 1.33: "Prevent shortening the
 * grace period moving deletionTimestamp into the past") — then it is now, and a grace other than 0
 * becomes 1 (the minimum that is still a graceful delete).
 */
export function shortenDeletionGrace(pod: PodRecord, graceSeconds: number, nowMs: number): void {
  let grace = graceSeconds;
  let at = pod.deletionMs + (graceSeconds - pod.deletionGraceSeconds) * 1000;
  if (at < nowMs) {
    at = apiTime(nowMs);
    if (grace !== 0) grace = 1;
  }
  pod.deletionMs = at;
  pod.deletionGraceSeconds = grace;
}
