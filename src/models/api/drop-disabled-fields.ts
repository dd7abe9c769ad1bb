import type { PodSpec } from "kubernetes-types/core/v1.js";

/**
 * The API server's DropDisabledTemplateFields (pkg/api/pod/util.go dropDisabledFields), called by
 * the Job strategy's PrepareForCreate/PrepareForUpdate before validation: a pod-template field
 * whose feature gate is off is removed without a word (unless the stored Job already used it,
 * which a field dropped at creation never does). Only the gates a 1.32–1.35 default cluster has
 * off for some of those versions are listed, each with the first minor version that has it on
 * by default (pkg/features/kube_features.go), or null for off in all of them.
 *
 * A field the version's API does not know at all (workloadRef before 1.35, hostnameOverride
 * before 1.34, ...) is refused by a real API server's strict decoding instead; jobsim decodes with
 * the 1.35 schema at every version, so such a field is dropped here too rather than kept.
 * A dropped env[].valueFrom.fileKeyRef (EnvFiles) leaves an empty valueFrom, which validation
 * then refuses (env-validation.ts).
 */
interface GatedField {
  /** The feature gate (kube_features.go). */
  readonly gate: string;
  /** The first minor version whose default turns the gate on, or null. */
  readonly onFrom: number | null;
  /** Removes the field from the template's pod spec, as util.go does. */
  readonly drop: (spec: Loose) => void;
}

/** A decoded object: any field may be there, or not. */
type Loose = Record<string, unknown>;

function eachContainer(spec: Loose, visit: (c: Loose) => void): void {
  for (const list of [spec.initContainers, spec.containers])
    if (Array.isArray(list)) for (const c of list) if (c !== null && typeof c === "object") visit(c as Loose);
}

/** Removes a field of the pod's securityContext, when there is one. */
function dropSecurityContextField(spec: Loose, field: string): void {
  const sc = spec.securityContext;
  if (sc !== null && typeof sc === "object") delete (sc as Loose)[field];
}

const GATED_FIELDS: readonly GatedField[] = [
  {
    // SecurityContext.HostUsers = nil, the internal type's place of v1's spec.hostUsers
    // (UserNamespacesSupport: beta off 1.30, on 1.33).
    gate: "UserNamespacesSupport",
    onFrom: 33,
    drop: (spec) => delete spec.hostUsers,
  },
  {
    // securityContext.supplementalGroupsPolicy = nil (alpha 1.31, beta on 1.33).
    gate: "SupplementalGroupsPolicy",
    onFrom: 33,
    drop: (spec) => dropSecurityContextField(spec, "supplementalGroupsPolicy"),
  },
  {
    // dropDisabledProcMountField (beta off 1.31, on 1.33): a written procMount is not removed but
    // forced to Default (the field was once forced non-nil), so validation finds nothing to refuse.
    gate: "ProcMountType",
    onFrom: 33,
    drop: (spec) =>
      eachContainer(spec, (c) => {
        const sc = c.securityContext as Loose | undefined | null;
        if (sc !== undefined && sc !== null && sc.procMount !== undefined && sc.procMount !== null)
          sc.procMount = "Default";
      }),
  },
  {
    // dropDisabledFileKeyRefField... env[].valueFrom.fileKeyRef = nil (EnvFiles: alpha 1.34, beta
    // on 1.35), leaving the valueFrom empty.
    gate: "EnvFiles",
    onFrom: 35,
    drop: (spec) =>
      eachContainer(spec, (c) => {
        for (const e of Array.isArray(c.env) ? c.env : []) {
          const from = (e as Loose | null)?.valueFrom as Loose | undefined | null;
          if (from !== undefined && from !== null) delete from.fileKeyRef;
        }
      }),
  },
  {
    // dropDisabledPodLevelResources: podSpec.Resources = nil (alpha 1.32, beta on 1.34).
    gate: "PodLevelResources",
    onFrom: 34,
    drop: (spec) => delete spec.resources,
  },
  {
    // dropDisabledWorkloadRef (alpha 1.35).
    gate: "GenericWorkload",
    onFrom: null,
    drop: (spec) => delete spec.workloadRef,
  },
  {
    // dropContainerRestartRules (alpha 1.34, beta on 1.35): the rules; a regular container's
    // restartPolicy is left to validateContainers (pod-validation.ts).
    gate: "ContainerRestartRules",
    onFrom: 35,
    drop: (spec) => eachContainer(spec, (c) => delete c.restartPolicyRules),
  },
  {
    // podSpec.HostnameOverride = nil (alpha 1.34, beta on 1.35).
    gate: "HostnameOverride",
    onFrom: 35,
    drop: (spec) => delete spec.hostnameOverride,
  },
  {
    // dropContainerStopSignals: lifecycle.stopSignal = nil, and a lifecycle left empty goes too
    // (alpha 1.33, off through 1.35).
    gate: "ContainerStopSignals",
    onFrom: null,
    drop: (spec) =>
      eachContainer(spec, (c) => {
        const lifecycle = c.lifecycle as Loose | undefined | null;
        if (lifecycle === undefined || lifecycle === null || lifecycle.stopSignal === undefined) return;
        delete lifecycle.stopSignal;
        if (Object.keys(lifecycle).length === 0) delete c.lifecycle;
      }),
  },
];

/** The minor version of a profile's "1.NN". */
function minorOf(version: string): number {
  return Number(version.split(".")[1]);
}

/** Removes, in place, the template fields whose gate is off at `version` ("1.32" .. "1.35"). */
export function dropDisabledTemplateFields(spec: PodSpec | undefined, version: string): void {
  if (spec === undefined || spec === null) return;
  const minor = minorOf(version);
  for (const f of GATED_FIELDS) if (f.onFrom === null || minor < f.onFrom) f.drop(spec as unknown as Loose);
}
