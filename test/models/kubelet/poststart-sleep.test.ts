import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * A postStart `sleep` hook (kuberuntime_container.go startContainer, step 4): the container is
 * created and started (events Created, Started; the process runs from then on: startedAt), then
 * the hook runs, and startContainer — so the pod worker's SyncPod — returns only when it is over.
 * Until then no status shows the container running nor the pod's IP (issue #85966: the pod stays
 * ContainerCreating, no podIP), and the next container is not started (issues #37805, #81450).
 * handlers.go runSleepHandler sleeps exactly the given seconds.
 *
 * Pods here: image a:1 pulled in 2 s, started 1 s later (3 s after the apply), runs 20 s.
 */
function transcript(pod: string, steps: string[]): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: poststart}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  a:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 20, terminationSeconds: 2, outcomes: [{probability: 1, exitCode: 0}]}
  b:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 20, outcomes: [{probability: 1, exitCode: 0}]}
  quick:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:
${pod
  .split("\n")
  .map((l) => `          ${l}`)
  .join("\n")}
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "poststart.yaml", "/nonexistent"));
}

const HOOK = "lifecycle: {postStart: {sleep: {seconds: 5}}}";
const TIMES = (list: string, i: number) =>
  `kubectl get pods -o jsonpath={.items[0].status.${list}[${i}].state.terminated.startedAt}/{.items[0].status.${list}[${i}].state.terminated.finishedAt}`;

describe("a postStart sleep", () => {
  it("keeps the container ContainerCreating, without a pod IP, until the hook is over", () => {
    const out = transcript(`containers: [{name: c, image: "a:1", ${HOOK}}]`, [
      "sleep 7500ms",
      "kubectl get pods -o wide --no-headers",
      "sleep 1s",
      "kubectl get pods -o wide --no-headers",
    ]);
    expect(out).toMatch(/work-\w{5} +0\/1 +ContainerCreating +0 +7s +<none> +node-0/);
    expect(out).toMatch(/work-\w{5} +1\/1 +Running +0 +8s +10\.42\.0\.\d+ +node-0/);
  });

  it("does not hold the process: it started (startedAt) before the hook and runs its 20 s from then", () => {
    const out = transcript(`containers: [{name: c, image: "a:1", ${HOOK}}]`, [
      "sleep 40s",
      TIMES("containerStatuses", 0),
    ]);
    expect(out).toContain("2026-01-01T00:00:03Z/2026-01-01T00:00:23Z");
  });

  it("holds the start of the next container until it is over", () => {
    // b's image is pulled only once a's hook is over (8 s): pulled at 10 s, started at 11 s.
    const out = transcript(`containers: [{name: a, image: "a:1", ${HOOK}}, {name: b, image: "b:1"}]`, [
      "sleep 40s",
      TIMES("containerStatuses", 1),
    ]);
    expect(out).toContain("2026-01-01T00:00:11Z/2026-01-01T00:00:31Z");
  });

  it("on a sidecar, holds the start of the main container (the sidecar counts as started after it)", () => {
    const out = transcript(
      `initContainers: [{name: sc, image: "b:1", restartPolicy: Always, ${HOOK}}]\ncontainers: [{name: main, image: "a:1"}]`,
      ["sleep 7500ms", "kubectl get pods --no-headers", "sleep 40s", TIMES("containerStatuses", 0)],
    );
    expect(out).toMatch(/work-\w{5} +0\/2 +Init:0\/1 +0 +7s/);
    // main's image pulled from 8 s: started at 11 s.
    expect(out).toContain("2026-01-01T00:00:11Z/2026-01-01T00:00:31Z");
  });

  it("of a pod deleted during the hook: its process is stopped with the others", () => {
    // Deleted at 5 s, during the hook: SIGTERM then, exit 2 s later (7 s); the pod shows its IP.
    const out = transcript(`containers: [{name: c, image: "a:1", ${HOOK}}]`, [
      "sleep 5s",
      "kubectl delete pods -l job-name=work --wait=false",
      "sleep 1500ms",
      "kubectl get pods -o wide --no-headers",
      "sleep 1s",
      "kubectl get pods -o jsonpath={.items[*].metadata.deletionTimestamp}",
    ]);
    expect(out).toMatch(/work-\w{5} +1\/1 +Terminating +0 +6s +10\.42\.0\.\d+ +node-0/);
    expect(out).toMatch(/deletionTimestamp\}\n$/);
  });

  it("holds the pod worker: another container's exit is written when the hook is over", () => {
    // q runs 3–8 s; b starts at 6 s (pulled 3–5 s), its hook runs until 16 s.
    const STATE = "kubectl get pods -o jsonpath={.items[0].status.containerStatuses[*].state}";
    const out = transcript(
      `containers: [{name: q, image: "quick:1"}, {name: b, image: "b:1", lifecycle: {postStart: {sleep: {seconds: 10}}}}]`,
      ["sleep 12s", STATE, "sleep 5s", STATE, TIMES("containerStatuses", 1)],
    );
    const [at12, at17] = out.split(`$ ${STATE}\n`).slice(1);
    // At 12 s the status is the one written before the hook (sorted by name: b, q): b waiting, q running.
    expect(at12).toMatch(
      /^\{"waiting":\{"reason":"ContainerCreating"\}\} \{"running":\{"startedAt":"2026-01-01T00:00:03Z"\}\}\$/,
    );
    // At 17 s: q's exit (finishedAt 8 s) and b running.
    expect(at17).toContain('"finishedAt":"2026-01-01T00:00:08Z"');
    expect(at17).toContain('{"running":{"startedAt":"2026-01-01T00:00:06Z"}}');
  });
});
