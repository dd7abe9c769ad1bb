import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { kubectlInvalidMessage } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * A container's and pod spec's string fields in defaulting and validation:
 * - SetDefaults_Container / SetDefaults_PodSpec (pkg/apis/core/v1/defaults.go) test `== ""`, so a
 *   field written as "" is defaulted as a missing one (imagePullPolicy, terminationMessagePath,
 *   terminationMessagePolicy, dnsPolicy, schedulerName);
 * - validateContainerCommon (pkg/apis/core/validation/validation.go) refuses a
 *   terminationMessagePolicy other than File and FallbackToLogsOnError, after the image and before
 *   imagePullPolicy; validateContainers checks a name's uniqueness after all of that.
 */

function job(containers: string, podSpec = ""): Job {
  return parse(`apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      restartPolicy: Never
${podSpec}      containers: ${containers}
`) as Job;
}

describe("string fields written as empty", () => {
  it("are defaulted as missing ones, and the Job is valid", () => {
    const j = defaultJob(
      job(
        '[{name: c, image: "app:1", imagePullPolicy: "", terminationMessagePath: "", terminationMessagePolicy: ""}]',
        '      dnsPolicy: ""\n      schedulerName: ""\n',
      ),
      "uid",
    );
    const spec = j.spec!.template.spec!;
    expect(spec.dnsPolicy).toBe("ClusterFirst");
    expect(spec.schedulerName).toBe("default-scheduler");
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: "IfNotPresent",
      terminationMessagePath: "/dev/termination-log",
      terminationMessagePolicy: "File",
    });
    expect(validateJob(j)).toEqual([]);
  });
});

describe("terminationMessagePolicy", () => {
  it("FallbackToLogsOnError is accepted", () => {
    const j = defaultJob(
      job('[{name: c, image: "app:1", terminationMessagePolicy: FallbackToLogsOnError}]'),
      "uid",
    );
    expect(validateJob(j)).toEqual([]);
  });

  it("another value is refused as NotSupported, between image and imagePullPolicy; duplicates come last", () => {
    const j = defaultJob(
      job(
        '[{name: c, image: "", terminationMessagePolicy: Bogus, imagePullPolicy: Sometimes}, {name: c, image: ""}]',
      ),
      "uid",
    );
    expect(kubectlInvalidMessage("Job", "work", validateJob(j))).toBe(
      'The Job "work" is invalid: \n' +
        "* spec.template.spec.containers[0].image: Required value\n" +
        '* spec.template.spec.containers[0].terminationMessagePolicy: Unsupported value: "Bogus": supported values: "File", "FallbackToLogsOnError"\n' +
        '* spec.template.spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"\n' +
        "* spec.template.spec.containers[1].image: Required value\n" +
        '* spec.template.spec.containers[1].name: Duplicate value: "c"\n',
    );
  });

  it("two nameless containers: each name is Required, the second a Duplicate", () => {
    const j = defaultJob(job('[{image: "app:1"}, {image: "app:1"}]'), "uid");
    expect(kubectlInvalidMessage("Job", "work", validateJob(j))).toBe(
      'The Job "work" is invalid: \n' +
        "* spec.template.spec.containers[0].name: Required value\n" +
        "* spec.template.spec.containers[1].name: Required value\n" +
        '* spec.template.spec.containers[1].name: Duplicate value: ""\n',
    );
  });

  it("init containers come after the regular ones; a name both use is the init container's Duplicate", () => {
    const j = defaultJob(
      job('[{name: c, image: ""}]', '      initContainers: [{name: c, image: "app:1"}, {image: "app:1"}]\n'),
      "uid",
    );
    expect(kubectlInvalidMessage("Job", "work", validateJob(j))).toBe(
      'The Job "work" is invalid: \n' +
        "* spec.template.spec.containers[0].image: Required value\n" +
        '* spec.template.spec.initContainers[0].name: Duplicate value: "c"\n' +
        "* spec.template.spec.initContainers[1].name: Required value\n",
    );
  });
});
