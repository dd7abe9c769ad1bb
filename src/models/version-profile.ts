/**
 * What differs between Kubernetes versions in what a user sees: one row per version, so that
 * another version is one more row, not a fork of the code. Sources are in
 * ../shared/reference/kubectl-output.md (table "Version-dependent behaviour") and
 * kubernetes-job-controller.md; the upstream file of each item is named beside it.
 *
 * The Job controller's behaviour (back-off 10 s doubling to 600 s, FailureTarget and
 * SuccessCriteriaMet, podReplacementPolicy) is the same from 1.31 on — older behaviour
 * (immediate first replacement before 1.27, back-off cap 360 s before ~1.28) is not modelled,
 * so there are no rows before 1.31.
 */
export interface VersionProfile {
  readonly version: string;
  /** k3s image the k3d default would deploy (informational; shown by `kubectl get nodes -o wide`). */
  readonly kubeletVersion: string;
  /**
   * status.nodeInfo.containerRuntimeVersion: the containerd embedded in that k3s release ("Embedded
   * Component Versions" of its release notes, without the "v"). 1.35: v1.35.5+k3s1 ships
   * v2.2.3-k3s1. The older rows keep an unverified value (their releases' notes were not found).
   */
  readonly containerRuntimeVersion: string;
  /** kubelet `Created` event (pkg/kubelet/kuberuntime/kuberuntime_container.go; PR #134043 in 1.35). */
  readonly containerCreatedMessage: string;
  /** kubelet `Started` event. */
  readonly containerStartedMessage: string;
  /**
   * kubelet `Pulled` event when the image is present (pkg/kubelet/images/image_manager.go
   * EnsureImageExists): `Container image %q already present on machine`, or with the feature gate
   * KubeletEnsureSecretPulledImages on `… and can be accessed by the pod` — alpha (off) in
   * 1.33–1.34, beta and on by default from 1.35 (pkg/features/kube_features.go).
   */
  readonly imagePresentMessage: string;
  /** `kubectl get jobs` has a STATUS column (printers.go, PR #123226, server 1.30). */
  readonly jobStatusColumn: boolean;
  /** Job STATUS can read `SuccessCriteriaMet` (printers.go, PR #132832, server 1.34). */
  readonly jobStatusSuccessCriteriaMet: boolean;
  /** describe Events prefix the message with the fieldPath (describe.go, kubectl 1.35). */
  readonly describeEventFieldPath: boolean;
  /** `kubectl delete` says `deleted from <ns> namespace` (delete.go, kubectl 1.34). */
  readonly deleteSaysNamespace: boolean;
  /** `get -w --ignore-not-found` drops a NotFound and returns (get.go `watch`; kubernetes PR
   * #132542, CHANGELOG-1.34 v1.34.0-beta.0: kubectl 1.34). */
  readonly watchIgnoresNotFound: boolean;
  /** describe projected volume prints `Optional:` rather than `ConfigMapOptional:` (kubectl 1.33). */
  readonly describeProjectedOptional: boolean;
  /**
   * `describe node` prints `Kube-Proxy Version:` under System Info: kubectl 1.33.0 still does
   * (kubernetes/kubernetes #133064, July 2025, shows the empty line); describe.go at the pinned
   * commit 0176276b (1.35) no longer has it. 1.34 is assumed to print it (its code froze in
   * July 2025, with that issue still open): not settled.
   */
  readonly describeNodeKubeProxyVersion: boolean;
  /** k3s server node ROLES (k3s PR #12395: `master` label removed). */
  readonly serverNodeRoles: string;
  /** Pods carry metadata.generation (1 at creation: pkg/registry/core/pod/strategy.go, 1.33+). */
  readonly podGeneration: boolean;
  /** status.observedGeneration and conditions[].observedGeneration: feature gate
   * PodObservedGenerationTracking, alpha/off 1.33, beta/on 1.34, GA 1.35 (kube_features.go). */
  readonly podObservedGeneration: boolean;
  /** containerStatuses[].resources of a running container: feature gate InPlacePodVerticalScaling,
   * beta/on from 1.33, GA 1.35 (kube_features.go; kubelet_pods.go convertToAPIContainerStatuses). */
  readonly runningContainerResources: boolean;
  /**
   * After a sync that stopped at a container's crash back-off, the pod worker retries when the
   * back-off expires — finishedAt + back-off, at most the 1 min resync interval ahead, jittered —
   * instead of after a flat wait.Jitter(10 s, 0.5) (pod_workers.go completeWork with
   * kubecontainer.MinBackoffExpiration; kuberuntime_manager.go doBackOff returns the expiry in a
   * BackoffError). PR #133066, merged October 2025: in 1.35 (KEP-5593's 1.35 list), not in 1.34.
   */
  readonly crashLoopRetryAtExpiry: boolean;
  /**
   * A regular (non-init) container may set `restartPolicy` and `restartPolicyRules`: feature gate
   * ContainerRestartRules, alpha/off 1.34, beta/on 1.35 (kube_features.go). Without it the API
   * server refuses a regular container's restartPolicy (validation.go validateContainers).
   */
  readonly containerRestartRules: boolean;
  /**
   * A lifecycle hook's `sleep` may be 0 s: feature gate PodLifecycleSleepActionAllowZero, alpha/off
   * 1.32, beta/on 1.33, GA 1.34 (kube_features.go); validation.go validateSleepAction.
   */
  readonly sleepActionAllowZero: boolean;
  /**
   * The kubelet sets status.nodeInfo.kubeProxyVersion to its own version unless feature gate
   * DisableNodeKubeProxyVersion is on (KEP-4004); the gate is deprecated and off by default in
   * 1.32 (CHANGELOG-1.32), on by default from 1.33 (kube_features.go), leaving the field "".
   */
  readonly nodeKubeProxyVersion: boolean;
  /**
   * The scheduler's default profile has the DynamicResources plugin, whose PostFilter runs before
   * DefaultPreemption and, for a pod without resource claims, adds `no new claims to deallocate`
   * to a FailedScheduling message (dynamicresources.go PostFilter; default_plugins.go
   * applyFeatureGates inserts it only with DynamicResourceAllocation on: GA and on from 1.34,
   * beta and off in 1.32–1.33). Seen in clusters' events as `… Insufficient cpu. no new claims to
   * deallocate, preemption: 0/1 nodes are available: …`.
   */
  readonly schedulerDraPostFilter: boolean;
  /**
   * The binding clears status.nominatedNodeName (pkg/registry/core/pod/storage/storage.go
   * setPodNodeAndMetadata, gate ClearingNominatedNodeNameAfterBinding: kube_features.go 1.34
   * alpha off, 1.35 beta on). Before, a preemptor keeps showing its nominated node once bound.
   */
  readonly clearNominatedOnBinding: boolean;
  /**
   * SchedulerAsyncPreemption (kube_features.go: 1.32 alpha off, 1.33 beta on): preemption runs in
   * a goroutine (executor.go prepareCandidateAsync) that clears lower-priority nominations before
   * deleting the victims; the synchronous prepareCandidate deletes the victims first.
   */
  readonly schedulerAsyncPreemption: boolean;
  /**
   * A typed object kubectl builds itself (`create job --dry-run=client -o yaml`, the JSON of
   * `--save-config`) shows its zero creationTimestamps as `creationTimestamp: null` (metadata
   * and the pod template's): metav1.Time gained `omitzero` in kubernetes PR #130989
   * (CHANGELOG-1.34, v1.34.0-alpha.1: "Zero-value metadata.creationTimestamp values are now
   * omitted"), so from 1.34 they are left out.
   */
  readonly nullCreationTimestamp: boolean;
  /**
   * TaintToleration's Filter reason names the first untolerated taint, `node(s) had untolerated
   * taint {<key>: <value>}`; kubernetes #134740 (merged October 2025, in 1.35; cherry-picked to
   * release-1.34 by #135023, November 2025, before k3s v1.34.6) made it `node(s) had untolerated
   * taint(s)`, the taint going to the scheduler's log only. v1.32.5 predates it; no release-1.33
   * cherry-pick was found, so 1.33 keeps the named form (unsettled: docs/fidelity.md).
   */
  readonly taintFilterNamesTaint: boolean;
}

const V1_35: VersionProfile = {
  version: "1.35",
  kubeletVersion: "v1.35.5+k3s1",
  containerRuntimeVersion: "containerd://2.2.3-k3s1",
  containerCreatedMessage: "Container created",
  containerStartedMessage: "Container started",
  imagePresentMessage: 'Container image "{image}" already present on machine and can be accessed by the pod',
  jobStatusColumn: true,
  jobStatusSuccessCriteriaMet: true,
  describeEventFieldPath: true,
  deleteSaysNamespace: true,
  watchIgnoresNotFound: true,
  describeProjectedOptional: true,
  describeNodeKubeProxyVersion: false,
  serverNodeRoles: "control-plane",
  podGeneration: true,
  podObservedGeneration: true,
  runningContainerResources: true,
  crashLoopRetryAtExpiry: true,
  containerRestartRules: true,
  sleepActionAllowZero: true,
  nodeKubeProxyVersion: false,
  schedulerDraPostFilter: true,
  clearNominatedOnBinding: true,
  schedulerAsyncPreemption: true,
  nullCreationTimestamp: false,
  taintFilterNamesTaint: false,
};

const V1_34: VersionProfile = {
  ...V1_35,
  version: "1.34",
  kubeletVersion: "v1.34.6+k3s1",
  containerRuntimeVersion: "containerd://2.1.5-k3s1",
  containerCreatedMessage: "Created container: {container}",
  containerStartedMessage: "Started container {container}",
  imagePresentMessage: 'Container image "{image}" already present on machine',
  describeEventFieldPath: false,
  describeNodeKubeProxyVersion: true,
  crashLoopRetryAtExpiry: false,
  containerRestartRules: false,
  clearNominatedOnBinding: false,
};

const V1_33: VersionProfile = {
  ...V1_34,
  version: "1.33",
  kubeletVersion: "v1.33.10+k3s1",
  jobStatusSuccessCriteriaMet: false,
  deleteSaysNamespace: false,
  watchIgnoresNotFound: false,
  serverNodeRoles: "control-plane,master",
  podObservedGeneration: false,
  schedulerDraPostFilter: false,
  nullCreationTimestamp: true,
  taintFilterNamesTaint: true,
};

const V1_32: VersionProfile = {
  ...V1_33,
  version: "1.32",
  kubeletVersion: "v1.32.5+k3s1",
  describeProjectedOptional: false,
  podGeneration: false,
  runningContainerResources: false,
  sleepActionAllowZero: false,
  nodeKubeProxyVersion: true,
  schedulerAsyncPreemption: false,
};

export const VERSION_PROFILES: Readonly<Record<string, VersionProfile>> = {
  "1.35": V1_35,
  "1.34": V1_34,
  "1.33": V1_33,
  "1.32": V1_32,
};

export const DEFAULT_VERSION = "1.35";

export function versionProfile(version: string = DEFAULT_VERSION): VersionProfile {
  const p = VERSION_PROFILES[version];
  if (!p)
    throw new Error(
      `unsupported Kubernetes version "${version}": supported versions are ${Object.keys(VERSION_PROFILES).join(", ")}`,
    );
  return p;
}

/** Fills `{name}` placeholders of a profile message. */
export function fillMessage(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
}
