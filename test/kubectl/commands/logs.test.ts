import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl logs --timestamps / --since / --since-time`: logs.go ToLogOptions and Validate, and
 * the kubelet's ReadLogs (kuberuntime/logs/logs.go): the last --tail lines, those written
 * before `since` skipped, each stamped in RFC3339NanoFixed when asked. The command scenario's
 * container starts at 3 s (2 s pull, 1 s start) and prints `ok` when it exits at 33 s.
 */

function outputOf(command: string, steps: string[]): string {
  return commandOutput(steps, command);
}

const RAN = ["kubectl apply -f job.yaml", "sleep 1m"];

describe("kubectl logs --timestamps and --since", () => {
  it.each([
    ["kubectl logs job/work --timestamps", "2026-01-01T00:00:33.000000000Z ok\n"],
    ["kubectl logs job/work --timestamps --prefix", "[pod/work-skg54/c] 2026-01-01T00:00:33.000000000Z ok\n"],
    ["kubectl logs job/work --since=30s", "ok\n"], // written at 33 s, since 60 - 30 = 30 s
    ["kubectl logs job/work --since=20s", ""], // since 40 s: the line is older
    // Rounded to whole seconds: 26.6 s is 27 s, since 33 s, and the line of 33 s is kept
    // (truncated to 26 s it would be lost); 26.4 s is 26 s, since 34 s.
    ["kubectl logs job/work --since=26600ms", "ok\n"],
    ["kubectl logs job/work --since=26400ms", ""],
    ["kubectl logs job/work --since-time=2026-01-01T00:00:33Z", "ok\n"],
    ["kubectl logs job/work --since-time=2026-01-01T00:00:34+00:00", ""],
    ["kubectl logs job/work --since-time=2026-01-01T01:00:33.9+01:00", "ok\n"], // whole seconds: 00:00:33
    ["kubectl logs job/work --tail=0 --timestamps", ""],
  ])("%s", (command, expected) => {
    expect(outputOf(command, RAN)).toBe(expected);
  });

  it.each([
    ["kubectl logs job/work --since=-3s", "2> error: --since must be greater than 0\n"],
    [
      "kubectl logs job/work --since=3x",
      '2> error: invalid argument "3x" for "--since" flag: time: unknown unit "x" in duration "3x"\n2> See \'kubectl logs --help\' for usage.\n',
    ],
    [
      "kubectl logs job/work --since-time=2026-13-01T00:00:00Z",
      '2> error: parsing time "2026-13-01T00:00:00Z": month out of range\n',
    ],
    [
      "kubectl logs job/work --since=5s --since-time=2026-01-01T00:00:00Z",
      "2> error: at most one of `sinceTime` or `sinceSeconds` may be specified\n",
    ],
  ])("%s: refused as logs.go does", (command, expected) => {
    expect(outputOf(command, RAN)).toBe(expected);
  });
});

describe("kubectl logs job/NAME among pods created in the same second", () => {
  // GetFirstPod sorts the API's list (name order) by ByLogging, whose creationTimestamps are
  // whole seconds: equal ones leave the pods in name order, so the first name is read.
  it("reads the pod first by name, whatever order the controller made them in", () => {
    const pair = `apiVersion: batch/v1
kind: Job
metadata: {name: pair}
spec:
  parallelism: 3
  completions: 3
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
    const steps = ["kubectl apply -f pair.yaml", "sleep 1m"];
    const opts = { files: { "pair.yaml": pair } };
    const names = commandOutput(steps, "kubectl get pods -o name", opts)
      .trim()
      .split("\n")
      .map((l) => l.replace("pod/", ""));
    expect(names).toHaveLength(3);
    const logs = commandOutput(steps, "kubectl logs job/pair", opts);
    expect(logs).toBe(`2> Found 3 pods, using pod/${[...names].sort()[0]}\nok\n`);
  });
});
