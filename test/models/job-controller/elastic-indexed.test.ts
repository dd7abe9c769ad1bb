import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * Elastic Indexed Jobs (completions changed with parallelism): what a scale-down leaves past the
 * new completions stops counting — upstream's indexes are parsed against completions
 * (parseIndexesFromString), and getValidPodsWithFilter skips pods past it — as
 * test/integration/job/job_test.go TestElasticIndexedJob expects ("index finishes successfully,
 * scale down, scale up": succeeded 0 and completedIndexes "" after the scale-down; index 2 runs
 * again after the scale-up).
 */

function scenario(script: string, spec: string, steps: string[]): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: elastic}
seed: 1
images:
  busybox:1.36:
    pullSeconds: 1
    startSeconds: 1
    script: ${script}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: el}
    spec:
      completions: 3
      parallelism: 3
      completionMode: Indexed
${spec
  .split("\n")
  .filter((l) => l !== "")
  .map((l) => `      ${l}`)
  .join("\n")}
      template:
        spec:
          containers: [{name: c, image: "busybox:1.36"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
}

const run = (text: string) =>
  sessionTranscript(parseScenario(text, "elastic.yaml", "/nonexistent")).split("\n");
const patch = (n: number) =>
  `kubectl patch job el --type merge -p '{"spec":{"completions":${n},"parallelism":${n}}}'`;

describe("an Indexed Job scaled down and up", () => {
  it("a completed index past the new completions is dropped from completedIndexes and succeeded, and runs again after the scale-up", () => {
    // Index 2 (the second start) ends at 12 s; the others run 100 s.
    const out = run(
      scenario(
        "[{exitCode: 0, runSeconds: 100}, {exitCode: 0, runSeconds: 10}, {exitCode: 0, runSeconds: 100}, {exitCode: 0, runSeconds: 20}]",
        "",
        [
          "kubectl apply -f job.yaml",
          "sleep 20s",
          patch(2),
          "sleep 3s",
          "kubectl get job el -o jsonpath={.status.completedIndexes}/{.status.succeeded}/{.spec.completions}",
          patch(3),
          "sleep 3s",
          "kubectl get pods -l batch.kubernetes.io/job-completion-index=2 --no-headers",
        ],
      ),
    );
    const status = out.find((l) => l.startsWith("$ kubectl get job el"))!;
    expect(out[out.indexOf(status) + 1]).toMatch(/^\/\/2\$ kubectl patch/); // nothing completed, none succeeded
    const index2 = out.filter((l) => l.startsWith("el-2-"));
    expect(index2).toHaveLength(2);
    expect(index2.map((l) => l.split(/ +/)[2]).sort()).toEqual(["Completed", "Running"]);
  });

  it("a pod failing past the new completions is no failure: backoffLimit 0 does not fail the Job", () => {
    // Index 2 fails at 12.9 s; the scale-down comes before the next sync.
    const out = run(
      scenario(
        "[{exitCode: 0, runSeconds: 60}, {exitCode: 1, runSeconds: 10}, {exitCode: 0, runSeconds: 60}]",
        "backoffLimit: 0",
        [
          "kubectl apply -f job.yaml",
          "sleep 13.4s",
          patch(2),
          "sleep 2m",
          "kubectl get job el -o jsonpath={.status.conditions[-1:].type}/{.status.failed}/{.status.succeeded}",
        ],
      ),
    );
    expect(out.at(-1)).toBe("Complete//2");
  });
});
