import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jobsim, tmp } from "../helpers/cli.js";

/**
 * A Namespace document whose pod-security.kubernetes.io/enforce or warn label asks for the
 * baseline or restricted level: jobsim does not simulate the PodSecurity admission, says so
 * (validate warns, run notes it on stderr) and runs the Job as on a namespace without labels.
 */
describe("the PodSecurity labels note", () => {
  it("is a validate warning and a run note; the Job still runs", () => {
    const dir = tmp();
    const manifest = join(dir, "team.yaml");
    writeFileSync(
      manifest,
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n" +
        "---\napiVersion: batch/v1\nkind: Job\nmetadata: {name: w, namespace: team}\nspec:\n  template:\n    spec:\n" +
        '      containers: [{name: c, image: "app:1"}]\n      restartPolicy: Never\n',
    );
    const words =
      'Namespace "team": jobsim does not simulate the PodSecurity admission (pod-security.kubernetes.io/enforce: restricted): a cluster would refuse the pods of a Job in this namespace that break the level enforced (a FailedCreate event) and warn of a Job whose pod template breaks the level warned of ("Warning: would violate PodSecurity ..."); jobsim does neither (docs/fidelity.md)';
    const v = jobsim("validate", manifest);
    expect(v.status).toBe(0);
    expect(v.stderr).toBe(`${manifest}: warning: ${words}\n`);
    const scenario = join(dir, "s.yaml");
    writeFileSync(
      scenario,
      "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nimages:\n  app:1:\n    runSeconds: 1\n" +
        "    outcomes: [{probability: 1, exitCode: 0, log: ok}]\nsteps:\n  - kubectl apply -f team.yaml\n  - sleep 30s\n  - kubectl get jobs -n team\n",
    );
    const run = jobsim("run", scenario);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`jobsim: note: ${scenario}: team.yaml (beside the scenario): ${words}\n`);
    expect(run.stdout).toContain("namespace/team created\njob.batch/w created\n");
    expect(run.stdout).toMatch(/w +Complete +1\/1/);
  });
});
