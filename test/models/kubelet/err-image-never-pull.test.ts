import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * imagePullPolicy Never with the image absent (pkg/kubelet/images/image_manager.go,
 * kuberuntime_container.go startContainer, pod_workers.go completeWork): each SyncPod records
 * ErrImageNeverPull and "Error: ErrImageNeverPull" and fails; the pod worker tries again after
 * wait.Jitter(10 s, 0.5). The reason reaches the status only at the next sync (the reason cache
 * is updated after SyncPod), which also shows the sandbox the first try made.
 */

const SCENARIO = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: never}
seed: 1
images:
  app:1.0: {runSeconds: 60, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: np}
    spec:
      template:
        spec:
          containers:
            - {name: main, image: "app:1.0", imagePullPolicy: Never}
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 5s
  - kubectl get pods -o wide --no-headers
  - sleep 2m
  - kubectl get pods -o wide --no-headers
  - kubectl describe pod
`;

describe("ErrImageNeverPull", () => {
  it("ContainerCreating without an IP at first, then the reason with the sandbox's IP; the events repeat every 10–15 s", () => {
    const out = sessionTranscript(parseScenario(SCENARIO, "never.yaml", "/nonexistent")).split("\n");
    const rows = out.filter((l) => l.startsWith("np-"));
    expect(rows[0].split(/ +/).slice(1, 6)).toEqual(["0/1", "ContainerCreating", "0", "5s", "<none>"]);
    expect(rows[1].split(/ +/).slice(1, 5)).toEqual(["0/1", "ErrImageNeverPull", "0", "2m5s"]);
    expect(rows[1].split(/ +/)[5]).toMatch(/^10\.42\.\d+\.\d+$/);
    expect(out).toContain("  PodReadyToStartContainers   True ");
    const never = out.find((l) => l.includes("Warning  ErrImageNeverPull"))!;
    const failed = out.find((l) => l.includes("Warning  Failed"))!;
    // 125 s of tries 10–15 s apart: between 9 and 13 of each, counted in one series.
    const count = (l: string) => Number(/\(x(\d+) over 2m5s\)/.exec(l)![1]);
    expect(count(never)).toBeGreaterThanOrEqual(9);
    expect(count(never)).toBeLessThanOrEqual(13);
    expect(count(failed)).toBe(count(never));
    expect(never).toContain('Container image "app:1.0" is not present with pull policy of Never');
    expect(failed).toContain("Error: ErrImageNeverPull");
  });
});
