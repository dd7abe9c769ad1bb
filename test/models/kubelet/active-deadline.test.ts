import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";
import { commandTranscript } from "../../kubectl/commands/session.js";

/**
 * A pod's spec.activeDeadlineSeconds (pkg/kubelet/active_deadline.go): once that long past
 * startTime the kubelet reports the pod Failed with reason DeadlineExceeded, records the event,
 * and kills its containers; the Job counts the failure. The command scenario's container starts
 * at 3 s and would run 30 s; the deadline here is 10 s after the pod's start (0 s). Its
 * container stops at once on SIGTERM; the last tests give it 5 s to stop, the window in which
 * status_manager.go mergePodStatus keeps the pod Running.
 */

const job = (backoffLimit: number, deadlineSeconds = 10) => `apiVersion: batch/v1
kind: Job
metadata: {name: dl}
spec:
  backoffLimit: ${backoffLimit}
  template:
    spec:
      activeDeadlineSeconds: ${deadlineSeconds}
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

function session(steps: string[], backoffLimit = 0): string {
  return commandTranscript(["kubectl apply -f dl.yaml", ...steps], {
    files: { "dl.yaml": job(backoffLimit) },
  });
}

describe("a pod past its activeDeadlineSeconds", () => {
  it("is still running before the deadline", () => {
    expect(session(["sleep 9s", "kubectl get pods --no-headers"])).toMatch(/dl-\w{5} +1\/1 +Running/);
  });

  it("is Failed, DeadlineExceeded, its container killed (SIGTERM: 143)", () => {
    const out = session([
      "sleep 15s",
      "kubectl get pods -o jsonpath={.items[0].status.phase}/{.items[0].status.reason}/{.items[0].status.message}/{.items[0].status.containerStatuses[0].state.terminated.exitCode}",
    ]);
    expect(out).toContain(
      "Failed/DeadlineExceeded/Pod was active on the node longer than the specified deadline/143",
    );
  });

  it("the kubelet records the event", () => {
    expect(session(["sleep 15s", "kubectl events --types=Normal"])).toMatch(
      /Normal +DeadlineExceeded +Pod\/dl-\w{5} +Pod was active on the node longer than the specified deadline/,
    );
  });

  it("records it at each status the kubelet builds past the deadline: SyncPod, SyncTerminatingPod before and after killPod, SyncTerminatedPod", () => {
    // (active_deadline.go ShouldEvict records the event each time generateAPIPodStatus asks.)
    expect(session(["sleep 15s", "kubectl describe pods"])).toMatch(
      /Normal +DeadlineExceeded +\S+ \(x4 over \S+\) +kubelet +Pod was active on the node longer than the specified deadline/,
    );
  });

  it("the Job counts the failure: backoffLimit 0 fails it", () => {
    expect(
      session([
        "sleep 20s",
        "kubectl get job dl -o jsonpath={.status.failed}/{.status.conditions[-1:].reason}",
      ]),
    ).toContain("1/BackoffLimitExceeded");
  });

  it("with backoffLimit 1 a replacement comes 10 s after the failure and meets the same deadline", () => {
    const out = session(
      ["sleep 45s", "kubectl get pods --no-headers", "kubectl get job dl -o jsonpath={.status.failed}"],
      1,
    );
    expect(out.match(/dl-\w{5} +0\/1 +Error/g)?.length).toBe(2);
    expect(out.endsWith("2")).toBe(true);
  });
});

/** The deadline Job of the tests above, with an image of its own, in a one-node cluster. */
function withImage(image: string, steps: string[], backoffLimit = 0, deadlineSeconds = 10): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: deadline}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1: ${image}
files:
  dl.yaml: ${JSON.stringify(job(backoffLimit, deadlineSeconds))}
steps:
${["kubectl apply -f dl.yaml", ...steps].map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "deadline.yaml", "/nonexistent"));
}

/** Its container takes 5 s to stop after SIGTERM. */
const slowStop = (steps: string[]) =>
  withImage(
    "{pullSeconds: 2, startSeconds: 1, runSeconds: 30, terminationSeconds: 5, outcomes: [{probability: 1, exitCode: 0, log: ok}]}",
    steps,
  );

const POD_STATE = `kubectl get pods -o 'jsonpath={.items[0].status.phase}/{.items[0].status.reason}/{.items[0].status.conditions[?(@.type=="Ready")].status}/{.items[0].status.conditions[?(@.type=="Ready")].reason}/{.items[0].status.conditions[?(@.type=="ContainersReady")].reason}/{.items[0].status.containerStatuses[0].state.terminated.exitCode}'`;
const JOB_STATE =
  "kubectl get job dl -o 'jsonpath=;{.status.active}/{.status.ready}/{.status.failed}/{.status.conditions[-1:].type}'";

describe("a pod past its activeDeadlineSeconds whose containers take time to stop", () => {
  it("stays Running, not Ready (PodFailed), while they stop; the Job counts it active and not ready", () => {
    // Deadline seen at the first 1 s tick after 10 s; the container stops 5 s later.
    const out = slowStop(["sleep 13s", POD_STATE, JOB_STATE]);
    expect(out).toContain("\nRunning//False/PodFailed/PodFailed/$ ");
    expect(out).toMatch(/\n;1\/0\/\/$/);
  });

  it("goes Failed, DeadlineExceeded, once they have stopped (143); the Job fails after that, not before", () => {
    const out = slowStop(["sleep 17s", POD_STATE, JOB_STATE]);
    expect(out).toContain("\nFailed/DeadlineExceeded/False/PodFailed/PodFailed/143$ ");
    // (active 0 is omitted: omitempty)
    expect(out).toMatch(/\n;\/0\/1\/Failed$/);
  });
});

describe("Ready and ContainersReady of a pod in a terminal phase (generate.go ...ForTerminalPhase)", () => {
  const conditions = `kubectl get pods -o 'jsonpath={.items[0].status.phase}:{.items[0].status.conditions[?(@.type=="Ready")].reason}/{.items[0].status.conditions[?(@.type=="ContainersReady")].reason}'`;
  it("reason PodFailed when it failed", () => {
    expect(
      commandTranscript(["kubectl apply -f job.yaml", "sleep 40s", conditions], { exitCode: 1 }),
    ).toContain("Failed:PodFailed/PodFailed");
  });

  it("reason PodCompleted when it succeeded", () => {
    expect(commandTranscript(["kubectl apply -f job.yaml", "sleep 40s", conditions])).toContain(
      "Succeeded:PodCompleted/PodCompleted",
    );
  });
});

/**
 * status_manager.go updateLastTransitionTime keeps a condition's time while its status stays
 * (False/ContainersNotReady → False/PodFailed is no transition). For a pod whose container never
 * started, that time is what the Job controller's back-off counts from (backoff_utils.go
 * getFinishedTime falls back to the Ready=False transition when no container has finishedAt).
 */
describe("a pod past its deadline before its container started", () => {
  /** Its image takes 60 s to pull: the 15 s deadline comes first. */
  const neverStarted = (steps: string[]) =>
    withImage("{pullSeconds: 60, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}", steps, 1, 15);

  it("keeps the time its conditions turned False (creation), whatever their new reason", () => {
    const out = neverStarted([
      "sleep 17s",
      `kubectl get pods -o 'jsonpath={range .items[*].status.conditions[*]}{.type}={.status}/{.reason}@{.lastTransitionTime} {end}'`,
    ]);
    expect(out).toContain(
      "PodReadyToStartContainers=False/@2026-01-01T00:00:00Z Initialized=True/@2026-01-01T00:00:00Z Ready=False/PodFailed@2026-01-01T00:00:00Z ContainersReady=False/PodFailed@2026-01-01T00:00:00Z",
    );
  });

  it("so its replacement comes at the sync that counts the failure: the 10 s back-off already passed", () => {
    // The deadline is seen at the 1 s tick after 15 s; the failure is counted ~1 s later.
    const out = neverStarted([
      "sleep 40s",
      "kubectl get pods --sort-by=.metadata.creationTimestamp --no-headers",
    ]);
    expect(out).toMatch(/dl-\w{5} +0\/1 +ContainerStatusUnknown +0 +40s\ndl-\w{5} +0\/1 +\w+ +0 +2[34]s\n/);
  });
});
