import { describe, expect, it } from "vitest";
import { commandTranscript } from "./session.js";

/**
 * `kubectl get -w` watches one resource type: get.go `watch` asks the builder for
 * SingleResourceType (cli-runtime pkg/resource/builder.go `resourceMappings`: "you may only
 * specify a single resource type") and refuses several kinds of named objects
 * (`multipleGVKsRequested`); the builder stops at the first NotFound. A repeated type
 * (`jobs,jobs`) is one type: SplitResourceArgument drops the repeat.
 */

const cases: { command: string; expected: string }[] = [
  {
    command: "kubectl get jobs,pods -w",
    expected: "2> error: you may only specify a single resource type\n",
  },
  {
    command: "kubectl get pods,jobs --watch-only",
    expected: "2> error: you may only specify a single resource type\n",
  },
  {
    // Two types of one kind: resourceMappings counts the types before it finds their kinds.
    command: "kubectl get jobs,job -w",
    expected: "2> error: you may only specify a single resource type\n",
  },
  {
    command: "kubectl get job/work pod/work-skg54 -w",
    expected:
      "2> error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n",
  },
  {
    command: "kubectl get pod/nope pod/other -w",
    expected: '2> Error from server (NotFound): pods "nope" not found\n',
  },
  {
    command: "kubectl get jobs,pods",
    expected:
      "NAME             STATUS    COMPLETIONS   DURATION   AGE\njob.batch/work   Running   0/1           5s         5s\n\nNAME             READY   STATUS    RESTARTS   AGE\npod/work-skg54   1/1     Running   0          5s\n",
  },
];

describe("kubectl get -w with several resource types", () => {
  it.each(cases)("$command", ({ command, expected }) => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 5",
      command,
      "sleep 60",
      "kubectl get jobs",
    ]);
    const start = out.indexOf(`$ ${command}\n`) + command.length + 3;
    expect(out.slice(start, out.indexOf("$ sleep 60"))).toBe(expected);
    // Nothing is watched after the refusal: the next prompt follows directly.
    expect(out.slice(out.indexOf("$ sleep 60\n") + 11).startsWith("$ kubectl get jobs\n")).toBe(true);
  });
});

describe("kubectl get -w with a repeated type", () => {
  it("`jobs,jobs -w` watches as `jobs -w` does", () => {
    const run = (command: string) =>
      commandTranscript(["kubectl apply -f job.yaml", "sleep 5", command, "sleep 60", "kubectl get jobs"]);
    const repeated = run("kubectl get jobs,jobs -w");
    expect(repeated).toBe(run("kubectl get jobs -w").replace("get jobs -w", "get jobs,jobs -w"));
    expect(repeated).toContain("work   Running   0/1");
    expect(repeated).not.toContain("single resource type");
  });
});
