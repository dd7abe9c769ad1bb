import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../../src/analysis/monte-carlo.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * `kubectl logs` over several pods or containers (staging/src/k8s.io/kubectl/pkg/cmd/logs
 * logs.go RunLogs; polymorphichelpers/logsforobject.go): requests are built pod by pod in list
 * order — a `-c` that names no container of a pod ends the command there; read one after
 * another, the first error ends the command (sequentialConsumeRequest) unless --ignore-errors,
 * which writes `error: <message>` among the logs; followed all at once (parallelConsumeRequest),
 * at most --max-log-requests (5) of them, lines in the order they are written.
 */

/** Job `fl` of `parallelism` pods; by default its image's first pod runs 20 s, the others 5 s. */
function scenarioText(steps: string[], parallelism = 2, image = SCRIPTED): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: streams}
seed: 1
images:
  busybox:1.36: ${image}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: fl}
    spec:
      parallelism: ${parallelism}
      completions: ${parallelism}
      template:
        spec:
          containers: [{name: main, image: "busybox:1.36"}]
          restartPolicy: Never
steps:
${["kubectl apply -f job.yaml", ...steps].map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
}

const SCRIPTED =
  "{pullSeconds: 2, startSeconds: 0.5, startLog: start, script: [{exitCode: 0, log: end-slow, runSeconds: 20}, {exitCode: 0, log: end-fast, runSeconds: 5}]}";

function session(steps: string[], parallelism = 2): string {
  return sessionTranscript(parseScenario(scenarioText(steps, parallelism), "streams.yaml", "/nonexistent"), {
    stderrPrefix: "2> ",
  });
}

describe("kubectl logs -l -f: every stream at once", () => {
  it("interleaves the pods' lines in the order they were written", () => {
    const out = session(["sleep 4s", "kubectl logs -l job-name=fl -f --prefix"]);
    const lines = out.split("\n").filter((l) => l.startsWith("[pod/"));
    expect(lines.map((l) => l.replace(/fl-\w{5}/, "fl-X"))).toEqual([
      "[pod/fl-X/main] start",
      "[pod/fl-X/main] start",
      "[pod/fl-X/main] end-fast",
      "[pod/fl-X/main] end-slow",
    ]);
    // The fast pod's end comes before the slow pod's, whichever pod started first.
    const fast = lines[2].slice(0, lines[2].indexOf("]"));
    const slow = lines[3].slice(0, lines[3].indexOf("]"));
    expect(fast).not.toBe(slow);
  });

  it("refuses more than --max-log-requests streams (5), and follows them when allowed", () => {
    const refused = session(["sleep 4s", "kubectl logs -l job-name=fl -f"], 6);
    expect(refused).toContain(
      "2> error: you are attempting to follow 6 log streams, but maximum allowed concurrency is 5, use --max-log-requests to increase the limit\n",
    );
    const allowed = session(["sleep 4s", "kubectl logs -l job-name=fl -f --max-log-requests=6"], 6);
    expect(allowed.split("\n").filter((l) => l === "start")).toHaveLength(6);
  });
});

describe("kubectl logs -l: one request after another", () => {
  it("the first error ends the command: one line, exit status 1", () => {
    // At 1 s every pod is still pulling its image.
    const out = session(["sleep 1s", "kubectl logs -l job-name=fl"], 3);
    expect(out.match(/is waiting to start: ContainerCreating/g)).toHaveLength(1);
    expect(out).toMatch(
      /2> Error from server \(BadRequest\): container "main" in pod "fl-\w{5}" is waiting to start: ContainerCreating\n$/,
    );
  });

  it("--ignore-errors writes each error among the logs and goes on", () => {
    const out = session(["sleep 1s", "kubectl logs -l job-name=fl --ignore-errors"], 3);
    expect(
      out.match(/\nerror: container "main" in pod "fl-\w{5}" is waiting to start: ContainerCreating/g),
    ).toHaveLength(3);
    expect(out).not.toContain("2> ");
  });

  it("a -c that names no container ends it at the first pod, before any log", () => {
    const out = session(["sleep 30s", "kubectl logs -l job-name=fl -c nope"], 3);
    expect(out).toMatch(
      /\$ kubectl logs -l job-name=fl -c nope\n2> error: container nope is not valid for pod fl-\w{5}\n$/,
    );
  });
});

describe("kubectl logs -f of a container that has not started", () => {
  it("answers at once that it is waiting to start (validateContainerLogStatus), letting no time pass", () => {
    const out = session(["kubectl logs -f job/fl", "kubectl get pods --no-headers"], 1);
    expect(out).toMatch(
      /\$ kubectl logs -f job\/fl\n2> Error from server \(BadRequest\): container "main" in pod "fl-\w{5}" is waiting to start: ContainerCreating\n\$ kubectl get pods --no-headers\nfl-\w{5} +0\/1 +ContainerCreating +0 +0s\n/,
    );
  });

  it("follows it to its end once it runs", () => {
    const out = session(["sleep 3s", "kubectl logs -f job/fl", "kubectl get pods --no-headers"], 1);
    expect(out).toMatch(
      /\$ kubectl logs -f job\/fl\nstart\nend-slow\n\$ kubectl get pods --no-headers\nfl-\w{5} +0\/1 +Completed +0 +2\ds\n/,
    );
  });
});

describe("Monte Carlo replays logs -f job/NAME the same way", () => {
  it("a container not yet started is not waited for: a patch after it comes at once", () => {
    const steps = [
      "kubectl logs -f job/fl",
      `kubectl patch job fl -p '{"spec":{"activeDeadlineSeconds":10}}'`,
      "sleep 1h",
    ];
    const text = scenarioText(
      steps,
      1,
      "{pullSeconds: 2, startSeconds: 0.5, runSeconds: 20, outcomes: [{probability: 1, exitCode: 0}]}",
    );
    const mc = new MonteCarlo(parseScenario(text, "follow.yaml", "/nonexistent"), 1);
    const [result] = mc.runOne(0);
    // The deadline counts from the Job's start: patched at once, it fails the Job at 10 s; had
    // the follow waited for the container's end (~22 s), it would have failed it then.
    expect(result.outcome).toBe("Failed");
    expect(result.reason).toBe("DeadlineExceeded");
    expect(result.durationMs).toBeLessThan(15_000);
  });
});

describe("kubectl logs -f of several containers, one restarting", () => {
  it("each stream shows the run it asked for and ends with it; the command ends with the last", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: follow2}
seed: 1
images:
  crash:1: {pullSeconds: 1, startSeconds: 0.5, startLog: a-start, outcomes: [{probability: 1, exitCode: 1, log: a-crash, runSeconds: 10}]}
  slow:1: {pullSeconds: 1, startSeconds: 0.5, startLog: b-start, outcomes: [{probability: 1, exitCode: 0, log: b-end, runSeconds: 35}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: two}
    spec:
      template:
        spec:
          containers: [{name: a, image: "crash:1"}, {name: b, image: "slow:1"}]
          restartPolicy: OnFailure
steps:
  - kubectl apply -f job.yaml
  - sleep 3s
  - kubectl logs -f job/two --all-containers --prefix
  - kubectl get pods --no-headers
`;
    const out = sessionTranscript(parseScenario(text, "follow2.yaml", "/nonexistent"));
    // a's first run (it restarts at ~12 s and crashes again at ~23 s, unseen), b's only run.
    expect(out).toMatch(
      /\$ kubectl logs -f job\/two --all-containers --prefix\n\[pod\/two-\w{5}\/a\] a-start\n\[pod\/two-\w{5}\/b\] b-start\n\[pod\/two-\w{5}\/a\] a-crash\n\[pod\/two-\w{5}\/b\] b-end\n\$ kubectl get pods --no-headers\ntwo-\w{5} .* 38s\n/,
    );
  });
});
