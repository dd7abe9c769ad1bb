import type { Job, JobSpec } from "kubernetes-types/batch/v1.js";
import {
  dedupe,
  type FieldError,
  goMap,
  goStruct,
  invalid,
  notSupported,
  required,
  tooLong,
} from "./field-errors.js";
import {
  JOB_CONTROLLER_UID_LABEL,
  JOB_NAME_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
  LEGACY_JOB_NAME_LABEL,
} from "./job-defaults.js";
import { nonNegative, validatePodFailurePolicy, validateSuccessPolicy } from "./job-policy-validation.js";
import { LabelSelector } from "./labels.js";
import {
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  domainPrefixedPathErrors,
  qualifiedNameProblems,
} from "./names.js";
import { type PodValidationOptions, validateLabels, validatePodTemplateSpec } from "./pod-validation.js";

/**
 * Validation of a defaulted Job, after pkg/apis/batch/validation/validation.go (ValidateJob,
 * validateGeneratedSelector, validateJobSpec; the policies: job-policy-validation.ts): the same
 * checks, the same messages, in the same order.
 */

const MAX_PARALLELISM_INDEXED = 100_000;
const MAX_FAILED_INDEXES = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_HIGH_COMPLETIONS = 10_000;
const MAX_MANAGED_BY_LENGTH = 63;

export function validateJob(job: Job, podOptions?: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  const meta = job.metadata ?? {};
  const name = meta.name ?? "";
  // ValidateObjectMetaAccessor: a generateName is judged as a name prefix (maskTrailingDash).
  const prefix = meta.generateName ?? "";
  const masked = prefix.length > 1 && prefix.endsWith("-") ? `${prefix.slice(0, -1)}a` : prefix;
  if (prefix)
    for (const p of dns1123SubdomainProblems(masked)) errs.push(invalid("metadata.generateName", prefix, p));
  if (!name && !meta.generateName) errs.push(required("metadata.name", "name or generateName is required"));
  else if (name) for (const p of dns1123SubdomainProblems(name)) errs.push(invalid("metadata.name", name, p));
  // ValidateObjectMeta (apimachinery api/validation/objectmeta.go) goes on to the labels and the
  // annotations, whose keys are qualified names checked in lower case (ValidateAnnotations).
  errs.push(...validateLabels(meta.labels, "metadata.labels"));
  for (const k of Object.keys(meta.annotations ?? {}))
    for (const p of qualifiedNameProblems(k.toLowerCase())) errs.push(invalid("metadata.annotations", k, p));
  const spec = job.spec;
  if (!spec) return [required("spec")];
  errs.push(...validateGeneratedSelector(job));
  errs.push(...validateJobSpec(spec, podOptions));
  if (spec.selector === undefined) {
    errs.push(required("spec.selector"));
    // LabelSelectorAsSelector(nil) selects nothing, so the template cannot match either.
    errs.push(
      invalid(
        "spec.template.metadata.labels",
        goMap(spec.template.metadata?.labels ?? {}),
        "`selector` does not match template `labels`",
      ),
    );
  } else {
    const selector = LabelSelector.fromMatchLabels(spec.selector.matchLabels ?? {});
    if (!selector.matches(spec.template.metadata?.labels)) {
      errs.push(
        invalid(
          "spec.template.metadata.labels",
          goMap(spec.template.metadata?.labels ?? {}),
          "`selector` does not match template `labels`",
        ),
      );
    }
  }
  if (spec.completionMode === "Indexed" && spec.completions !== undefined && spec.completions > 0) {
    const host = `${name}-${spec.completions - 1}`;
    if (dns1123LabelProblems(host).length > 0) {
      errs.push(
        invalid("metadata.name", name, `will not able to create pod with invalid DNS label: ${host}`),
      );
    }
  }
  return dedupe(errs);
}

function validateGeneratedSelector(job: Job): FieldError[] {
  const spec = job.spec!;
  if (spec.manualSelector === true || spec.selector === undefined) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata?.uid ?? "";
  if (!uid) errs.push(required("metadata.uid"));
  const labels = spec.template.metadata?.labels ?? {};
  const name = job.metadata?.name ?? "";
  const expected: [string, string][] = [
    [LEGACY_CONTROLLER_UID_LABEL, uid],
    [LEGACY_JOB_NAME_LABEL, name],
    [JOB_CONTROLLER_UID_LABEL, uid],
    [JOB_NAME_LABEL, name],
  ];
  for (const [k, v] of expected) {
    // ValidateHasLabel: the path names the key; a wrong value shows the whole label map.
    if (!(k in labels)) errs.push(required(`spec.template.metadata.labels[${k}]`, `must be '${v}'`));
    else if (labels[k] !== v)
      errs.push(invalid(`spec.template.metadata.labels[${k}]`, goMap(labels), `must be '${v}'`));
  }
  const selector = LabelSelector.fromMatchLabels(spec.selector.matchLabels ?? {});
  if (!selector.matches(Object.fromEntries(expected))) {
    errs.push(invalid("spec.selector", spec.selector, "`selector` not auto-generated"));
  }
  return errs;
}

function validateJobSpec(spec: JobSpec, podOptions?: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  nonNegative(errs, spec.parallelism, "spec.parallelism");
  nonNegative(errs, spec.completions, "spec.completions");
  nonNegative(errs, spec.activeDeadlineSeconds, "spec.activeDeadlineSeconds");
  nonNegative(errs, spec.backoffLimit, "spec.backoffLimit");
  nonNegative(errs, spec.ttlSecondsAfterFinished, "spec.ttlSecondsAfterFinished");
  nonNegative(errs, spec.backoffLimitPerIndex, "spec.backoffLimitPerIndex");
  if (spec.maxFailedIndexes !== undefined) {
    nonNegative(errs, spec.maxFailedIndexes, "spec.maxFailedIndexes");
    if (spec.backoffLimitPerIndex === undefined)
      errs.push(required("spec.backoffLimitPerIndex", "when maxFailedIndexes is specified"));
  }
  if (spec.managedBy !== undefined) {
    errs.push(...domainPrefixedPathErrors("spec.managedBy", spec.managedBy));
    if (Buffer.byteLength(spec.managedBy) > MAX_MANAGED_BY_LENGTH)
      errs.push(tooLong("spec.managedBy", MAX_MANAGED_BY_LENGTH));
  }
  const mode = spec.completionMode;
  if (mode !== undefined) {
    if (mode !== "NonIndexed" && mode !== "Indexed")
      errs.push(notSupported("spec.completionMode", mode, ["NonIndexed", "Indexed"]));
    if (mode === "Indexed") {
      if (spec.completions === undefined)
        errs.push(required("spec.completions", "when completion mode is Indexed"));
      if (spec.parallelism !== undefined && spec.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(
          invalid(
            "spec.parallelism",
            spec.parallelism,
            `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`,
          ),
        );
      }
      if (
        spec.completions !== undefined &&
        spec.maxFailedIndexes !== undefined &&
        spec.maxFailedIndexes > spec.completions
      ) {
        errs.push(
          invalid(
            "spec.maxFailedIndexes",
            spec.maxFailedIndexes,
            "must be less than or equal to completions",
          ),
        );
      }
      if (spec.maxFailedIndexes !== undefined && spec.maxFailedIndexes > MAX_FAILED_INDEXES) {
        errs.push(
          invalid(
            "spec.maxFailedIndexes",
            spec.maxFailedIndexes,
            `must be less than or equal to ${MAX_FAILED_INDEXES}`,
          ),
        );
      }
      if (
        spec.completions !== undefined &&
        spec.completions > COMPLETIONS_SOFT_LIMIT &&
        spec.backoffLimitPerIndex !== undefined
      ) {
        if (spec.maxFailedIndexes === undefined) {
          errs.push(
            required(
              "spec.maxFailedIndexes",
              `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`,
            ),
          );
        }
        if (spec.parallelism !== undefined && spec.parallelism > PARALLELISM_LIMIT_HIGH_COMPLETIONS) {
          errs.push(
            invalid(
              "spec.parallelism",
              spec.parallelism,
              `must be less than or equal to ${PARALLELISM_LIMIT_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`,
            ),
          );
        }
        if (
          spec.maxFailedIndexes !== undefined &&
          spec.maxFailedIndexes > MAX_FAILED_INDEXES_HIGH_COMPLETIONS
        ) {
          errs.push(
            invalid(
              "spec.maxFailedIndexes",
              spec.maxFailedIndexes,
              `must be less than or equal to ${MAX_FAILED_INDEXES_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`,
            ),
          );
        }
      }
    }
  }
  if (mode === undefined || mode === "NonIndexed") {
    if (spec.backoffLimitPerIndex !== undefined)
      errs.push(
        invalid("spec.backoffLimitPerIndex", spec.backoffLimitPerIndex, "requires indexed completion mode"),
      );
    if (spec.maxFailedIndexes !== undefined)
      errs.push(invalid("spec.maxFailedIndexes", spec.maxFailedIndexes, "requires indexed completion mode"));
  }
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec));
  if (spec.successPolicy) {
    if ((mode ?? "NonIndexed") !== "Indexed")
      errs.push(
        invalid("spec.successPolicy", goStruct(spec.successPolicy), "requires indexed completion mode"),
      );
    else errs.push(...validateSuccessPolicy(spec));
  }
  if (spec.podReplacementPolicy !== undefined) {
    if (spec.podFailurePolicy) {
      if (spec.podReplacementPolicy !== "Failed")
        errs.push(notSupported("spec.podReplacementPolicy", spec.podReplacementPolicy, ["Failed"]));
    } else if (
      spec.podReplacementPolicy !== "Failed" &&
      spec.podReplacementPolicy !== "TerminatingOrFailed"
    ) {
      errs.push(
        notSupported("spec.podReplacementPolicy", spec.podReplacementPolicy, [
          "Failed",
          "TerminatingOrFailed",
        ]),
      );
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, "spec.template", podOptions));
  const rp = spec.template.spec?.restartPolicy ?? "";
  const rpPath = "spec.template.spec.restartPolicy";
  if (rp === "Always" || rp === "") errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== "OnFailure" && rp !== "Never") errs.push(notSupported(rpPath, rp, ["OnFailure", "Never"]));
  else if (spec.podFailurePolicy && rp !== "Never")
    errs.push(invalid(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}
