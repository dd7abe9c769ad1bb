import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jobsim, tmp } from "../helpers/cli.js";

/**
 * jobsim lists none of k3d's own pods, and on a k3d cluster every node runs k3s ServiceLB's
 * svclb-traefik DaemonSet pod (k3s pkg/cloudprovider/servicelb.go), which a drain without
 * --ignore-daemonsets refuses (kubectl pkg/drain/filters.go daemonSetFatal). A scenario that
 * drains so is told: validate warns (exit 0); run, mc and sweep note it on stderr; the kubectl
 * output stays what jobsim's cluster prints.
 */
describe("a drain without --ignore-daemonsets", () => {
  const scenarioText = (drain: string) =>
    "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nimages:\n  app:1:\n    runSeconds: 30\n" +
    "    outcomes: [{probability: 1, exitCode: 0, log: ok}]\nfiles:\n  job.yaml: |\n    apiVersion: batch/v1\n" +
    "    kind: Job\n    metadata: {name: w}\n    spec:\n      template:\n        spec:\n" +
    '          containers: [{name: c, image: "app:1"}]\n          restartPolicy: Never\n' +
    `steps:\n  - kubectl apply -f job.yaml\n  - sleep 5s\n  - ${drain}\n`;
  const words = (line: string) =>
    `${line}: on a k3d cluster every node runs a svclb-traefik DaemonSet pod (k3s ServiceLB), which jobsim does not list: without --ignore-daemonsets a real drain would cordon the node and then stop with "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/svclb-traefik-…"`;

  it("validate warns; run, mc and sweep note it", () => {
    const scenario = join(tmp(), "s.yaml");
    const line = "kubectl drain k3d-my-cluster-agent-0";
    writeFileSync(scenario, scenarioText(line));
    const v = jobsim("validate", scenario);
    expect(v.status).toBe(0);
    expect(v.stderr).toBe(`${scenario}: warning: ${words(line)}\n`);
    for (const args of [
      ["run", scenario],
      ["mc", scenario, "--runs", "20"],
      ["sweep", scenario, "--set", "spec.backoffLimit=0,1", "--runs", "20"],
    ]) {
      const r = jobsim(...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe(`jobsim: note: ${scenario}: ${words(line)}\n`);
    }
  });

  it("with --ignore-daemonsets nothing is said", () => {
    const scenario = join(tmp(), "s.yaml");
    writeFileSync(scenario, scenarioText("kubectl drain k3d-my-cluster-agent-0 --ignore-daemonsets"));
    expect(jobsim("validate", scenario).stderr).toBe("");
    const run = jobsim("run", scenario);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("node/k3d-my-cluster-agent-0 drained\n");
  });

  it("a pipe after drain is refused when the scenario loads", () => {
    const scenario = join(tmp(), "s.yaml");
    writeFileSync(
      scenario,
      scenarioText("kubectl drain k3d-my-cluster-agent-0 --ignore-daemonsets | grep evicted"),
    );
    const v = jobsim("validate", scenario);
    expect(v.status).toBe(1);
    expect(v.stderr).toContain(
      `steps[2]: kubectl drain k3d-my-cluster-agent-0 --ignore-daemonsets | grep evicted: jobsim does not simulate a pipe after "kubectl drain"`,
    );
  });
});
