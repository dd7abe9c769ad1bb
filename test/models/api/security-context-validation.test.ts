import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * The security contexts of a pod template (pkg/apis/core/validation/validation.go): a
 * container's (ValidateSecurityContext, last of validateContainerCommon) and the pod's
 * (validatePodSpecSecurityContext, after the nodeSelector), with validateSeccompProfileField,
 * ValidateAppArmorProfileField and validateSysctls; validateOS/validateLinux at the end.
 */
function errors(podSpec: string, securityContext = ""): string[] {
  const job = parse(`apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: app:1
        ${securityContext === "" ? "" : `securityContext: ${securityContext}`}
      ${podSpec}
`) as Job;
  return validateJob(defaultJob(job, "uid")).map(formatFieldError);
}

const S = "spec.template.spec";
const C = `${S}.containers[0].securityContext`;
const RANGE = "must be between 0 and 2147483647, inclusive";
const PROFILE_TYPES = 'supported values: "Localhost", "RuntimeDefault", "Unconfined"';

describe("a container's securityContext (ValidateSecurityContext)", () => {
  it.each<[string, string[]]>([
    ["{runAsUser: 1000, runAsGroup: 0, runAsNonRoot: true, privileged: true}", []],
    ["{allowPrivilegeEscalation: false, capabilities: {add: [NET_ADMIN, SYS_ADMIN], drop: [ALL]}}", []],
    ["{seccompProfile: {type: Localhost, localhostProfile: profiles/audit.json}}", []],
    ["{appArmorProfile: {type: Localhost, localhostProfile: k8s-apparmor-example}}", []],
    ["{runAsUser: -1}", [`${C}.runAsUser: Invalid value: -1: ${RANGE}`]],
    ["{runAsGroup: 2147483648}", [`${C}.runAsGroup: Invalid value: 2147483648: ${RANGE}`]],
    [
      "{seccompProfile: {}}",
      [`${C}.seccompProfile.type: Required value: type is required when seccompProfile is set`],
    ],
    [
      "{seccompProfile: {type: runtime/default}}",
      [`${C}.seccompProfile.type: Unsupported value: "runtime/default": ${PROFILE_TYPES}`],
    ],
    [
      "{seccompProfile: {type: Localhost}}",
      [`${C}.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost`],
    ],
    [
      "{seccompProfile: {type: Localhost, localhostProfile: /var/lib/kubelet/seccomp/a.json}}",
      [
        `${C}.seccompProfile.localhostProfile: Invalid value: "/var/lib/kubelet/seccomp/a.json": must be a relative path`,
      ],
    ],
    [
      "{seccompProfile: {type: Localhost, localhostProfile: ../../a.json}}",
      [`${C}.seccompProfile.localhostProfile: Invalid value: "../../a.json": must not contain '..'`],
    ],
    [
      "{seccompProfile: {type: RuntimeDefault, localhostProfile: a.json}}",
      [
        `${C}.seccompProfile.localhostProfile: Invalid value: {"Type":"RuntimeDefault","LocalhostProfile":"a.json"}: can only be set when seccomp type is Localhost`,
      ],
    ],
    [
      "{allowPrivilegeEscalation: false, privileged: true}",
      [
        `${C}: Invalid value: {"Capabilities":null,"Privileged":true,"SELinuxOptions":null,"WindowsOptions":null,"RunAsUser":null,"RunAsGroup":null,"RunAsNonRoot":null,"ReadOnlyRootFilesystem":null,"AllowPrivilegeEscalation":false,"ProcMount":null,"SeccompProfile":null,"AppArmorProfile":null}: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`,
      ],
    ],
    [
      "{allowPrivilegeEscalation: false, runAsUser: 0, capabilities: {add: [CAP_SYS_ADMIN]}}",
      [
        `${C}: Invalid value: {"Capabilities":{"Add":["CAP_SYS_ADMIN"],"Drop":null},"Privileged":null,"SELinuxOptions":null,"WindowsOptions":null,"RunAsUser":0,"RunAsGroup":null,"RunAsNonRoot":null,"ReadOnlyRootFilesystem":null,"AllowPrivilegeEscalation":false,"ProcMount":null,"SeccompProfile":null,"AppArmorProfile":null}: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN`,
      ],
    ],
    [
      "{appArmorProfile: {}}",
      [`${C}.appArmorProfile.type: Required value: type is required when appArmorProfile is set`],
    ],
    [
      "{appArmorProfile: {type: unconfined}}",
      [`${C}.appArmorProfile.type: Unsupported value: "unconfined": ${PROFILE_TYPES}`],
    ],
    [
      "{appArmorProfile: {type: Localhost}}",
      [`${C}.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost`],
    ],
    [
      '{appArmorProfile: {type: Localhost, localhostProfile: " my-profile"}}',
      [
        `${C}.appArmorProfile.localhostProfile: Invalid value: " my-profile": must not be padded with whitespace`,
      ],
    ],
    [
      "{appArmorProfile: {type: RuntimeDefault, localhostProfile: my-profile}}",
      [
        `${C}.appArmorProfile.localhostProfile: Invalid value: "my-profile": can only be set when AppArmor type is Localhost`,
      ],
    ],
    // upstream's order: runAsUser, runAsGroup, seccompProfile, allowPrivilegeEscalation, appArmorProfile
    [
      "{appArmorProfile: {}, seccompProfile: {}, runAsGroup: -2, runAsUser: -1}",
      [
        `${C}.runAsUser: Invalid value: -1: ${RANGE}`,
        `${C}.runAsGroup: Invalid value: -2: ${RANGE}`,
        `${C}.seccompProfile.type: Required value: type is required when seccompProfile is set`,
        `${C}.appArmorProfile.type: Required value: type is required when appArmorProfile is set`,
      ],
    ],
  ])("%s", (sc, expected) => {
    expect(errors("", sc)).toEqual(expected);
  });

  it("comes after the container's resources (validateContainerCommon)", () => {
    expect(errors("", "{runAsUser: -1}\n        resources: {requests: {cpu: -1}}")).toEqual([
      `${S}.containers[0].resources.requests[cpu]: Invalid value: "-1": must be greater than or equal to 0`,
      `${C}.runAsUser: Invalid value: -1: ${RANGE}`,
    ]);
  });
});

describe("the pod's securityContext (validatePodSpecSecurityContext)", () => {
  const P = `${S}.securityContext`;
  it.each<[string, string[]]>([
    ["securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000]}", []],
    ["securityContext: {sysctls: [{name: net.ipv4.ip_local_port_range, value: '1024 65535'}]}", []],
    ["securityContext: {sysctls: [{name: net/ipv4/tcp_syncookies, value: '1'}]}", []],
    [
      "securityContext: {supplementalGroups: [-3], runAsGroup: -2, runAsUser: -1, fsGroup: -4}",
      [
        `${P}.fsGroup: Invalid value: -4: ${RANGE}`,
        `${P}.runAsUser: Invalid value: -1: ${RANGE}`,
        `${P}.runAsGroup: Invalid value: -2: ${RANGE}`,
        `${P}.supplementalGroups[0]: Invalid value: -3: ${RANGE}`,
      ],
    ],
    [
      "shareProcessNamespace: true\n      hostPID: true",
      [
        `${P}.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled`,
      ],
    ],
    [
      "securityContext: {sysctls: [{name: ''}, {name: Net.Core}, {name: kernel.shm_rmid_forced}, {name: kernel.shm_rmid_forced}]}",
      [
        `${P}.sysctls[0].name: Required value`,
        `${P}.sysctls[1].name: Invalid value: "Net.Core": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$`,
        `${P}.sysctls[3].name: Duplicate value: "kernel.shm_rmid_forced"`,
      ],
    ],
    [
      "hostNetwork: true\n      hostIPC: true\n      securityContext: {sysctls: [{name: net.core.somaxconn}, {name: kernel.msgmax}, {name: kernel.sem}]}",
      [
        `${P}.sysctls[0].name: Invalid value: "net.core.somaxconn": may not be specified when 'hostNetwork' is true`,
        `${P}.sysctls[1].name: Invalid value: "kernel.msgmax": may not be specified when 'hostIPC' is true`,
        `${P}.sysctls[2].name: Invalid value: "kernel.sem": may not be specified when 'hostIPC' is true`,
      ],
    ],
    [
      "securityContext: {fsGroupChangePolicy: Sometimes}",
      [
        `${P}.fsGroupChangePolicy: Unsupported value: "Sometimes": supported values: "Always", "OnRootMismatch"`,
      ],
    ],
    [
      "securityContext: {supplementalGroupsPolicy: Loose}",
      [`${P}.supplementalGroupsPolicy: Unsupported value: "Loose": supported values: "Merge", "Strict"`],
    ],
    [
      "securityContext: {seccompProfile: {type: Localhost}, appArmorProfile: {type: Localhost}}",
      [
        `${P}.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost`,
        `${P}.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost`,
      ],
    ],
  ])("%s", (spec, expected) => {
    expect(errors(spec)).toEqual(expected);
  });

  it("comes after the nodeSelector and before the affinity (ValidatePodSpec)", () => {
    expect(
      errors(
        "securityContext: {runAsUser: -1}\n      nodeSelector: {'bad key': x}\n      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}",
      ),
    ).toEqual([
      `${S}.nodeSelector: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      `${P}.runAsUser: Invalid value: -1: ${RANGE}`,
      `${S}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term`,
    ]);
  });
});

describe("spec.os (validateOS, validateLinux)", () => {
  it.each<[string, string, string[]]>([
    ["os: {name: linux}", "", []],
    ["os: {name: macos}", "", [`${S}.os: Unsupported value: "macos": supported values: "linux", "windows"`]],
    ["os: {name: ''}", "", [`${S}.os.name: Required value: cannot be empty`]],
    [
      "os: {name: linux}\n      securityContext: {windowsOptions: {runAsUserName: ContainerUser}}",
      "{windowsOptions: {hostProcess: false}}",
      [
        `${S}.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod`,
        `${C}.windowsOptions: Forbidden: windows options cannot be set for a linux pod`,
      ],
    ],
  ])("%s %s", (spec, sc, expected) => {
    expect(errors(spec, sc)).toEqual(expected);
  });
});

describe("windowsOptions (validateWindowsSecurityContextOptions)", () => {
  const W = `${C}.windowsOptions`;
  it.each<[string, string[]]>([
    ["{windowsOptions: {runAsUserName: ContainerUser, gmsaCredentialSpecName: gmsa-spec}}", []],
    ["{windowsOptions: {runAsUserName: 'NT AUTHORITY\\SYSTEM'}}", []],
    [
      "{windowsOptions: {runAsUserName: ''}}",
      [`${W}.runAsUserName: Invalid value: "": runAsUserName cannot be an empty string`],
    ],
    [
      "{windowsOptions: {runAsUserName: 'a\\b\\c'}}",
      [
        `${W}.runAsUserName: Invalid value: "a\\\\b\\\\c": runAsUserName cannot contain more than one backslash`,
      ],
    ],
    [
      "{windowsOptions: {runAsUserName: 'dom\\'}}",
      [`${W}.runAsUserName: Invalid value: "dom\\\\": runAsUserName's User cannot be empty`],
    ],
    [
      "{windowsOptions: {runAsUserName: '..'}}",
      [`${W}.runAsUserName: Invalid value: "..": runAsUserName's User cannot contain only periods or spaces`],
    ],
    [
      "{windowsOptions: {runAsUserName: 'user@corp'}}",
      [
        `${W}.runAsUserName: Invalid value: "user@corp": runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`,
      ],
    ],
    [
      "{windowsOptions: {runAsUserName: '.dom\\u'}}",
      [
        `${W}.runAsUserName: Invalid value: ".dom\\\\u": runAsUserName's Domain doesn't match the NetBios nor the DNS format`,
      ],
    ],
    [
      "{windowsOptions: {gmsaCredentialSpec: ''}}",
      [`${W}.gmsaCredentialSpec: Invalid value: "": gmsaCredentialSpec cannot be an empty string`],
    ],
    [
      "{windowsOptions: {gmsaCredentialSpecName: Bad_Name}}",
      [
        `${W}.gmsaCredentialSpecName: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
  ])("%s", (sc, expected) => {
    expect(errors("", sc)).toEqual(expected);
  });
});
