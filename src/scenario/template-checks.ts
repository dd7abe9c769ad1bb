import type { ManifestFile } from "../kubectl/manifests.js";
import { hasSurroundingSpace } from "../models/api/pod-validation.js";
import type { VersionProfile } from "../models/version-profile.js";
import { hookNotes } from "./hook-notes.js";
import { closest, type Problems } from "./problems.js";
import { perContainer } from "./template-containers.js";

/**
 * What the scenario loader checks in every Job template of its manifest files beyond what the
 * API server validates: that each image that can run has a behaviour, and that no scheduling
 * directive or container restart rule jobsim does not simulate is there.
 */

/** Every container image of every Job needs a behaviour (or an "*" entry) — of those that can run. */
export function checkImages(
  m: ManifestFile,
  declared: ReadonlySet<string>,
  problems: Problems,
  label: string,
): void {
  for (const doc of m.docs) checkJobImages(doc.object, declared, (message) => problems.add(label, message));
}

/** checkImages of one Job object (a manifest's, or the one a `kubectl create job` step builds),
 * each problem handed to `report`. */
export function checkJobImages(
  job: unknown,
  declared: ReadonlySet<string>,
  report: (message: string) => void,
): void {
  const spec = ((job as Record<string, unknown>)?.spec as Record<string, unknown> | undefined)?.template as
    | Record<string, unknown>
    | undefined;
  const podSpec = spec?.spec as Record<string, unknown> | undefined;
  for (const key of ["initContainers", "containers"]) {
    const list = podSpec?.[key];
    if (!Array.isArray(list)) continue;
    list.forEach((c, i) => {
      const image = (c as Record<string, unknown>)?.image;
      // An image with surrounding whitespace never runs: the API server refuses every pod
      // made from the template (podOnlyErrors), so it needs no behaviour.
      if (
        typeof image === "string" &&
        !hasSurroundingSpace(image) &&
        !declared.has(image) &&
        !declared.has("*")
      ) {
        // A tag or registry port one character off is the usual slip: name the near miss.
        const near = closest(image, [...declared]);
        report(
          `spec.template.spec.${key}[${i}].image: no behaviour for image "${image}"${near ? ` (did you mean "${near}"?)` : ""}; describe it under images: (or add an "*" entry)`,
        );
      }
    });
  }
}

/**
 * Scheduling directives of a pod template that jobsim's scheduler does not simulate: refused
 * here rather than ignored, which would place pods where a cluster would not (or run pods a
 * cluster would leave Pending). nodeSelector and node affinity are simulated (node-affinity.ts).
 */
const UNSIMULATED_SCHEDULING: readonly [string, (spec: Record<string, unknown>) => boolean, string][] = [
  [
    "nodeName",
    (s) => typeof s.nodeName === "string" && s.nodeName !== "",
    "pods bound to a node without the scheduler; use a nodeSelector on kubernetes.io/hostname",
  ],
  [
    "affinity.podAffinity",
    (s) => (s.affinity as Record<string, unknown> | undefined)?.podAffinity != null,
    "inter-pod affinity",
  ],
  [
    "affinity.podAntiAffinity",
    (s) => (s.affinity as Record<string, unknown> | undefined)?.podAntiAffinity != null,
    "inter-pod anti-affinity",
  ],
  [
    "topologySpreadConstraints",
    (s) => Array.isArray(s.topologySpreadConstraints) && s.topologySpreadConstraints.length > 0,
    "topology spread constraints",
  ],
  [
    "schedulingGates",
    (s) => Array.isArray(s.schedulingGates) && s.schedulingGates.length > 0,
    "scheduling gates (nothing would remove them)",
  ],
  [
    "schedulerName",
    (s) =>
      typeof s.schedulerName === "string" &&
      s.schedulerName !== "" &&
      s.schedulerName !== "default-scheduler",
    "schedulers other than default-scheduler",
  ],
];

export function checkScheduling(m: ManifestFile, problems: Problems, label: string): void {
  for (const doc of m.docs) {
    const template = (doc.object.spec as Record<string, unknown> | undefined)?.template as
      | Record<string, unknown>
      | undefined;
    const podSpec = template?.spec as Record<string, unknown> | undefined;
    if (podSpec === undefined || podSpec === null || typeof podSpec !== "object") continue;
    for (const [field, present, what] of UNSIMULATED_SCHEDULING)
      if (present(podSpec))
        problems.add(label, `spec.template.spec.${field}: jobsim does not simulate ${what}`);
  }
}

/**
 * A regular container's `restartPolicy` / `restartPolicyRules`: with feature gate
 * ContainerRestartRules on (1.35, VersionProfile.containerRestartRules; beta and on by default
 * from 1.35, PR #134631) the API server admits them and the kubelet restarts such a container in
 * place by its rules (KEP-5307), which jobsim's kubelet does not do — refused here rather than run
 * as if the rules were not there. Versions without the gate refuse the restartPolicy at `kubectl
 * apply` (pod-validation.ts) and drop the rules (drop-disabled-fields.ts), as theirs do. The same
 * goes for an init container's own restartPolicy or rules (the gate admits them there too); its
 * restartPolicy Always makes a sidecar, which the kubelet runs.
 */
export function checkContainerRestartRules(
  m: ManifestFile,
  profile: VersionProfile,
  problems: Problems,
  label: string,
): void {
  if (!profile.containerRestartRules) return;
  for (const doc of m.docs) {
    const template = (doc.object.spec as Record<string, unknown> | undefined)?.template as
      | Record<string, unknown>
      | undefined;
    const spec = template?.spec as Record<string, unknown> | undefined;
    const containers = spec?.containers;
    if (Array.isArray(containers))
      containers.forEach((c, i) => {
        const container = (c ?? {}) as Record<string, unknown>;
        const field = ["restartPolicy", "restartPolicyRules"].find((f) => container[f] != null);
        if (field !== undefined)
          problems.add(
            label,
            `spec.template.spec.containers[${i}].${field}: jobsim does not simulate container-level restart policies and rules (feature ContainerRestartRules, on from 1.35: the kubelet restarts such a container in place)`,
          );
      });
    const inits = spec?.initContainers;
    if (Array.isArray(inits))
      inits.forEach((c, i) => {
        const field = initContainerRestartField((c ?? {}) as Record<string, unknown>);
        if (field !== undefined)
          problems.add(
            label,
            `spec.template.spec.initContainers[${i}].${field}: jobsim does not simulate container-level restart policies and rules (feature ContainerRestartRules, on from 1.35: the kubelet restarts such an init container by its own policy, not the pod's)`,
          );
      });
  }
}

/**
 * The field by which an init container sets a restart policy of its own, if it does: a
 * restartPolicy other than Always (Always makes a sidecar), or
 * restartPolicyRules on one that is not a sidecar. With ContainerRestartRules the kubelet follows
 * it instead of the pod's (podutil.ContainerShouldRestart, used by computeInitContainerActions):
 * a "try-once" init container in an OnFailure pod, or one restarted in place in a Never pod.
 */
function initContainerRestartField(c: Record<string, unknown>): string | undefined {
  if (c.restartPolicy === "Always") return undefined;
  if (c.restartPolicy != null) return "restartPolicy";
  return c.restartPolicyRules != null ? "restartPolicyRules" : undefined;
}

/** The probes a container may declare (core/v1 Container), none of which jobsim runs. */
const PROBES = ["startupProbe", "readinessProbe", "livenessProbe"] as const;

/**
 * The Jobs of a manifest file whose pod template declares probes, with the containers and the
 * probes each declares. jobsim accepts them (validated) but its kubelet runs no probe: a container
 * is ready as soon as it started and no probe restarts it. The commands say so rather than leave
 * a transcript that looks like a cluster's.
 */
export function unrunProbes(m: ManifestFile): { job: string; probes: string[] }[] {
  return perContainer(m, (c) => PROBES.filter((p) => c[p] != null)).map(({ job, entries }) => ({
    job,
    probes: entries,
  }));
}

/**
 * What unrunProbes finds, in words, one line per Job, then what hook-notes.ts unrunHooks finds
 * (lifecycle hooks other than sleep): the notes validate prints as warnings and run, mc and sweep
 * on stderr.
 */
export function probeNotes(m: ManifestFile): string[] {
  return unrunProbes(m)
    .map(
      ({ job, probes }) =>
        `Job "${job}": jobsim does not run probes (${probes.join("; ")}): a container is ready as soon as it started and no probe restarts it (docs/fidelity.md)`,
    )
    .concat(hookNotes(m));
}
