import { describe, expect, it } from "vitest";
import { sidecarPodTranscript } from "./sidecar-pod.js";

/**
 * The Initialized condition of a pod with a sidecar (pkg/kubelet/status/generate.go
 * GeneratePodInitializedCondition): generated afresh by every sync — True while every init
 * container is initialized (isInitContainerInitialized: a sidecar once `started`) or once any
 * regular container has started (HasAnyRegularContainerStarted), else False. So a sidecar that
 * crashes while the main container is still being pulled makes it False again, and kubectl shows
 * Init:Error / Init:CrashLoopBackOff (printPod skips the regular containers then).
 *
 * The scenario: sc (a sidecar) pulls 1 s, starts in 0.5 s, exits 1 after 3 s; main pulls 20 s.
 * sc runs 1.5–4.5 s, restarts at once (5–8.5 s), then waits its back-off; main starts at 22 s.
 */
function transcript(steps: string[]): string {
  return sidecarPodTranscript(
    {
      sc: "{pullSeconds: 1, startSeconds: 0.5, runSeconds: 3, outcomes: [{probability: 1, exitCode: 1, log: died}]}",
      main: "{pullSeconds: 20, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0, log: done}]}",
    },
    steps,
  );
}

describe("Initialized with a sidecar that crashes before the main container started", () => {
  it("turns False again while the sidecar is not started, and kubectl shows Init:Error / Init:CrashLoopBackOff", () => {
    const rows = transcript(["kubectl get pods -w --no-headers", "sleep 26s"])
      .split("\n")
      .filter((l) => l.startsWith("j-"))
      .map((l) => l.replace(/\s+/g, " ").replace(/^j-\S+ /, ""));
    expect(rows).toEqual([
      "0/2 Init:0/1 0 0s",
      "1/2 PodInitializing 0 1s",
      "0/2 Init:Error 0 5s",
      "1/2 PodInitializing 1 (1s ago) 5s",
      "0/2 Init:Error 1 (5s ago) 9s",
      "0/2 Init:CrashLoopBackOff 1 (13s ago) 21s",
      "1/2 PodInitializing 2 (13s ago) 21s",
      // main started: Initialized stays True whatever the sidecar does.
      "2/2 Running 2 (14s ago) 22s",
      "1/2 Init:Error 2 (17s ago) 25s",
    ]);
  });

  it("the condition: False with the sidecar named while it is down, its lastTransitionTime moving with it", () => {
    const out = transcript([
      "sleep 6s",
      "kubectl get pods -o jsonpath={.items[0].status.conditions[1]}",
      "sleep 4s",
      "kubectl get pods -o jsonpath={.items[0].status.conditions[1]}",
    ]);
    const [at6, at10] = out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      // (jsonpath prints no newline: the next prompt follows on the same line)
      .map((l) => JSON.parse(l.slice(0, l.lastIndexOf("}") + 1)));
    expect(at6).toMatchObject({
      type: "Initialized",
      status: "True",
      lastTransitionTime: "2026-01-01T00:00:05Z",
    });
    expect(at10).toMatchObject({
      type: "Initialized",
      status: "False",
      reason: "ContainersNotInitialized",
      message: "containers with incomplete status: [sc]",
      lastTransitionTime: "2026-01-01T00:00:09Z",
    });
  });
});

describe("Initialized of a pod deleted before its main container started", () => {
  it("ends False: the sidecar is stopped and main only gets TerminatePod's ContainerStatusUnknown, after the conditions were made", () => {
    const out = transcript([
      "sleep 2s",
      "kubectl delete pods --all --wait=false",
      "kubectl get pods -w -o=jsonpath='{.status.phase}/{.status.conditions[1].status}/{.status.conditions[1].message}|'",
      "sleep 5s",
    ]);
    const values = out.split("|").map((v) => v.slice(v.lastIndexOf("\n") + 1));
    // (sc runs 1.5–4.5 s: the deletion at 2 s stops it at once, main still being pulled.)
    expect(values).toContain("Failed/False/containers with incomplete status: [sc]");
    expect(values.some((v) => v.startsWith("Failed/True"))).toBe(false);
  });
});
