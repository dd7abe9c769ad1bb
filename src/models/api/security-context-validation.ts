import type {
  AppArmorProfile,
  PodSpec,
  SeccompProfile,
  SecurityContext,
  WindowsSecurityContextOptions,
} from "kubernetes-types/core/v1.js";
import {
  duplicate,
  type FieldError,
  forbidden,
  goStruct,
  inclusiveRangeError,
  invalid,
  MAX_INT32,
  notSupported,
  required,
  tooLong,
} from "./field-errors.js";
import { validateWindowsOptions } from "./windows-options-validation.js";

/**
 * The security contexts of a pod (template), as pkg/apis/core/validation/validation.go checks
 * them: ValidateSecurityContext (a container's, last of validateContainerCommon),
 * validatePodSpecSecurityContext (the pod's, after the nodeSelector) and validateOS/validateLinux
 * (at the end of ValidatePodSpec). Not checked: `privileged` (k3s starts the API server with
 * --allow-privileged=true), a Windows pod's forbidden fields, and the
 * seLinuxChangePolicy. What the kubelet refuses later (runAsNonRoot with user 0, unsafe sysctls)
 * is not simulated either.
 */

/** apimachinery IsValidUserID / IsValidGroupID: InclusiveRangeError(0, math.MaxInt32). */
const ID_RANGE = inclusiveRangeError(0, MAX_INT32);
const validId = (v: number) => v >= 0 && v <= MAX_INT32;
const PROFILE_TYPES = ["Localhost", "RuntimeDefault", "Unconfined"];
/** sets.List(validFSGroupChangePolicies), sets.List(validSupplementalGroupsPolicies). */
const FS_GROUP_CHANGE_POLICIES = ["Always", "OnRootMismatch"];
const SUPPLEMENTAL_GROUPS_POLICIES = ["Merge", "Strict"];
const OS_NAMES = ["linux", "windows"];
/** PATH_MAX - 1 (ValidateAppArmorProfileField). */
const MAX_LOCALHOST_PROFILE = 4095;

/** validateLocalDescendingPath: relative, and no `..` element (one error however many). */
function localDescendingPathErrors(p: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.startsWith("/")) errs.push(invalid(path, p, "must be a relative path"));
  if (p.split("/").includes("..")) errs.push(invalid(path, p, "must not contain '..'"));
  return errs;
}

/** core.SeccompProfile / core.AppArmorProfile as an internal struct (JSON of a bad value). */
function profileStruct(p: SeccompProfile | AppArmorProfile | undefined): unknown {
  if (p == null) return null;
  return { Type: p.type ?? "", LocalhostProfile: p.localhostProfile ?? null };
}

/**
 * The internal core.SecurityContext as the API server prints it in an Invalid error: every field
 * in the struct's order, a nil pointer as null. (Whether defaulting fills ProcMount before
 * validation could not be settled; jobsim shows it as written.)
 */
function securityContextStruct(sc: SecurityContext): unknown {
  const caps = sc.capabilities;
  const se = sc.seLinuxOptions;
  const win = sc.windowsOptions;
  return goStruct({
    Capabilities: caps == null ? null : { Add: caps.add ?? null, Drop: caps.drop ?? null },
    Privileged: sc.privileged ?? null,
    SELinuxOptions:
      se == null
        ? null
        : { User: se.user ?? "", Role: se.role ?? "", Type: se.type ?? "", Level: se.level ?? "" },
    WindowsOptions:
      win == null
        ? null
        : {
            GMSACredentialSpecName: win.gmsaCredentialSpecName ?? null,
            GMSACredentialSpec: win.gmsaCredentialSpec ?? null,
            RunAsUserName: win.runAsUserName ?? null,
            HostProcess: win.hostProcess ?? null,
          },
    RunAsUser: sc.runAsUser ?? null,
    RunAsGroup: sc.runAsGroup ?? null,
    RunAsNonRoot: sc.runAsNonRoot ?? null,
    ReadOnlyRootFilesystem: sc.readOnlyRootFilesystem ?? null,
    AllowPrivilegeEscalation: sc.allowPrivilegeEscalation ?? null,
    ProcMount: sc.procMount ?? null,
    SeccompProfile: profileStruct(sc.seccompProfile),
    AppArmorProfile: profileStruct(sc.appArmorProfile),
  });
}

/** validateSeccompProfileField. */
function seccompErrors(sp: SeccompProfile | undefined, path: string): FieldError[] {
  if (sp == null) return [];
  const errs: FieldError[] = [];
  const type = sp.type ?? "";
  if (type === "") errs.push(required(`${path}.type`, "type is required when seccompProfile is set"));
  else if (!PROFILE_TYPES.includes(type)) errs.push(notSupported(`${path}.type`, type, PROFILE_TYPES));
  const at = `${path}.localhostProfile`;
  if (type === "Localhost") {
    if (sp.localhostProfile == null) errs.push(required(at, "must be set when seccomp type is Localhost"));
    else errs.push(...localDescendingPathErrors(sp.localhostProfile, at));
  } else if (sp.localhostProfile != null)
    errs.push(invalid(at, goStruct(profileStruct(sp)), "can only be set when seccomp type is Localhost"));
  return errs;
}

/** ValidateAppArmorProfileField. */
function appArmorErrors(p: AppArmorProfile | undefined, path: string): FieldError[] {
  if (p == null) return [];
  const at = `${path}.localhostProfile`;
  const type = p.type ?? "";
  if (type === "Localhost") {
    const profile = p.localhostProfile;
    if (profile == null) return [required(at, "must be set when AppArmor type is Localhost")];
    const errs: FieldError[] = [];
    // strings.TrimSpace; JavaScript's trim() differs only in characters no profile name holds.
    if (profile.trim() !== profile) errs.push(invalid(at, profile, "must not be padded with whitespace"));
    else if (profile === "") errs.push(required(at, "must be set when AppArmor type is Localhost"));
    if (Buffer.byteLength(profile) > MAX_LOCALHOST_PROFILE) errs.push(tooLong(at, MAX_LOCALHOST_PROFILE));
    return errs;
  }
  if (type === "RuntimeDefault" || type === "Unconfined")
    return p.localhostProfile != null
      ? [invalid(at, p.localhostProfile, "can only be set when AppArmor type is Localhost")]
      : [];
  if (type === "") return [required(`${path}.type`, "type is required when appArmorProfile is set")];
  return [notSupported(`${path}.type`, type, PROFILE_TYPES)];
}

/** ValidateProcMountType's values, in its order (not sorted). */
const PROC_MOUNT_TYPES = ["Default", "Unmasked"];

/** ValidateSecurityContext, for a container at `path` (its securityContext); `hostUsers` is the
 * pod's (true unless spec.hostUsers is false). */
export function validateContainerSecurityContext(
  sc: SecurityContext | undefined,
  path: string,
  hostUsers = true,
): FieldError[] {
  if (sc == null) return [];
  const errs: FieldError[] = [];
  if (sc.runAsUser != null && !validId(sc.runAsUser))
    errs.push(invalid(`${path}.runAsUser`, sc.runAsUser, ID_RANGE));
  if (sc.runAsGroup != null && !validId(sc.runAsGroup))
    errs.push(invalid(`${path}.runAsGroup`, sc.runAsGroup, ID_RANGE));
  // ValidateProcMountType, then Unmasked only in a user namespace. (Before 1.33 ProcMountType is
  // off and dropDisabledTemplateFields has made a written value Default.)
  if (sc.procMount != null) {
    if (!PROC_MOUNT_TYPES.includes(sc.procMount))
      errs.push(notSupported(`${path}.procMount`, sc.procMount, PROC_MOUNT_TYPES));
    if (hostUsers && sc.procMount === "Unmasked")
      errs.push(invalid(`${path}.procMount`, sc.procMount, "`hostUsers` must be false to use `Unmasked`"));
  }
  errs.push(...seccompErrors(sc.seccompProfile, `${path}.seccompProfile`));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true)
      errs.push(
        invalid(
          path,
          securityContextStruct(sc),
          "cannot set `allowPrivilegeEscalation` to false and `privileged` to true",
        ),
      );
    // Only the literal CAP_SYS_ADMIN: the runtime's name SYS_ADMIN passes.
    for (const cap of sc.capabilities?.add ?? [])
      if (cap === "CAP_SYS_ADMIN")
        errs.push(
          invalid(
            path,
            securityContextStruct(sc),
            "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN",
          ),
        );
  }
  errs.push(...validateWindowsOptions(sc.windowsOptions, `${path}.windowsOptions`));
  errs.push(...appArmorErrors(sc.appArmorProfile, `${path}.appArmorProfile`));
  return errs;
}

/** IsValidSysctlName's pattern, printed with the message as Go prints the *regexp.Regexp. */
const SYSCTL_SEGMENT = "[a-z0-9]([-_a-z0-9]*[a-z0-9])?";
const SYSCTL_PATTERN = `^(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}$`;
const SYSCTL_NAME = new RegExp(SYSCTL_PATTERN);

/** utilsysctl.GetNamespace, on the dotted form (a name written with slashes swaps them). */
function sysctlNamespace(name: string): "net" | "ipc" | null {
  const dotted = name.includes("/") ? name.replace(/[./]/g, (c) => (c === "/" ? "." : "/")) : name;
  if (dotted.startsWith("net.")) return "net";
  if (
    dotted === "kernel.sem" ||
    dotted.startsWith("kernel.shm") ||
    dotted.startsWith("kernel.msg") ||
    dotted.startsWith("fs.mqueue.")
  )
    return "ipc";
  return null;
}

/** validateSysctls with ValidateHostSysctl (a new pod: AllowNamespacedSysctlsForHostNetAndHostIPC off). */
function sysctlErrors(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (spec.securityContext?.sysctls ?? []).forEach((s, i) => {
    const at = `${path}[${i}].name`;
    const name = s.name ?? "";
    if (name === "") errs.push(required(at));
    else if (name.length > 253 || !SYSCTL_NAME.test(name))
      errs.push(invalid(at, name, `must have at most 253 characters and match regex ${SYSCTL_PATTERN}`));
    else if (seen.has(name)) errs.push(duplicate(at, name));
    const ns = sysctlNamespace(name);
    if (spec.hostNetwork === true && ns === "net")
      errs.push(invalid(at, name, "may not be specified when 'hostNetwork' is true"));
    else if (spec.hostIPC === true && ns === "ipc")
      errs.push(invalid(at, name, "may not be specified when 'hostIPC' is true"));
    seen.add(name);
  });
  return errs;
}

/**
 * validatePodSpecSecurityContext. The path is the internal struct's, `<spec>.securityContext`,
 * for fields the versioned API keeps on the spec too (shareProcessNamespace).
 */
export function validatePodSecurityContext(spec: PodSpec, specPath: string): FieldError[] {
  const sc = spec.securityContext;
  if (sc == null && spec.shareProcessNamespace == null) return [];
  const path = `${specPath}.securityContext`;
  const errs: FieldError[] = [];
  for (const [key, value] of [
    ["fsGroup", sc?.fsGroup],
    ["runAsUser", sc?.runAsUser],
    ["runAsGroup", sc?.runAsGroup],
  ] as const)
    if (value != null && !validId(value)) errs.push(invalid(`${path}.${key}`, value, ID_RANGE));
  (sc?.supplementalGroups ?? []).forEach((g, i) => {
    if (!validId(g)) errs.push(invalid(`${path}.supplementalGroups[${i}]`, g, ID_RANGE));
  });
  if (spec.shareProcessNamespace === true && spec.hostPID === true)
    errs.push(
      invalid(
        `${path}.shareProcessNamespace`,
        true,
        "ShareProcessNamespace and HostPID cannot both be enabled",
      ),
    );
  errs.push(...sysctlErrors(spec, `${path}.sysctls`));
  const change = sc?.fsGroupChangePolicy;
  if (change != null && !FS_GROUP_CHANGE_POLICIES.includes(change))
    errs.push(notSupported(`${path}.fsGroupChangePolicy`, change, FS_GROUP_CHANGE_POLICIES));
  errs.push(...seccompErrors(sc?.seccompProfile, `${path}.seccompProfile`));
  errs.push(...validateWindowsOptions(sc?.windowsOptions, `${path}.windowsOptions`));
  errs.push(...appArmorErrors(sc?.appArmorProfile, `${path}.appArmorProfile`));
  // (newer than the kubernetes-types release jobsim builds on)
  const groups = (sc as { supplementalGroupsPolicy?: string } | undefined)?.supplementalGroupsPolicy;
  if (groups != null && !SUPPLEMENTAL_GROUPS_POLICIES.includes(groups))
    errs.push(notSupported(`${path}.supplementalGroupsPolicy`, groups, SUPPLEMENTAL_GROUPS_POLICIES));
  return errs;
}

const hasWindowsOptions = (o: WindowsSecurityContextOptions | undefined) => o != null;

/** validateOS, then for a linux pod validateLinux: no windowsOptions (the pod's, then each
 * container's, init containers first: VisitContainersWithPath). */
export function validatePodOS(spec: PodSpec, specPath: string): FieldError[] {
  if (spec.os == null) return [];
  const name = spec.os.name ?? "";
  if (name === "") return [required(`${specPath}.os.name`, "cannot be empty")];
  if (!OS_NAMES.includes(name)) return [notSupported(`${specPath}.os`, name, OS_NAMES)];
  if (name !== "linux") return [];
  const message = "windows options cannot be set for a linux pod";
  const errs: FieldError[] = [];
  if (hasWindowsOptions(spec.securityContext?.windowsOptions))
    errs.push(forbidden(`${specPath}.securityContext.windowsOptions`, message));
  for (const [list, key] of [
    [spec.initContainers, "initContainers"],
    [spec.containers, "containers"],
  ] as const)
    (list ?? []).forEach((c, i) => {
      if (hasWindowsOptions(c.securityContext?.windowsOptions))
        errs.push(forbidden(`${specPath}.${key}[${i}].securityContext.windowsOptions`, message));
    });
  return errs;
}
