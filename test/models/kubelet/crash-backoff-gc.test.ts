import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * The kubelet's housekeeping (every 2 s) ends with crashLoopBackOff.GC() (kubelet_pods.go
 * HandlePodCleanups), which drops every back-off entry whose last update — the container's last
 * restart — is more than 600 s past (client-go flowcontrol Backoff.GC with the kubelet's
 * HasExpiredFunc). A crash whose run and wait pass that mark loses its entry during the wait, and
 * the restart after it starts the back-off again at 10 s.
 */

const S = 1000;
describe("the housekeeping GC of the crash back-off (kubelet_pods.go HandlePodCleanups → crashLoopBackOff.GC)", () => {
  // Seven 1 s crashes bring the back-off to its 300 s cap; the eighth run takes 400 s, so its
  // wait would end 700 s after its restart. The GC drops the entry 600 s after that restart:
  // the restart that follows starts the back-off again at 10 s, so the ninth crash waits 10 s
  // (plus the pod worker's retry), not 300 s.
  const scenario = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: gc}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1:
    pullSeconds: 2
    startSeconds: 1
    runSeconds: 1
    script:
${[1, 1, 1, 1, 1, 1, 1, 400, 1]
  .map((run) => `      - {exitCode: 1, runSeconds: ${run}}\n`)
  .join("")}      - {exitCode: 0}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: 100
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: OnFailure
steps:
  - kubectl apply -f job.yaml
  - kubectl wait --for=condition=complete job/work --timeout=1h
  - kubectl get pods -o jsonpath='{.items[0].status.containerStatuses[0].lastState.terminated.finishedAt}{" "}{.items[0].status.containerStatuses[0].state.terminated.startedAt}'
`;

  it("after a 400 s run at the cap, the next crash waits 10 s, not 300 s", () => {
    const out = sessionTranscript(parseScenario(scenario, "gc.yaml", "/nonexistent"));
    const m = out.match(/\n(\S+Z) (\S+Z)$/);
    expect(m).not.toBeNull();
    const waitMs = Date.parse(m![2]) - Date.parse(m![1]);
    expect(waitMs).toBeGreaterThanOrEqual(10 * S);
    expect(waitMs).toBeLessThanOrEqual(20 * S);
  });
});
