import { describe, expect, it } from "vitest";
import { Fingerprint } from "../../src/analysis/fingerprint.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { parseScenario } from "../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../helpers/session.js";

/**
 * `--dry-run` on apply, create, delete and patch (kubectl cmd/util helpers.go
 * GetDryRunStrategy, PrintFlagsWithDryRunStrategy; apply.go applyOneObject; delete.go
 * DeleteResult/PrintObj, kubernetes#126619; patch.go): what is printed, what the API server
 * still judges in a server dry run, and that nothing changes — in the session or in Monte Carlo.
 */

const MISSING_ANNOTATION =
  "Warning: resource jobs/work is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.";

/** Job `work` under `file`, with this backoffLimit and more fields for its container. */
function workFile(file: string, backoffLimit: number, container = ""): string {
  return `  ${file}: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: ${backoffLimit}
      template:
        spec:
          containers: [{name: c, image: "app:1"${container}}]
          restartPolicy: Never`;
}

function scenarioText(steps: string[], version = "1.35"): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: dry-run}
seed: 3
cluster: {version: "${version}"}
images:
  app:1:
    runSeconds: 30
    outcomes:
      - {probability: 0.5, exitCode: 0}
      - {probability: 0.5, exitCode: 1}
files:
${workFile("job.yaml", 0)}
${workFile("changed-template.yaml", 0, ", args: [x]")}
${workFile("limit-3.yaml", 3)}
  in-team.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work, namespace: team}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
}

const transcript = (steps: string[], version?: string) =>
  sessionTranscript(parseScenario(scenarioText(steps, version), "dry-run.yaml", "/nonexistent"), {
    stderrPrefix: "2> ",
  });

describe("kubectl --dry-run", () => {
  it("apply and create of a new Job: nothing is created; a server dry run is still validated and admitted", () => {
    expect(
      transcript([
        "kubectl apply -f job.yaml --dry-run=client",
        "kubectl apply -f job.yaml --dry-run=server",
        "kubectl create -f job.yaml --dry-run=server",
        "kubectl get jobs",
        "kubectl apply -f in-team.yaml --dry-run=client",
        "kubectl apply -f in-team.yaml --dry-run=server",
        "kubectl create namespace team --dry-run=server",
        "kubectl apply -f in-team.yaml",
      ]),
    ).toBe(
      [
        "$ kubectl apply -f job.yaml --dry-run=client",
        "job.batch/work created (dry run)",
        "$ kubectl apply -f job.yaml --dry-run=server",
        "job.batch/work created (server dry run)",
        "$ kubectl create -f job.yaml --dry-run=server",
        "job.batch/work created (server dry run)",
        "$ kubectl get jobs",
        "2> No resources found in default namespace.",
        // A client dry run sends nothing: no namespace to miss.
        "$ kubectl apply -f in-team.yaml --dry-run=client",
        "job.batch/work created (dry run)",
        "$ kubectl apply -f in-team.yaml --dry-run=server",
        '2> Error from server (NotFound): error when creating "in-team.yaml": namespaces "team" not found',
        "$ kubectl create namespace team --dry-run=server",
        "namespace/team created (server dry run)",
        // (the namespace of a dry run was never made)
        "$ kubectl apply -f in-team.yaml",
        '2> Error from server (NotFound): error when creating "in-team.yaml": namespaces "team" not found',
        "",
      ].join("\n"),
    );
  });

  it("an existing Job: client says configured without asking; server judges the update, stores nothing", () => {
    expect(
      transcript([
        "kubectl create -f job.yaml",
        "kubectl create -f job.yaml --dry-run=client",
        "kubectl create -f job.yaml --dry-run=server",
        "kubectl apply -f changed-template.yaml --dry-run=client",
        "kubectl apply -f limit-3.yaml --dry-run=server",
        "kubectl get job work -o jsonpath={.spec.backoffLimit}",
        "kubectl apply -f job.yaml",
        "kubectl apply -f job.yaml --dry-run=server",
        "kubectl apply -f limit-3.yaml --dry-run=server",
        "kubectl get job work -o jsonpath={.spec.backoffLimit}",
      ]),
    ).toBe(
      [
        "$ kubectl create -f job.yaml",
        "job.batch/work created",
        "$ kubectl create -f job.yaml --dry-run=client",
        "job.batch/work created (dry run)",
        "$ kubectl create -f job.yaml --dry-run=server",
        '2> Error from server (AlreadyExists): error when creating "job.yaml": jobs.batch "work" already exists',
        // No patch is computed, so an immutable template change is not caught.
        "$ kubectl apply -f changed-template.yaml --dry-run=client",
        "job.batch/work configured (dry run)",
        // Made by create: apply's warning comes before the server's answer.
        "$ kubectl apply -f limit-3.yaml --dry-run=server",
        `2> ${MISSING_ANNOTATION}`,
        "job.batch/work configured (server dry run)",
        "$ kubectl get job work -o jsonpath={.spec.backoffLimit}",
        "0$ kubectl apply -f job.yaml",
        `2> ${MISSING_ANNOTATION}`,
        "job.batch/work configured",
        "$ kubectl apply -f job.yaml --dry-run=server",
        "job.batch/work unchanged (server dry run)",
        "$ kubectl apply -f limit-3.yaml --dry-run=server",
        "job.batch/work configured (server dry run)",
        "$ kubectl get job work -o jsonpath={.spec.backoffLimit}",
        "0",
      ].join("\n"),
    );
  });

  it("apply to a Job that foreground deletion holds warns after the patch (WarnIfDeleting), dry run or not", () => {
    // The pod takes 20 s to stop after SIGTERM, so its deletion holds the Job that long (the
    // Job controller's immediate sync on the generation bump has already removed its finalizer).
    const steps = [
      "kubectl apply -f job.yaml",
      "sleep 10s",
      "kubectl delete job work --cascade=foreground --wait=false",
      "kubectl apply -f job.yaml --dry-run=server",
      "kubectl apply -f limit-3.yaml",
    ];
    const text = scenarioText(steps).replace("runSeconds: 30", "runSeconds: 30\n    terminationSeconds: 20");
    expect(
      sessionTranscript(parseScenario(text, "dry-run.yaml", "/nonexistent"), { stderrPrefix: "2> " }),
    ).toMatch(
      new RegExp(
        [
          "\\$ kubectl apply -f job.yaml --dry-run=server",
          "2> Warning: Detected changes to resource work which is currently being deleted.",
          "job.batch/work unchanged \\(server dry run\\)",
          "\\$ kubectl apply -f limit-3.yaml",
          "2> Warning: Detected changes to resource work which is currently being deleted.",
          "job.batch/work configured\n$",
        ].join("\n"),
      ),
    );
  });

  it("a server dry run refuses what the update would refuse", () => {
    const out = transcript([
      "kubectl apply -f job.yaml",
      "kubectl apply -f changed-template.yaml --dry-run=server",
    ]);
    expect(out).toContain('2> The Job "work" is invalid: spec.template: Invalid value: ');
    expect(out).toMatch(/: field is immutable\n$/);
  });

  it("patch: the server judges a server dry run; a client dry run patches locally, unvalidated", () => {
    expect(
      transcript([
        "kubectl apply -f job.yaml",
        `kubectl patch job work -p '{"spec":{"backoffLimit":2}}' --dry-run=server`,
        `kubectl patch job work -p '{"spec":{"backoffLimit":0}}' --dry-run=server`,
        `kubectl patch job work -p '{"spec":{"completions":2}}' --dry-run=server`,
        `kubectl patch job work -p '{"spec":{"completions":2}}' --dry-run=client`,
        `kubectl patch job work --type merge -p '{"spec":{"backoffLimit":0}}' --dry-run=client`,
        "kubectl get job work -o jsonpath={.spec.backoffLimit}",
        `kubectl patch job nope -p '{"spec":{"backoffLimit":2}}' --dry-run=client`,
        `kubectl patch job work -p '[1]' --dry-run=client`,
      ]),
    ).toBe(
      [
        "$ kubectl apply -f job.yaml",
        "job.batch/work created",
        `$ kubectl patch job work -p '{"spec":{"backoffLimit":2}}' --dry-run=server`,
        "job.batch/work patched (server dry run)",
        `$ kubectl patch job work -p '{"spec":{"backoffLimit":0}}' --dry-run=server`,
        "job.batch/work patched (no change) (server dry run)",
        `$ kubectl patch job work -p '{"spec":{"completions":2}}' --dry-run=server`,
        '2> The Job "work" is invalid: spec.completions: Invalid value: 2: field is immutable',
        `$ kubectl patch job work -p '{"spec":{"completions":2}}' --dry-run=client`,
        "job.batch/work patched (dry run)",
        `$ kubectl patch job work --type merge -p '{"spec":{"backoffLimit":0}}' --dry-run=client`,
        "job.batch/work patched (no change) (dry run)",
        "$ kubectl get job work -o jsonpath={.spec.backoffLimit}",
        `0$ kubectl patch job nope -p '{"spec":{"backoffLimit":2}}' --dry-run=client`,
        '2> Error from server (NotFound): jobs.batch "nope" not found',
        `$ kubectl patch job work -p '[1]' --dry-run=client`,
        "2> jobsim does not simulate --dry-run=client with a patch that is not a JSON object: use --dry-run=server",
        "",
      ].join("\n"),
    );
  });

  it("delete: the line ends with the dry-run words (after the namespace from 1.34), nothing is deleted, nothing waits", () => {
    const steps = [
      "kubectl apply -f job.yaml",
      "kubectl delete job work --dry-run=server",
      "kubectl delete job work --dry-run=client --grace-period=0 --force",
      "kubectl delete job nope --dry-run=client",
      "kubectl get jobs -o name",
    ];
    expect(transcript(steps)).toBe(
      [
        "$ kubectl apply -f job.yaml",
        "job.batch/work created",
        "$ kubectl delete job work --dry-run=server",
        'job.batch "work" deleted from default namespace (server dry run)',
        "$ kubectl delete job work --dry-run=client --grace-period=0 --force",
        "2> Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.",
        'job.batch "work" force deleted from default namespace (dry run)',
        "$ kubectl delete job nope --dry-run=client",
        '2> Error from server (NotFound): jobs.batch "nope" not found',
        "$ kubectl get jobs -o name",
        "job.batch/work",
        "",
      ].join("\n"),
    );
    expect(transcript(steps.slice(0, 2), "1.33")).toContain('job.batch "work" deleted (server dry run)\n');
  });

  it("a value kubectl does not know is its error; the deprecated forms are refused when the scenario loads", () => {
    expect(transcript(["kubectl apply -f job.yaml --dry-run=maybe", "kubectl get jobs"])).toBe(
      [
        "$ kubectl apply -f job.yaml --dry-run=maybe",
        '2> error: Invalid dry-run value (maybe). Must be "none", "server", or "client".',
        "$ kubectl get jobs",
        "2> No resources found in default namespace.",
        "",
      ].join("\n"),
    );
    expect(
      scenarioProblems(
        scenarioText(["kubectl apply -f job.yaml --dry-run", "kubectl delete job work --dry-run=false"]),
        "s.yaml",
      ),
    ).toEqual([
      "s.yaml: steps[0]: kubectl apply -f job.yaml --dry-run: jobsim does not simulate --dry-run without a value (deprecated: kubectl logs a warning jobsim cannot reproduce); write --dry-run=client, --dry-run=server or --dry-run=none",
      "s.yaml: steps[1]: kubectl delete job work --dry-run=false: jobsim does not simulate --dry-run=false (deprecated: kubectl logs a warning jobsim cannot reproduce); write --dry-run=client, --dry-run=server or --dry-run=none",
    ]);
  });

  it("Monte Carlo replays no dry run: the runs are those of the scenario without those steps", () => {
    const fingerprint = (steps: string[]) => {
      const mc = new MonteCarlo(parseScenario(scenarioText(steps), "dry-run.yaml", "/nonexistent"), 1);
      const fp = new Fingerprint();
      mc.runRange(0, 400, mc.newStats(), fp);
      fp.flush();
      return fp.hex();
    };
    const plain = fingerprint(["kubectl apply -f job.yaml", "sleep 1h"]);
    const dry = fingerprint([
      "kubectl create namespace team --dry-run=server",
      "kubectl apply -f in-team.yaml --dry-run=client",
      "kubectl apply -f job.yaml",
      `kubectl patch job work -p '{"spec":{"backoffLimit":6}}' --dry-run=server`,
      "kubectl apply -f limit-3.yaml --dry-run=client",
      `kubectl patch job work -p '{"spec":{"backoffLimit":6}}' --dry-run=maybe`,
      "sleep 1h",
    ]);
    const patched = fingerprint([
      "kubectl apply -f job.yaml",
      `kubectl patch job work -p '{"spec":{"backoffLimit":6}}'`,
      "sleep 1h",
    ]);
    expect(dry).toBe(plain);
    expect(patched).not.toBe(plain); // (the steps, without --dry-run, do change the runs)
  });
});
