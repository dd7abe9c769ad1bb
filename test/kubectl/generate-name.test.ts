import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { parseScenario } from "../../src/scenario/load.js";
import { Session } from "../../src/session/session.js";
import { scenarioProblems, sessionTranscript } from "../helpers/session.js";

/**
 * A Job manifest with metadata.generateName and no name. `kubectl create -f` sends it and the
 * API server names it (rest.BeforeCreate → names.SimpleNameGenerator: the prefix, cut to 58
 * characters, and 5 characters of bcdfghjklmnpqrstvwxz2456789), before validating it;
 * jobsim draws the characters from the run's own stream for that prefix. `kubectl apply`
 * refuses it (apply.go applyOneObject: "from <prefix>: cannot use generate name with apply"),
 * and a scenario doing that is refused: Monte Carlo would create the Job the session does not.
 */

const SUFFIX = "[bcdfghjklmnpqrstvwxz2456789]{5}";

function text(steps: string[], generateName = "work-"): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: gen}
seed: 3
images:
  app:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
  gen.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {generateName: "${generateName}"}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
}

describe("generateName", () => {
  it("kubectl create: the server's name, the same for the same seed, a new one per create", () => {
    const sc = parseScenario(
      text(["kubectl create -f gen.yaml", "kubectl create -f gen.yaml", "sleep 1m"]),
      "g.yaml",
      "/x",
    );
    const out = sessionTranscript(sc);
    const names = [...out.matchAll(new RegExp(`job\\.batch/(work-${SUFFIX}) created`, "g"))].map((m) => m[1]);
    expect(names).toHaveLength(2);
    expect(names[0]).not.toBe(names[1]);
    expect(sessionTranscript(sc)).toBe(out);
    const session = new Session(sc, {});
    session.run({ prompt() {}, stdout() {}, stderr() {} });
    const jobs = session.cluster.store.jobs;
    expect(jobs.map((j) => j.name)).toEqual(names);
    for (const j of jobs) {
      expect(j.object.metadata?.generateName).toBe("work-");
      expect(j.object.spec?.template.metadata?.labels?.["batch.kubernetes.io/job-name"]).toBe(j.name);
      expect(j.object.spec?.template.metadata?.labels?.["job-name"]).toBe(j.name);
      expect(j.pods[0].name).toMatch(new RegExp(`^${j.name}-${SUFFIX}$`));
      expect(j.status.conditions.some((c) => c.type === "Complete" && c.status === "True")).toBe(true);
    }
  });

  it("the prefix is cut to 58 characters", () => {
    const long = `${"a".repeat(70)}-`;
    const sc = parseScenario(text(["kubectl create -f gen.yaml"], long), "g.yaml", "/x");
    expect(sessionTranscript(sc)).toMatch(
      new RegExp(`^\\$ kubectl create -f gen.yaml\\njob\\.batch/a{58}${SUFFIX} created\\n$`),
    );
  });

  it("an invalid prefix: the Invalid error names the generated object", () => {
    const sc = parseScenario(text(["kubectl create -f gen.yaml"], "Work-"), "g.yaml", "/x");
    const out = sessionTranscript(sc, { stderrPrefix: "2> " });
    const name = new RegExp(`The Job "(Work-${SUFFIX})" is invalid`).exec(out)?.[1];
    const rfc1123 =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
    expect(out).toBe(
      [
        "$ kubectl create -f gen.yaml",
        `2> The Job "${name}" is invalid: `,
        `2> * metadata.generateName: Invalid value: "Work-": ${rfc1123}`,
        `2> * metadata.name: Invalid value: "${name}": ${rfc1123}`,
        "",
      ].join("\n"),
    );
  });

  it("kubectl apply: the scenario is refused with kubectl's message", () => {
    expect(scenarioProblems(text(["kubectl apply -f gen.yaml"]), "g.yaml")).toEqual([
      "g.yaml: steps: kubectl apply -f gen.yaml: error: from work-: cannot use generate name with apply (kubectl create -f gives the Job a generated name)",
    ]);
  });

  it('Monte Carlo: the row is the prefix, never ""; each run names the Job as the session does', () => {
    const sc = parseScenario(text(["kubectl create -f gen.yaml", "sleep 1m"]), "g.yaml", "/x");
    const mc = new MonteCarlo(sc, 3);
    expect(mc.jobKeys).toEqual(["default/work-"]);
    for (let run = 0; run < 3; run++) {
      const r = mc.runOne(run)[0];
      expect(r.outcome).toBe("Complete");
      const mcName = mc.cluster.store.jobs[0].name;
      const session = new Session(sc, { seed: 3, run });
      session.run({ prompt() {}, stdout() {}, stderr() {} });
      expect(mcName).toMatch(new RegExp(`^work-${SUFFIX}$`));
      expect(session.cluster.store.jobs[0].name).toBe(mcName);
    }
  });
});
