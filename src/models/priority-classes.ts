import type { PodSpec } from "kubernetes-types/core/v1.js";

/**
 * PriorityClasses and the Priority admission plugin's part in creating a pod
 * (plugin/pkg/admission/priority/admission.go admitPod): the plugin resolves the pod's
 * priorityClassName — or, without one, the global default class — to the pod's `priority` and
 * `preemptionPolicy`, and refuses the pod (Forbidden) when the class does not exist or when the
 * pod already carries a different priority or preemption policy. It runs in the API server's
 * mutating admission, before validation, so its refusal comes first.
 *
 * The cluster has the two system classes the API server creates at start-up
 * (pkg/apis/scheduling: SystemPriorityClasses) and those the scenario's `cluster.priorityClasses`
 * declares; jobsim simulates no command that makes or removes one.
 */

export type PreemptionPolicy = "PreemptLowerPriority" | "Never";

export interface PriorityClassSpec {
  readonly name: string;
  readonly value: number;
  /** A PriorityClass's preemptionPolicy defaults to PreemptLowerPriority (scheduling/v1 defaults). */
  readonly preemptionPolicy: PreemptionPolicy;
  readonly globalDefault: boolean;
}

/** scheduling.SystemCriticalPriority: 2 · 10^9; node-critical is 1000 above it. */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
/** scheduling.HighestUserDefinablePriority: a user class may not be higher (1 · 10^9). */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;
/** scheduling.SystemPriorityClassPrefix: names reserved for the system classes. */
export const SYSTEM_PRIORITY_CLASS_PREFIX = "system-";
/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
export const DEFAULT_PRIORITY = 0;

export const SYSTEM_PRIORITY_CLASSES: readonly PriorityClassSpec[] = [
  {
    name: "system-node-critical",
    value: SYSTEM_CRITICAL_PRIORITY + 1000,
    preemptionPolicy: "PreemptLowerPriority",
    globalDefault: false,
  },
  {
    name: "system-cluster-critical",
    value: SYSTEM_CRITICAL_PRIORITY,
    preemptionPolicy: "PreemptLowerPriority",
    globalDefault: false,
  },
];

/** What the Priority plugin makes of a pod template's pods. */
export interface PriorityAdmission {
  /** The pod's priorityClassName after admission ("" when none was given and no default exists). */
  readonly className: string;
  readonly priority: number;
  readonly preemptionPolicy: PreemptionPolicy;
  /** The Forbidden cause when the plugin refuses every pod of the template, else null. */
  readonly forbidden: string | null;
}

/** The cluster's PriorityClasses, answering for pod templates. */
export class PriorityClasses {
  private readonly byName = new Map<string, PriorityClassSpec>();
  /** getDefaultPriorityClass: the global default with the lowest value, if any. */
  private readonly globalDefault: PriorityClassSpec | undefined;

  constructor(declared: readonly PriorityClassSpec[] = []) {
    for (const c of [...SYSTEM_PRIORITY_CLASSES, ...declared]) this.byName.set(c.name, c);
    let chosen: PriorityClassSpec | undefined;
    for (const c of declared)
      if (c.globalDefault && (chosen === undefined || c.value < chosen.value)) chosen = c;
    this.globalDefault = chosen;
  }

  /** admitPod on a pod created from `spec`. */
  admit(spec: PodSpec | undefined): PriorityAdmission {
    const requested = spec?.priorityClassName ?? "";
    let className = requested;
    let priority = DEFAULT_PRIORITY;
    let policy: PreemptionPolicy = "PreemptLowerPriority";
    if (requested === "") {
      if (this.globalDefault !== undefined) {
        className = this.globalDefault.name;
        priority = this.globalDefault.value;
        policy = this.globalDefault.preemptionPolicy;
      }
    } else {
      const found = this.byName.get(requested);
      if (found === undefined) return refused(requested, `no PriorityClass with name ${requested} was found`);
      priority = found.value;
      policy = found.preemptionPolicy;
    }
    if (spec?.priority != null && spec.priority !== priority)
      return refused(
        className,
        `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
      );
    if (spec?.preemptionPolicy != null && spec.preemptionPolicy !== policy)
      return refused(
        className,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`,
      );
    return { className, priority, preemptionPolicy: policy, forbidden: null };
  }
}

function refused(className: string, cause: string): PriorityAdmission {
  return {
    className,
    priority: DEFAULT_PRIORITY,
    preemptionPolicy: "PreemptLowerPriority",
    forbidden: cause,
  };
}

/**
 * The API server's Forbidden for a pod created with generateName: admission runs before the name
 * is generated, so the error names the prefix (apiserver admission/errors.go NewForbidden;
 * apimachinery errors.NewForbidden: `<resource> "<name>" is forbidden: <cause>`).
 */
export function podForbiddenMessage(generateName: string, cause: string): string {
  return `pods "${generateName}" is forbidden: ${cause}`;
}
