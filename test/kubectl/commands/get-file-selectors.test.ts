import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl get -f FILE` with -A, -l and --field-selector. Objects named by a file are visited by
 * path (cli-runtime builder.go visitByPaths): fetched again (RetrieveLatest), then filtered by the
 * label selector (FilterByLabelSelector); the field selector is not applied to them. With -A the
 * builder's namespace is all (""), so a manifest that names no namespace leaves the object with
 * none and RetrieveLatest refuses it: `no namespace set on resource <GroupVersionResource> "<name>"`
 * (visitor.go). How that error is printed depends on the printer path (get.go Run wraps the
 * visit's aggregate once more than printGeneric does; cmdutil.CheckErr unwraps one level).
 */
const NAMESPACED = `apiVersion: batch/v1
kind: Job
metadata: {name: other, namespace: default}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const files = { "ns-job.yaml": NAMESPACED };
const START = ["kubectl apply -f job.yaml", "kubectl apply -f ns-job.yaml"];
const out = (command: string) => commandOutput(START, command, { files });

describe("kubectl get -f with -A", () => {
  it("a manifest without a namespace: refused, without 'error: ' on the table path", () => {
    expect(out("kubectl get -f job.yaml -A")).toBe(
      '2> no namespace set on resource batch/v1, Resource=jobs "work"\n',
    );
  });

  it("printGeneric (-o name) of one path returns the error itself: 'error: '", () => {
    expect(out("kubectl get -f job.yaml -A -o name")).toBe(
      '2> error: no namespace set on resource batch/v1, Resource=jobs "work"\n',
    );
  });

  it("a manifest naming its namespace is listed with a NAMESPACE column; the other's error follows", () => {
    expect(out("kubectl get -f job.yaml -f ns-job.yaml -A")).toBe(
      [
        "NAMESPACE   NAME    STATUS    COMPLETIONS   DURATION   AGE",
        "default     other   Running   0/1           0s         0s",
        '2> no namespace set on resource batch/v1, Resource=jobs "work"',
        "",
      ].join("\n"),
    );
  });
});

describe("kubectl get -f with selectors", () => {
  it("-l filters the file's objects; none left: 'No resources found in <namespace> namespace.'", () => {
    expect(out("kubectl get -f job.yaml -l app=x")).toBe("2> No resources found in default namespace.\n");
    expect(out("kubectl get -f job.yaml -l job-name=work")).toMatch(/^NAME +STATUS .*\nwork +Running/);
  });

  it("--field-selector is not applied to objects named by a file", () => {
    expect(out("kubectl get -f job.yaml --field-selector metadata.name=zzz")).toMatch(
      /^NAME +STATUS .*\nwork +Running/,
    );
  });

  it("-A with a selector that matches nothing: 'No resources found'", () => {
    expect(out("kubectl get -f ns-job.yaml -l app=x -A")).toBe("2> No resources found\n");
  });
});
