import type { JobSpec, PodFailurePolicyRule } from "kubernetes-types/batch/v1.js";
import {
  duplicate,
  type FieldError,
  invalid,
  notSupported,
  required,
  tooLong,
  tooMany,
} from "./field-errors.js";
import { parseIndexes } from "./indexes.js";
import { labelKeyProblems } from "./names.js";

/**
 * Validation of a Job's podFailurePolicy and successPolicy, after
 * pkg/apis/batch/validation/validation.go (validatePodFailurePolicy, validatePodFailurePolicyRule…,
 * validateSuccessPolicy): the same checks, the same messages, in the same order.
 */

const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_EXIT_CODE_VALUES = 255;
const MAX_POD_CONDITION_PATTERNS = 20;
const MAX_SUCCESS_POLICY_RULES = 20;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const POLICY_ACTIONS = ["Count", "FailIndex", "FailJob", "Ignore"];
const EXIT_CODE_OPERATORS = ["In", "NotIn"];
const CONDITION_STATUSES = ["False", "True", "Unknown"];

/** The "must be greater than or equal to 0" check (ValidateNonnegativeField), shared with job-validation.ts. */
export function nonNegative(errs: FieldError[], value: number | undefined, path: string): void {
  if (value !== undefined && value < 0) errs.push(invalid(path, value, "must be greater than or equal to 0"));
}

export function validatePodFailurePolicy(spec: JobSpec): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.podFailurePolicy!.rules ?? [];
  const path = "spec.podFailurePolicy.rules";
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES)
    errs.push(tooMany(path, rules.length, MAX_POD_FAILURE_POLICY_RULES));
  const names = new Set<string>();
  for (const c of [...(spec.template.spec?.containers ?? []), ...(spec.template.spec?.initContainers ?? [])])
    names.add(c.name);
  rules.forEach((rule, i) => {
    errs.push(...validateRule(spec, rule, `${path}[${i}]`, names));
  });
  return errs;
}

function validateRule(
  spec: JobSpec,
  rule: PodFailurePolicyRule,
  path: string,
  names: Set<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  const action = rule.action ?? "";
  if (action === "") errs.push(required(`${path}.action`, `valid values: ["${POLICY_ACTIONS.join('" "')}"]`));
  else if (action === "FailIndex") {
    if (spec.backoffLimitPerIndex === undefined)
      errs.push(invalid(`${path}.action`, action, "requires the backoffLimitPerIndex to be set"));
  } else if (!POLICY_ACTIONS.includes(action))
    errs.push(notSupported(`${path}.action`, action, POLICY_ACTIONS));
  const onExit = rule.onExitCodes;
  if (onExit) {
    const p = `${path}.onExitCodes`;
    if (!onExit.operator)
      errs.push(required(`${p}.operator`, `valid values: ["${EXIT_CODE_OPERATORS.join('" "')}"]`));
    else if (!EXIT_CODE_OPERATORS.includes(onExit.operator))
      errs.push(notSupported(`${p}.operator`, onExit.operator, EXIT_CODE_OPERATORS));
    if (onExit.containerName !== undefined && !names.has(onExit.containerName)) {
      errs.push(
        invalid(
          `${p}.containerName`,
          onExit.containerName,
          "must be one of the container or initContainer names in the pod template",
        ),
      );
    }
    const values = onExit.values ?? [];
    if (values.length === 0) errs.push(invalid(`${p}.values`, values, "at least one value is required"));
    else if (values.length > MAX_EXIT_CODE_VALUES)
      errs.push(tooMany(`${p}.values`, values.length, MAX_EXIT_CODE_VALUES));
    const seen = new Set<number>();
    let ordered = true;
    values.forEach((v, j) => {
      if (onExit.operator === "In" && v === 0)
        errs.push(invalid(`${p}.values[${j}]`, v, "must not be 0 for the In operator"));
      if (seen.has(v)) errs.push(duplicate(`${p}.values[${j}]`, v));
      else seen.add(v);
      if (j > 0 && values[j - 1] > v) ordered = false;
    });
    if (!ordered) errs.push(invalid(`${p}.values`, values, "must be ordered"));
  }
  const onConds = rule.onPodConditions ?? [];
  if (onConds.length > 0) {
    const p = `${path}.onPodConditions`;
    if (onConds.length > MAX_POD_CONDITION_PATTERNS)
      errs.push(tooMany(p, onConds.length, MAX_POD_CONDITION_PATTERNS));
    onConds.forEach((pattern, j) => {
      // ValidateQualifiedName on the condition type (core/validation): one error per message of
      // IsQualifiedName — an empty type gets two, "must be non-empty" and the regex one.
      const type = pattern.type ?? "";
      for (const problem of labelKeyProblems(type)) errs.push(invalid(`${p}[${j}].type`, type, problem));
      if (!pattern.status)
        errs.push(required(`${p}[${j}].status`, `valid values: ["${CONDITION_STATUSES.join('" "')}"]`));
      else if (!CONDITION_STATUSES.includes(pattern.status))
        errs.push(notSupported(`${p}[${j}].status`, pattern.status, CONDITION_STATUSES));
    });
  }
  if (onExit && onConds.length > 0)
    errs.push({
      field: path,
      type: "Invalid value",
      detail: "specifying both OnExitCodes and OnPodConditions is not supported",
    });
  if (!onExit && onConds.length === 0)
    errs.push({
      field: path,
      type: "Invalid value",
      detail: "specifying one of OnExitCodes and OnPodConditions is required",
    });
  return errs;
}

export function validateSuccessPolicy(spec: JobSpec): FieldError[] {
  const errs: FieldError[] = [];
  const rules = spec.successPolicy!.rules ?? [];
  const path = "spec.successPolicy.rules";
  if (rules.length === 0)
    errs.push(required(path, "at least one rules must be specified when the successPolicy is specified"));
  if (rules.length > MAX_SUCCESS_POLICY_RULES)
    errs.push(tooMany(path, rules.length, MAX_SUCCESS_POLICY_RULES));
  const completions = spec.completions ?? 0;
  rules.forEach((rule, i) => {
    const p = `${path}[${i}]`;
    if (rule.succeededCount === undefined && rule.succeededIndexes === undefined) {
      errs.push(required(p, "at least one of succeededCount or succeededIndexes must be specified"));
    }
    let total = 0;
    if (rule.succeededIndexes !== undefined) {
      if (rule.succeededIndexes.length > MAX_SUCCEEDED_INDEXES_LENGTH) {
        errs.push(tooLong(`${p}.succeededIndexes`, MAX_SUCCEEDED_INDEXES_LENGTH));
      }
      const parsed = parseIndexes(rule.succeededIndexes, completions);
      if (typeof parsed === "string")
        errs.push(
          invalid(
            `${p}.succeededIndexes`,
            rule.succeededIndexes,
            `error parsing succeededIndexes: ${parsed}`,
          ),
        );
      else total = parsed.total;
    }
    if (rule.succeededCount !== undefined) {
      nonNegative(errs, rule.succeededCount, `${p}.succeededCount`);
      if (rule.succeededCount > completions) {
        errs.push(
          invalid(
            `${p}.succeededCount`,
            rule.succeededCount,
            `must be less than or equal to ${completions} (the number of specified completions)`,
          ),
        );
      }
      if (rule.succeededIndexes !== undefined && rule.succeededCount > total) {
        errs.push(
          invalid(
            `${p}.succeededCount`,
            rule.succeededCount,
            `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
          ),
        );
      }
    }
  });
  return errs;
}
