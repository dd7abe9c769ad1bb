import { describe, expect, it } from "vitest";
import { commandTranscript } from "./session.js";

/**
 * The order in which kubectl visits what it is given (cli-runtime pkg/resource/builder.go):
 * resource/name arguments in the order given (visitByResource); a selector's types in the order
 * given, each kind once (resourceMappings keeps one mapping per GroupVersionKind, after
 * SplitResourceArgument dropped repeated strings). `get` starts a new table whenever the kind
 * changes between two found objects; `delete` deletes and prints in visit order.
 */

function outputOf(command: string, steps: string[] = []): string {
  const out = commandTranscript(["kubectl apply -f job.yaml", "sleep 10", ...steps, command, "sleep 1"]);
  const start = out.indexOf(`$ ${command}\n`) + command.length + 3;
  return out.slice(start, out.indexOf("$ sleep 1\n", start));
}

const JOB_TABLE =
  "NAME             STATUS    COMPLETIONS   DURATION   AGE\njob.batch/work   Running   0/1           10s        10s\n";
const POD_TABLE =
  "NAME             READY   STATUS    RESTARTS   AGE\npod/work-skg54   1/1     Running   0          10s\n";

describe("kubectl get: kinds and names in the order given", () => {
  it("a kind given twice under two names is listed once, as one kind", () => {
    expect(outputOf("kubectl get pods,po")).toBe(outputOf("kubectl get pods"));
    expect(outputOf("kubectl get pods,po")).toBe(
      "NAME         READY   STATUS    RESTARTS   AGE\nwork-skg54   1/1     Running   0          10s\n",
    );
    expect(outputOf("kubectl get jobs,job,pods")).toBe(`${JOB_TABLE}\n${POD_TABLE}`);
    expect(outputOf("kubectl get pods,po -o name")).toBe("pod/work-skg54\n");
  });

  it("resource/name arguments: a table for each run of one kind, in the order given", () => {
    expect(outputOf("kubectl get job/work pod/work-skg54 job/work")).toBe(
      `${JOB_TABLE}\n${POD_TABLE}\n${JOB_TABLE}`,
    );
    expect(outputOf("kubectl get pod/work-skg54 job/work -o name")).toBe("pod/work-skg54\njob.batch/work\n");
  });

  it("a name not found splits no table: the objects found are of one kind", () => {
    expect(outputOf("kubectl get job/work pod/nope job/work")).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nwork   Running   0/1           10s        10s\nwork   Running   0/1           10s        10s\n" +
        '2> Error from server (NotFound): pods "nope" not found\n',
    );
  });

  it("several types with a name are each looked up with it (builder.go normalizeMultipleResourcesArgs)", () => {
    // `jobs,nosuchtype work` is read as `jobs/work nosuchtype/work`; the second type is unknown.
    expect(outputOf("kubectl get jobs,nosuchtype work")).toBe(
      '2> error: the server doesn\'t have a resource type "nosuchtype"\n',
    );
  });
});

describe("kubectl delete: deleted and printed in the order given", () => {
  it("a selector over `pods,jobs` deletes the pods first", () => {
    expect(outputOf("kubectl delete pods,jobs -l job-name=work --wait=false")).toBe(
      'pod "work-skg54" deleted from default namespace\njob.batch "work" deleted from default namespace\n',
    );
    expect(outputOf("kubectl delete jobs,pods -l job-name=work --wait=false")).toBe(
      'job.batch "work" deleted from default namespace\npod "work-skg54" deleted from default namespace\n',
    );
  });

  it("resource/name arguments in the order given", () => {
    expect(outputOf("kubectl delete pod/work-skg54 job/work --wait=false")).toBe(
      'pod "work-skg54" deleted from default namespace\njob.batch "work" deleted from default namespace\n',
    );
  });

  it("a kind given twice is deleted once", () => {
    expect(outputOf("kubectl delete pods,po -l job-name=work --wait=false")).toBe(
      'pod "work-skg54" deleted from default namespace\n',
    );
  });

  it("with --wait, the command returns once everything it deleted is gone", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 10",
      "kubectl delete pods,jobs -l job-name=work",
      "kubectl get jobs,pods",
    ]);
    expect(out).toContain(
      '$ kubectl delete pods,jobs -l job-name=work\npod "work-skg54" deleted from default namespace\njob.batch "work" deleted from default namespace\n$ kubectl get jobs,pods\n2> No resources found in default namespace.\n',
    );
  });
});

describe("kubectl get --no-headers over several kinds", () => {
  it("no blank line between the kinds' tables, each aligned on its own", () => {
    // get.go Run sets the separator line only "when it has row header" (`!o.NoHeaders`), and
    // resets the remembered widths (SetRememberedWidths(nil)) for every new mapping.
    expect(outputOf("kubectl get jobs,pods --no-headers")).toBe(
      "job.batch/work   Running   0/1   10s   10s\npod/work-skg54   1/1   Running   0     10s\n",
    );
    expect(outputOf("kubectl get job/work pod/work-skg54 job/work --no-headers")).toBe(
      "job.batch/work   Running   0/1   10s   10s\npod/work-skg54   1/1   Running   0     10s\njob.batch/work   Running   0/1   10s   10s\n",
    );
  });
});
