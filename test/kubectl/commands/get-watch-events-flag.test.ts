import { describe, expect, it } from "vitest";
import { commandTranscript } from "./session.js";

/**
 * `kubectl get -w --output-watch-events` (get.go `watch`: the list as ADDED events, then each
 * event wrapped in a metav1.WatchEvent): tables gain a first EVENT column whose cells are
 * `ADDED   `, `MODIFIED`, `DELETED ` (cli-runtime tableprinter.go formatEventType); -o json
 * prints each WatchEvent on one compact line (printers/json.go json.Marshal); -o yaml each as
 * a document with `object:` then `type:` (printers/yaml.go); -o name unwraps it (name.go);
 * jsonpath and custom-columns see `{type, object}`. Without -w it is a usage error (get.go
 * Validate).
 */

const cases: { command: string; expected: string }[] = [
  {
    command: "kubectl get pods -w --output-watch-events",
    expected: `EVENT      NAME         READY   STATUS              RESTARTS   AGE
ADDED      work-skg54   0/1     ContainerCreating   0          1s
$ sleep 40
MODIFIED   work-skg54   1/1     Running             0          3s
MODIFIED   work-skg54   0/1     Completed           0          8s
MODIFIED   work-skg54   0/1     Completed           0          9s
`,
  },
  {
    command: "kubectl get jobs -w --output-watch-events -A --no-headers",
    expected: `ADDED      default   work   Running   0/1   1s    1s
$ sleep 40
MODIFIED   default   work   Running   0/1   4s    4s
MODIFIED   default   work   SuccessCriteriaMet   0/1   9s    9s
MODIFIED   default   work   Complete             1/1   9s    9s
`,
  },
  {
    command: "kubectl get jobs -w --output-watch-events -o jsonpath='{.type}:{.object.status.succeeded};'",
    expected: "ADDED:;$ sleep 40\nMODIFIED:;MODIFIED:;MODIFIED:1;",
  },
  {
    command:
      "kubectl get pods --watch-only --output-watch-events -o custom-columns=T:.type,N:.object.metadata.name,NAME:.metadata.name",
    expected:
      "$ sleep 40\nT          N            NAME\nMODIFIED   work-skg54   <none>\nMODIFIED   work-skg54   <none>\nMODIFIED   work-skg54   <none>\n",
  },
  {
    command: "kubectl get jobs -w --output-watch-events -o name",
    expected: "job.batch/work\n$ sleep 40\njob.batch/work\njob.batch/work\njob.batch/work\n",
  },
  {
    command: "kubectl get jobs --output-watch-events",
    expected:
      "2> error: --output-watch-events option can only be used with --watch or --watch-only\n2> See 'kubectl get -h' for help and examples\n$ sleep 40\n",
  },
];

function watchOutput(command: string): string {
  const out = commandTranscript(
    ["kubectl apply -f job.yaml", "sleep 1", command, "sleep 40", "kubectl get jobs"],
    {
      runSeconds: 5,
    },
  );
  return out.slice(out.indexOf(`$ ${command}\n`) + command.length + 3, out.indexOf("$ kubectl get jobs\n"));
}

describe("kubectl get -w --output-watch-events", () => {
  it.each(cases)("$command", ({ command, expected }) => {
    expect(watchOutput(command)).toBe(expected);
  });

  it("-o json: one compact WatchEvent per line, type first", () => {
    const lines = watchOutput("kubectl get jobs -w --output-watch-events -o json")
      .split("\n")
      .filter((l) => l.startsWith("{"));
    expect(lines.map((l) => JSON.parse(l).type)).toEqual(["ADDED", "MODIFIED", "MODIFIED", "MODIFIED"]);
    for (const l of lines) expect(l.startsWith('{"type":"')).toBe(true);
    expect(lines[0]).toContain('"object":{"apiVersion":"batch/v1","kind":"Job","metadata":{');
  });

  it("-o yaml: documents with object: first, then type:", () => {
    const docs = watchOutput("kubectl get jobs -w --output-watch-events -o yaml")
      .replace("$ sleep 40\n", "")
      .split(/^---\n/m);
    expect(docs).toHaveLength(4);
    expect(docs.map((d) => /^type: (\w+)$/m.exec(d)?.[1])).toEqual([
      "ADDED",
      "MODIFIED",
      "MODIFIED",
      "MODIFIED",
    ]);
    for (const d of docs) expect(d.startsWith("object:\n  apiVersion: batch/v1\n  kind: Job\n")).toBe(true);
  });

  it("the listed Table is not sorted when wrapped in a WatchEvent", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f job.yaml",
        "sleep 60",
        "kubectl get pods -w --output-watch-events --sort-by=.status.startTime",
      ],
      { runSeconds: 5, completions: 3 },
    );
    expect(
      out.slice(out.indexOf("$ kubectl get pods -w")),
    ).toBe(`$ kubectl get pods -w --output-watch-events --sort-by=.status.startTime
2> warning: --watch or --watch-only requested, --sort-by will be ignored
EVENT      NAME         READY   STATUS      RESTARTS   AGE
ADDED      work-4qqpf   0/1     Completed   0          51s
ADDED      work-skg54   0/1     Completed   0          60s
ADDED      work-wxpqv   0/1     Completed   0          44s
`);
  });
});
