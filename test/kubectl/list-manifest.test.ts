import { describe, expect, it } from "vitest";
import { parseManifestFile } from "../../src/kubectl/manifests.js";
import { commandTranscript } from "./commands/session.js";

/**
 * A v1 List in a manifest file (what `kubectl get jobs -o yaml` writes): kubectl sends its items
 * one by one, in order (cli-runtime resource/visitor.go FlattenListVisitor, used by apply, create
 * and delete). A List with no items passes no objects.
 */
const job = (name: string) => `- apiVersion: batch/v1
  kind: Job
  metadata: {name: ${name}}
  spec:
    template:
      spec:
        containers: [{name: c, image: "app:1"}]
        restartPolicy: Never
`;
const LIST = `apiVersion: v1\nkind: List\nitems:\n${job("a")}${job("b")}`;

describe("a v1 List manifest", () => {
  it("is read as its items", () => {
    const f = parseManifestFile("jobs.yaml", LIST);
    expect(f.clientError).toBeNull();
    expect(f.docs.map((d) => d.name)).toEqual(["a", "b"]);
  });

  it("apply creates each item and delete -f deletes each", () => {
    const out = commandTranscript(["kubectl apply -f jobs.yaml", "kubectl delete -f jobs.yaml"], {
      files: { "jobs.yaml": LIST },
    });
    expect(out).toContain(
      [
        "$ kubectl apply -f jobs.yaml",
        "job.batch/a created",
        "job.batch/b created",
        "$ kubectl delete -f jobs.yaml",
        'job.batch "a" deleted from default namespace',
        'job.batch "b" deleted from default namespace',
      ].join("\n"),
    );
  });

  it("an item's own errors are the file's, as for a document", () => {
    const f = parseManifestFile(
      "jobs.yaml",
      "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n",
    );
    expect(f.clientError).toBe(
      'jobsim does not simulate Pod objects: only batch/v1 Job is supported (Pod "p")',
    );
  });

  it("with no items it passes no objects", () => {
    const f = parseManifestFile("empty.yaml", "apiVersion: v1\nkind: List\nitems: []\n");
    expect(f.empty).toBe(true);
    expect(f.clientError).toBe("no objects passed to apply");
  });
});
