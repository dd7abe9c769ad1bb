import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { loadScenario } from "../../src/scenario/load.js";
import { Session } from "../../src/session/session.js";

/**
 * `kubectl get -o jsonpath=...` and `kubectl wait --for=jsonpath=...` in a session on the
 * tutorial's Job (seed 7: two failed pods, then one that succeeds), and the same wait replayed
 * by Monte Carlo. Printing rules and messages: jsonpath.ts (cli-runtime printers/jsonpath.go,
 * kubectl cmd/wait/json.go).
 */

const TUTORIAL = fileURLToPath(new URL("../../scenarios/flaky-job.yaml", import.meta.url));

function scenarioWith(steps: string[]): string {
  const text = readFileSync(TUTORIAL, "utf8");
  const head = text.slice(0, text.indexOf("\nsteps:"));
  const dir = mkdtempSync(join(tmpdir(), "jobsim-jsonpath-"));
  const path = join(dir, "jp.yaml");
  writeFileSync(path, `${head}\nsteps:\n${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}\n`);
  return path;
}

interface Step {
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

function run(steps: string[]): Step[] {
  const out: Step[] = [];
  const session = new Session(loadScenario(scenarioWith(steps)), {});
  const outcomes = session.run({
    prompt: (line) => out.push({ line, stdout: "", stderr: "", exitCode: 0 }),
    stdout: (t) => {
      out[out.length - 1].stdout += t;
    },
    stderr: (t) => {
      out[out.length - 1].stderr += t;
    },
  });
  outcomes.forEach((o, i) => {
    out[i].exitCode = o.exitCode;
  });
  return out;
}

describe("kubectl -o jsonpath and wait --for=jsonpath in a session", () => {
  const steps = run([
    "kubectl apply -f job.yaml",
    "kubectl wait --for=jsonpath='{.status.succeeded}'=1 job/example-job --timeout=10m",
    "kubectl get job example-job -o jsonpath='{.status.failed} {.status.succeeded}'",
    `kubectl get job example-job -o jsonpath='{.status.conditions[?(@.type=="Complete")].reason}{"\\n"}'`,
    `kubectl get pods -o jsonpath='{range .items[*]}{.status.phase}{"\\n"}{end}'`,
    "kubectl get job example-job -o jsonpath='{.status.nope}'",
    "kubectl get job example-job -o jsonpath='{.spec.selector}'",
    "kubectl get job example-job -o jsonpath='{.status.conditions[5]}'",
    "kubectl get job example-job -o jsonpath='{.status'",
    "kubectl get job example-job -o jsonpath",
    "kubectl wait --for=jsonpath='{.status.conditions[*].type}'=Complete job/example-job",
  ]);

  it("waits until the expression gives the value", () => {
    expect(steps[1]).toMatchObject({ stdout: "job.batch/example-job condition met\n", exitCode: 0 });
  });

  it("prints values raw, without a newline of its own; several results joined by a space", () => {
    expect(steps[2]).toMatchObject({ stdout: "2 1", stderr: "", exitCode: 0 });
    expect(steps[3].stdout).toBe("CompletionsReached\n");
    expect(steps[4].stdout).toBe("Failed\nFailed\nSucceeded\n");
  });

  it("prints nothing for a missing key (--allow-missing-template-keys is true by default)", () => {
    expect(steps[5]).toMatchObject({ stdout: "", stderr: "", exitCode: 0 });
  });

  it("prints maps as compact JSON with sorted keys", () => {
    expect(steps[6].stdout).toMatch(
      /^\{"matchLabels":\{"batch\.kubernetes\.io\/controller-uid":"[0-9a-f-]{36}"\}\}$/,
    );
  });

  it("gives the printer's errors", () => {
    expect(steps[7].exitCode).toBe(1);
    expect(steps[7].stderr).toMatch(
      /^error: error executing jsonpath "\{\.status\.conditions\[5\]\}": Error executing template: array index out of bounds: index 5, length 2\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.status\.conditions\[5\]\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"batch\/v1", /,
    );
    expect(steps[7].stderr.endsWith("}}\n\n\n")).toBe(true);
    expect(steps[8]).toMatchObject({
      stderr: "error: error parsing jsonpath {.status, unclosed action\n",
      exitCode: 1,
    });
    expect(steps[9]).toMatchObject({
      stderr: "error: template format specified but no template given\n",
      exitCode: 1,
    });
  });

  it("ends a wait whose expression matches several values with kubectl's error", () => {
    expect(steps[10]).toMatchObject({
      stdout: "",
      stderr: "error: given jsonpath expression matches more than one value\n",
      exitCode: 1,
    });
  });
});

describe("kubectl get -o custom-columns in a session", () => {
  const steps = run([
    "kubectl apply -f job.yaml",
    "kubectl wait --for=condition=complete job/example-job --timeout=10m",
    "kubectl get pods -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,EXIT:.status.containerStatuses[0].state.terminated.exitCode",
    "kubectl get jobs -o custom-columns='JOB:{.metadata.name},CONDITIONS:.status.conditions[*].type,NOPE:.status.nope'",
    "kubectl get job example-job -o custom-columns=SEL:spec.selector.matchLabels --no-headers",
    "kubectl get jobs -o custom-columns",
    "kubectl get jobs -o custom-columns=NAME",
    "kubectl get jobs -o custom-columns=X:.status.conditions[7]",
  ]);

  it("prints one row per object under the headers, laid out by kubectl's tabwriter", () => {
    expect(steps[2].stdout).toMatch(
      /^NAME {16}PHASE {7}EXIT\nexample-job-\w{5} {3}Failed {6}1\nexample-job-\w{5} {3}Failed {6}1\nexample-job-\w{5} {3}Succeeded {3}0\n$/,
    );
  });

  it("joins several values with commas and prints <none> for none", () => {
    expect(steps[3].stdout).toBe(
      "JOB           CONDITIONS                    NOPE\nexample-job   SuccessCriteriaMet,Complete   <none>\n",
    );
  });

  it("prints maps as Go's fmt does, and no header with --no-headers", () => {
    expect(steps[4].stdout).toMatch(/^map\[batch\.kubernetes\.io\/controller-uid:[0-9a-f-]{36}\]\n$/);
  });

  it("gives kubectl's errors", () => {
    expect(steps[5]).toMatchObject({
      stderr: "error: custom-columns format specified but no custom columns given\n",
      exitCode: 1,
    });
    expect(steps[6]).toMatchObject({
      stderr: "error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n",
      exitCode: 1,
    });
    expect(steps[7]).toMatchObject({
      stderr: "error: array index out of bounds: index 7, length 2\n",
      exitCode: 1,
    });
  });
});

describe("Monte Carlo replays a jsonpath wait", () => {
  it("applies the next manifest when the expression first gives the value, as the session does", () => {
    // The second Job is created when the first has one failed pod: the wait decides when.
    const steps = [
      "kubectl apply -f job.yaml",
      "kubectl wait --for=jsonpath='{.status.failed}'=1 job/example-job --timeout=1h",
      "kubectl apply -f second.yaml",
      "kubectl get job second -o jsonpath='{.metadata.creationTimestamp}'",
    ];
    const path = scenarioWith(steps);
    writeFileSync(
      join(dirname(path), "second.yaml"),
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: second}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: 'k3d-my-cluster-registry:50664/flaky-app:0.1'}]\n      restartPolicy: Never\n",
    );
    const sc = loadScenario(path);
    const mc = new MonteCarlo(sc, 7);
    let waited = 0;
    for (let r = 0; r < 6; r++) {
      const session = new Session(sc, { seed: 7, run: r });
      let printed = "";
      let step = 0;
      session.run({
        prompt: () => {
          step++;
        },
        stdout: (t) => {
          if (step === 4) printed += t;
        },
        stderr: () => {},
      });
      mc.runOne(r);
      const second = mc.cluster.store.findJob("default", "second")!;
      const created = new Date(sc.epochMs + second.creationMs).toISOString().replace(/\.\d{3}Z$/, "Z");
      expect(created).toBe(printed);
      if (second.creationMs > 0) waited++;
    }
    // Runs whose first pod failed waited for it (seed 7, run 0 is one: its first two pods fail).
    expect(waited).toBeGreaterThan(0);
  });
});
