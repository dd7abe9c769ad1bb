import type { Container, PodSpec, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { validatePortsEnvAndMounts, validateVolumeNames } from "./container-validation.js";
import {
  duplicate,
  type FieldError,
  forbidden,
  inclusiveRangeError,
  invalid,
  MAX_INT32,
  notSupported,
  required,
} from "./field-errors.js";
import { validateLifecycle } from "./lifecycle-validation.js";
import {
  dns1123LabelProblems,
  labelKeyProblems,
  labelValueProblems,
  qualifiedNameProblems,
} from "./names.js";
import {
  validateHostAliases,
  validateHostNetworkPorts,
  validateHostnames,
  validatePodDnsConfig,
} from "./pod-spec-validation.js";
import { parseQuantity } from "./quantity.js";
import { quantityString } from "./quantity-string.js";
import { validateAffinity, validateNodeName, validateTolerations } from "./scheduling-validation.js";
import {
  validateContainerSecurityContext,
  validatePodOS,
  validatePodSecurityContext,
} from "./security-context-validation.js";

/**
 * The part of core validation (pkg/apis/core/validation/validation.go, ValidatePodTemplateSpec
 * → ValidatePodSpec) that a Job's template meets: labels, containers, restartPolicy, dnsPolicy,
 * nodeSelector, security contexts, activeDeadlineSeconds. Errors come in the order upstream
 * appends them.
 */

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
/** What validateInitContainers forbids on an init container that is not a sidecar, in its order. */
const INIT_FORBIDDEN_FIELDS = ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"] as const;
/** The one restartPolicy an init container may set without ContainerRestartRules. */
const INIT_RESTART_POLICIES = ["Always"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const TERMINATION_MESSAGE_POLICIES = ["File", "FallbackToLogsOnError"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];

/** What of the template's validation depends on the cluster's version (its feature gates). */
export interface PodValidationOptions {
  /** VersionProfile.containerRestartRules: a regular container may set restartPolicy, and an init
   * container one other than Always. */
  readonly containerRestartRules: boolean;
  /** VersionProfile.sleepActionAllowZero: a lifecycle hook may sleep 0 s. */
  readonly sleepActionAllowZero: boolean;
}

/** A 1.35 API server's: the default where no version is at hand. */
const DEFAULT_POD_VALIDATION: PodValidationOptions = {
  containerRestartRules: true,
  sleepActionAllowZero: true,
};

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const p of labelKeyProblems(k)) errs.push(invalid(path, k, p));
    for (const p of labelValueProblems(String(v))) errs.push(invalid(path, v, p));
  }
  return errs;
}

/**
 * validateContainers, or with `init` validateInitContainers (validation.go): each container's
 * validateContainerCommon, then its name's uniqueness against `names` — for regular containers a
 * set of their own that takes "" too, for init containers one seeded with the regular
 * containers' names that takes only non-empty ones.
 */
function validateContainers(
  containers: Container[] | undefined,
  path: string,
  names: Set<string>,
  options: PodValidationOptions,
  init: boolean,
  pod: PodSpec,
  volumes: ReadonlySet<string>,
): FieldError[] {
  const errs: FieldError[] = [];
  const gracePeriod = pod.terminationGracePeriodSeconds;
  // ValidatePodSpec's hostUsers: true unless spec.hostUsers is false (its default).
  const hostUsers = pod.hostUsers !== false;
  (containers ?? []).forEach((c, i) => {
    const at = `${path}[${i}]`;
    // validateContainerCommon (validation.go), in its order: name, image, terminationMessagePolicy,
    // ..., imagePullPolicy, resources; validateContainers checks the name's uniqueness after it.
    if (!c.name) errs.push(required(`${at}.name`));
    else for (const p of dns1123LabelProblems(c.name)) errs.push(invalid(`${at}.name`, c.name, p));
    // Only an empty image is refused in a template (validateContainerCommon: `len(ctr.Image) ==
    // 0`); one with surrounding whitespace is admitted here and refused in every pod made from
    // it (podOnlyErrors).
    if (!c.image) errs.push(required(`${at}.image`));
    // Defaulting has replaced a missing or empty policy with File (SetDefaults_Container).
    if (
      c.terminationMessagePolicy !== undefined &&
      !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)
    )
      errs.push(
        notSupported(
          `${at}.terminationMessagePolicy`,
          c.terminationMessagePolicy,
          TERMINATION_MESSAGE_POLICIES,
        ),
      );
    errs.push(...validatePortsEnvAndMounts(c, at, volumes));
    if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
      errs.push(notSupported(`${at}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
    }
    errs.push(...validateResources(c, `${at}.resources`));
    // validateContainerCommon ends with the container's securityContext (ValidateSecurityContext).
    errs.push(...validateContainerSecurityContext(c.securityContext, `${at}.securityContext`, hostUsers));
    // An init container's restartPolicy comes next, before its name's uniqueness: without
    // ContainerRestartRules only Always, a sidecar (validateInitContainerRestartPolicy).
    if (
      init &&
      !options.containerRestartRules &&
      c.restartPolicy !== undefined &&
      c.restartPolicy !== "Always"
    )
      errs.push(notSupported(`${at}.restartPolicy`, c.restartPolicy, INIT_RESTART_POLICIES));
    // A missing name is Go's "" and counts too: a second nameless container is also a Duplicate.
    // (An init container's name is added only when not empty: validateInitContainers.)
    const name = c.name ?? "";
    if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
    else if (!init || name !== "") names.add(name);
    // A regular container's or a sidecar's hooks (validateContainers, validateInitContainers'
    // restartAlways case), after the name and before the probes.
    if (c.lifecycle != null && (!init || c.restartPolicy === "Always"))
      errs.push(
        ...validateLifecycle(c.lifecycle, gracePeriod, `${at}.lifecycle`, options.sleepActionAllowZero),
      );
    // A plain init container runs to completion, so validateInitContainers forbids what only a
    // running container uses; a sidecar (restartPolicy Always) may have them.
    if (init && c.restartPolicy !== "Always")
      for (const field of INIT_FORBIDDEN_FIELDS)
        if (c[field] != null)
          errs.push(
            forbidden(`${at}.${field}`, "may not be set for init containers without restartPolicy=Always"),
          );
    // The regular containers' own checks come after the common ones and the name (validateContainers:
    // "These fields are disallowed for regular containers"), unless ContainerRestartRules is on.
    if (!init && !options.containerRestartRules && c.restartPolicy !== undefined)
      errs.push(forbidden(`${at}.restartPolicy`, "may not be set for non-init containers"));
  });
  return errs;
}

/**
 * helper.IsExtendedResourceName: a domain-qualified name outside kubernetes.io/ (nvidia.com/gpu),
 * not requests.-prefixed (a quota's name).
 */
function isExtendedResource(name: string): boolean {
  return name.includes("/") && !name.startsWith("kubernetes.io/") && !name.startsWith("requests.");
}

/** Resources a container may ask for without a domain (helper.IsStandardContainerResourceName). */
const STANDARD_CONTAINER_RESOURCES = ["cpu", "memory", "ephemeral-storage"];

/**
 * ValidateContainerResourceRequirements, the parts a Job's pods meet: the limits, then the
 * requests, each a standard resource for containers (or a domain-qualified one) with a quantity
 * not below 0; a request above its limit is refused at `resources.requests` with both values in
 * canonical form (`must be less than or equal to cpu limit of 1`). Go visits each map in a random
 * order; jobsim in the manifest's.
 */
function validateResources(c: Container, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = c.resources?.limits ?? {};
  for (const kind of ["limits", "requests"] as const) {
    for (const [res, q] of Object.entries(c.resources?.[kind] ?? {})) {
      const at = `${path}.${kind}[${res}]`;
      if (!res.includes("/") && !STANDARD_CONTAINER_RESOURCES.includes(res) && !res.startsWith("hugepages-"))
        errs.push(invalid(at, res, "must be a standard resource for containers"));
      const v = parseQuantity(q as string | number);
      if (Number.isNaN(v)) {
        errs.push(
          invalid(
            at,
            q,
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
          ),
        );
        continue;
      }
      if (v < 0) errs.push(invalid(at, q, "must be greater than or equal to 0"));
      // IsIntegerResourceName: an extended resource is counted in whole units.
      else if (isExtendedResource(res) && Math.round(v * 1000) % 1000 !== 0)
        errs.push(invalid(at, quantityString(q as string | number), "must be an integer"));
      if (kind !== "requests") continue;
      const limit = limits[res];
      const overcommit = !isExtendedResource(res) && !res.startsWith("hugepages-");
      if (limit === undefined) {
        // helper.IsOvercommitAllowed: only native resources but hugepages may be requested alone.
        if (!overcommit)
          errs.push(required(`${path}.limits`, "Limit must be set for non overcommitable resources"));
        continue;
      }
      if (!overcommit) {
        const l = parseQuantity(limit as string | number);
        if (!Number.isNaN(l) && v !== l)
          errs.push(
            invalid(
              `${path}.requests`,
              quantityString(q as string | number),
              `must be equal to ${res} limit of ${quantityString(limit as string | number)}`,
            ),
          );
        continue;
      }
      if (!STANDARD_CONTAINER_RESOURCES.includes(res)) continue;
      const l = parseQuantity(limit as string | number);
      if (!Number.isNaN(l) && v > l)
        errs.push(
          invalid(
            `${path}.requests`,
            quantityString(q as string | number),
            `must be less than or equal to ${res} limit of ${quantityString(limit as string | number)}`,
          ),
        );
    }
  }
  return errs;
}

export function validatePodTemplateSpec(
  template: PodTemplateSpec,
  path: string,
  options: PodValidationOptions = DEFAULT_POD_VALIDATION,
): FieldError[] {
  // ValidatePodTemplateSpec names the template's labels and annotations fldPath.Child("labels")
  // and Child("annotations"), without "metadata" (real API servers say spec.template.labels).
  const errs = validateLabels(template.metadata?.labels, `${path}.labels`);
  for (const k of Object.keys(template.metadata?.annotations ?? {}))
    for (const p of qualifiedNameProblems(k.toLowerCase())) errs.push(invalid(`${path}.annotations`, k, p));
  const spec = template.spec;
  const specPath = `${path}.spec`;
  if (!spec) return [...errs, required(specPath)];
  // ValidatePodSpec: the volumes, then the regular containers, then the init containers.
  const volumes = validateVolumeNames(spec.volumes, `${specPath}.volumes`);
  errs.push(...volumes.errs);
  if (!spec.containers || spec.containers.length === 0) errs.push(required(`${specPath}.containers`));
  else
    errs.push(
      ...validateContainers(
        spec.containers,
        `${specPath}.containers`,
        new Set(),
        options,
        false,
        spec,
        volumes.names,
      ),
    );
  const regularNames = new Set((spec.containers ?? []).map((c) => c.name ?? ""));
  errs.push(
    ...validateContainers(
      spec.initContainers,
      `${specPath}.initContainers`,
      regularNames,
      options,
      true,
      spec,
      volumes.names,
    ),
  );
  errs.push(...validateHostNetworkPorts(spec, specPath));
  const rp = spec.restartPolicy ?? "";
  if (rp === "") errs.push(required(`${specPath}.restartPolicy`));
  else if (!RESTART_POLICIES.includes(rp))
    errs.push(notSupported(`${specPath}.restartPolicy`, rp, RESTART_POLICIES));
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errs.push(notSupported(`${specPath}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  // ValidatePodSpec checks the nodeSelector as labels next (unversionedvalidation.ValidateLabels).
  errs.push(...validateLabels(spec.nodeSelector, `${specPath}.nodeSelector`));
  errs.push(...validatePodSecurityContext(spec, specPath));
  errs.push(...validateAffinity(spec.affinity, `${specPath}.affinity`));
  errs.push(...validatePodDnsConfig(spec, specPath));
  // No bound on terminationGracePeriodSeconds: ValidatePodSpec only requires it (defaulting gives
  // 30). A negative one is admitted with a warning (pod-template-warnings.ts) and used as 1 s.
  errs.push(...validateNodeName(spec.nodeName, `${specPath}.nodeName`));
  // validation.InclusiveRangeError(1, math.MaxInt32).
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && !(deadline >= 1 && deadline <= MAX_INT32)) {
    errs.push(invalid(`${specPath}.activeDeadlineSeconds`, deadline, inclusiveRangeError(1, MAX_INT32)));
  }
  errs.push(...validateHostnames(spec, specPath));
  errs.push(...validateTolerations(spec.tolerations, `${specPath}.tolerations`));
  errs.push(...validateHostAliases(spec, specPath));
  // Last of ValidatePodSpec: spec.os, and for a linux pod no windowsOptions (validateLinux).
  errs.push(...validatePodOS(spec, specPath));
  return errs;
}

/**
 * What the API server refuses in a pod but admits in a pod template (validation.go
 * validateContainersOnlyForPod, run by pod validation for the containers, then the init
 * containers): an image with leading or trailing whitespace. A Job whose template has one is
 * created, and every pod its controller then asks for is refused (FailedCreate).
 */
export function podOnlyErrors(spec: PodTemplateSpec["spec"]): FieldError[] {
  const errs: FieldError[] = [];
  for (const [list, path] of [
    [spec?.containers, "spec.containers"],
    [spec?.initContainers, "spec.initContainers"],
  ] as const) {
    (list ?? []).forEach((c, i) => {
      const image = c.image ?? "";
      if (hasSurroundingSpace(image))
        errs.push(invalid(`${path}[${i}].image`, image, "must not have leading or trailing whitespace"));
    });
  }
  return errs;
}

/** Go's unicode.IsSpace (what strings.TrimSpace trims): JavaScript's trim() differs in U+0085
 * (a space to Go, not to JavaScript) and U+FEFF (the reverse). */
function isGoSpace(c: number): boolean {
  if (c <= 0xff) return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** len(s) != len(strings.TrimSpace(s)). */
export function hasSurroundingSpace(s: string): boolean {
  return s.length > 0 && (isGoSpace(s.charCodeAt(0)) || isGoSpace(s.charCodeAt(s.length - 1)));
}
