import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFieldError, kubectlInvalidMessage } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * validateLifecycle → validateHandler → validateSleepAction, validateExecAction
 * (pkg/apis/core/validation/validation.go): one handler type per hook (exec, httpGet, tcpSocket,
 * sleep, in that order: the first is validated, each later one Forbidden), a sleep within the
 * pod's terminationGracePeriodSeconds (defaulted to 30), at least 0 with
 * PodLifecycleSleepActionAllowZero (1.33 on), above 0 without it (1.32). The hooks come after the
 * container's name and before a regular container's restartPolicy (Forbidden before 1.35).
 */
function job(containers: string, initContainers = "[]", grace = ""): Job {
  return defaultJob(
    parse(`apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      restartPolicy: Never${grace}
      containers: ${containers}
      initContainers: ${initContainers}
`) as Job,
    "uid",
  );
}

const AT_1_35 = { containerRestartRules: true, sleepActionAllowZero: true };
const AT_1_32 = { containerRestartRules: false, sleepActionAllowZero: false };
const P = "spec.template.spec.containers[0].lifecycle";

describe("lifecycle hook validation", () => {
  const cases: { name: string; lifecycle: string; at?: typeof AT_1_35; grace?: string; errors: string[] }[] =
    [
      { name: "a sleep within the grace period", lifecycle: "{preStop: {sleep: {seconds: 30}}}", errors: [] },
      { name: "a sleep of 0 (1.33 on)", lifecycle: "{postStart: {sleep: {seconds: 0}}}", errors: [] },
      {
        name: "a sleep longer than the grace period",
        lifecycle: "{preStop: {sleep: {seconds: 31}}}",
        errors: [
          `${P}.preStop.sleep: Invalid value: 31: must be non-negative and less than terminationGracePeriodSeconds (30)`,
        ],
      },
      {
        name: "a negative sleep, against the pod's own grace period",
        lifecycle: "{postStart: {sleep: {seconds: -1}}}",
        grace: "\n      terminationGracePeriodSeconds: 5",
        errors: [
          `${P}.postStart.sleep: Invalid value: -1: must be non-negative and less than terminationGracePeriodSeconds (5)`,
        ],
      },
      {
        name: "a sleep of 0 at 1.32 (gate off)",
        lifecycle: "{preStop: {sleep: {seconds: 0}}}",
        at: AT_1_32,
        errors: [
          `${P}.preStop.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
        ],
      },
      {
        name: "no handler, then two: postStart first, the later handler Forbidden",
        lifecycle: '{preStop: {exec: {command: ["true"]}, sleep: {seconds: 99}}, postStart: {}}',
        errors: [
          `${P}.postStart: Required value: must specify a handler type`,
          `${P}.preStop.sleep: Forbidden: may not specify more than 1 handler type`,
        ],
      },
      {
        name: "an exec without a command",
        lifecycle: "{postStart: {exec: {}}}",
        errors: [`${P}.postStart.exec.command: Required value`],
      },
    ];
  for (const c of cases)
    it(c.name, () => {
      const j = job(`[{name: c, image: "app:1", lifecycle: ${c.lifecycle}}]`, "[]", c.grace ?? "");
      const errs = validateJob(j, c.at ?? AT_1_35);
      expect(errs.map(formatFieldError)).toEqual(c.errors);
    });

  it("checks a sidecar's hooks too, after its name and before the regular container's restartPolicy", () => {
    const j = job(
      '[{name: c, image: "app:1", restartPolicy: Always, lifecycle: {preStop: {sleep: {seconds: 40}}}}]',
      '[{name: c, image: "app:1", restartPolicy: Always, lifecycle: {postStart: {sleep: {seconds: 50}}}}]',
    );
    expect(kubectlInvalidMessage("Job", "work", validateJob(j, AT_1_32))).toBe(
      'The Job "work" is invalid: \n' +
        `* ${P}.preStop.sleep: Invalid value: 40: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.\n` +
        "* spec.template.spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers\n" +
        '* spec.template.spec.initContainers[0].name: Duplicate value: "c"\n' +
        "* spec.template.spec.initContainers[0].lifecycle.postStart.sleep: Invalid value: 50: must be greater than 0 and less than terminationGracePeriodSeconds (30). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.\n",
    );
  });
});
