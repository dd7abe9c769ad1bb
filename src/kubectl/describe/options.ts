/**
 * Version switches for `kubectl describe` output (see /work/shared/reference/kubectl-output.md, version table).
 */
export interface DescribeOptions {
  /** kubectl ≥ 1.35 (commit 60fa575, PR #133627): an event's message is prefixed with its involvedObject
   * fieldPath, e.g. `spec.containers{example}: Container created`. */
  eventFieldPathPrefix: boolean;
  /** kubectl ≥ 1.33 (commit 3e68cbc): a projected volume's configMap/secret source prints `Optional:  false`;
   * before, `ConfigMapOptional:  <nil>` (the raw *bool). */
  projectedOptional: boolean;
  /**
   * The client's time zone as a fixed offset east of UTC, in minutes (default 0, printed `+0000`): describe
   * prints every timestamp (Start Time, Started, Finished, …) in the local zone of the machine running kubectl.
   */
  utcOffsetMinutes?: number;
  /** kubectl ≤ 1.34: `describe node` prints `Kube-Proxy Version:` (version-profile.ts). */
  nodeKubeProxyVersion?: boolean;
}
