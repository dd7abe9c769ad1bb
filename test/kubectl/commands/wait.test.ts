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

/**
 * Several objects (wait.go RunWait over a builder that continues on error — builder_flags.go
 * ToBuilder, visitor.go ContinueOnErrorVisitor): each is waited for in turn against one
 * deadline; their errors are gathered, and cmdutil.CheckErr prints several (an aggregate) one
 * per line with no `error: ` prefix (MultipleErrors), one as usual.
 */
describe("kubectl wait on several objects", () => {
  const unschedulable = `apiVersion: batch/v1
kind: Job
metadata: {name: two}
spec:
  parallelism: 2
  completions: 2
  template:
    spec:
      containers: [{name: c, image: "app:1", resources: {requests: {cpu: "64"}}}]
      restartPolicy: Never
`;
  const run = (steps: string[]) =>
    commandTranscript(["kubectl apply -f two.yaml", ...steps], { files: { "two.yaml": unschedulable } });

  it("times out on every pod of a selector, one line each, after the one deadline", () => {
    const out = run([
      "kubectl wait --for=condition=Ready pod -l job-name=two --timeout=3s",
      "kubectl get job two -o jsonpath={.status.startTime}",
    ]);
    expect(out).toMatch(
      /\n2> timed out waiting for the condition on pods\/two-\w{5}\n2> timed out waiting for the condition on pods\/two-\w{5}\n/,
    );
    expect(out).not.toContain("2> error: timed out");
  });

  it("--timeout=0 checks each once", () => {
    expect(run(["kubectl wait --for=condition=Ready pod -l job-name=two --timeout=0"])).toMatch(
      /\n2> condition not met for pods\/two-\w{5}\n2> condition not met for pods\/two-\w{5}\n$/,
    );
  });

  it("a missing name does not stop the wait for the others; its NotFound comes in its turn", () => {
    expect(
      run([
        "kubectl wait --for=condition=Suspended=false job/two job/nope --timeout=3s",
        "kubectl get jobs --no-headers",
      ]),
    ).toContain(
      '2> timed out waiting for the condition on jobs/two\n2> Error from server (NotFound): jobs.batch "nope" not found\n',
    );
  });

  it("objects that meet the condition still say so; a single error keeps its prefix", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "kubectl wait --for=condition=complete job/work job/nope --timeout=60s",
      "kubectl wait --for=condition=complete job/work --timeout=60s",
      "kubectl wait --for=condition=complete job/nope --timeout=60s",
    ]);
    expect(out).toContain(
      [
        "$ kubectl wait --for=condition=complete job/work job/nope --timeout=60s",
        "job.batch/work condition met",
        '2> Error from server (NotFound): jobs.batch "nope" not found',
        "$ kubectl wait --for=condition=complete job/work --timeout=60s",
        "job.batch/work condition met",
        "$ kubectl wait --for=condition=complete job/nope --timeout=60s",
        '2> Error from server (NotFound): jobs.batch "nope" not found',
      ].join("\n"),
    );
  });

  it("once the deadline has passed, a later object times out even if it meets the condition", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f job.yaml",
        "kubectl apply -f two.yaml",
        "sleep 60s",
        "kubectl wait --for=condition=complete job/two job/work --timeout=5s",
      ],
      { files: { "two.yaml": unschedulable } },
    );
    expect(out).toContain(
      "2> timed out waiting for the condition on jobs/two\n2> timed out waiting for the condition on jobs/work\n",
    );
  });
});
