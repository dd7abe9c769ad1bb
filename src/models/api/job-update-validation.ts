import type { JobSpec } from "kubernetes-types/batch/v1.js";
import { type FieldError, invalid } from "./field-errors.js";
import { JOB_CONTROLLER_UID_LABEL, LEGACY_CONTROLLER_UID_LABEL } from "./job-defaults.js";

/**
 * The update rules of a Job's spec, after pkg/apis/batch/validation/validation.go
 * ValidateJobSpecUpdate (Kubernetes 1.35): after the create-time checks, these fields must not
 * change, in this order — completions (but see completionsUpdateErrors),
 * selector, template (validatePodTemplateUpdate), completionMode, podFailurePolicy,
 * backoffLimitPerIndex, managedBy, successPolicy. Everything else (parallelism,
 * activeDeadlineSeconds, backoffLimit, suspend, ttlSecondsAfterFinished, maxFailedIndexes,
 * podReplacementPolicy, manualSelector) may change.
 *
 * The template may change only in its scheduling directives (node affinity, nodeSelector,
 * tolerations, labels, annotations, schedulingGates), and only while the Job is suspended and
 * has never started (registry batch/job strategy.go: AllowMutableSchedulingDirectives =
 * old spec.suspend && old status.startTime == nil).
 */

const IMMUTABLE_AFTER_TEMPLATE = [
  "completionMode",
  "podFailurePolicy",
  "backoffLimitPerIndex",
  "managedBy",
  "successPolicy",
] as const;

/** The spec fields an update may change (template aside, see above). */
export const MUTABLE_SPEC = [
  "parallelism",
  "activeDeadlineSeconds",
  "backoffLimit",
  "suspend",
  "ttlSecondsAfterFinished",
  "maxFailedIndexes",
  "podReplacementPolicy",
  "manualSelector",
];

/** JSON with sorted keys, for comparing API objects by value (Semantic.DeepEqual). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x !== null && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.keys(x)
            .sort()
            .map((k) => [k, x[k]]),
        )
      : x,
  );
}

/** A template without the controller-uid labels the registry generated (the update's are ""). */
export function withoutUidLabels(template: unknown): Record<string, unknown> {
  const t = structuredClone(template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const l = t.metadata?.labels;
  if (l) for (const k of [JOB_CONTROLLER_UID_LABEL, LEGACY_CONTROLLER_UID_LABEL]) delete l[k];
  return t as Record<string, unknown>;
}

/** The template with what a suspended, never-started Job may change taken out of the comparison. */
function withoutSchedulingDirectives(template: Record<string, unknown>): Record<string, unknown> {
  const t = structuredClone(template) as {
    metadata?: Record<string, unknown>;
    spec?: Record<string, unknown> & { affinity?: Record<string, unknown> };
  };
  if (t.metadata) {
    delete t.metadata.labels;
    delete t.metadata.annotations;
  }
  if (t.spec) {
    for (const k of ["nodeSelector", "tolerations", "schedulingGates"]) delete t.spec[k];
    if (t.spec.affinity) {
      delete t.spec.affinity.nodeAffinity;
      if (Object.keys(t.spec.affinity).length === 0) delete t.spec.affinity;
    }
  }
  return t as Record<string, unknown>;
}

export function templateChanged(have: JobSpec, want: JobSpec): boolean {
  return canonical(withoutUidLabels(want.template)) !== canonical(withoutUidLabels(have.template));
}

/**
 * validateCompletions with ElasticIndexedJob (GA): completions is immutable, except in an
 * Indexed Job, where it may change to a value equal to the new parallelism (both scaled in
 * tandem). A change to null is left to the create-time check (an Indexed Job requires it).
 */
function completionsUpdateErrors(want: JobSpec): FieldError[] {
  if (want.completionMode !== "Indexed")
    return [invalid("spec.completions", want.completions ?? null, "field is immutable")];
  if (want.completions === undefined || want.completions === null || want.completions === want.parallelism)
    return [];
  return [
    invalid("spec.completions", want.completions, "can only be modified in tandem with spec.parallelism"),
  ];
}

/**
 * The update errors of a spec change (`want` defaulted as on create, its generated selector and
 * uid labels not yet filled in; `selector` the one the request carried, if any).
 */
export function jobSpecUpdateErrors(
  have: JobSpec,
  want: JobSpec,
  selector: unknown,
  allowSchedulingDirectives: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const immutable = (field: keyof JobSpec, value: unknown) =>
    errs.push(invalid(`spec.${field}`, value === undefined ? null : value, "field is immutable"));
  if (canonical(want.completions) !== canonical(have.completions))
    errs.push(...completionsUpdateErrors(want));
  if (selector !== undefined && canonical(selector) !== canonical(have.selector))
    immutable("selector", selector);
  if (templateChanged(have, want)) {
    const w = withoutUidLabels(want.template);
    const h = withoutUidLabels(have.template);
    const same = allowSchedulingDirectives
      ? canonical(withoutSchedulingDirectives(w)) === canonical(withoutSchedulingDirectives(h))
      : false;
    if (!same) immutable("template", want.template);
  }
  for (const k of IMMUTABLE_AFTER_TEMPLATE)
    if (canonical(want[k]) !== canonical(have[k])) immutable(k, want[k]);
  return errs;
}
