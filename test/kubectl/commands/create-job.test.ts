import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { scenarioProblems, sessionTranscript } from "../../helpers/session.js";
import { commandOutput, commandTranscript } from "./session.js";

/**
 * `kubectl create job NAME --image=IMAGE [-- COMMAND [args...]]` (kubectl create_job.go): the
 * Job kubectl builds, sent through the API server's create path; its errors wrapped in "failed
 * to create job: …" (Run), its options' in Validate's words, its NAME counted by
 * NameFromCommandArgs when the scenario loads.
 */

function loadProblems(step: string): string[] {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cj}
images:
  app:1: {runSeconds: 3, outcomes: [{probability: 1, exitCode: 0}]}
steps:
  - ${JSON.stringify(step)}
`;
  return scenarioProblems(text, "cj.yaml");
}

describe("kubectl create job", () => {
  it("creates the Job: one container named after it, restartPolicy Never, run by the controller", () => {
    expect(
      commandTranscript([
        "kubectl create job hello --image=app:1",
        "kubectl get job hello -o jsonpath={.spec.template.spec.containers[0].name}/{.spec.template.spec.restartPolicy}/{.spec.backoffLimit}",
        "kubectl wait --for=condition=complete job/hello --timeout=1m",
        "kubectl get jobs",
      ]),
    ).toBe(
      [
        "$ kubectl create job hello --image=app:1",
        "job.batch/hello created",
        "$ kubectl get job hello -o jsonpath={.spec.template.spec.containers[0].name}/{.spec.template.spec.restartPolicy}/{.spec.backoffLimit}",
        "hello/Never/6$ kubectl wait --for=condition=complete job/hello --timeout=1m",
        "job.batch/hello condition met",
        "$ kubectl get jobs",
        "NAME    STATUS     COMPLETIONS   DURATION   AGE",
        "hello   Complete   1/1           34s        34s",
        "",
      ].join("\n"),
    );
  });

  it("puts the words after -- in the container's command", () => {
    expect(
      commandOutput(
        ["kubectl create job hello --image=app:1 -- sh -c 'echo a && date'"],
        "kubectl get job hello -o jsonpath={.spec.template.spec.containers[0].command}",
      ),
    ).toBe('["sh","-c","echo a \\u0026\\u0026 date"]');
  });

  it("is AlreadyExists, wrapped by Run, for a name taken", () => {
    expect(commandOutput(["kubectl apply -f job.yaml"], "kubectl create job work --image=app:1")).toBe(
      '2> error: failed to create job: jobs.batch "work" already exists\n',
    );
  });

  it("is AlreadyExists 'object is being deleted' while a foreground deletion holds the name", () => {
    expect(
      commandOutput(
        [
          "kubectl apply -f job.yaml",
          "sleep 10",
          "kubectl delete job work --cascade=foreground --wait=false",
        ],
        "kubectl create job work --image=app:1",
        { runSeconds: 300, terminationSeconds: 30 },
      ),
    ).toBe('2> error: failed to create job: object is being deleted: jobs.batch "work" already exists\n');
  });

  it("wraps the API server's Invalid and NotFound as plain errors", () => {
    expect(commandOutput([], "kubectl create job Bad --image=app:1")).toBe(
      `2> error: failed to create job: Job.batch "Bad" is invalid: [metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), spec.template.spec.containers[0].name: Invalid value: "Bad": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')]\n`,
    );
    expect(commandOutput([], "kubectl create job hello --image=app:1 -n team")).toBe(
      '2> error: failed to create job: namespaces "team" not found\n',
    );
  });

  it("creates into the -n namespace", () => {
    expect(
      commandTranscript([
        "kubectl create namespace team",
        "kubectl create job hello --image=app:1 -n team -o name",
        "kubectl get jobs -A -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name",
      ]),
    ).toBe(
      [
        "$ kubectl create namespace team",
        "namespace/team created",
        "$ kubectl create job hello --image=app:1 -n team -o name",
        "job.batch/hello",
        "$ kubectl get jobs -A -o custom-columns=NS:.metadata.namespace,NAME:.metadata.name",
        "NS     NAME",
        "team   hello",
        "",
      ].join("\n"),
    );
  });

  it("dry runs create nothing and say so as the name printer does", () => {
    expect(
      commandTranscript([
        "kubectl create job hello --image=app:1 --dry-run=client",
        "kubectl create --dry-run=server job hello --image=app:1",
        "kubectl get jobs",
      ]),
    ).toBe(
      [
        "$ kubectl create job hello --image=app:1 --dry-run=client",
        "job.batch/hello created (dry run)",
        "$ kubectl create --dry-run=server job hello --image=app:1",
        "job.batch/hello created (server dry run)",
        "$ kubectl get jobs",
        "2> No resources found in default namespace.",
        "",
      ].join("\n"),
    );
  });

  it("prints the Job it built with --dry-run=client -o yaml (1.35: no creationTimestamp: null)", () => {
    expect(
      commandOutput([], "kubectl create job hello --image=app:1 --dry-run=client -o yaml -n team -- date"),
    ).toBe(
      [
        "apiVersion: batch/v1",
        "kind: Job",
        "metadata:",
        "  name: hello",
        "  namespace: team",
        "spec:",
        "  template:",
        "    metadata: {}",
        "    spec:",
        "      containers:",
        "      - command:",
        "        - date",
        "        image: app:1",
        "        name: hello",
        "        resources: {}",
        "      restartPolicy: Never",
        "status: {}",
        "",
      ].join("\n"),
    );
  });

  it("prints -o json of the typed Job in Go's field order", () => {
    expect(commandOutput([], "kubectl create job hello --image=app:1 --dry-run=client -o json")).toBe(
      `{
    "kind": "Job",
    "apiVersion": "batch/v1",
    "metadata": {
        "name": "hello"
    },
    "spec": {
        "template": {
            "metadata": {},
            "spec": {
                "containers": [
                    {
                        "name": "hello",
                        "image": "app:1",
                        "resources": {}
                    }
                ],
                "restartPolicy": "Never"
            }
        }
    },
    "status": {}
}
`,
    );
  });

  it("--save-config records the Job as the typed encoder writes it", () => {
    expect(
      commandOutput(
        ["kubectl create job hello --image=app:1 --save-config"],
        "kubectl get job hello -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'",
      ),
    ).toBe(
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"hello"},"spec":{"template":{"metadata":{},"spec":{"containers":[{"name":"hello","image":"app:1","resources":{}}],"restartPolicy":"Never"}}},"status":{}}\n',
    );
  });

  it("before 1.34 kubectl writes the zero creationTimestamps as null", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cj}
cluster: {version: "1.33"}
images:
  app:1: {runSeconds: 3, outcomes: [{probability: 1, exitCode: 0}]}
steps:
  - kubectl create job hello --image=app:1 --dry-run=client -o yaml --save-config
`;
    const out = sessionTranscript(parseScenario(text, "cj.yaml", "/nonexistent"));
    expect(out).toContain(
      '{"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"hello","creationTimestamp":null},"spec":{"template":{"metadata":{"creationTimestamp":null},',
    );
    expect(out).toContain(
      "  creationTimestamp: null\n  name: hello\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n",
    );
  });

  it.each([
    ["kubectl create job hello", "error: either --image or --from must be specified"],
    [
      "kubectl create job hello --image=app:1 --from=cronjob/nightly",
      "error: either --image or --from must be specified",
    ],
    ["kubectl create job hello --from=cronjob/nightly -- date", "error: cannot specify --from and command"],
    [
      "kubectl create job hello --from=cronjob/nightly",
      'Error from server (NotFound): cronjobs.batch "nightly" not found',
    ],
    [
      "kubectl create job hello --from=cj/nightly",
      'Error from server (NotFound): cronjobs.batch "nightly" not found',
    ],
    ["kubectl create job hello --from=job/work", "error: unknown object type *v1.Job"],
    ["kubectl create job hello --from=node/node-0", "error: unknown object type *v1.Node"],
    [
      "kubectl create job hello --from=pod/work-xxxxx",
      'Error from server (NotFound): pods "work-xxxxx" not found',
    ],
    [
      "kubectl create job hello --from=cronjob/a/b",
      "error: arguments in resource/name form may not have more than one slash",
    ],
    [
      "kubectl create job hello --from=job/other",
      'Error from server (NotFound): jobs.batch "other" not found',
    ],
    [
      "kubectl create job hello --from=cronjob",
      "error: resource(s) were provided, but no name was specified",
    ],
    ["kubectl create job hello --from=widget/x", 'error: the server doesn\'t have a resource type "widget"'],
    [
      "kubectl create job hello --image=app:1 --dry-run=maybe",
      'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".',
    ],
    [
      "kubectl create job hello --image=app:1 -o wide",
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml',
    ],
    [
      "kubectl create job hello --image=app:1 --validate=maybe",
      'error: invalid - validate option "maybe"; must be one of: strict (or true), warn, ignore (or false)',
    ],
  ])("%s: %s", (step, message) => {
    expect(commandOutput(["kubectl apply -f job.yaml"], step)).toBe(`2> ${message}\n`);
  });

  it.each([
    [
      "kubectl create job",
      "error: exactly one NAME is required, got 0 See 'kubectl create job -h' for help and examples",
    ],
    [
      "kubectl create job a b --image=app:1",
      "error: exactly one NAME is required, got 2 See 'kubectl create job -h' for help and examples",
    ],
    [
      "kubectl create job -- a",
      "error: exactly one NAME is required, got 0 See 'kubectl create job -h' for help and examples",
    ],
    [
      "kubectl create job a -f job.yaml",
      "error: unknown shorthand flag: 'f' in -f See 'kubectl create job --help' for usage.",
    ],
    ["kubectl create job a --edit", "error: unknown flag: --edit See 'kubectl create job --help' for usage."],
    [
      "kubectl create job a --image=app:1 -o go-template={{.kind}}",
      'jobsim does not simulate "-o go-template" (it renders -o wide, yaml, json, name, jsonpath=, custom-columns= and custom-columns-file=)',
    ],
    [
      "kubectl create job a --image=app:1 --template={{.kind}}",
      'jobsim does not simulate --template (a Go template, "-o go-template"): use -o jsonpath=...',
    ],
    [
      "kubectl create job a --image=app:1 --dry-run=server -o yaml",
      'jobsim does not simulate "create job --dry-run=server -o yaml" (the object a server dry run returns): use --dry-run=client, or -o name',
    ],
    [
      "kubectl create job a --image=app:1 -o json",
      'jobsim does not simulate "create job -o json" of a created Job (kubectl prints the typed response in Go\'s field order): use -o yaml, or --dry-run=client -o json',
    ],
    [
      "kubectl create job a --from=deployment/web",
      'jobsim does not simulate "kubectl create job --from=deployment/web": jobsim has no such objects (it simulates --from=cronjob/NAME, always NotFound, and --from of jobs, pods, nodes and namespaces)',
    ],
    [
      "kubectl create job a --from=events/e1",
      'jobsim does not simulate "kubectl create job --from=events/e1": jobsim has no such objects (it simulates --from=cronjob/NAME, always NotFound, and --from of jobs, pods, nodes and namespaces)',
    ],
    [
      "kubectl create job a --image=other:2",
      'spec.template.spec.containers[0].image: no behaviour for image "other:2"; describe it under images: (or add an "*" entry)',
    ],
  ])("%s is a problem when the scenario is loaded", (step, message) => {
    const where = message.startsWith("spec.") ? "steps" : "steps[0]";
    expect(loadProblems(step)).toEqual([`cj.yaml: ${where}: ${step}: ${message}`]);
  });
});
