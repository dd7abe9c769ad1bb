import { goDurationNs, parseGoDuration, parseGoDurationNs } from "../models/api/go-duration.js";
import { LabelSelector } from "../models/api/labels.js";
import { parseGoInt } from "./go-int.js";
import { boolFlag, flag, type KubectlCommand } from "./parse.js";

/**
 * kubectl drain's own flags (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go NewCmdDrain,
 * NewDrainCmdOptions) read into drain.Helper's fields. --chunk-size only pages the pod list
 * (resource.FollowContinue reads every page), so no value changes what drain does.
 */
export interface DrainOptions {
  readonly force: boolean;
  readonly ignoreDaemonSets: boolean;
  /** --delete-emptydir-data, or its deprecated alias --delete-local-data. */
  readonly deleteEmptyDirData: boolean;
  readonly disableEviction: boolean;
  /** --grace-period: negative (default -1) sends no gracePeriodSeconds (makeDeleteOptions). */
  readonly gracePeriodSeconds: number;
  /** --timeout: null when 0 (no limit: evictPods/deletePods use math.MaxInt64), else in ms. */
  readonly timeoutMs: number | null;
  /** Go's String() of --timeout, as `global timeout reached: %v` prints it. */
  readonly timeoutText: string;
  readonly podSelector: LabelSelector | null;
  readonly skipWaitForDeleteTimeoutSeconds: number;
}

/** pflag's notice for a deprecated flag (flag.go: "Flag --%s has been deprecated, %s"), with
 * drain.go's MarkDeprecated text. */
export const DELETE_LOCAL_DATA_DEPRECATED =
  "Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n";

/**
 * The flags' values, or pflag's refusal of one (`invalid argument "x" for "--grace-period" flag:
 * strconv.ParseInt: …`, before the command runs) as the whole stderr.
 */
export function drainFlagValues(cmd: KubectlCommand): Omit<DrainOptions, "podSelector"> | string {
  const invalid = (name: string, value: string, why: string) =>
    `error: invalid argument "${value}" for "--${name}" flag: ${why}\nSee 'kubectl drain --help' for usage.\n`;
  const ints: Record<string, number> = {};
  for (const name of ["grace-period", "skip-wait-for-delete-timeout", "chunk-size"]) {
    const text = flag(cmd, name);
    if (text === undefined) continue;
    const v = parseGoInt(text);
    if (typeof v === "string") return invalid(name, text, v);
    ints[name] = v;
  }
  const timeoutText = flag(cmd, "timeout");
  let timeoutMs: number | null = null;
  let timeoutString = "0s";
  if (timeoutText !== undefined) {
    const ns = parseGoDurationNs(timeoutText);
    if (typeof ns === "string") return invalid("timeout", timeoutText, ns);
    if (ns !== 0n) {
      timeoutMs = parseGoDuration(timeoutText) as number;
      timeoutString = goDurationNs(ns);
    }
  }
  return {
    force: boolFlag(cmd, "force"),
    ignoreDaemonSets: boolFlag(cmd, "ignore-daemonsets"),
    deleteEmptyDirData: boolFlag(cmd, "delete-emptydir-data") || boolFlag(cmd, "delete-local-data"),
    disableEviction: boolFlag(cmd, "disable-eviction"),
    gracePeriodSeconds: ints["grace-period"] ?? -1,
    timeoutMs,
    timeoutText: timeoutString,
    skipWaitForDeleteTimeoutSeconds: ints["skip-wait-for-delete-timeout"] ?? 0,
  };
}

/** Complete's check of --pod-selector (labels.Parse), or null. An empty one selects every pod. */
export function podSelectorOf(cmd: KubectlCommand): LabelSelector | null | { error: string } {
  const text = flag(cmd, "pod-selector") ?? "";
  if (text === "") return null;
  try {
    return LabelSelector.parse(text);
  } catch {
    return { error: "error: --pod-selector=<pod_selector> must be a valid label selector" };
  }
}

/**
 * What a Monte Carlo replay of the step runs with, read once when the plan is made: null when
 * kubectl refuses the flags or --pod-selector before it touches anything (then the step changes
 * nothing). Dry runs are not replayed (plan.ts).
 */
export function drainReplayOptions(cmd: KubectlCommand): DrainOptions | null {
  const values = drainFlagValues(cmd);
  const podSelector = podSelectorOf(cmd);
  if (typeof values === "string" || (podSelector !== null && "error" in podSelector)) return null;
  return { ...values, podSelector };
}
