import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";
import { commandTranscript } from "../../kubectl/commands/session.js";

/**
 * The container states a pod ends with when it is terminated before its containers did
 * (kubelet.go SyncTerminatingPod / SyncTerminatedPod, status_manager.go TerminatePod):
 * a container that never started is reported terminated, reason ContainerStatusUnknown, exit
 * code 137, with no times; a crash-looping container of a deleted pod shows its last run
 * (ShouldContainerBeRestarted is false once the pod is deleted). The command scenario's image
 * pulls for 2 s, starts in 1 s and runs 30 s.
 */

const STATE = "{.items[0].status.containerStatuses[0].state.terminated}";

function pfpJob(): string {
  return `apiVersion: batch/v1
kind: Job
metadata: {name: pf}
spec:
  podFailurePolicy:
    rules:
    - action: FailJob
      onExitCodes: {operator: NotIn, values: [0]}
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
}

describe("a pod deleted while its image is pulling", () => {
  const steps = [
    "kubectl apply -f job.yaml",
    "sleep 1s",
    "kubectl delete pods -l job-name=work --wait=false",
  ];

  it("shows ContainerStatusUnknown, exit code 137, null times and no container ID", () => {
    const out = commandTranscript([
      ...steps,
      "kubectl get pods --no-headers",
      "kubectl get pods -o yaml",
      "kubectl get pods -o jsonpath={.items[0].status.phase}",
    ]);
    expect(out).toMatch(/work-\w{5} +0\/1 +ContainerStatusUnknown +0 +1s/);
    expect(out).toContain(
      [
        "      state:",
        "        terminated:",
        "          exitCode: 137",
        "          finishedAt: null",
        "          message: The container could not be located when the pod was terminated",
        "          reason: ContainerStatusUnknown",
        "          startedAt: null",
      ].join("\n"),
    );
    expect(out).not.toMatch(/containerID:/);
    expect(out).toMatch(/\{\.items\[0\]\.status\.phase\}\nFailed$/);
  });

  it("describe prints the state with Go's zero time, and logs says the container is terminated", () => {
    const out = commandTranscript([
      ...steps,
      "kubectl describe pods -l job-name=work",
      "kubectl logs -l job-name=work",
    ]);
    expect(out).toContain(
      [
        "    State:          Terminated",
        "      Reason:       ContainerStatusUnknown",
        "      Message:      The container could not be located when the pod was terminated",
        "      Exit Code:    137",
        "      Started:      Mon, 01 Jan 0001 00:00:00 +0000",
        "      Finished:     Mon, 01 Jan 0001 00:00:00 +0000",
      ].join("\n"),
    );
    expect(out).toMatch(/Error from server \(BadRequest\): container "c" in pod "work-\w{5}" is terminated/);
  });

  it("counts as a failure with exit code 137: a NotIn [0] FailJob rule fails the Job", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f pf.yaml",
        "sleep 1s",
        "kubectl delete pods -l job-name=pf --wait=false",
        "sleep 5s",
        "kubectl get job pf -o jsonpath={.status.conditions[-1:].type}/{.status.conditions[-1:].message}",
        "kubectl get pods -l job-name=pf --no-headers",
      ],
      { files: { "pf.yaml": pfpJob() } },
    );
    expect(out).toMatch(
      /Failed\/Container c for pod default\/pf-\w{5} failed with exit code 137 matching FailJob rule at index 0\$ /,
    );
    // No replacement: the Job failed.
    expect(out).toMatch(/-l job-name=pf --no-headers\n2> No resources found in default namespace\.\n$/);
  });
});

describe("a crash-looping pod that is deleted", () => {
  it("shows its last run terminated (Error, exit 1), not CrashLoopBackOff", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f job.yaml",
        // (CrashLoopBackOff shows from the pod worker's retry, until the restarted run starts.)
        "kubectl wait --for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=CrashLoopBackOff pods -l job-name=work --timeout=1m",
        "kubectl get pods --no-headers",
        "kubectl delete pods -l job-name=work --wait=false",
        "kubectl get pods --no-headers",
        `kubectl get pods -o jsonpath=${STATE.replace("}", ".exitCode}")}/{.items[0].status.containerStatuses[0].lastState.terminated.exitCode}`,
      ],
      { restartPolicy: "OnFailure", exitCode: 1, runSeconds: 1 },
    );
    const rows = out.match(/work-\w{5} +\d\/\d +\S+/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/0\/1 +CrashLoopBackOff$/);
    expect(rows[1]).toMatch(/0\/1 +Error$/);
    expect(out).toMatch(/\n1\/1$/);
  });
});

describe("a deleted pod with a running container and a crash-looping one", () => {
  // Container a runs on and takes 20 s to stop; b fails at once and waits to restart.
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: multi}
seed: 5
images:
  slow:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: 1000, terminationSeconds: 20, outcomes: [{probability: 1, exitCode: 0}]}
  crash:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: 1, outcomes: [{probability: 1, exitCode: 1, log: boom}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: m}
    spec:
      backoffLimit: 100
      template:
        spec:
          containers: [{name: a, image: "slow:1"}, {name: b, image: "crash:1"}]
          restartPolicy: OnFailure
steps:
  - kubectl apply -f job.yaml
  - kubectl wait --for=jsonpath={.status.containerStatuses[1].state.waiting.reason}=CrashLoopBackOff pods -l job-name=m --timeout=2m
  - kubectl get pods --no-headers
  - kubectl delete pods -l job-name=m --wait=false
  - sleep 5s
  - "kubectl get pods -o 'jsonpath={.items[?(@.metadata.deletionTimestamp)].status.containerStatuses[1].state}'"
`;

  it("shows b's last run (Error) from the start of the grace period, as SyncTerminatingPod's first status does", () => {
    const out = sessionTranscript(parseScenario(text, "multi.yaml", "/nonexistent"));
    expect(out).toMatch(/m-\w{5} +1\/2 +CrashLoopBackOff/);
    expect(out).toMatch(
      /\{"terminated":\{"containerID":"containerd:\/\/[0-9a-f]{64}","exitCode":1,"finishedAt":"[^"]+","reason":"Error"/,
    );
    expect(out).not.toMatch(/state\}\n\{"waiting"/);
  });
});

describe("a pod past its own activeDeadlineSeconds before its container started", () => {
  it("is Failed with the container in ContainerStatusUnknown", () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: dl}
spec:
  backoffLimit: 0
  template:
    spec:
      activeDeadlineSeconds: 1
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
    const out = commandTranscript(
      [
        "kubectl apply -f dl.yaml",
        "sleep 3s",
        "kubectl get pods -l job-name=dl -o jsonpath={.items[0].status.reason}/{.items[0].status.containerStatuses[0].state.terminated.reason}",
      ],
      { files: { "dl.yaml": job } },
    );
    expect(out).toContain("DeadlineExceeded/ContainerStatusUnknown");
  });
});
