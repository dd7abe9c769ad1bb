import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * The parts of pkg/apis/core/validation/validation.go that pasted manifests trip over most:
 * ValidateVolumes (a volume's name: Required, a DNS label, not a Duplicate; a volume with an error
 * is not one a mount may name), then in validateContainerCommon, after terminationMessagePolicy
 * and before imagePullPolicy, validateContainerPorts (IsValidPortName: at most 15 characters,
 * [-a-z0-9] with a letter, no "--", no hyphen at either end; a Duplicate name; containerPort and
 * hostPort between 1 and 65535; protocol TCP, UDP or SCTP), ValidateEnv (a name is Required; with
 * RelaxedEnvironmentVariableValidation, GA in 1.34, printable ASCII but '='), ValidateEnvFrom (its
 * prefix likewise) and ValidateVolumeMounts (a mount names a volume of the pod: NotFound; its
 * mountPath is Required and unique).
 */
function errors(podSpec: string): string[] {
  const job = parse(`apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      restartPolicy: Never
${podSpec
  .trim()
  .split("\n")
  .map((l) => `      ${l}`)
  .join("\n")}
`) as Job;
  return validateJob(defaultJob(job, "uid")).map(formatFieldError);
}

const C = "spec.template.spec.containers[0]";

describe("container ports", () => {
  it("refuses a name longer than 15 characters, a duplicate name and an out-of-range port", () => {
    expect(
      errors(`
containers:
- name: c
  image: app:1
  ports:
  - {name: metrics-exporter-http, containerPort: 9100}
  - {name: http, containerPort: 80}
  - {name: http, containerPort: 70000, protocol: tcp}
  - {name: -a--, containerPort: 81, hostPort: 0}
  - {name: "8080", containerPort: 82}
  imagePullPolicy: always
`),
    ).toEqual([
      `${C}.ports[0].name: Invalid value: "metrics-exporter-http": must be no more than 15 characters`,
      `${C}.ports[2].name: Duplicate value: "http"`,
      `${C}.ports[2].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
      `${C}.ports[2].protocol: Unsupported value: "tcp": supported values: "SCTP", "TCP", "UDP"`,
      `${C}.ports[3].name: Invalid value: "-a--": must not contain consecutive hyphens`,
      `${C}.ports[3].name: Invalid value: "-a--": must not begin or end with a hyphen`,
      `${C}.ports[4].name: Invalid value: "8080": must contain at least one letter (a-z)`,
      `${C}.imagePullPolicy: Unsupported value: "always": supported values: "Always", "IfNotPresent", "Never"`,
    ]);
  });
});

describe("volume mounts", () => {
  it("refuses a mount of a volume the pod does not have, and a mountPath used twice", () => {
    expect(
      errors(`
containers:
- name: c
  image: app:1
  volumeMounts:
  - {name: data, mountPath: /data}
  - {name: cache, mountPath: /data}
volumes:
- name: cache
  emptyDir: {}
`),
    ).toEqual([
      `${C}.volumeMounts[0].name: Not found: "data"`,
      `${C}.volumeMounts[1].mountPath: Invalid value: "/data": must be unique`,
    ]);
  });

  it("checks the volumes' names first, and a volume with a bad name is not found by its mounts", () => {
    expect(
      errors(`
containers:
- name: c
  image: app:1
  volumeMounts:
  - {name: Data, mountPath: /data}
  - {name: cache, mountPath: /cache}
initContainers:
- name: i
  image: app:1
  volumeMounts:
  - {name: cache, mountPath: /cache}
volumes:
- name: Data
  emptyDir: {}
- name: cache
  emptyDir: {}
- name: cache
  emptyDir: {}
`),
    ).toEqual([
      `spec.template.spec.volumes[0].name: Invalid value: "Data": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      `spec.template.spec.volumes[2].name: Duplicate value: "cache"`,
      `${C}.volumeMounts[0].name: Not found: "Data"`,
    ]);
  });
});

describe("environment variables", () => {
  it("takes dots and dashes (relaxed names) and refuses '=' and an empty name", () => {
    expect(
      errors(`
containers:
- name: c
  image: app:1
  env:
  - {name: my.var-1, value: x}
  - {name: "A=B", value: x}
  - {name: "", value: x}
  envFrom:
  - {prefix: "APP_", configMapRef: {name: cfg}}
  - {prefix: "1bad=", secretRef: {name: s}}
`),
    ).toEqual([
      `${C}.env[1].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
      `${C}.env[2].name: Required value`,
      `${C}.envFrom[1].prefix: Invalid value: "1bad=": a valid environment variable name must consist only of printable ASCII characters other than '='`,
    ]);
  });
});
