import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../../src/analysis/monte-carlo.js";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import {
  hasSurroundingSpace,
  podOnlyErrors,
  validatePodTemplateSpec,
} from "../../../src/models/api/pod-validation.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../../helpers/session.js";

/**
 * A Job whose template the API server admits but whose pods it refuses: an image with leading
 * or trailing whitespace (validation.go: validateContainerCommon refuses only an empty image in
 * a template; validateContainersOnlyForPod refuses the whitespace in a pod). The Job controller's
 * creations fail (job_controller.go manageJob: the slow-start batch stops at the failure, the
 * sync returns the error), each with a FailedCreate event (pod_control.go CreatePods: "Error
 * creating: %v"), and processNextWorkItem requeues the Job through the rate limiter
 * (ItemExponentialFailureRateLimiter, DefaultJobApiBackOff 1 s, MaxJobApiBackOff 60 s).
 */

function scenario(image: string, opts: { parallelism?: number; steps?: string[]; images?: string } = {}) {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: refused}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
${opts.images ?? '  "app:1": {runSeconds: 3}'}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      parallelism: ${opts.parallelism ?? 1}
      completions: ${opts.parallelism ?? 1}
      template:
        spec:
          containers: [{name: c, image: ${JSON.stringify(image)}}]
          restartPolicy: Never
steps:
${(opts.steps ?? ["kubectl apply -f job.yaml", "sleep 5m", "kubectl get jobs,pods", "kubectl get events"])
  .map((s) => `  - ${JSON.stringify(s)}`)
  .join("\n")}
`;
}

function transcript(text: string): string {
  return sessionTranscript(parseScenario(text, "refused.yaml", "/nonexistent"));
}

describe("what a template admits and a pod does not", () => {
  it.each([
    ["", ["spec.template.spec.containers[0].image: Required value"], []],
    [
      " app:1",
      [],
      ['spec.containers[0].image: Invalid value: " app:1": must not have leading or trailing whitespace'],
    ],
    [
      "app:1\t",
      [],
      ['spec.containers[0].image: Invalid value: "app:1\\t": must not have leading or trailing whitespace'],
    ],
    // Only spaces: not empty, so the template passes; the pod does not.
    [
      "   ",
      [],
      ['spec.containers[0].image: Invalid value: "   ": must not have leading or trailing whitespace'],
    ],
    ["app:1", [], []],
  ])("image %j: template errors %j, pod errors %j", (image, templateErrors, podErrors) => {
    const template = { spec: { containers: [{ name: "c", image }], restartPolicy: "Never" } };
    expect(validatePodTemplateSpec(template, "spec.template").map(formatFieldError)).toEqual(templateErrors);
    expect(podOnlyErrors(template.spec).map(formatFieldError)).toEqual(podErrors);
  });

  it("checks the containers, then the init containers", () => {
    const spec = {
      initContainers: [{ name: "i", image: "init:1 " }],
      containers: [{ name: "c", image: " app:1" }],
    };
    expect(podOnlyErrors(spec).map((e) => e.field)).toEqual([
      "spec.containers[0].image",
      "spec.initContainers[0].image",
    ]);
  });

  it.each([
    [" x", true],
    ["x\n", true],
    ["x\u0085", true], // unicode.IsSpace: NEL is a space to Go (not to String.prototype.trim)
    ["\u00a0x", true],
    ["x\u3000", true],
    ["\ufeffx", false], // a BOM is not a space to Go (String.prototype.trim removes it)
    ["x y", false],
    ["", false],
  ])("strings.TrimSpace changes %j: %s", (s, changed) => {
    expect(hasSurroundingSpace(s)).toBe(changed);
  });
});

describe("a Job whose pods the API server refuses", () => {
  const image = " app:1";

  it("creates no pod, records FailedCreate at each sync, and retries after 1, 2, 4, ... 60 s", () => {
    const out = transcript(
      scenario(image, { steps: ["kubectl apply -f job.yaml", "sleep 5m", "kubectl get events"] }),
    );
    const ages = [...out.matchAll(/^(\S+)\s+Warning\s+FailedCreate\s+job\/work\s+(.*)$/gm)];
    // Syncs at 0 s, then 1, 3, 7, 15, 31, 63, 123, 183, 243 s (the delay doubles from 1 s, capped at
    // 60 s); seen at 300 s. The 10th distinct message is combined (events.ts aggregation).
    expect(ages.map((m) => m[1])).toEqual([
      "5m",
      "4m59s",
      "4m57s",
      "4m53s",
      "4m45s",
      "4m29s",
      "3m57s",
      "2m57s",
      "117s",
      "57s",
    ]);
    expect(ages[0][2]).toMatch(
      /^Error creating: Pod "work-[bcdfghjklmnpqrstvwxz2456789]{5}" is invalid: spec\.containers\[0\]\.image: Invalid value: " app:1": must not have leading or trailing whitespace$/,
    );
    expect(ages[9][2]).toMatch(/^\(combined from similar events\): Error creating: Pod "work-/);
    // Each refused pod had a name of its own.
    expect(new Set(ages.map((m) => /Pod "([^"]+)"/.exec(m[2])![1])).size).toBe(10);
  });

  it("leaves the Job Running with no pod, active 0", () => {
    const out = transcript(
      scenario(image, {
        steps: [
          "kubectl apply -f job.yaml",
          "sleep 5m",
          "kubectl get jobs,pods",
          "kubectl get job work -o jsonpath={.status}",
        ],
      }),
    );
    expect(out).toContain("job.batch/work   Running   0/1           5m         5m\n$ kubectl get job work");
    // (status.active is omitempty: 0 is not shown.)
    expect(out).toContain(
      '{"ready":0,"startTime":"2026-01-01T00:00:00Z","terminating":0,"uncountedTerminatedPods":{}}',
    );
  });

  it("tries one pod per sync whatever the parallelism (slow start stops at the first failure)", () => {
    const out = transcript(
      scenario(image, {
        parallelism: 5,
        steps: ["kubectl apply -f job.yaml", "sleep 20s", "kubectl get events"],
      }),
    );
    // Syncs at 0, 1, 3, 7, 15 s: five creations tried, not 25.
    expect(out.match(/FailedCreate/g)).toHaveLength(5);
  });

  it("needs no behaviour for the image it never runs", () => {
    expect(
      scenarioProblems(scenario(image, { images: '  "other:1": {runSeconds: 3}' }), "refused.yaml"),
    ).toEqual([]);
    expect(
      scenarioProblems(scenario("app:2", { images: '  "other:1": {runSeconds: 3}' }), "refused.yaml"),
    ).toEqual([
      'refused.yaml: files.job.yaml: spec.template.spec.containers[0].image: no behaviour for image "app:2"; describe it under images: (or add an "*" entry)',
    ]);
  });

  it("in Monte Carlo never finishes, and has no closed form", () => {
    const mc = new MonteCarlo(parseScenario(scenario(image), "refused.yaml", "/nonexistent"), 1);
    const results = mc.runOne(0);
    expect(results[0].outcome).toBe("Unfinished");
    expect(results[0].pods).toBe(0);
  });
});
