import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * What `kubectl delete` is given, as cli-runtime's resource builder (pkg/resource/builder.go)
 * reads it in delete.go `Complete`: `SelectAllParam` after `LabelSelectorParam` refuses --all
 * with a selector; `visitorResult` turns --all into a selector, so names are refused with it
 * (`visitBySelector`); `visitByPaths` refuses resource arguments beside -f and filters the
 * file's objects by the selector; and `Complete` ignores NotFound under --all or -l unless
 * --ignore-not-found was given.
 */

const files = {
  "labelled.yaml": `apiVersion: batch/v1
kind: Job
metadata: {name: tagged, labels: {app: w}}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`,
};

const cases: { name: string; command: string; expected: string }[] = [
  {
    name: "--all with -l is the builder's SelectAllParam error (trailing space kept)",
    command: "kubectl delete jobs --all -l app=w",
    expected: "2> error: setting 'all' parameter but found a non empty selector. \n",
  },
  {
    name: "a name with --all: visitBySelector refuses it",
    command: "kubectl delete jobs work --all",
    expected: "2> error: name cannot be provided when a selector is specified\n",
  },
  {
    name: "a name with -l: visitBySelector refuses it",
    command: "kubectl delete jobs work -l app=w",
    expected: "2> error: name cannot be provided when a selector is specified\n",
  },
  {
    name: "TYPE/NAME with --all",
    command: "kubectl delete job/work --all",
    expected: "2> error: selectors and the all flag cannot be used when passing resource/name arguments\n",
  },
  {
    name: "-f with a resource type: visitByPaths refuses it",
    command: "kubectl delete -f job.yaml jobs",
    expected:
      "2> error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n",
  },
  {
    name: "-f with TYPE/NAME: visitByPaths refuses the tuple",
    command: "kubectl delete -f job.yaml job/work",
    expected: "2> error: resource/name arguments cannot be provided when a path is specified\n",
  },
  {
    name: "-f with -l: a file object the selector does not match is not visited",
    command: "kubectl delete -f job.yaml -l app=w",
    expected: "No resources found\n",
  },
  {
    name: "-f with -l: a matching one is deleted",
    command: "kubectl delete -f labelled.yaml -l app=w --wait=false",
    expected: 'job.batch "tagged" deleted from default namespace\n',
  },
  {
    name: "-f with --all: NotFound is ignored (Complete), and the object was visited: no output",
    command: "kubectl delete -f labelled.yaml --all",
    expected: "",
  },
  {
    // (deleteResource names the file: cmdutil.AddSourceToErr("deleting", info.Source, err))
    name: "-f with --all and --ignore-not-found=false: NotFound reported",
    command: "kubectl delete -f labelled.yaml --all --ignore-not-found=false",
    expected:
      '2> Error from server (NotFound): error when deleting "labelled.yaml": jobs.batch "tagged" not found\n',
  },
];

describe("kubectl delete: the resource builder's reading of its arguments", () => {
  it.each(cases)("$name", ({ command, expected }) => {
    const steps =
      command.includes("labelled.yaml") && command.includes("-l")
        ? ["kubectl apply -f job.yaml", "kubectl apply -f labelled.yaml", "sleep 5"]
        : ["kubectl apply -f job.yaml", "sleep 5"];
    expect(commandOutput(steps, command, { files })).toBe(expected);
  });

  it("nothing was deleted by a refused command", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "kubectl delete jobs --all -l app=w", "kubectl delete jobs work --all"],
      "kubectl get jobs -o name",
      { files },
    );
    expect(out).toBe("job.batch/work\n");
  });
});
