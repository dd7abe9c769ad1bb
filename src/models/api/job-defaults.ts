import type { Job } from "kubernetes-types/batch/v1.js";
import { defaultPodSpec } from "./pod-defaults.js";
import { quantityString } from "./quantity-string.js";

/**
 * What the API server does to a Job between decoding and storing it:
 * pkg/apis/batch/v1/defaults.go (SetDefaults_Job), then pkg/registry/batch/job/strategy.go
 * (PrepareForCreate: generation 1, empty status, generateSelector). Returns a new object.
 */

export const JOB_CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
export const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
export const LEGACY_JOB_NAME_LABEL = "job-name";
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
export const JOB_COMPLETION_INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
/** batch.JobIndexFailureCountAnnotation, JobIndexIgnoredFailureCountAnnotation (backoffLimitPerIndex). */
export const JOB_INDEX_FAILURE_COUNT_ANNOTATION = "batch.kubernetes.io/job-index-failure-count";
export const JOB_INDEX_IGNORED_FAILURE_COUNT_ANNOTATION =
  "batch.kubernetes.io/job-index-ignored-failure-count";

/** backoffLimit default without backoffLimitPerIndex (defaults.go). */
export const DEFAULT_BACKOFF_LIMIT = 6;
/** backoffLimit default when backoffLimitPerIndex is set: math.MaxInt32. */
export const BACKOFF_LIMIT_WITH_PER_INDEX = 2147483647;

export function defaultJob(input: Job, uid: string): Job {
  const job: Job = structuredClone(input);
  job.metadata ??= {};
  job.metadata.namespace ??= "default";
  const spec = (job.spec ??= { template: {} });
  spec.template ??= {};
  spec.template.spec ??= { containers: [] };
  canonicalQuantities(spec.template.spec);

  // SetDefaults_Job
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  if (spec.parallelism === undefined) spec.parallelism = 1;
  if (spec.backoffLimit === undefined) {
    spec.backoffLimit =
      spec.backoffLimitPerIndex !== undefined ? BACKOFF_LIMIT_WITH_PER_INDEX : DEFAULT_BACKOFF_LIMIT;
  }
  if (spec.completionMode === undefined) spec.completionMode = "NonIndexed";
  if (spec.suspend === undefined) spec.suspend = false;
  if (spec.podReplacementPolicy === undefined) {
    spec.podReplacementPolicy = spec.podFailurePolicy !== undefined ? "Failed" : "TerminatingOrFailed";
  }
  if (spec.manualSelector === undefined) spec.manualSelector = false;
  // `podFailurePolicy: {}` is stored with a nil rules slice, which Go marshals as null
  // (batch/v1 types.go: `Rules []PodFailurePolicyRule json:"rules"`, no omitempty).
  if (spec.podFailurePolicy !== undefined && spec.podFailurePolicy.rules === undefined)
    (spec.podFailurePolicy as { rules: unknown }).rules = null;
  for (const rule of spec.podFailurePolicy?.rules ?? []) {
    for (const pattern of rule.onPodConditions ?? [])
      if (pattern.status === undefined) pattern.status = "True";
  }
  const templateLabels = spec.template.metadata?.labels;
  if (
    (job.metadata.labels === undefined || Object.keys(job.metadata.labels).length === 0) &&
    templateLabels
  ) {
    job.metadata.labels = { ...templateLabels };
  }
  defaultPodSpec(spec.template.spec);

  // PrepareForCreate
  const writable = job.metadata as { uid?: string; generation?: number };
  writable.uid = uid;
  writable.generation = 1;
  job.status = {};
  if (spec.manualSelector !== true) generateSelector(job, uid);
  // Defaulting runs again on every read: a Job without labels shows its template's labels.
  if (job.metadata.labels === undefined || Object.keys(job.metadata.labels).length === 0) {
    job.metadata.labels = { ...(spec.template.metadata?.labels ?? {}) };
  }
  return job;
}

/**
 * strategy.go generateSelector: the four template labels (a label the user already set is kept
 * and left for validation to judge) and the controller-uid selector.
 */
function generateSelector(job: Job, uid: string): void {
  const spec = job.spec!;
  const meta = (spec.template.metadata ??= {});
  const labels = (meta.labels ??= {});
  const name = job.metadata!.name ?? "";
  labels[LEGACY_JOB_NAME_LABEL] ??= name;
  labels[JOB_NAME_LABEL] ??= name;
  labels[LEGACY_CONTROLLER_UID_LABEL] ??= uid;
  labels[JOB_CONTROLLER_UID_LABEL] ??= uid;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels[JOB_CONTROLLER_UID_LABEL] ??= uid;
}

/**
 * A copy of a prepared Job (defaulted with the UID left empty) carrying `uid` in its metadata and
 * in the controller-uid labels and selector that generateSelector filled with "".
 */
export function withJobUid(template: Job, uid: string): Job {
  const obj = structuredClone(template);
  (obj.metadata as { uid?: string }).uid = uid;
  const maps = [obj.metadata?.labels, obj.spec?.selector?.matchLabels, obj.spec?.template.metadata?.labels];
  for (const m of maps) {
    if (m === undefined) continue;
    for (const k of [JOB_CONTROLLER_UID_LABEL, LEGACY_CONTROLLER_UID_LABEL]) if (m[k] === "") m[k] = uid;
  }
  return obj;
}

/**
 * A copy of a prepared Job created with only metadata.generateName (defaulted while its name was
 * still "") carrying the name the API server generated, in metadata and in the job-name labels
 * generateSelector filled with "" (the real registry names the object before generateSelector).
 */
export function withJobName(template: Job, name: string): Job {
  const obj = structuredClone(template);
  const { name: _empty, ...rest } = obj.metadata ?? {};
  obj.metadata = { name, ...rest }; // (the name first, as a session's create has it)
  const maps = [obj.metadata?.labels, obj.spec?.template.metadata?.labels];
  for (const m of maps) {
    if (m === undefined) continue;
    for (const k of [JOB_NAME_LABEL, LEGACY_JOB_NAME_LABEL]) if (m[k] === "") m[k] = name;
  }
  return obj;
}

/**
 * The API server keeps resource quantities as resource.Quantity and writes them back in
 * canonical form (quantity.go CanonicalizeBytes): `cpu: 1000m` is returned as `"1"`, `1024Mi`
 * as `1Gi`, a YAML number `2` as `"2"`. Text that is not a quantity was refused by decoding.
 */
function canonicalQuantities(podSpec: NonNullable<NonNullable<Job["spec"]>["template"]["spec"]>): void {
  const lists = [podSpec.overhead];
  for (const c of [...(podSpec.containers ?? []), ...(podSpec.initContainers ?? [])])
    lists.push(c?.resources?.limits, c?.resources?.requests);
  for (const list of lists) {
    if (list === undefined || list === null || typeof list !== "object") continue;
    for (const [k, v] of Object.entries(list))
      if (typeof v === "string" || typeof v === "number")
        (list as Record<string, string>)[k] = quantityString(v);
  }
}
