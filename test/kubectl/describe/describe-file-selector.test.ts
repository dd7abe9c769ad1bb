import { describe, expect, it } from "vitest";
import { commandOutput } from "../commands/session.js";

/**
 * `kubectl describe -f FILE -l SELECTOR`. describe.go Run builds without Latest(), so an object
 * read from a file keeps the file's copy (cli-runtime builder.go visitByPaths; RetrieveLazy loads
 * only objects not yet loaded) and FilterByLabelSelector tests the labels written in the file,
 * not the server's. The describer then fetches the object by name. A file object the selector
 * drops leaves nothing to describe: "No resources found in <ns> namespace." and exit 0.
 */
const LABELED = `apiVersion: batch/v1
kind: Job
metadata: {name: tagged, labels: {tier: batch}}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const files = { "tagged.yaml": LABELED };
const START = ["kubectl apply -f job.yaml", "kubectl apply -f tagged.yaml", "sleep 5s"];
const out = (command: string) => commandOutput(START, command, { files });

describe("kubectl describe -f with -l", () => {
  it("a file object without the label is dropped, though the server's copy has it", () => {
    // The server's Job `work` carries job-name=work (copied from its template by defaulting).
    expect(out("kubectl describe -f job.yaml -l job-name=work")).toBe(
      "2> No resources found in default namespace.\n",
    );
  });

  it("a file object without the label is dropped: no NotFound", () => {
    expect(out("kubectl describe -f job.yaml -l x=y")).toBe("2> No resources found in default namespace.\n");
  });

  it("a file object whose own labels match is described from the server", () => {
    const text = out("kubectl describe -f tagged.yaml -l tier=batch --show-events=false");
    expect(text.startsWith("Name:             tagged\n")).toBe(true);
    expect(text).toContain("Pods Statuses:");
  });

  it("of two files, only the matching one is described", () => {
    const text = out("kubectl describe -f job.yaml -f tagged.yaml -l tier=batch --show-events=false");
    expect(text.match(/^Name: /gm)?.length).toBe(1);
    expect(text.startsWith("Name:             tagged\n")).toBe(true);
  });
});

describe("kubectl describe -f with -l, labels changed on the server", () => {
  it("the file's labels decide, the server's copy is described even without them", () => {
    const text = commandOutput(
      [...START, `kubectl patch job tagged --type=merge -p '{"metadata":{"labels":{"tier":"web"}}}'`],
      "kubectl describe -f tagged.yaml -l tier=batch --show-events=false",
      { files },
    );
    expect(text.startsWith("Name:             tagged\n")).toBe(true);
  });
});

describe("kubectl describe -f naming two Jobs, one missing", () => {
  // -f gives the builder no arguments (BuilderArgs is empty), so describe.go Run never switches
  // to DescribeMatchingResources: the Job found is described, the missing one is an error.
  it("describes the one found and reports the other", () => {
    const two = { ...files, "two.yaml": `${LABELED}---\n${LABELED.replace("tagged", "absent")}` };
    const text = commandOutput(START, "kubectl describe -f two.yaml --show-events=false", { files: two });
    expect(text.startsWith("Name:             tagged\n")).toBe(true);
    expect(text.endsWith('2> Error from server (NotFound): jobs.batch "absent" not found\n')).toBe(true);
  });
});
