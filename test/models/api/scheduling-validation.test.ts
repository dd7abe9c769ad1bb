import { describe, expect, it } from "vitest";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import { validatePodTemplateSpec } from "../../../src/models/api/pod-validation.js";

/**
 * A template's scheduling directives as the API server validates them
 * (pkg/apis/core/validation/validation.go: validateNodeAffinity, ValidateNodeSelectorRequirement,
 * ValidateNodeFieldSelectorRequirement, ValidatePreferredSchedulingTerms, ValidateNodeName,
 * ValidateTolerations and validateTaintEffect; the Exists-with-value message after kubernetes
 * PR #128119, 1.32).
 */

const errorsOf = (spec: Record<string, unknown>) =>
  validatePodTemplateSpec(
    { spec: { containers: [{ name: "c", image: "app:1" }], restartPolicy: "Never", ...spec } } as never,
    "spec.template",
  ).map(formatFieldError);

const P = "spec.template.spec";
const T = `${P}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
const required = (terms: unknown[]) => ({
  affinity: {
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
  },
});

describe("node affinity", () => {
  it.each([
    [required([]), [`${T}: Required value: must have at least one node selector term`]],
    [
      required([{ matchExpressions: [{ key: "a", operator: "In" }] }]),
      [
        `${T}[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
      ],
    ],
    [
      required([{ matchExpressions: [{ key: "a", operator: "Exists", values: ["x"] }] }]),
      [
        `${T}[0].matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
      ],
    ],
    [
      required([{ matchExpressions: [{ key: "a", operator: "Gt", values: ["1", "2"] }] }]),
      [
        `${T}[0].matchExpressions[0].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
      ],
    ],
    [
      required([{ matchExpressions: [{ key: "a b", operator: "Equals", values: ["x"] }] }]),
      [
        `${T}[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`,
        `${T}[0].matchExpressions[0].key: Invalid value: "a b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    ],
    [
      required([{ matchFields: [{ key: "metadata.labels", operator: "Exists" }] }]),
      [
        `${T}[0].matchFields[0].operator: Invalid value: "Exists": not a valid selector operator`,
        `${T}[0].matchFields[0].key: Invalid value: "metadata.labels": not a valid field selector key`,
      ],
    ],
    [
      required([{ matchFields: [{ key: "metadata.name", operator: "In", values: ["a", "b"] }] }]),
      [
        `${T}[0].matchFields[0].values: Required value: must be only one value when \`operator\` is 'In' or 'NotIn' for node field selector`,
      ],
    ],
    [
      {
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 0, preference: { matchExpressions: [{ key: "a", operator: "Exists" }] } },
            ],
          },
        },
      },
      [
        `${P}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100`,
      ],
    ],
  ])("%j", (spec, want) => {
    expect(errorsOf(spec)).toEqual(want);
  });
});

describe("nodeName and tolerations", () => {
  it.each([
    [
      { nodeName: "Agent_0" },
      [
        `${P}.nodeName: Invalid value: "Agent_0": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
    [
      { tolerations: [{ key: "a", operator: "Bogus" }] },
      [`${P}.tolerations[0].operator: Unsupported value: "Bogus": supported values: "Equal", "Exists"`],
    ],
    [
      { tolerations: [{ operator: "Equal", value: "x" }] },
      [
        `${P}.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`,
      ],
    ],
    [
      { tolerations: [{ key: "a", operator: "Exists", value: "x" }] },
      [`${P}.tolerations[0].operator: Invalid value: "x": value must be empty when \`operator\` is 'Exists'`],
    ],
    [
      { tolerations: [{ key: "a", value: "x y" }] },
      [
        `${P}.tolerations[0].operator: Invalid value: "x y": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    ],
    [
      { tolerations: [{ key: "a", operator: "Exists", effect: "NoSchedule", tolerationSeconds: 30 }] },
      [
        `${P}.tolerations[0].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
      ],
    ],
    [
      { tolerations: [{ key: "a", operator: "Exists", effect: "Never" }] },
      [
        `${P}.tolerations[0].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"`,
      ],
    ],
    [
      {
        tolerations: [
          { operator: "Exists" },
          { key: "node-role.kubernetes.io/control-plane", operator: "Exists", effect: "NoSchedule" },
        ],
      },
      [],
    ],
  ])("%j", (spec, want) => {
    expect(errorsOf(spec)).toEqual(want);
  });
});
