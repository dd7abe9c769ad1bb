import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * ValidateEnv's check of each entry's valueFrom (pkg/apis/core/validation/validation.go
 * validateEnvVarValueFrom): exactly one source and no `value` beside it; a fieldRef names a
 * field the env downward API offers (validEnvDownwardAPIFieldPathExpressions, or a subscripted
 * label or annotation: validateObjectFieldSelector, pods.ConvertDownwardAPIFieldLabel); a
 * resourceFieldRef a container resource with a divisor that suits it
 * (validateContainerResourceFieldSelector, validateContainerResourceDivisor); a configMapKeyRef
 * or secretKeyRef a DNS-subdomain name and a key IsConfigMapKey admits.
 */
function errors(entry: string): string[] {
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
        env:
        - ${entry}
`) as Job;
  return validateJob(defaultJob(job, "uid")).map(formatFieldError);
}

const V = "spec.template.spec.containers[0].env[0].valueFrom";
const ENV_FIELDS =
  'supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"';
const RESOURCES =
  'supported values: "limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"';
const CONFIG_KEY =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe("env valueFrom", () => {
  it.each<[string, string[]]>([
    // accepted
    ["{name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}}}", []],
    ["{name: A, valueFrom: {fieldRef: {fieldPath: status.hostIPs}}}", []],
    ["{name: A, valueFrom: {fieldRef: {fieldPath: \"metadata.labels['app']\"}}}", []],
    ["{name: A, valueFrom: {fieldRef: {fieldPath: \"metadata.annotations['Example.com/Key']\"}}}", []],
    ["{name: A, valueFrom: {resourceFieldRef: {resource: limits.memory, divisor: 1Mi}}}", []],
    [
      "{name: A, valueFrom: {resourceFieldRef: {containerName: c, resource: requests.cpu, divisor: 1000m}}}",
      [],
    ],
    ["{name: A, valueFrom: {resourceFieldRef: {resource: limits.hugepages-2Mi}}}", []],
    ["{name: A, valueFrom: {configMapKeyRef: {name: cfg, key: app.properties}}}", []],
    ["{name: A, valueFrom: {secretKeyRef: {name: db, key: PASSWORD, optional: true}}}", []],
    // one source, and no value beside it
    [
      "{name: A, valueFrom: {}}",
      [
        `${V}: Invalid value: "": must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\``,
      ],
    ],
    [
      "{name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}, secretKeyRef: {name: db, key: k}}}",
      [`${V}: Invalid value: "": may not have more than one field specified at a time`],
    ],
    [
      "{name: A, value: x, valueFrom: {secretKeyRef: {name: db, key: k}}}",
      [`${V}: Invalid value: "": may not be specified when \`value\` is not empty`],
    ],
    // fieldRef
    [
      "{name: A, valueFrom: {fieldRef: {fieldPath: status.phase}}}",
      [`${V}.fieldRef.fieldPath: Unsupported value: "status.phase": ${ENV_FIELDS}`],
    ],
    [
      "{name: A, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}",
      [`${V}.fieldRef.fieldPath: Unsupported value: "metadata.labels": ${ENV_FIELDS}`],
    ],
    [
      "{name: A, valueFrom: {fieldRef: {fieldPath: spec.containers}}}",
      [
        `${V}.fieldRef.fieldPath: Invalid value: "spec.containers": error converting fieldPath: field label not supported: spec.containers`,
      ],
    ],
    [
      "{name: A, valueFrom: {fieldRef: {fieldPath: \"spec.nodeSelector['zone']\"}}}",
      [
        `${V}.fieldRef.fieldPath: Invalid value: "spec.nodeSelector['zone']": error converting fieldPath: field label does not support subscript: spec.nodeSelector['zone']`,
      ],
    ],
    [
      "{name: A, valueFrom: {fieldRef: {apiVersion: v2, fieldPath: metadata.name}}}",
      [
        `${V}.fieldRef.fieldPath: Invalid value: "metadata.name": error converting fieldPath: unsupported pod version: v2`,
      ],
    ],
    ['{name: A, valueFrom: {fieldRef: {fieldPath: ""}}}', [`${V}.fieldRef.fieldPath: Required value`]],
    [
      "{name: A, valueFrom: {fieldRef: {fieldPath: \"metadata.labels['bad key']\"}}}",
      [
        `${V}.fieldRef: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
    // resourceFieldRef
    [
      "{name: A, valueFrom: {resourceFieldRef: {resource: limits.nvidia.com/gpu}}}",
      [`${V}.resourceFieldRef.resource: Unsupported value: "limits.nvidia.com/gpu": ${RESOURCES}`],
    ],
    [
      "{name: A, valueFrom: {resourceFieldRef: {containerName: c}}}",
      [`${V}.resourceFieldRef.resource: Required value`],
    ],
    [
      "{name: A, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: 1Mi}}}",
      [
        `${V}.resourceFieldRef.divisor: Invalid value: "limits.cpu": only divisor's values 1m and 1 are supported with the cpu resource`,
      ],
    ],
    [
      "{name: A, valueFrom: {resourceFieldRef: {resource: requests.memory, divisor: 2Mi}}}",
      [
        `${V}.resourceFieldRef.divisor: Invalid value: "requests.memory": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource`,
      ],
    ],
    [
      "{name: A, valueFrom: {resourceFieldRef: {resource: limits.ephemeral-storage, divisor: 1m}}}",
      [
        `${V}.resourceFieldRef.divisor: Invalid value: "limits.ephemeral-storage": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the local ephemeral storage resource`,
      ],
    ],
    // configMapKeyRef, secretKeyRef
    ["{name: A, valueFrom: {configMapKeyRef: {name: cfg}}}", [`${V}.configMapKeyRef.key: Required value`]],
    [
      "{name: A, valueFrom: {configMapKeyRef: {name: cfg, key: app properties}}}",
      [`${V}.configMapKeyRef.key: Invalid value: "app properties": ${CONFIG_KEY}`],
    ],
    [
      "{name: A, valueFrom: {secretKeyRef: {name: DB_Secret, key: ..}}}",
      [
        `${V}.secretKeyRef.name: Invalid value: "DB_Secret": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        `${V}.secretKeyRef.key: Invalid value: "..": must not be '..'`,
      ],
    ],
    [
      "{name: A, valueFrom: {secretKeyRef: {key: ..x}}}",
      [
        `${V}.secretKeyRef.name: Invalid value: "": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        `${V}.secretKeyRef.key: Invalid value: "..x": must not start with '..'`,
      ],
    ],
  ])("%s", (entry, expected) => {
    expect(errors(entry)).toEqual(expected);
  });

  it("the name's errors come first, then the source's (ValidateEnv)", () => {
    expect(errors('{name: "", valueFrom: {}}')).toEqual([
      "spec.template.spec.containers[0].env[0].name: Required value",
      `${V}: Invalid value: "": must specify one of: \`fieldRef\`, \`resourceFieldRef\`, \`configMapKeyRef\` or \`secretKeyRef\``,
    ]);
  });
});
