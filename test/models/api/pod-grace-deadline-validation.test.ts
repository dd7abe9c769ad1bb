import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * ValidatePodSpec (pkg/apis/core/validation/validation.go) requires terminationGracePeriodSeconds
 * (defaulting gives 30) but does not bound it: a negative one is admitted, with a warning
 * (pkg/api/pod/warnings.go) and a grace of 1 s wherever it is used (strategy.go
 * CheckGracefulDelete, pod_workers.go calculateEffectiveGracePeriod). activeDeadlineSeconds must
 * be within 1 and math.MaxInt32 (validation.InclusiveRangeError).
 */
function errors(podSpec: string, containers = '[{name: c, image: "app:1"}]'): string[] {
  const job = parse(`apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: ${containers}
      ${podSpec}
`) as Job;
  return validateJob(defaultJob(job, "uid")).map(formatFieldError);
}

const S = "spec.template.spec";

describe("terminationGracePeriodSeconds and activeDeadlineSeconds of the pod template", () => {
  it.each([
    ["terminationGracePeriodSeconds: -1", []],
    ["terminationGracePeriodSeconds: -300", []],
    ["terminationGracePeriodSeconds: 0", []],
    ["activeDeadlineSeconds: 1", []],
    ["activeDeadlineSeconds: 2147483647", []],
    [
      "activeDeadlineSeconds: 0",
      [`${S}.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive`],
    ],
    [
      "activeDeadlineSeconds: -5",
      [`${S}.activeDeadlineSeconds: Invalid value: -5: must be between 1 and 2147483647, inclusive`],
    ],
    [
      "activeDeadlineSeconds: 2147483648",
      [`${S}.activeDeadlineSeconds: Invalid value: 2147483648: must be between 1 and 2147483647, inclusive`],
    ],
  ])("%s → %j", (spec, expected) => {
    expect(errors(spec)).toEqual(expected);
  });

  it("a sleep hook is measured against a negative grace period as written", () => {
    // validateSleepAction compares with the pod's own value: every sleep exceeds -1.
    expect(
      errors(
        "terminationGracePeriodSeconds: -1",
        "[{name: c, image: app:1, lifecycle: {preStop: {sleep: {seconds: 1}}}}]",
      ),
    ).toEqual([
      `${S}.containers[0].lifecycle.preStop.sleep: Invalid value: 1: must be non-negative and less than terminationGracePeriodSeconds (-1)`,
    ]);
  });
});
