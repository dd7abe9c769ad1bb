import type { SuccessPolicy } from "kubernetes-types/batch/v1.js";
import { type Intervals, intervalsTotal, parseIndexIntervals } from "./indexed.js";

/**
 * successPolicy of an Indexed Job (pkg/controller/job/success_policy.go): the Job has succeeded
 * once one rule holds — every index of its succeededIndexes (or, with succeededCount, that many
 * of them) succeeded; or, a rule with succeededCount only, that many indexes in all. The first
 * rule that holds names the condition: reason SuccessPolicy, "Matched rules at index <i>".
 */

/** batch.JobReasonSuccessPolicy */
export const SUCCESS_POLICY_REASON = "SuccessPolicy";

/** matchSuccessPolicy: the SuccessCriteriaMet message, or null while no rule holds. */
export function matchSuccessPolicy(
  policy: SuccessPolicy | null,
  completions: number,
  succeeded: Intervals,
): string | null {
  if (policy === null || succeeded.length === 0) return null;
  const rules = policy.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule.succeededIndexes !== undefined && rule.succeededIndexes !== null) {
      const required = parseIndexIntervals(rule.succeededIndexes, completions);
      // A list the controller cannot read (or wholly past completions) never holds.
      if (required.length === 0) continue;
      if (succeededIndexesRuleHolds(required, succeeded, rule.succeededCount ?? null))
        return `Matched rules at index ${i}`;
    } else if (
      rule.succeededCount !== undefined &&
      rule.succeededCount !== null &&
      intervalsTotal(succeeded) >= rule.succeededCount
    ) {
      return `Matched rules at index ${i}`;
    }
  }
  return null;
}

/** matchSucceededIndexesRule: how many required indexes succeeded, against all of them or the count. */
export function succeededIndexesRuleHolds(
  required: Intervals,
  succeeded: Intervals,
  succeededCount: number | null,
): boolean {
  let contains = 0;
  let r = 0;
  let s = 0;
  while (r < required.length && s < succeeded.length) {
    const overlap = Math.min(required[r + 1], succeeded[s + 1]) - Math.max(required[r], succeeded[s]) + 1;
    if (overlap > 0) contains += overlap;
    if (succeeded[s + 1] < required[r + 1]) s += 2;
    else if (succeeded[s + 1] > required[r + 1]) r += 2;
    else {
      s += 2;
      r += 2;
    }
  }
  return contains === intervalsTotal(required) || (succeededCount !== null && contains >= succeededCount);
}
