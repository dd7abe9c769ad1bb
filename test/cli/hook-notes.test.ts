import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jobsim, tmp } from "../helpers/cli.js";

/**
 * Lifecycle hooks jobsim does not run (exec, httpGet, tcpSocket: their duration and outcome are
 * not in a scenario) are said, as probes are: validate warns (exit 0), run, mc and sweep note it
 * on stderr. A sleep hook is simulated, and said nothing of.
 */
describe("lifecycle hooks jobsim does not run", () => {
  const job = (sc: string, c: string) =>
    "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" +
    `      initContainers: [{name: proxy, image: "app:1", restartPolicy: Always${sc}}]\n` +
    `      containers: [{name: c, image: "app:1"${c}}]\n      restartPolicy: Never\n`;

  it("validate warns, run, mc and sweep note them; sleep hooks are run without a word", () => {
    const dir = tmp();
    const manifest = join(dir, "hooks.yaml");
    writeFileSync(
      manifest,
      job(
        ", lifecycle: {preStop: {httpGet: {path: /drain, port: 8080}}}",
        ", lifecycle: {postStart: {exec: {command: [touch, /tmp/x]}}, preStop: {sleep: {seconds: 5}}}",
      ),
    );
    const words =
      'Job "w": jobsim does not run exec, httpGet or tcpSocket lifecycle hooks (proxy: preStop httpGet; c: postStart exec): each counts as over at once and successful, where a cluster waits for it and a failed postStart kills the container (docs/fidelity.md)';
    const v = jobsim("validate", manifest);
    expect(v.status).toBe(0);
    expect(v.stderr).toBe(`${manifest}: warning: ${words}\n`);
    const scenario = join(dir, "s.yaml");
    writeFileSync(
      scenario,
      "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nimages:\n  app:1:\n    runSeconds: 1\n" +
        "    outcomes: [{probability: 1, exitCode: 0, log: ok}]\nsteps:\n  - kubectl apply -f hooks.yaml\n  - sleep 5s\n",
    );
    const note = `jobsim: note: ${scenario}: hooks.yaml (beside the scenario): ${words}\n`;
    for (const args of [
      ["run", scenario],
      ["mc", scenario, "--runs", "20"],
      ["sweep", scenario, "--set", "spec.backoffLimit=0,1", "--runs", "20"],
    ]) {
      const r = jobsim(...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe(note);
    }
    // Sleep hooks only: nothing to say.
    writeFileSync(
      manifest,
      job(", lifecycle: {preStop: {sleep: {seconds: 3}}}", ", lifecycle: {postStart: {sleep: {seconds: 2}}}"),
    );
    expect(jobsim("validate", manifest).stderr).toBe("");
    const run = jobsim("run", scenario);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("says that a tcpSocket hook always fails on a cluster", () => {
    const manifest = join(tmp(), "tcp.yaml");
    writeFileSync(manifest, job("", ", lifecycle: {preStop: {tcpSocket: {port: 80}}}"));
    expect(jobsim("validate", manifest).stderr).toBe(
      `${manifest}: warning: Job "w": jobsim does not run exec, httpGet or tcpSocket lifecycle hooks (c: preStop tcpSocket): each counts as over at once and successful, where a cluster waits for it and a failed postStart kills the container; a tcpSocket hook always fails on a cluster (its kubelet cannot run one) (docs/fidelity.md)\n`,
    );
  });
});
