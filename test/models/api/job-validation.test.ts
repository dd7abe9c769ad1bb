import type { Job, JobSpec } from "kubernetes-types/batch/v1.js";
import type { Container, PodSpec, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  apiServerInvalidMessage,
  type FieldError,
  formatFieldError,
  kubectlInvalidMessage,
} from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * Job defaulting (defaults.go SetDefaults_Job + strategy.go PrepareForCreate) and validation
 * (pkg/apis/batch/validation), table-driven from upstream's unit tests, plus the field-error and
 * Invalid-message formats.
 */

// ---- the tutorial's manifest (/work/shared/seed/000_92cc8c36e3787a31.txt) ---------------------

const TUTORIAL_MANIFEST = `apiVersion: batch/v1
kind: Job
metadata:
  name: example-job
spec:
  template:
    spec:
      containers:
        - name: flaky-app
          image: k3d-my-cluster-registry:50664/flaky-app:0.1
      restartPolicy: never
  backoffLimit: 10
`;

describe("the tutorial's manifest", () => {
  it('restartPolicy "never" is rejected with both the core and the Job error, kubectl style', () => {
    const manifest = parse(TUTORIAL_MANIFEST) as Job;
    const errs = validateJob(defaultJob(manifest, "uid"));
    // Exact text from the brief (trailing space after "invalid:"); the order is upstream's:
    // ValidatePodTemplateSpec (core, "Always", "OnFailure", "Never") runs before the Job's own
    // restartPolicy check (reference §7).
    expect(kubectlInvalidMessage("Job", "example-job", errs)).toBe(
      'The Job "example-job" is invalid: \n' +
        '* spec.template.spec.restartPolicy: Unsupported value: "never": supported values: "Always", "OnFailure", "Never"\n' +
        '* spec.template.spec.restartPolicy: Unsupported value: "never": supported values: "OnFailure", "Never"\n',
    );
    expect(apiServerInvalidMessage("Job", "batch", "example-job", errs)).toBe(
      'Job.batch "example-job" is invalid: [' +
        'spec.template.spec.restartPolicy: Unsupported value: "never": supported values: "Always", "OnFailure", "Never", ' +
        'spec.template.spec.restartPolicy: Unsupported value: "never": supported values: "OnFailure", "Never"]',
    );
  });

  it('restartPolicy "Never" is accepted with zero errors', () => {
    const manifest = parse(TUTORIAL_MANIFEST.replace("restartPolicy: never", "restartPolicy: Never")) as Job;
    expect(validateJob(defaultJob(manifest, "uid"))).toEqual([]);
  });
});

// ---- formats ----------------------------------------------------------------------------------

// k8s.io/apimachinery/pkg/util/validation/field/errors.go ErrorBody: Required / Forbidden /
// TooLong / Internal show no value; strings %q, numbers bare, complex values JSON (the JSON form is
// what the recent validation_test.go keys show, e.g. `Invalid value: [19,11]`); an omitted value
// (field.OmitValueType) shows the type only.
const formatCases: { name: string; err: FieldError; want: string }[] = [
  {
    name: "Required, no detail",
    err: { field: "spec.selector", type: "Required value" },
    want: "spec.selector: Required value",
  },
  {
    name: "Required with detail",
    err: { field: "spec.completions", type: "Required value", detail: "when completion mode is Indexed" },
    want: "spec.completions: Required value: when completion mode is Indexed",
  },
  {
    name: "Invalid, number",
    err: {
      field: "spec.backoffLimit",
      type: "Invalid value",
      value: -1,
      detail: "must be greater than or equal to 0",
    },
    want: "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
  },
  {
    name: "Invalid, string quoted like Go %q",
    err: { field: "metadata.name", type: "Invalid value", value: 'a"b\\c\n', detail: "x" },
    want: 'metadata.name: Invalid value: "a\\"b\\\\c\\n": x',
  },
  {
    name: "Invalid, map as JSON",
    err: { field: "spec.template.metadata.labels", type: "Invalid value", value: { y: "z" }, detail: "d" },
    want: 'spec.template.metadata.labels: Invalid value: {"y":"z"}: d',
  },
  {
    name: "Invalid, omitted value",
    err: {
      field: "spec.podFailurePolicy.rules[0]",
      type: "Invalid value",
      detail: "specifying one of OnExitCodes and OnPodConditions is required",
    },
    want: "spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
  },
  {
    name: "Duplicate",
    err: {
      field: "spec.podFailurePolicy.rules[0].onExitCodes.values[1]",
      type: "Duplicate value",
      value: 11,
    },
    want: "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11",
  },
  {
    name: "Too long hides the value",
    err: { field: "x", type: "Too long", value: "aaaa", detail: "may not be more than 3 bytes" },
    want: "x: Too long: may not be more than 3 bytes",
  },
  {
    name: "Forbidden hides the value",
    err: { field: "x", type: "Forbidden", value: 1, detail: "no" },
    want: "x: Forbidden: no",
  },
];

describe("formatFieldError (field/errors.go)", () => {
  it.each(formatCases)("$name", ({ err, want }) => {
    expect(formatFieldError(err)).toBe(want);
  });
});

describe("Invalid messages (reference §7 error envelope)", () => {
  const one: FieldError[] = [
    {
      field: "spec.backoffLimit",
      type: "Invalid value",
      value: -1,
      detail: "must be greater than or equal to 0",
    },
  ];
  it("one cause: kubectl puts it on the first line", () => {
    expect(kubectlInvalidMessage("Job", "x", one)).toBe(
      'The Job "x" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(apiServerInvalidMessage("Job", "batch", "x", one)).toBe(
      'Job.batch "x" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
    );
  });
  it("core group: no group suffix", () => {
    expect(
      apiServerInvalidMessage("Pod", "", "p", [{ field: "spec.containers", type: "Required value" }]),
    ).toBe('Pod "p" is invalid: spec.containers: Required value');
  });
});

// ---- defaulting ------------------------------------------------------------------------------

const UID = "1a2b3c";
const ctr = (name: string): Container => ({
  name,
  image: "image",
  imagePullPolicy: "IfNotPresent",
  terminationMessagePolicy: "File",
});
const defaultLabels = { default: "default" };

function manifest(spec: Partial<JobSpec>, labels?: Record<string, string>): Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "myjob", ...(labels ? { labels } : {}) },
    spec: {
      ...spec,
      template: spec.template ?? {
        metadata: { labels: { ...defaultLabels } },
        spec: { containers: [ctr("ctr")], restartPolicy: "Never" },
      },
    },
  };
}

interface DefaultRow {
  name: string;
  input: Job;
  want: Partial<JobSpec>;
  /** upstream expectLabels: the Job's labels are its template's (as given); else the Job keeps its own. */
  expectLabels: boolean;
}

// Ported from pkg/apis/batch/v1/defaults_test.go TestSetDefaultJob, the copy with the
// JobPodReplacementPolicy gate and BackoffLimitPerIndex rows (index file id 691978499; the index
// does not show its repository commit; kubernetes/kubernetes @ 054d429d9f8bc8de4fc82e6cf2281e12a13fe1f2
// has the same rows without podReplacementPolicy/backoffLimitPerIndex).
// podReplacementPolicy: rows that upstream ran with the gate off expect nil there; the gate is GA
// (reference §0), so every row gets defaults.go's value: Failed with a podFailurePolicy, else
// TerminatingOrFailed. Upstream compares completions, parallelism, backoffLimit, suspend,
// completionMode, podFailurePolicy, podReplacementPolicy, manualSelector, and labels.
const defaultRows: DefaultRow[] = [
  {
    name: "Pod failure policy with some field values unspecified -> set default values",
    input: manifest({
      podFailurePolicy: {
        rules: [
          {
            action: "FailJob",
            onPodConditions: [
              { type: "DisruptionTarget", status: "True" },
              { type: "MemoryLimitExceeded", status: "False" },
              { type: "DiskLimitExceeded" } as never,
            ],
          },
          { action: "FailJob", onExitCodes: { operator: "In", values: [1] } },
          { action: "FailJob", onPodConditions: [{ type: "DisruptionTarget" } as never] },
        ],
      },
    }),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "Failed",
      podFailurePolicy: {
        rules: [
          {
            action: "FailJob",
            onPodConditions: [
              { type: "DisruptionTarget", status: "True" },
              { type: "MemoryLimitExceeded", status: "False" },
              { type: "DiskLimitExceeded", status: "True" },
            ],
          },
          { action: "FailJob", onExitCodes: { operator: "In", values: [1] } },
          { action: "FailJob", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] },
        ],
      },
    },
    expectLabels: true,
  },
  {
    name: "Pod failure policy and defaulting for pod replacement policy",
    input: manifest({
      podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [1] } }] },
    }),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "Failed",
      podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [1] } }] },
    },
    expectLabels: true,
  },
  {
    name: "All unspecified and podReplacementPolicyEnabled -> sets all to default values",
    input: manifest({}),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "All unspecified -> sets all to default values",
    input: manifest({}),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "All unspecified, suspend job enabled -> sets all to default values",
    input: manifest({}),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "suspend set, everything else is defaulted",
    input: manifest({ suspend: true }),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: true,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "All unspecified -> all pointers are defaulted and no default labels",
    input: manifest({}, { mylabel: "myvalue" }),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: false,
  },
  {
    name: "WQ: Parallelism explicitly 0 and completions unset -> BackoffLimit is defaulted",
    input: manifest({ parallelism: 0 }),
    want: {
      completions: undefined,
      parallelism: 0,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "WQ: Parallelism explicitly 2 and completions unset -> BackoffLimit is defaulted",
    input: manifest({ parallelism: 2 }),
    want: {
      completions: undefined,
      parallelism: 2,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "Completions explicitly 2 and others unset -> parallelism and BackoffLimit are defaulted",
    input: manifest({ completions: 2 }),
    want: {
      completions: 2,
      parallelism: 1,
      backoffLimit: 6,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "BackoffLimit explicitly 5 and others unset -> parallelism and completions are defaulted",
    input: manifest({ backoffLimit: 5 }),
    want: {
      completions: 1,
      parallelism: 1,
      backoffLimit: 5,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "All set -> no change",
    input: manifest({
      completions: 8,
      parallelism: 9,
      backoffLimit: 10,
      completionMode: "NonIndexed",
      suspend: false,
      podReplacementPolicy: "TerminatingOrFailed",
      manualSelector: false,
    }),
    want: {
      completions: 8,
      parallelism: 9,
      backoffLimit: 10,
      completionMode: "NonIndexed",
      suspend: false,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "All set, flipped -> no change",
    input: manifest({
      completions: 11,
      parallelism: 10,
      backoffLimit: 9,
      completionMode: "Indexed",
      suspend: true,
      podReplacementPolicy: "Failed",
      manualSelector: true,
    }),
    want: {
      completions: 11,
      parallelism: 10,
      backoffLimit: 9,
      completionMode: "Indexed",
      suspend: true,
      manualSelector: true,
      podReplacementPolicy: "Failed",
    },
    expectLabels: true,
  },
  {
    name: "BackoffLimitPerIndex specified, but no BackoffLimit -> default BackoffLimit to max int32",
    input: manifest({
      completions: 11,
      parallelism: 10,
      backoffLimitPerIndex: 1,
      completionMode: "Indexed",
      suspend: true,
      manualSelector: false,
    }),
    want: {
      completions: 11,
      parallelism: 10,
      backoffLimit: 2147483647,
      backoffLimitPerIndex: 1,
      completionMode: "Indexed",
      suspend: true,
      manualSelector: false,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
  {
    name: "BackoffLimitPerIndex and BackoffLimit specified -> no change",
    input: manifest({
      completions: 11,
      parallelism: 10,
      backoffLimit: 3,
      backoffLimitPerIndex: 1,
      completionMode: "Indexed",
      suspend: true,
      manualSelector: true,
    }),
    want: {
      completions: 11,
      parallelism: 10,
      backoffLimit: 3,
      backoffLimitPerIndex: 1,
      completionMode: "Indexed",
      suspend: true,
      manualSelector: true,
      podReplacementPolicy: "TerminatingOrFailed",
    },
    expectLabels: true,
  },
];

describe("defaultJob: SetDefaults_Job (TestSetDefaultJob)", () => {
  it.each(defaultRows)("$name", ({ input, want, expectLabels }) => {
    const before = structuredClone(input);
    const job = defaultJob(input, UID);
    const spec = job.spec!;
    for (const key of Object.keys(want) as (keyof JobSpec)[]) expect(spec[key], key).toEqual(want[key]);
    if (want.podFailurePolicy === undefined) expect(spec.podFailurePolicy).toBeUndefined();
    if (expectLabels) {
      // Upstream compares the Job's labels with its template's right after defaulting (before
      // strategy.go adds the generated labels to the template): the template's labels as given.
      expect(job.metadata!.labels).toMatchObject(input.spec!.template.metadata!.labels!);
    } else {
      expect(job.metadata!.labels).toEqual({ mylabel: "myvalue" });
    }
    expect(input).toEqual(before); // defaultJob returns a new object
  });
});

// strategy.go PrepareForCreate / generateSelector (reference §6 and §7; kubectl-output.md §6.1 and
// §8.7): generation 1, empty status, uid; unless manualSelector is true, the four template labels
// and the selector on batch.kubernetes.io/controller-uid; a Job without labels then shows its
// template's labels (defaulting runs again on every read).
describe("defaultJob: PrepareForCreate (generated selector)", () => {
  const generated = {
    "batch.kubernetes.io/controller-uid": UID,
    "batch.kubernetes.io/job-name": "myjob",
    "controller-uid": UID,
    "job-name": "myjob",
  };

  it("template without labels: four labels, selector on the uid, the Job shows them, metadata set", () => {
    const job = defaultJob(
      manifest({ template: { spec: { containers: [ctr("ctr")], restartPolicy: "Never" } } }),
      UID,
    );
    expect(job.spec!.template.metadata!.labels).toEqual(generated);
    expect(job.spec!.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": UID } });
    expect(job.metadata!.labels).toEqual(generated);
    expect(job.metadata).toMatchObject({ name: "myjob", namespace: "default", uid: UID, generation: 1 });
    expect(job.status).toEqual({});
  });

  it("template with labels: the generated ones are added next to them", () => {
    const job = defaultJob(manifest({}), UID);
    expect(job.spec!.template.metadata!.labels).toEqual({ ...defaultLabels, ...generated });
    expect(job.spec!.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": UID } });
  });

  it("manualSelector: true → nothing generated", () => {
    const job = defaultJob(manifest({ manualSelector: true, selector: { matchLabels: { a: "b" } } }), UID);
    expect(job.spec!.template.metadata!.labels).toEqual(defaultLabels);
    expect(job.spec!.selector).toEqual({ matchLabels: { a: "b" } });
  });

  it("a generated label the user already set is kept (validation judges it)", () => {
    const input = manifest({});
    input.spec!.template.metadata!.labels = { "job-name": "other" };
    const job = defaultJob(input, UID);
    expect(job.spec!.template.metadata!.labels!["job-name"]).toBe("other");
    expect(job.spec!.template.metadata!.labels!["batch.kubernetes.io/job-name"]).toBe("myjob");
  });

  it("a Job defaulted and prepared this way validates", () => {
    expect(validateJob(defaultJob(manifest({}), UID))).toEqual([]);
  });
});

// ---- validation -------------------------------------------------------------------------------

const generatedSelectorLabels = {
  "batch.kubernetes.io/controller-uid": UID,
  "controller-uid": UID,
  "batch.kubernetes.io/job-name": "myjob",
  "job-name": "myjob",
};
const validManualSelector = { matchLabels: { a: "b" } };

/** podtest.MakePodSpec: one container "ctr", restartPolicy Always, dnsPolicy ClusterFirst. */
function makePodSpec(over: Partial<PodSpec> = {}): PodSpec {
  return { containers: [ctr("ctr")], restartPolicy: "Always", dnsPolicy: "ClusterFirst", ...over };
}
/** getValidPodTemplateSpecForGenerated: generated labels, OnFailure, an init container "def". */
function generatedTemplate(restartPolicy = "OnFailure"): PodTemplateSpec {
  return {
    metadata: { labels: { ...generatedSelectorLabels } },
    spec: makePodSpec({ restartPolicy, initContainers: [ctr("def")] }),
  };
}
const manualTemplate = (): PodTemplateSpec => ({
  metadata: { labels: { a: "b" } },
  spec: makePodSpec({ restartPolicy: "OnFailure" }),
});

function job(
  spec: Partial<JobSpec>,
  meta: Job["metadata"] = { name: "myjob", namespace: "default", uid: UID },
): Job {
  return { apiVersion: "batch/v1", kind: "Job", metadata: meta, spec: spec as JobSpec };
}
/** A Job with the generated selector and template (restartPolicy Never), plus `spec`. */
function gen(spec: Partial<JobSpec>, restartPolicy = "Never"): Job {
  return job({
    selector: { matchLabels: { ...generatedSelectorLabels } },
    template: generatedTemplate(restartPolicy),
    ...spec,
  });
}

// Ported from pkg/apis/batch/validation/validation_test.go TestValidateJob, successCases, in
// yongruilin/kubernetes @ 088d115802957a43fbeae5361c6b7a4ec3fdab9d (a 2025 copy of upstream, the same
// fork the reference's validation.go was read from). Objects are written as batch/v1 JSON.
// Skipped: "do not allow new batch labels" (JobValidationOptions.RequirePrefixedLabels=false; the
// API server creates Jobs with it true, which is all our validator does).
const successRows: { name: string; job: Job }[] = [
  { name: "valid managedBy field", job: gen({ managedBy: "example.com/foo" }, "OnFailure") },
  {
    name: "valid success policy",
    job: gen({
      completionMode: "Indexed",
      completions: 10,
      successPolicy: {
        rules: [{ succeededCount: 1, succeededIndexes: "0,2,4" }, { succeededIndexes: "1,3,5-9" }],
      },
    }),
  },
  {
    name: "valid pod failure policy with negative exitCodes - need for Windows support",
    job: gen({
      podFailurePolicy: {
        rules: [
          {
            action: "FailJob",
            onExitCodes: { operator: "NotIn", values: [-1073741819, -1073741676, -1073741510] },
          },
        ],
      },
    }),
  },
  {
    name: "valid pod failure policy",
    job: gen({
      podFailurePolicy: {
        rules: [
          { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] },
          { action: "FailJob", onPodConditions: [{ type: "CustomConditionType", status: "False" }] },
          { action: "Count", onExitCodes: { containerName: "ctr", operator: "In", values: [1, 2, 3] } },
          { action: "Ignore", onExitCodes: { containerName: "def", operator: "In", values: [4] } },
          { action: "FailJob", onExitCodes: { operator: "NotIn", values: [5, 6, 7] } },
        ],
      },
    }),
  },
  {
    name: "valid pod failure policy with FailIndex",
    job: gen({
      completionMode: "Indexed",
      completions: 2,
      backoffLimitPerIndex: 1,
      manualSelector: true,
      podFailurePolicy: { rules: [{ action: "FailIndex", onExitCodes: { operator: "In", values: [10] } }] },
    }),
  },
  {
    name: "valid manual selector",
    job: job(
      { selector: validManualSelector, manualSelector: true, template: manualTemplate() },
      { name: "myjob", namespace: "default", uid: UID, annotations: { foo: "bar" } },
    ),
  },
  { name: "valid generated selector", job: gen({}, "OnFailure") },
  { name: "valid pod replacement", job: gen({ podReplacementPolicy: "TerminatingOrFailed" }, "OnFailure") },
  { name: "valid pod replacement with failed", job: gen({ podReplacementPolicy: "Failed" }, "OnFailure") },
  {
    name: "valid hostnet",
    job: (() => {
      const j = gen({}, "OnFailure");
      j.spec!.template.spec!.hostNetwork = true;
      j.spec!.template.spec!.containers[0].ports = [{ containerPort: 12345, protocol: "TCP" }];
      return j;
    })(),
  },
  { name: "valid NonIndexed completion mode", job: gen({ completionMode: "NonIndexed" }, "OnFailure") },
  {
    name: "valid Indexed completion mode",
    job: gen({ completionMode: "Indexed", completions: 2, parallelism: 100000 }, "OnFailure"),
  },
  {
    name: "valid parallelism and maxFailedIndexes for high completions when backoffLimitPerIndex is used",
    job: gen(
      {
        completions: 100_000,
        parallelism: 100_000,
        maxFailedIndexes: 100_000,
        backoffLimitPerIndex: 1,
        completionMode: "Indexed",
      },
      "OnFailure",
    ),
  },
  {
    name: "valid parallelism and maxFailedIndexes for unlimited completions when backoffLimitPerIndex is used",
    job: gen(
      {
        completions: 1_000_000_000,
        parallelism: 10_000,
        maxFailedIndexes: 10_000,
        backoffLimitPerIndex: 1,
        completionMode: "Indexed",
      },
      "OnFailure",
    ),
  },
  { name: "valid job tracking annotation", job: gen({}, "OnFailure") },
  { name: "valid batch labels", job: gen({}, "OnFailure") },
  { name: "valid managedBy field", job: gen({ managedBy: "example.com/foo" }, "OnFailure") },
];

describe("validateJob: success cases (TestValidateJob)", () => {
  it.each(successRows)("$name", ({ job: j }) => {
    expect(validateJob(j).map(formatFieldError)).toEqual([]);
  });
});

/**
 * Upstream's check: errs[0].Field equals the key's text before the first ":" and errs[0].Error()
 * contains the rest. `full` is the whole formatFieldError text we require of errs[0]: the key itself
 * when the key is a whole error, else the key completed with the value upstream passes (the
 * ValidateNonnegativeField rows: `Invalid value: <n>: must be greater than or equal to 0`, as
 * reference §7 gives for backoffLimit).
 */
interface ErrorRow {
  key: string;
  job: Job;
  full?: string;
}

function tooMany<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

// Ported from validation_test.go TestValidateJob errorCases, yongruilin/kubernetes @ 088d1158 (see above).
// Skipped (the report has details):
// - `spec.successPolicy: Invalid value: {"Rules":[]}: requires indexed completion mode`: upstream
//   renders the internal Go type (no json tags → "Rules"); ours renders the v1 object ({"rules":[]}).
// - `spec.template.metadata.labels[controller-uid]: Required value: must be '1a2b3c'` (also runs with
//   RequirePrefixedLabels=false) and `spec.template.metadata.labels[batch.kubernetes.io/controller-uid]:
//   Required value: must be '1a2b3c'`: src bug (field path lacks the [key] subscript).
const errorRows: ErrorRow[] = [
  {
    key: 'spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "": name part must be non-empty',
    job: gen({
      podFailurePolicy: { rules: [{ action: "FailJob", onPodConditions: [{ type: "", status: "True" }] }] },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "Invalid Condition Type": name part must consist of alphanumeric characters',
    full: `spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "Invalid Condition Type": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    job: gen({
      podFailurePolicy: {
        rules: [{ action: "FailJob", onPodConditions: [{ type: "Invalid Condition Type", status: "True" }] }],
      },
    }),
  },
  {
    key: "spec.managedBy: Too long: may not be more than 63 bytes",
    job: gen({ managedBy: `example.com/${"x".repeat(60)}` }, "OnFailure"),
  },
  {
    key: 'spec.managedBy: Invalid value: "invalid custom controller name": must be a domain-prefixed path (such as "acme.io/foo")',
    job: gen({ managedBy: "invalid custom controller name" }, "OnFailure"),
  },
  {
    key: "spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified",
    job: gen({ completionMode: "Indexed", completions: 5, successPolicy: {} as never }),
  },
  {
    key: "spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified",
    job: gen({ completionMode: "Indexed", completions: 5, successPolicy: { rules: [{}] } }),
  },
  {
    key: 'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "invalid-format": error parsing succeededIndexes: cannot convert string to integer for index: "invalid"',
    job: gen({
      completionMode: "Indexed",
      completions: 5,
      successPolicy: { rules: [{ succeededIndexes: "invalid-format" }] },
    }),
  },
  {
    key: "spec.successPolicy.rules[0].succeededIndexes: Too long: may not be more than 65536 bytes",
    job: gen({
      completionMode: "Indexed",
      completions: 5,
      successPolicy: { rules: [{ succeededIndexes: "1".repeat(64 * 1024 + 1) }] },
    }),
  },
  {
    key: "spec.successPolicy.rules[0].succeededCount: must be greater than or equal to 0",
    full: "spec.successPolicy.rules[0].succeededCount: Invalid value: -1: must be greater than or equal to 0",
    job: gen({
      completionMode: "Indexed",
      completions: 5,
      successPolicy: { rules: [{ succeededCount: -1 }] },
    }),
  },
  {
    key: "spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)",
    job: gen({
      completionMode: "Indexed",
      completions: 5,
      successPolicy: { rules: [{ succeededCount: 6 }] },
    }),
  },
  {
    key: "spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)",
    job: gen({
      completionMode: "Indexed",
      completions: 5,
      successPolicy: { rules: [{ succeededCount: 4, succeededIndexes: "0-2" }] },
    }),
  },
  {
    key: "spec.successPolicy.rules: Too many: 21: must have at most 20 items",
    job: gen({
      completionMode: "Indexed",
      completions: 5,
      successPolicy: { rules: tooMany(21, () => ({ succeededCount: 5 })) },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
    job: gen({ podFailurePolicy: { rules: [{ action: "FailJob" }] } }),
  },
  {
    key: "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11",
    job: gen({
      podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [11, 11] } }] },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items",
    job: gen({
      podFailurePolicy: {
        rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: tooMany(256, (i) => i) } }],
      },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items",
    job: gen({
      podFailurePolicy: {
        rules: tooMany(21, (i) => ({ action: "FailJob", onExitCodes: { operator: "In", values: [i + 1] } })),
      },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have at most 20 items",
    job: gen({
      podFailurePolicy: {
        rules: [
          {
            action: "FailJob",
            onPodConditions: tooMany(21, (i) => ({ type: `CustomType_${i}`, status: "True" })),
          },
        ],
      },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 13",
    job: gen({
      podFailurePolicy: {
        rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [12, 13, 13, 13] } }],
      },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [19,11]: must be ordered",
    job: gen({
      podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [19, 11] } }] },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required",
    job: gen({
      podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [] } }] },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
    job: gen({
      podFailurePolicy: { rules: [{ action: "", onExitCodes: { operator: "In", values: [1, 2, 3] } }] },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]',
    job: gen({
      podFailurePolicy: { rules: [{ action: "FailJob", onExitCodes: { operator: "", values: [1, 2, 3] } }] },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported",
    job: gen({
      podFailurePolicy: {
        rules: [
          {
            action: "FailJob",
            onExitCodes: { containerName: "ctr", operator: "In", values: [1, 2, 3] },
            onPodConditions: [{ type: "DisruptionTarget", status: "True" }],
          },
        ],
      },
    }),
  },
  {
    key: "spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator",
    job: gen({
      podFailurePolicy: { rules: [{ action: "Ignore", onExitCodes: { operator: "In", values: [1, 0, 2] } }] },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[1].onExitCodes.containerName: Invalid value: "xyz": must be one of the container or initContainer names in the pod template',
    job: gen({
      podFailurePolicy: {
        rules: [
          { action: "Ignore", onExitCodes: { containerName: "ctr", operator: "In", values: [1, 2, 3] } },
          { action: "FailJob", onExitCodes: { containerName: "xyz", operator: "In", values: [5, 6, 7] } },
        ],
      },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[0].action: Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
    job: gen({
      podFailurePolicy: {
        rules: [
          {
            action: "UnknownAction",
            onExitCodes: { containerName: "ctr", operator: "In", values: [1, 2, 3] },
          },
        ],
      },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "UnknownOperator": supported values: "In", "NotIn"',
    job: gen({
      podFailurePolicy: {
        rules: [{ action: "Ignore", onExitCodes: { operator: "UnknownOperator", values: [1, 2, 3] } }],
      },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[0].onPodConditions[0].status: Required value: valid values: ["False" "True" "Unknown"]',
    job: gen({
      podFailurePolicy: {
        rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget" } as never] }],
      },
    }),
  },
  {
    key: 'spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "UnknownStatus": supported values: "False", "True", "Unknown"',
    job: gen({
      podFailurePolicy: {
        rules: [
          { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "UnknownStatus" }] },
        ],
      },
    }),
  },
  {
    key: 'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"',
    job: gen({
      podReplacementPolicy: "TerminatingOrFailed",
      podFailurePolicy: {
        rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] }],
      },
    }),
  },
  {
    key: 'spec.podReplacementPolicy: Unsupported value: "": supported values: "Failed", "TerminatingOrFailed"',
    job: gen({ podReplacementPolicy: "" }),
  },
  {
    key: 'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified',
    job: job({
      selector: { matchLabels: { ...generatedSelectorLabels } },
      template: {
        metadata: { labels: { ...generatedSelectorLabels } },
        spec: makePodSpec({ restartPolicy: "OnFailure" }),
      },
      podFailurePolicy: { rules: [] },
    }),
  },
  {
    key: "spec.parallelism:must be greater than or equal to 0",
    full: "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
    job: gen({ parallelism: -1 }, "OnFailure"),
  },
  {
    key: "spec.backoffLimit:must be greater than or equal to 0",
    full: "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
    job: gen({ backoffLimit: -1 }, "OnFailure"),
  },
  {
    key: "spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode",
    job: gen({ backoffLimitPerIndex: 1 }, "OnFailure"),
  },
  {
    key: "spec.backoffLimitPerIndex:must be greater than or equal to 0",
    full: "spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0",
    job: gen({ backoffLimitPerIndex: -1, completionMode: "Indexed" }, "OnFailure"),
  },
  {
    key: "spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to completions",
    job: gen(
      { completions: 10, maxFailedIndexes: 11, backoffLimitPerIndex: 1, completionMode: "Indexed" },
      "OnFailure",
    ),
  },
  {
    key: "spec.maxFailedIndexes: Required value: must be specified when completions is above 100000",
    job: gen({ completions: 100_001, backoffLimitPerIndex: 1, completionMode: "Indexed" }, "OnFailure"),
  },
  {
    key: "spec.parallelism: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
    job: gen(
      {
        completions: 100_001,
        parallelism: 50_000,
        backoffLimitPerIndex: 1,
        maxFailedIndexes: 1,
        completionMode: "Indexed",
      },
      "OnFailure",
    ),
  },
  {
    key: "spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 100000",
    job: gen(
      { completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 100_001, completionMode: "Indexed" },
      "OnFailure",
    ),
  },
  {
    key: "spec.maxFailedIndexes: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
    job: gen(
      { completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 50_000, completionMode: "Indexed" },
      "OnFailure",
    ),
  },
  {
    key: "spec.maxFailedIndexes:must be greater than or equal to 0",
    full: "spec.maxFailedIndexes: Invalid value: -1: must be greater than or equal to 0",
    job: gen({ backoffLimitPerIndex: 1, maxFailedIndexes: -1, completionMode: "Indexed" }, "OnFailure"),
  },
  {
    key: "spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified",
    job: gen({ maxFailedIndexes: 1, completionMode: "Indexed" }, "OnFailure"),
  },
  {
    key: "spec.completions:must be greater than or equal to 0",
    full: "spec.completions: Invalid value: -1: must be greater than or equal to 0",
    job: gen({ completions: -1 }, "OnFailure"),
  },
  {
    key: "spec.activeDeadlineSeconds:must be greater than or equal to 0",
    full: "spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
    job: gen({ activeDeadlineSeconds: -1 }, "OnFailure"),
  },
  {
    key: "spec.selector:Required value",
    full: "spec.selector: Required value",
    job: job({ template: generatedTemplate() }),
  },
  {
    key: 'spec.template.metadata.labels: Invalid value: {"y":"z"}: `selector` does not match template `labels`',
    job: job({
      selector: validManualSelector,
      manualSelector: true,
      template: { metadata: { labels: { y: "z" } }, spec: makePodSpec({ restartPolicy: "OnFailure" }) },
    }),
  },
  {
    key: 'spec.template.metadata.labels: Invalid value: {"controller-uid":"4d5e6f"}: `selector` does not match template `labels`',
    job: job({
      selector: validManualSelector,
      manualSelector: true,
      template: {
        metadata: { labels: { "controller-uid": "4d5e6f" } },
        spec: makePodSpec({ restartPolicy: "OnFailure" }),
      },
    }),
  },
  {
    key: "spec.template.spec.restartPolicy: Required value",
    full: 'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    job: job({
      selector: validManualSelector,
      manualSelector: true,
      template: { metadata: { labels: { a: "b" } }, spec: makePodSpec() },
    }),
  },
  {
    key: "spec.template.spec.restartPolicy: Unsupported value",
    full: 'spec.template.spec.restartPolicy: Unsupported value: "Invalid": supported values: "Always", "OnFailure", "Never"',
    job: job({
      selector: validManualSelector,
      manualSelector: true,
      template: { metadata: { labels: { a: "b" } }, spec: makePodSpec({ restartPolicy: "Invalid" }) },
    }),
  },
  {
    key: "spec.ttlSecondsAfterFinished: must be greater than or equal to 0",
    full: "spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0",
    job: gen({ ttlSecondsAfterFinished: -1 }, "OnFailure"),
  },
  {
    key: "spec.completions: Required value: when completion mode is Indexed",
    job: gen({ completionMode: "Indexed" }, "OnFailure"),
  },
  {
    key: "spec.parallelism: must be less than or equal to 100000 when completion mode is Indexed",
    full: "spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed",
    job: gen({ completionMode: "Indexed", completions: 2, parallelism: 100001 }, "OnFailure"),
  },
  {
    // Upstream runs this row with RequirePrefixedLabels=false; errs[0] is the same either way.
    key: "metadata.uid: Required value",
    full: "metadata.uid: Required value",
    job: job(
      {
        selector: { matchLabels: { "controller-uid": "test" } },
        template: {
          metadata: { labels: { "job-name": "myjob" } },
          spec: makePodSpec({ restartPolicy: "OnFailure" }),
        },
      },
      { name: "myjob", namespace: "default" },
    ),
  },
  {
    key: 'spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` not auto-generated',
    job: job({ selector: { matchLabels: { a: "b" } }, template: generatedTemplate() }),
  },
];

describe("validateJob: error cases (TestValidateJob, first error)", () => {
  it.each(errorRows)("$key", ({ key, job: j, full }) => {
    const errs = validateJob(j);
    expect(errs.length).toBeGreaterThan(0);
    const colon = key.indexOf(":");
    const [field, rest] = [key.slice(0, colon), key.slice(colon + 1)];
    expect(errs[0].field).toBe(field);
    expect(formatFieldError(errs[0])).toContain(rest);
    expect(formatFieldError(errs[0])).toBe(full ?? key);
  });
});

describe("podFailurePolicy onPodConditions type (ValidateQualifiedName, core/validation)", () => {
  it('an empty type gets both of IsQualifiedName\'s messages: "must be non-empty" and the regex one', () => {
    const j = gen({
      podFailurePolicy: { rules: [{ action: "FailJob", onPodConditions: [{ status: "True" } as never] }] },
    });
    const path = "spec.podFailurePolicy.rules[0].onPodConditions[0].type";
    expect(validateJob(j).map(formatFieldError)).toEqual([
      `${path}: Invalid value: "": name part must be non-empty`,
      `${path}: Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ]);
  });
});

describe("successPolicy succeededIndexes past int64 (parseIndexInterval, strconv.Atoi)", () => {
  it("a number Atoi cannot hold is a conversion error, not a too-large index", () => {
    const j = gen({
      completionMode: "Indexed",
      completions: 3,
      successPolicy: {
        rules: [{ succeededIndexes: "99999999999999999999" }, { succeededIndexes: "1-9223372036854775808" }],
      },
    });
    const p = "spec.successPolicy.rules";
    expect(validateJob(j).map(formatFieldError)).toEqual([
      `${p}[0].succeededIndexes: Invalid value: "99999999999999999999": error parsing succeededIndexes: cannot convert string to integer for index: "99999999999999999999"`,
      `${p}[1].succeededIndexes: Invalid value: "1-9223372036854775808": error parsing succeededIndexes: cannot convert string to integer for index: "9223372036854775808"`,
    ]);
  });

  it("the largest int64 still converts, and is too large an index", () => {
    const j = gen({
      completionMode: "Indexed",
      completions: 3,
      successPolicy: { rules: [{ succeededIndexes: "9223372036854775807" }] },
    });
    expect(validateJob(j).map(formatFieldError)).toEqual([
      'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "9223372036854775807": error parsing succeededIndexes: too large index: "9223372036854775807"',
    ]);
  });
});
