import { describe, expect, it } from "vitest";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import { validatePodTemplateSpec } from "../../../src/models/api/pod-validation.js";

/**
 * A Job template's container resources, as ValidateContainerResourceRequirements
 * (pkg/apis/core/validation/validation.go) checks them: limits first, then requests; a name
 * without a domain must be a standard container resource; a request above its limit is refused
 * at `resources.requests` with both quantities in canonical form.
 */

function errorsFor(resources: Record<string, Record<string, string | number>>): string[] {
  return validatePodTemplateSpec(
    { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "app:1", resources }] } },
    "spec.template",
  ).map(formatFieldError);
}

const AT = "spec.template.spec.containers[0].resources";

describe("container resources", () => {
  it.each([
    [{ requests: { cpu: "500m", memory: "64Mi" }, limits: { cpu: "1", memory: "64Mi" } }, []],
    [{ requests: { cpu: "2" } }, []],
    [{ limits: { cpu: "1" } }, []],
    [
      { requests: { cpu: "2" }, limits: { cpu: "1" } },
      [`${AT}.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`],
    ],
    [
      { requests: { cpu: "1500m", memory: "1Gi" }, limits: { cpu: 1, memory: "512Mi" } },
      [
        `${AT}.requests: Invalid value: "1500m": must be less than or equal to cpu limit of 1`,
        `${AT}.requests: Invalid value: "1Gi": must be less than or equal to memory limit of 512Mi`,
      ],
    ],
    [
      { requests: { cpu: "2000m" }, limits: { cpu: "1500m" } },
      [`${AT}.requests: Invalid value: "2": must be less than or equal to cpu limit of 1500m`],
    ],
    [
      { limits: { gpu: "1" }, requests: { foo: "1" } },
      [
        `${AT}.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers`,
        `${AT}.requests[foo]: Invalid value: "foo": must be a standard resource for containers`,
      ],
    ],
    [{ limits: { "example.com/gpu": "1", "hugepages-2Mi": "2Mi" } }, []],
    [
      { limits: { cpu: "-1" }, requests: { cpu: "-2" } },
      [
        `${AT}.limits[cpu]: Invalid value: "-1": must be greater than or equal to 0`,
        `${AT}.requests[cpu]: Invalid value: "-2": must be greater than or equal to 0`,
      ],
    ],
  ])("%j", (resources, expected) => {
    expect(errorsFor(resources)).toEqual(expected);
  });
});

/**
 * Extended resources (a domain-qualified name outside kubernetes.io/, such as nvidia.com/gpu) may
 * not be overcommitted (helper.IsOvercommitAllowed): a request needs a limit ("Limit must be set
 * for non overcommitable resources", at `resources.limits`) and must equal it; and they are
 * counted in whole units (IsIntegerResourceName → "must be an integer").
 */
describe("extended resources", () => {
  it.each([
    [{ limits: { "nvidia.com/gpu": 1 } }, []],
    [{ requests: { "nvidia.com/gpu": 1 }, limits: { "nvidia.com/gpu": 1 } }, []],
    [
      { requests: { "nvidia.com/gpu": 1, cpu: "1" } },
      [`${AT}.limits: Required value: Limit must be set for non overcommitable resources`],
    ],
    [
      { requests: { "nvidia.com/gpu": 1 }, limits: { "nvidia.com/gpu": 2 } },
      [`${AT}.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2`],
    ],
    [
      { limits: { "nvidia.com/gpu": "500m" } },
      [`${AT}.limits[nvidia.com/gpu]: Invalid value: "500m": must be an integer`],
    ],
  ])("%j", (resources, expected) => {
    expect(errorsFor(resources as Record<string, Record<string, string | number>>)).toEqual(expected);
  });
});
