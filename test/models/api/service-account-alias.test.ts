import type { Job } from "kubernetes-types/batch/v1.js";
import type { PodSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * `serviceAccount` is the deprecated alias of `serviceAccountName` (pkg/apis/core/v1/conversion.go):
 * decoding a v1 PodSpec takes it when serviceAccountName is empty (the new field wins), and
 * encoding writes serviceAccountName back into it. So a stored template names its account in
 * both fields, whichever the manifest used, and its pods run as that account.
 */
function template(spec: Partial<PodSpec>): PodSpec {
  const job: Job = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "j" },
    spec: {
      template: { spec: { restartPolicy: "Never", containers: [{ name: "c", image: "app:1" }], ...spec } },
    },
  };
  return defaultJob(job, "uid").spec!.template.spec!;
}

describe("serviceAccount, the alias of serviceAccountName", () => {
  it("names the account when serviceAccountName is not set", () => {
    const spec = template({ serviceAccount: "builder" });
    expect([spec.serviceAccountName, spec.serviceAccount]).toEqual(["builder", "builder"]);
  });

  it("is written beside serviceAccountName, which wins when both are set", () => {
    expect(template({ serviceAccountName: "myapp" }).serviceAccount).toBe("myapp");
    const both = template({ serviceAccountName: "new", serviceAccount: "old" });
    expect([both.serviceAccountName, both.serviceAccount]).toEqual(["new", "new"]);
  });

  it("leaves a template without an account without either field", () => {
    const spec = template({});
    expect("serviceAccount" in spec || "serviceAccountName" in spec).toBe(false);
  });

  it("is the account of the Job's pods", () => {
    const out = sessionTranscript(
      parseScenario(
        `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: sa-alias}
images:
  app:1: {runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: old-sa}
    spec:
      template:
        spec:
          serviceAccount: builder
          restartPolicy: Never
          containers: [{name: c, image: "app:1"}]
steps:
  - kubectl apply -f job.yaml
  - sleep 5s
  - kubectl describe job old-sa
  - kubectl get pods -o jsonpath={.items[0].spec.serviceAccountName}
`,
        "sa-alias.yaml",
        "/nonexistent",
      ),
    );
    expect(out).toContain("  Service Account:  builder\n");
    // jobsim runs the pods as a cluster that has the account would (reference-checks.ts notes it).
    expect(out).not.toContain("Error creating");
    expect(out.trimEnd().endsWith("\nbuilder")).toBe(true);
  });
});
