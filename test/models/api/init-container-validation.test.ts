import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kubectlInvalidMessage } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * validateInitContainers (pkg/apis/core/validation/validation.go): an init container that is not
 * a sidecar (no restartPolicy: Always) may not have a lifecycle or probes — Forbidden "may not be
 * set for init containers without restartPolicy=Always", in the order lifecycle, livenessProbe,
 * readinessProbe, startupProbe, after the name's Duplicate check. A sidecar may have them.
 */

function job(initContainers: string): Job {
  return parse(`apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: "app:1"}]
      initContainers: ${initContainers}
`) as Job;
}

const PROBE = '{exec: {command: ["true"]}}';

describe("lifecycle and probes on init containers", () => {
  it("are forbidden on one that is not a sidecar, after its name's Duplicate", () => {
    const j = defaultJob(
      job(
        `[{name: c, image: "app:1", startupProbe: ${PROBE}, readinessProbe: ${PROBE}, livenessProbe: ${PROBE}, lifecycle: {preStop: ${PROBE}}}]`,
      ),
      "uid",
    );
    expect(kubectlInvalidMessage("Job", "work", validateJob(j))).toBe(
      'The Job "work" is invalid: \n' +
        '* spec.template.spec.initContainers[0].name: Duplicate value: "c"\n' +
        "* spec.template.spec.initContainers[0].lifecycle: Forbidden: may not be set for init containers without restartPolicy=Always\n" +
        "* spec.template.spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always\n" +
        "* spec.template.spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always\n" +
        "* spec.template.spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always\n",
    );
  });

  it("are accepted on a sidecar (restartPolicy: Always)", () => {
    const j = defaultJob(
      job(`[{name: side, image: "app:1", restartPolicy: Always, readinessProbe: ${PROBE}}]`),
      "uid",
    );
    expect(validateJob(j)).toEqual([]);
  });
});
