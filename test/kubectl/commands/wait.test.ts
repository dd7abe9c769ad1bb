import { describe, expect, it } from "vitest";
import { commandOutput, commandTranscript } from "./session.js";

/**
 * `kubectl wait --timeout=0` checks once and waits for nothing: condition.go
 * getObjAndCheckCondition and delete.go IsDeleted answer `condition not met for
 * <resource>/<name>` (info.ObjectName()) in their `o.Timeout == 0` branch, where a timeout
 * that runs out says `timed out waiting for the condition on <resource>/<name>`.
 */

function outputOf(command: string, steps: string[]): string {
  return commandOutput(steps, command);
}

describe("kubectl wait --timeout=0", () => {
  it.each([
    {
      name: "a condition not yet met: checked once, not waited for",
      steps: ["kubectl apply -f job.yaml"],
      command: "kubectl wait --for=condition=complete job/work --timeout=0",
      expected: "2> error: condition not met for jobs/work\n",
    },
    {
      name: "0s is zero too",
      steps: ["kubectl apply -f job.yaml"],
      command: "kubectl wait --for=condition=complete job/work --timeout=0s",
      expected: "2> error: condition not met for jobs/work\n",
    },
    {
      name: "--for=delete of an object that exists",
      steps: ["kubectl apply -f job.yaml"],
      command: "kubectl wait --for=delete job/work --timeout=0",
      expected: "2> error: condition not met for jobs/work\n",
    },
    {
      name: "a jsonpath condition not met",
      steps: ["kubectl apply -f job.yaml"],
      command: "kubectl wait --for=jsonpath={.status.succeeded}=1 job/work --timeout=0",
      expected: "2> error: condition not met for jobs/work\n",
    },
    {
      name: "a pod's condition",
      steps: ["kubectl apply -f job.yaml"],
      command: "kubectl wait --for=condition=Ready pod -l job-name=work --timeout=0",
      expected: "2> error: condition not met for pods/work-skg54\n",
    },
    {
      name: "a condition already met",
      steps: ["kubectl apply -f job.yaml", "sleep 1m"],
      command: "kubectl wait --for=condition=complete job/work --timeout=0",
      expected: "job.batch/work condition met\n",
    },
    {
      name: "a positive timeout that runs out keeps its own message",
      steps: ["kubectl apply -f job.yaml"],
      command: "kubectl wait --for=condition=complete job/work --timeout=1s",
      expected: "2> error: timed out waiting for the condition on jobs/work\n",
    },
  ])("$name", ({ steps, command, expected }) => {
    expect(outputOf(command, steps)).toBe(expected);
  });

  it("spends no simulated time", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "kubectl wait --for=condition=complete job/work --timeout=0",
      "kubectl get jobs",
    ]);
    expect(out).toContain("work   Running   0/1           0s         0s\n");
  });
});

describe("commands built on the resource builder, given no resource", () => {
  const MISSING = `2> error: You must provide one or more resources by argument or filename.
2> Example resource specifications include:
2>    '-f rsrc.yaml'
2>    '--filename=rsrc.json'
2>    '<resource> <name>'
2>    '<resource>'
`;
  it.each(["kubectl delete", "kubectl wait --for=delete"])(
    "%s: cli-runtime builder.go missingResourceError",
    (command) => {
      expect(outputOf(command, ["kubectl apply -f job.yaml"])).toBe(MISSING);
    },
  );
});

describe("kubectl wait --for=delete ignores what is already gone (wait.go RunWait: IgnoreErrors(IsNotFound))", () => {
  it.each([
    {
      name: "a selector that matches nothing: success, nothing printed",
      steps: ["kubectl apply -f job.yaml", "sleep 10s", "kubectl delete job work"],
      command: "kubectl wait --for=delete pod -l job-name=work --timeout=60s",
      expected: "",
    },
    {
      name: "--all in a namespace with no Jobs",
      steps: [],
      command: "kubectl wait --for=delete jobs --all --timeout=5s",
      expected: "",
    },
    {
      name: "any other condition still needs a match",
      steps: [],
      command: "kubectl wait --for=condition=complete jobs --all --timeout=5s",
      expected: "2> error: no matching resources found\n",
    },
  ])("$name", ({ steps, command, expected }) => {
    expect(commandOutput(steps, command)).toBe(expected);
  });

  it("a missing name among several: the others are still waited for", () => {
    // Job `short` is removed by its TTL when it completes (about 33 s): the wait, begun at
    // 10 s, skips job/gone and waits for it.
    const ttl = `apiVersion: batch/v1
kind: Job
metadata: {name: short}
spec:
  ttlSecondsAfterFinished: 0
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
    const out = commandTranscript(
      [
        "kubectl apply -f ttl.yaml",
        "sleep 10s",
        "kubectl wait --for=delete job/gone job/short --timeout=2m",
        "kubectl get jobs",
      ],
      { files: { "ttl.yaml": ttl } },
    );
    expect(out).toContain(
      "$ kubectl wait --for=delete job/gone job/short --timeout=2m\njob.batch/short condition met\n$ kubectl get jobs\n2> No resources found in default namespace.\n",
    );
  });
});
