import type { PodFailurePolicy, PodFailurePolicyOnExitCodesRequirement } from "kubernetes-types/batch/v1.js";
import { type ContainerStatus, type PodRecord, terminatedExitCode } from "../objects.js";
import { podConditions } from "../pod-status.js";

/**
 * podFailurePolicy matching (pkg/controller/job/pod_failure_policy.go): rules in order, the
 * first that matches a failed pod decides. onExitCodes looks at terminated containers with a
 * non-zero exit code (regular containers first, then init containers); onPodConditions at the
 * pod's conditions. No match counts the failure as usual.
 */

export type PolicyAction = "FailJob" | "FailIndex" | "Ignore" | "Count";

export interface PolicyMatch {
  action: PolicyAction | null;
  ruleIndex: number;
  /** For onExitCodes matches: the matching container and its exit code; for conditions: the type. */
  containerName: string;
  exitCode: number;
  conditionType: string;
}

const KNOWN_ACTIONS: readonly string[] = ["FailJob", "FailIndex", "Ignore", "Count"];

const NO_MATCH: PolicyMatch = {
  action: null,
  ruleIndex: -1,
  containerName: "",
  exitCode: 0,
  conditionType: "",
};

export function matchPodFailurePolicy(policy: PodFailurePolicy | null, pod: PodRecord): PolicyMatch {
  if (policy === null) return NO_MATCH;
  const rules = policy.rules ?? []; // `podFailurePolicy: {}` is valid: no rule, nothing matches
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    // An action the controller does not know never decides (upstream's switch has no default).
    if (!KNOWN_ACTIONS.includes(rule.action)) continue;
    if (rule.onExitCodes) {
      // getMatchingContainerFromList walks status.containerStatuses (sorted by name), then
      // status.initContainerStatuses (spec order).
      const action = rule.action as PolicyAction;
      const m =
        matchExitCodes(rule.onExitCodes, pod.containersByName, action, i) ??
        matchExitCodes(rule.onExitCodes, pod.initContainers, action, i);
      if (m !== null) return m;
    } else if (rule.onPodConditions) {
      for (const [type, status] of podConditions(pod)) {
        for (const pattern of rule.onPodConditions) {
          if (pattern.type === type && (pattern.status ?? "True") === status) {
            return {
              action: rule.action as PolicyAction,
              ruleIndex: i,
              containerName: "",
              exitCode: 0,
              conditionType: type,
            };
          }
        }
      }
    }
  }
  return NO_MATCH;
}

/** The first terminated container of `statuses` whose non-zero exit code the rule's onExitCodes
 * matches. */
function matchExitCodes(
  req: PodFailurePolicyOnExitCodesRequirement,
  statuses: readonly ContainerStatus[],
  action: PolicyAction,
  ruleIndex: number,
): PolicyMatch | null {
  for (const c of statuses) {
    const code = terminatedExitCode(c);
    if (code === null || code === 0) continue;
    if (req.containerName !== undefined && req.containerName !== c.name) continue;
    const listed = req.values.includes(code);
    if ((req.operator === "In" && listed) || (req.operator === "NotIn" && !listed))
      return { action, ruleIndex, containerName: c.name, exitCode: code, conditionType: "" };
  }
  return null;
}

/** Whether a failed pod counts toward backoffLimit (an Ignore rule says no). */
export function countsAsFailure(m: PolicyMatch): boolean {
  return m.action !== "Ignore";
}

/** The FailureTarget message of a FailJob match (only built when someone will read it). */
export function failJobMessage(m: PolicyMatch, pod: PodRecord): string {
  if (m.containerName !== "") {
    return `Container ${m.containerName} for pod ${pod.namespace}/${pod.name} failed with exit code ${m.exitCode} matching FailJob rule at index ${m.ruleIndex}`;
  }
  return `Pod ${pod.namespace}/${pod.name} has condition ${m.conditionType} matching FailJob rule at index ${m.ruleIndex}`;
}
