import type { Job, JobSpec } from "kubernetes-types/batch/v1.js";
import type { LabelSelector as LabelSelectorType } from "kubernetes-types/meta/v1.js";
import {
  dedupe,
  type FieldError,
  goMap,
  invalid,
  kubectlInvalidMessage,
} from "../../models/api/field-errors.js";
import {
  defaultJob,
  JOB_CONTROLLER_UID_LABEL,
  LEGACY_CONTROLLER_UID_LABEL,
} from "../../models/api/job-defaults.js";
import { jobSpecUpdateErrors, templateChanged } from "../../models/api/job-update-validation.js";
import { LabelSelector } from "../../models/api/labels.js";
import { Cluster } from "../../models/cluster.js";
import { type JobRecord, JobSpecView, NONE } from "../../models/objects.js";
import { sortedJson } from "../last-applied.js";

/**
 * An update of a live Job — `kubectl apply` of a changed manifest, `kubectl patch` — judged as
 * the API server's update does (registry batch/job strategy.go ValidateUpdate: ValidateJob of
 * the new object, then ValidateJobUpdate) and, if accepted, stored: unchanged, configured, or
 * rejected with every error. The Job's object is replaced, not changed in place: a Monte Carlo
 * Job shares its object with the prepared manifest every run starts from.
 *
 * `manifest` is the object as submitted: without the selector and controller-uid labels the
 * server generated (a selector it does carry is compared with the live one). A server dry run
 * (`persist` false) is judged the same and stores nothing. `changedSpec` is the stored spec when
 * it changed, for the caller's WarningsOnUpdate (Monte Carlo ignores it: no text is made here).
 */
export function updateExistingJob(
  cluster: Cluster,
  job: JobRecord,
  manifest: Job,
  persist = true,
): { outcome?: string; error?: string; changedSpec?: JobSpec } {
  const submitted = structuredClone(manifest);
  const manual = submitted.spec?.manualSelector === true;
  const selector = manual ? undefined : submitted.spec?.selector;
  if (!manual && submitted.spec) delete submitted.spec.selector;
  const prepared = Cluster.prepareJob(structuredClone(submitted), cluster.config.profile);
  const createErrors = Array.isArray(prepared) ? prepared : [];
  const want = (Array.isArray(prepared) ? defaultJob(submitted, "") : prepared.object).spec!;
  const have = job.object.spec!;
  const wantRecord = want as unknown as Record<string, unknown>;
  const haveRecord = have as unknown as Record<string, unknown>;
  const changed: string[] = [];
  for (const k of new Set([...Object.keys(want), ...Object.keys(have)])) {
    if (k === "selector") continue;
    if (
      k === "template" ? templateChanged(have, want) : sortedJson(wantRecord[k]) !== sortedJson(haveRecord[k])
    )
      changed.push(k);
  }
  const selectorChanged = selector !== undefined && sortedJson(selector) !== sortedJson(have.selector);
  const annotations = manifest.metadata?.annotations ?? {};
  const labels = manifest.metadata?.labels;
  const metaChanged =
    sortedJson(annotations) !== sortedJson(job.object.metadata?.annotations ?? {}) ||
    (labels !== undefined && sortedJson(labels) !== sortedJson(job.object.metadata?.labels ?? {}));
  if (changed.length === 0 && !selectorChanged && !metaChanged) return { outcome: "unchanged" };
  const neverStarted = job.status.startMs === NONE;
  const template = withUidLabels(want.template, have.template);
  const errors = dedupe([
    ...selectorErrors(selector, job, template, createErrors),
    // (the template shown as the server holds it: with the live uid labels)
    ...jobSpecUpdateErrors(have, { ...want, template }, selector, have.suspend === true && neverStarted),
  ]);
  if (errors.length > 0) return { error: kubectlInvalidMessage("Job", job.name, errors) };
  const spec = { ...haveRecord };
  for (const k of changed) {
    if (wantRecord[k] === undefined) delete spec[k];
    else if (k === "template") spec[k] = withUidLabels(want.template, have.template);
    else spec[k] = structuredClone(wantRecord[k]);
  }
  // The spec the server would store, when it changes (the generation moves: its warnings).
  const changedSpec = changed.length > 0 ? (spec as unknown as JobSpec) : undefined;
  if (!persist) return { outcome: "configured", changedSpec };
  const meta = { ...job.object.metadata! };
  // (Monte Carlo's Jobs, created without kubectl, carry no annotations to replace.)
  if (manifest.metadata?.annotations !== undefined || meta.annotations !== undefined)
    meta.annotations = { ...annotations };
  if (labels !== undefined) meta.labels = { ...labels };
  job.object = { ...job.object, metadata: meta, spec: spec as unknown as JobSpec };
  job.view = new JobSpecView(job.object.spec!);
  cluster.store.updateJob(job, changed.length > 0);
  return { outcome: "configured", changedSpec };
}

/**
 * ValidateJob's checks of a selector the update carries (validateGeneratedSelector: it must
 * select the Job's controller-uid; ValidateJobSpec: it must match the template's labels), around
 * the other create-time errors, which were found without it.
 */
function selectorErrors(
  selector: LabelSelectorType | undefined,
  job: JobRecord,
  template: JobSpec["template"],
  others: FieldError[],
): FieldError[] {
  if (selector === undefined) return others;
  const uid = job.object.metadata?.uid ?? "";
  const s = LabelSelector.fromMatchLabels(selector.matchLabels ?? {});
  const before = s.matches({ [JOB_CONTROLLER_UID_LABEL]: uid })
    ? []
    : [invalid("spec.selector", selector, "`selector` not auto-generated")];
  const labels = template.metadata?.labels ?? {};
  const after = s.matches(labels)
    ? []
    : [
        invalid(
          "spec.template.metadata.labels",
          goMap(labels),
          "`selector` does not match template `labels`",
        ),
      ];
  return [...before, ...others, ...after];
}

/** A changed template (scheduling directives of a suspended Job) keeps the live uid labels. */
function withUidLabels(want: JobSpec["template"], have: JobSpec["template"]): JobSpec["template"] {
  const t = structuredClone(want);
  const labels = (t.metadata ??= {}).labels ?? {};
  for (const k of [JOB_CONTROLLER_UID_LABEL, LEGACY_CONTROLLER_UID_LABEL]) {
    const v = have.metadata?.labels?.[k];
    if (v !== undefined) labels[k] = v;
  }
  t.metadata.labels = labels;
  return t;
}
