import type { Job } from "kubernetes-types/batch/v1.js";
import { dropDisabledTemplateFields } from "./api/drop-disabled-fields.js";
import type { FieldError } from "./api/field-errors.js";
import { defaultJob, withJobUid } from "./api/job-defaults.js";
import { validateJob } from "./api/job-validation.js";
import { jobNameHash } from "./identity.js";
import { JobSpecView, NONE } from "./objects.js";
import { type VersionProfile, versionProfile } from "./version-profile.js";

/** A Job manifest defaulted and validated once, to be created in any number of runs. */
export interface PreparedJob {
  readonly namespace: string;
  readonly name: string;
  /** "namespace/name". */
  readonly key: string;
  /** jobNameHash(namespace, name). */
  readonly nameHash: number;
  /** Copied to the JobRecord's observerIndex (lets an observer index Jobs without lookups). */
  tag: number;
  /** The defaulted object with an empty UID (runs that need the UID instantiate their own copy). */
  readonly object: Job;
  /** The spec fields the manifest itself sets (before defaulting), where known: Monte Carlo's
   * replay of `apply` over a live Job needs them for kubectl's three-way merge. */
  specKeys?: ReadonlySet<string>;
  /** The labels the manifest itself sets, where known (the same merge, for metadata.labels). */
  labels?: Readonly<Record<string, string>>;
  /** The pod template as the manifest writes it, where known (the same merge, inside it). */
  writtenTemplate?: unknown;
  /** The manifest's resourceVersion precondition, where it has one (apply-three-way.ts
   * appliedResourceVersion): Monte Carlo's replay of `apply` over a live Job is then refused. */
  resourceVersion?: string;
  readonly view: JobSpecView;
}

/**
 * One string instance per distinct image reference. Container statuses and node image sets
 * then hold the same instances, so the kubelet's and scheduler's set lookups compare
 * pointers rather than text (the scenario's strings are slices of its file, often two-byte).
 */
const imageNames = new Map<string, string>();

/** The one instance of this image reference (see imageNames). */
export function canonicalImage(image: string): string {
  const c = imageNames.get(image);
  if (c !== undefined) return c;
  imageNames.set(image, image);
  return image;
}

/** Defaults and validates a manifest; the errors are those of the version's API server. */
export function prepareJob(
  manifest: Job,
  profile: VersionProfile = versionProfile(),
  /** The UID the API server would give the Job (nextJobUid), named by the messages of an invalid one. */
  uid = "",
): PreparedJob | FieldError[] {
  const object = defaultJob(manifest, "");
  // kubectl's resource.Helper.Create (modify=true) clears a resourceVersion the manifest
  // carries (one copied from `get -o yaml`); the stored Job has only the server's.
  if (object.metadata?.resourceVersion !== undefined) {
    const { resourceVersion: _cleared, ...metadata } = object.metadata;
    object.metadata = metadata;
  }
  const podSpec = object.spec?.template?.spec;
  // The Job strategy's PrepareForCreate drops the template fields of gates that are off.
  dropDisabledTemplateFields(podSpec, profile.version);
  for (const list of [podSpec?.containers, podSpec?.initContainers]) {
    if (!Array.isArray(list)) continue;
    for (const c of list) if (typeof c?.image === "string") c.image = canonicalImage(c.image);
  }
  // The object stays UID-less (Cluster.createJob gives it its UID); the UID only words the errors.
  const judged = uid === "" ? object : withJobUid(object, uid);
  const errors = validateJob(judged, {
    containerRestartRules: profile.containerRestartRules,
    sleepActionAllowZero: profile.sleepActionAllowZero,
  }).filter((e) => e.field !== "metadata.uid");
  if (errors.length > 0) return errors;
  const namespace = object.metadata?.namespace ?? "default";
  const name = object.metadata?.name ?? "";
  return {
    namespace,
    name,
    // A Job named at creation (generateName only) is known by its prefix until then: Monte
    // Carlo's results call it "<prefix>", never "".
    key: `${namespace}/${name || (object.metadata?.generateName ?? "")}`,
    nameHash: jobNameHash(namespace, name),
    tag: NONE,
    object,
    view: new JobSpecView(object.spec!),
  };
}
