import type { Job, JobSpec } from "kubernetes-types/batch/v1.js";
import { dns1123LabelProblems } from "../models/api/names.js";
import { podTemplateWarnings } from "../models/api/pod-template-warnings.js";

/**
 * The warnings the API server returns with a Job it writes, as client-go's warning handler
 * prints them (`Warning: <text>` on stderr). Upstream: pkg/registry/batch/job/strategy.go
 * WarningsOnCreate (the name, then WarningsForJobSpec) and WarningsOnUpdate (WarningsForJobSpec
 * when the generation moves, i.e. the spec changed); pkg/api/job/warnings.go WarningsForJobSpec.
 * The registry adds them once validation passed (rest.BeforeCreate / BeforeUpdate), a server dry
 * run included.
 */

/** pkg/api/job/warnings.go completionsSoftLimit and parallelismSoftLimitForUnlimitedCompletions. */
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_SOFT_LIMIT = 10_000;

/** WarningsForJobSpec at path `spec`: the Indexed soft limits, then the pod template's. */
export function jobSpecWarnings(spec: JobSpec | undefined): string[] {
  const out: string[] = [];
  if (
    spec?.completionMode === "Indexed" &&
    (spec.completions ?? 0) > COMPLETIONS_SOFT_LIMIT &&
    (spec.parallelism ?? 0) > PARALLELISM_SOFT_LIMIT
  )
    out.push(
      "spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail",
    );
  out.push(...podTemplateWarnings(spec?.template, "spec.template"));
  return out;
}

/** WarningsOnCreate: a name that is no DNS label (IsDNS1123Label's messages as Go prints a
 * []string), then the spec's. */
export function jobCreateWarnings(job: Job): string {
  const warnings: string[] = [];
  const problems = dns1123LabelProblems(job.metadata?.name ?? "");
  if (problems.length > 0)
    warnings.push(
      `metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${problems.join(" ")}]`,
    );
  warnings.push(...jobSpecWarnings(job.spec));
  return warningLines(warnings);
}

/** WarningsOnUpdate, given the spec an accepted update stores (undefined: the spec did not change). */
export function jobUpdateWarnings(changedSpec: JobSpec | undefined): string {
  return changedSpec === undefined ? "" : warningLines(jobSpecWarnings(changedSpec));
}

export function warningLines(warnings: readonly string[]): string {
  return warnings.map((w) => `Warning: ${w}\n`).join("");
}
