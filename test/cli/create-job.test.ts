import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jobsim, noStackTrace, tmp } from "../helpers/cli.js";

/**
 * A scenario whose Job comes from `kubectl create job` (create_job.go) through the CLI:
 * validate accepts it and names the Job the API server would refuse, run ends with status 1
 * after such a refusal as it does for a refused manifest, and mc gives the results of the same
 * Job written as a manifest and created with `create -f`.
 */

function scenario(createStep: string, files = ""): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cj}
seed: 3
images:
  busybox:1.36:
    runSeconds: 2
    outcomes:
      - {probability: 0.5, exitCode: 0, log: done}
      - {probability: 0.5, exitCode: 1, log: failed}
${files}steps:
  - sleep 5s
  - ${createStep}
  - kubectl wait --for=condition=complete job/report --timeout=5m
`;
}

const MANIFEST = `files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: report}
    spec:
      template:
        spec:
          containers: [{name: report, image: "busybox:1.36", command: [sh, -c, "echo ok"]}]
          restartPolicy: Never
`;

describe("a scenario with kubectl create job", () => {
  const dir = tmp();
  const fromCommand = join(dir, "command.yaml");
  const fromFile = join(dir, "file.yaml");
  const invalid = join(dir, "invalid.yaml");
  writeFileSync(fromCommand, scenario(`kubectl create job report --image=busybox:1.36 -- sh -c "echo ok"`));
  writeFileSync(fromFile, scenario("kubectl create -f job.yaml", MANIFEST));
  writeFileSync(invalid, scenario("kubectl create job Report --image=busybox:1.36"));

  it("validate accepts it and counts the Job", () => {
    const r = jobsim("validate", fromCommand);
    expect(r.stdout).toBe(
      `${fromCommand}: valid scenario "cj" (3 steps, 0 Job manifests, 1 kubectl create job)\n`,
    );
    expect(r.status).toBe(0);
  });

  it("validate and run name a Job the API server refuses", () => {
    const v = jobsim("validate", invalid);
    expect(v.status).toBe(1);
    expect(v.stderr).toContain(
      `${invalid}: steps: kubectl create job Report --image=busybox:1.36: error: failed to create job: Job.batch "Report" is invalid: [metadata.name: Invalid value: "Report"`,
    );
    const r = jobsim("run", invalid);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: failed to create job: Job.batch "Report" is invalid');
    expect(r.stderr).toContain(
      `jobsim: ${invalid}: steps: kubectl create job Report --image=busybox:1.36: refused`,
    );
    noStackTrace(r.stderr);
  });

  it("mc gives the fingerprint and closed form of the same Job created from a file", () => {
    const a = jobsim("mc", fromCommand, "--runs", "3000", "--json");
    const b = jobsim("mc", fromFile, "--runs", "3000", "--json");
    expect(a.status).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    expect(ja.fingerprint).toBe(jb.fingerprint);
    expect(ja.jobs).toEqual(jb.jobs);
    expect(ja.jobs.report.complete).toBeGreaterThan(2900);
    expect(ja.jobs.report.closedForm.applies).toBe(true);
  });
});
