import { describe, expect, it } from "vitest";
import { commandTranscript } from "./session.js";

/**
 * `kubectl get -w -o FORMAT`: get.go `watch` prints the listed objects one by one and then
 * every watch event's object through the same printer — for every format, not only tables.
 * -o name: one line each (cli-runtime printers/name.go); -o jsonpath: the template per object,
 * with no newline of its own (printers/jsonpath.go); -o custom-columns: a fresh tabwriter per
 * object, so each row is aligned alone and the header comes only once (kubectl
 * customcolumn.go `PrintObj`); -o yaml: `---` before every document after the first
 * (printers/yaml.go counts its calls); -o json: indented objects one after another
 * (printers/json.go).
 */

const cases: { command: string; expected: string }[] = [
  {
    command: "kubectl get pods -w -o name",
    expected: "pod/work-skg54\n$ sleep 40\npod/work-skg54\npod/work-skg54\npod/work-skg54\n",
  },
  {
    command: "kubectl get jobs -w -o jsonpath='{.metadata.name}:{.status.active}:{.status.succeeded};'",
    expected: "work:1:;$ sleep 40\nwork:1:;work::;work::1;",
  },
  {
    command:
      "kubectl get pods -w -o custom-columns=NAME:.metadata.name,PHASE:.status.phase,READY:.status.containerStatuses[0].ready",
    expected: `NAME         PHASE     READY
work-skg54   Pending   false
$ sleep 40
work-skg54   Running   true
work-skg54   Succeeded   false
work-skg54   Succeeded   false
`,
  },
  {
    command:
      "kubectl get jobs --watch-only -o custom-columns=NAME:.metadata.name,OK:.status.succeeded --no-headers",
    expected: "$ sleep 40\nwork   <none>\nwork   <none>\nwork   1\n",
  },
  {
    command: "kubectl get job work --watch-only -o name",
    expected: "$ sleep 40\njob.batch/work\njob.batch/work\njob.batch/work\n",
  },
];

function watchOutput(command: string): string {
  const out = commandTranscript(["kubectl apply -f job.yaml", command, "sleep 40", "kubectl get jobs"], {
    runSeconds: 5,
  });
  return out.slice(out.indexOf(`$ ${command}\n`) + command.length + 3, out.indexOf("$ kubectl get jobs\n"));
}

describe("kubectl get -w -o FORMAT prints each watch event in that format", () => {
  it.each(cases)("$command", ({ command, expected }) => {
    expect(watchOutput(command)).toBe(expected);
  });

  it("-o yaml: one document per object and event, '---' before each after the first", () => {
    const out = watchOutput("kubectl get pods -w -o yaml");
    const [listed, watched] = out.split("$ sleep 40\n");
    expect(listed.startsWith("apiVersion: v1\nkind: Pod\n")).toBe(true);
    expect(listed).not.toContain("---");
    expect(listed).not.toContain("kind: List");
    const docs = watched.split(/^---\n/m);
    expect(docs[0]).toBe("");
    expect(docs.slice(1).map((d) => /^ {2}phase: (\w+)$/m.exec(d)?.[1])).toEqual([
      "Running",
      "Succeeded",
      "Succeeded",
    ]);
    for (const d of docs.slice(1)) expect(d.startsWith("apiVersion: v1\nkind: Pod\n")).toBe(true);
  });

  it("-o json: indented objects one after another, no List and no separator", () => {
    const out = watchOutput("kubectl get pods -w -o json");
    const starts = out.split("\n").filter((l) => l === "{").length;
    const ends = out.split("\n").filter((l) => l === "}").length;
    expect([starts, ends]).toEqual([4, 4]);
    expect(out).not.toContain('"kind": "List"');
    expect(out.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Pod",\n')).toBe(true);
  });

  it("an execution error in the list: 'unable to output the provided object', exit 1, no watch", () => {
    const out = watchOutput("kubectl get jobs -w -o jsonpath={.metadata.name[0]}");
    expect(out.split("\n")[0]).toBe(
      '2> error: unable to output the provided object: error executing jsonpath "{.metadata.name[0]}": Error executing template: string is not array or slice. Printing more information for debugging the template:',
    );
    expect(out.endsWith("2> \n2> \n$ sleep 40\n")).toBe(true);
  });
  it("a deletion's DELETED event carries the previous object with the deletion's resourceVersion", () => {
    // cache_watcher.go convertToWatchEvent: the PrevObject, updateResourceVersion'd to the event's.
    // The TTL controller deletes the Job (foreground): MODIFIED with the finalizer, then DELETED.
    const ttlJob = `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  ttlSecondsAfterFinished: 0
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
    const watch =
      "kubectl get job work -w --output-watch-events -o jsonpath='{.type} {.object.metadata.resourceVersion} {.object.metadata.finalizers};'";
    const out = commandTranscript(["kubectl apply -f ttl.yaml", watch, "sleep 40", "kubectl get jobs"], {
      runSeconds: 5,
      files: { "ttl.yaml": ttlJob },
    });
    const events = out.slice(out.indexOf("$ sleep 40\n") + 12, out.indexOf("$ kubectl get jobs")).split(";");
    const [modified, deleted] = events.slice(-3, -1);
    expect(modified).toMatch(/^MODIFIED \d+ \["foregroundDeletion"\]$/);
    expect(deleted).toMatch(/^DELETED \d+ \["foregroundDeletion"\]$/);
    expect(Number(deleted.split(" ")[1])).toBeGreaterThan(Number(modified.split(" ")[1]));
  });
});
