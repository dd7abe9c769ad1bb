import type { Job, JobSpec, PodFailurePolicy, SuccessPolicy } from "kubernetes-types/batch/v1.js";
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import type { FieldError } from "./api/field-errors.js";
import { podTemplateFrom } from "./api/pod-defaults.js";
import { podOnlyErrors } from "./api/pod-validation.js";
import type { Writable } from "./containers.js";
import { indexedPodTemplate } from "./indexed-template.js";
import { NONE, objectList, RestartPolicy } from "./object-basics.js";
import type { PodRecord } from "./objects.js";
import type { PriorityAdmission, PriorityClasses } from "./priority-classes.js";

/**
 * The stored Job, in the lean form of objects.ts: its object (metadata and spec, defaulted), a
 * view of the spec fields the controller reads on every sync, and its status as numbers and
 * references.
 */

export interface JobConditionRecord {
  type: string;
  status: string;
  reason: string;
  message: string;
  lastProbeMs: number;
  lastTransitionMs: number;
}

export class JobStatusRecord {
  active = 0;
  ready = 0;
  terminating = 0;
  succeeded = 0;
  failed = 0;
  startMs = NONE;
  completionMs = NONE;
  conditions: JobConditionRecord[] = objectList();
  uncountedSucceeded: PodRecord[] = objectList();
  uncountedFailed: PodRecord[] = objectList();
  completedIndexes = "";
  failedIndexes: string | null = null;
  /** The controller has written status at least once (status fields become non-nil). */
  written = false;

  /** Back to a new record's state, keeping the arrays (see JobRecord.reuse). */
  reuse(): void {
    this.active = 0;
    this.ready = 0;
    this.terminating = 0;
    this.succeeded = 0;
    this.failed = 0;
    this.startMs = NONE;
    this.completionMs = NONE;
    // pop() rather than `length = 0`: truncating through the length setter is a slow runtime call.
    while (this.conditions.length > 0) this.conditions.pop();
    while (this.uncountedSucceeded.length > 0) this.uncountedSucceeded.pop();
    while (this.uncountedFailed.length > 0) this.uncountedFailed.pop();
    this.completedIndexes = "";
    this.failedIndexes = null;
    this.written = false;
  }
}

/** Spec values the controller reads on every sync, decoded once per spec version. */
export class JobSpecView {
  readonly parallelism: number;
  readonly completions: number;
  readonly backoffLimit: number;
  readonly backoffLimitPerIndex: number;
  readonly maxFailedIndexes: number;
  readonly activeDeadlineMs: number;
  readonly suspend: boolean;
  readonly indexed: boolean;
  readonly restartPolicy: RestartPolicy;
  readonly replaceOnlyFailed: boolean;
  readonly ttlSeconds: number;
  readonly podFailurePolicy: PodFailurePolicy | null;
  readonly successPolicy: SuccessPolicy | null;
  readonly managedByOther: boolean;
  /** What the API server says to every pod made from the template, or null when it admits them
   * (podOnlyErrors: a template may hold what a pod may not). */
  readonly podCreateErrors: FieldError[] | null;
  /** The Priority admission plugin's answer for the template's pods, for the cluster whose
   * PriorityClasses `priorityOf` is (Cluster.podPriority fills it in once). */
  priority: PriorityAdmission | null = null;
  priorityOf: PriorityClasses | null = null;

  constructor(spec: JobSpec) {
    this.parallelism = spec.parallelism ?? 1;
    this.completions = spec.completions ?? NONE;
    this.backoffLimit = spec.backoffLimit ?? 6;
    this.backoffLimitPerIndex = spec.backoffLimitPerIndex ?? NONE;
    this.maxFailedIndexes = spec.maxFailedIndexes ?? NONE;
    this.activeDeadlineMs =
      spec.activeDeadlineSeconds === undefined ? NONE : spec.activeDeadlineSeconds * 1000;
    this.suspend = spec.suspend === true;
    this.indexed = spec.completionMode === "Indexed";
    const rp = spec.template.spec?.restartPolicy;
    this.restartPolicy =
      rp === "OnFailure"
        ? RestartPolicy.OnFailure
        : rp === "Always"
          ? RestartPolicy.Always
          : RestartPolicy.Never;
    this.replaceOnlyFailed = spec.podReplacementPolicy === "Failed";
    this.ttlSeconds = spec.ttlSecondsAfterFinished ?? NONE;
    this.podFailurePolicy = spec.podFailurePolicy ?? null;
    this.successPolicy = spec.successPolicy ?? null;
    this.managedByOther = spec.managedBy !== undefined && spec.managedBy !== "kubernetes.io/job-controller";
    const refused = podOnlyErrors(spec.template.spec);
    this.podCreateErrors = refused.length > 0 ? refused : null;
  }
}

export class JobRecord {
  resourceVersion = 0;
  generation = 1;
  deletionMs = NONE;
  /** Finalizers on the Job object itself (foregroundDeletion / orphan while the GC works). */
  finalizers: string[] = [];
  /** Pods owned by this Job that exist in the store, in creation order (the informer's index). */
  readonly pods: PodRecord[] = objectList();
  /** Pods ever created for this Job (next pod ordinal). */
  podsCreated = 0;
  /** Pod creations the API server refused (view.podCreateErrors): the next refused one's number. */
  refusedCreates = 0;
  /** Bumped by the store on every write to a pod this Job owns (pods' collective version). */
  podsVersion = 0;
  readonly status = new JobStatusRecord();
  view: JobSpecView;
  /** In-memory state of the Job controller for this Job (work queue entry, back-off record). */
  controllerState: unknown = null;
  /** The Job was removed from the store. */
  removed = false;
  /** A slot for an observer's index of this Job (Monte Carlo's result table); NONE when unset. */
  observerIndex = NONE;
  /** Base of this incarnation's random streams (identity.ts jobStreamBase). */
  streamBase = 0;
  /** Container starts per image so far (the position in an image's scripted outcomes). */
  private scriptAttempts: Map<string, number> | null = null;
  /** `${name}-`, the generateName of its pods, made once per name (a string concatenation per
   * pod otherwise); `podPrefixName` is the name it was made from. */
  private podPrefix: string | null = null;
  private podPrefixName: string | null = null;
  private podTemplateOf: PodTemplateSpec | null = null;
  private podTemplateCache: PodTemplateSpec | null = null;
  /** Indexed Jobs: each completion index's template, made once from `podTemplate` and the name. */
  private indexTemplates: PodTemplateSpec[] = [];
  private indexTemplatesKey: PodTemplateSpec | null = null;
  private indexTemplatesName = "";

  constructor(
    readonly seq: number,
    /** n-th Job of this namespace/name in the session (0-based), for stable random stream keys. */
    readonly incarnation: number,
    /** The stored object (defaulted): metadata and spec; status lives in `status`. */
    public object: Job,
    readonly creationMs: number,
    view?: JobSpecView,
  ) {
    this.view = view ?? new JobSpecView(object.spec!);
  }

  get name(): string {
    return this.object.metadata!.name!;
  }

  get namespace(): string {
    return this.object.metadata!.namespace ?? "default";
  }

  get uid(): string {
    return this.object.metadata!.uid!;
  }

  get spec(): JobSpec {
    return this.object.spec!;
  }

  /** The template as this Job's pods are stored (podTemplateFrom), made once per template. */
  get podTemplate(): PodTemplateSpec {
    const template = this.object.spec!.template;
    if (this.podTemplateOf !== template) {
      this.podTemplateOf = template;
      this.podTemplateCache = podTemplateFrom(template);
    }
    return this.podTemplateCache!;
  }

  /** The template of the pods of completion index `index` (indexed-template.ts). */
  indexedPodTemplate(index: number): PodTemplateSpec {
    const base = this.podTemplate;
    if (this.indexTemplatesKey !== base || this.indexTemplatesName !== this.name) {
      this.indexTemplates = [];
      this.indexTemplatesKey = base;
      this.indexTemplatesName = this.name;
    }
    this.indexTemplates[index] ??= indexedPodTemplate(base, this.name, index);
    return this.indexTemplates[index];
  }

  /** generateName of the pods this Job creates. */
  get podNamePrefix(): string {
    const name = this.name;
    if (this.podPrefixName !== name) {
      this.podPrefixName = name;
      this.podPrefix = `${name}-`;
    }
    return this.podPrefix!;
  }

  /** Complete or Failed is True: set by the Job controller when it adds that condition. */
  finished = false;

  /** The next scripted-outcome position for `image` in this Job (0, 1, 2, ...). */
  nextScriptAttempt(image: string): number {
    this.scriptAttempts ??= new Map();
    const n = this.scriptAttempts.get(image) ?? 0;
    this.scriptAttempts.set(image, n + 1);
    return n;
  }

  /**
   * Makes this object what `new JobRecord(seq, incarnation, object, creationMs, view)` would be,
   * keeping its arrays: Monte Carlo recycles the Jobs of a finished run (cluster.ts), as it
   * does pods. Every field is assigned; test/models/reuse.test.ts compares with a new one.
   */
  reuse(seq: number, incarnation: number, object: Job, creationMs: number, view: JobSpecView): this {
    const w = this as Writable<JobRecord>;
    w.seq = seq;
    w.incarnation = incarnation;
    w.creationMs = creationMs;
    this.object = object;
    this.view = view;
    this.resourceVersion = 0;
    this.generation = 1;
    this.deletionMs = NONE;
    while (this.finalizers.length > 0) this.finalizers.pop();
    while (this.pods.length > 0) this.pods.pop();
    this.podsCreated = 0;
    this.refusedCreates = 0;
    this.podsVersion = 0;
    this.status.reuse();
    this.controllerState = null;
    this.removed = false;
    this.observerIndex = NONE;
    this.streamBase = 0;
    this.scriptAttempts = null;
    // podPrefix, podTemplateCache and indexTemplates stay: their getters remake them when the name or the
    // template object differs (a recycled Job of the same manifest keeps both).
    this.finished = false;
    return this;
  }

  condition(type: string): JobConditionRecord | undefined {
    for (const c of this.status.conditions) if (c.type === type) return c;
    return undefined;
  }
}
