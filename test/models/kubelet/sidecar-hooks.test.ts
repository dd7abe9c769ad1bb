import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";
import { sidecarPodTranscript } from "./sidecar-pod.js";

/**
 * Lifecycle hooks on a sidecar. The pod runs sidecar `sc` (2.5 s to stop on SIGTERM) and `main`,
 * both for longer than the test; past activeDeadlineSeconds 20 its containers are killed with
 * the pod's 30 s grace period and the pod stays, so the containers' finishedAt show when each
 * stopped (the kill starts at the relist after 20 s, within its first half second).
 *
 * preStop: kuberuntime_container.go killContainer runs a container's preStop hook before it
 * waits its turn (kuberuntime_termination_order.go waitForTurn, PR #120620): a sidecar's hook
 * runs from the start of the kill, alongside the main container's shutdown, not after it.
 */
function transcript(opts: { mainStop: number; scLifecycle: string }, steps: string[]): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: sidecar-hooks}
seed: 1
images:
  sc:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: 3000, terminationSeconds: 2.5, outcomes: [{probability: 1, exitCode: 0}]}
  main:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 3000, terminationSeconds: ${opts.mainStop}, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      backoffLimit: 0
      template:
        spec:
          activeDeadlineSeconds: 20
          initContainers: [{name: sc, image: "sc:1", restartPolicy: Always${opts.scLifecycle}}]
          containers: [{name: main, image: "main:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "sidecar-hooks.yaml", "/nonexistent"));
}

const FINISHED =
  "kubectl get pods -o jsonpath={.items[0].status.initContainerStatuses[0].state.terminated.finishedAt}/{.items[0].status.containerStatuses[0].state.terminated.finishedAt}";

describe("a sidecar's preStop sleep", () => {
  const cases = [
    // No hook: sc's SIGTERM when main exited (21 s), exit 2.5 s later.
    { name: "no hook: SIGTERM once main has exited", mainStop: 1, hook: "", sc: "23", main: "21" },
    // Hook 5 s from the kill's start (main exits meanwhile, at 21 s): SIGTERM at 25 s, exit at 27 s.
    {
      name: "main exits during the hook: SIGTERM at the hook's end",
      mainStop: 1,
      hook: ", lifecycle: {preStop: {sleep: {seconds: 5}}}",
      sc: "27",
      main: "21",
    },
    // main takes 10 s: the hook is over at 25 s, sc waits its turn until 30 s — not 30 s + 5 s.
    {
      name: "hook over before main exits: SIGTERM at main's exit",
      mainStop: 10,
      hook: ", lifecycle: {preStop: {sleep: {seconds: 5}}}",
      sc: "32",
      main: "30",
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const out = transcript({ mainStop: c.mainStop, scLifecycle: c.hook }, ["sleep 60s", FINISHED]);
      expect(out).toContain(`2026-01-01T00:00:${c.sc}Z/2026-01-01T00:00:${c.main}Z`);
    });
});

/**
 * The sidecar stopped after the main container completed (computePodActions KillPod, the pod's
 * grace period): its preStop sleep comes first, so the pod is Succeeded that much later. main
 * exits at 9.5 s (pulls after sc: 1 s + 0.5 s, then 2 s + 1 s, runs 5 s), seen at the relist.
 */
describe("a sidecar's preStop sleep after the main container completed", () => {
  for (const [hook, sc] of [
    ["", "12"],
    [", lifecycle: {preStop: {sleep: {seconds: 4}}}", "16"],
  ])
    it(hook === "" ? "no hook: SIGTERM at once" : "sleep 4 s, then SIGTERM", () => {
      const out = sidecarPodTranscript(
        {
          sc: "{pullSeconds: 1, startSeconds: 0.5, runSeconds: 3000, terminationSeconds: 2.5, outcomes: [{probability: 1, exitCode: 0}]}",
          main: "{pullSeconds: 2, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}",
        },
        [
          "sleep 30s",
          "kubectl get pods -o jsonpath={.items[0].status.initContainerStatuses[0].state.terminated.finishedAt}/{.items[0].status.containerStatuses[0].state.terminated.finishedAt}/{.items[0].status.phase}",
        ],
        hook,
      );
      expect(out).toContain(`2026-01-01T00:00:${sc}Z/2026-01-01T00:00:09Z/Succeeded`);
    });
});

/**
 * A sidecar's postStart sleep holds the main container's start (startContainer returns after
 * the hook; computeInitContainerActions starts the next container in the sync that sees the
 * sidecar running): main pulls from 1.5 s + 3 s, not from 1.5 s.
 */
describe("a sidecar's postStart sleep", () => {
  it("delays main's start by its seconds", () => {
    const out = sidecarPodTranscript(
      {
        sc: "{pullSeconds: 1, startSeconds: 0.5, runSeconds: 3000, terminationSeconds: 2.5, outcomes: [{probability: 1, exitCode: 0}]}",
        main: "{pullSeconds: 2, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}",
      },
      [
        "sleep 30s",
        "kubectl get pods -o jsonpath={.items[0].status.initContainerStatuses[0].state.terminated.startedAt}/{.items[0].status.containerStatuses[0].state.terminated.startedAt}",
      ],
      ", lifecycle: {postStart: {sleep: {seconds: 3}}}",
    );
    // sc started at 1.5 s (startedAt 1 s); main pulled 4.5–6.5 s, started at 7.5 s.
    expect(out).toContain("2026-01-01T00:00:01Z/2026-01-01T00:00:07Z");
  });
});
