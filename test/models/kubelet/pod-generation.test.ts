import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * A pod's generation and the kubelet's observedGeneration around a deletion. The first DELETE
 * bumps metadata.generation (apiserver registry rest/delete.go BeforeDelete; KEP-5067: "does get
 * incremented by the system when DeletionTimestamp is set"); the kubelet writes the generation
 * of the pod it syncs, so its status write at the start of SyncTerminatingPod — before the kill —
 * carries observedGeneration 2 on the status and on every condition it generates.
 *
 * The Job's activeDeadlineSeconds (10 s) makes the controller delete its running pod while a
 * `get -w` is watching; the container stops 4 s after SIGTERM.
 */

const COLUMNS =
  "NAME:.metadata.name,GEN:.metadata.generation,OBS:.status.observedGeneration," +
  "CONDS:.status.conditions[*].observedGeneration,DELETING:.metadata.deletionTimestamp,PHASE:.status.phase";

function transcript(version: string, steps: string[], podSpec = ""): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: gen}
seed: 1
cluster:
  version: "${version}"
  nodes: [{name: node-0}]
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: 30, terminationSeconds: 4,
          outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      activeDeadlineSeconds: 10
      template:
        spec:${podSpec}
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "gen.yaml", "/nonexistent"));
}

const WATCH = [
  "kubectl apply -f job.yaml",
  "sleep 5s",
  `kubectl get pods -w -o custom-columns=${COLUMNS}`,
  "sleep 30s",
];

/** The watch's rows, blank-separated columns collapsed to one space. */
function rows(out: string): string[] {
  const start = out.indexOf("$ sleep 30s\n") + "$ sleep 30s\n".length;
  return out
    .slice(start)
    .trimEnd()
    .split("\n")
    .map((l) => l.replace(/ +/g, " ").replace(/^work-\w{5} /, ""));
}

describe("a running pod's deletion bumps its generation (1.35)", () => {
  it("the kubelet's first write after the DELETE observes generation 2, before the kill ends", () => {
    const out = transcript("1.35", WATCH);
    expect(out).toMatch(/\nwork-\w{5} +1 +1 +1,1,1,1,1 +<none> +Running\n\$ sleep 30s\n/);
    expect(rows(out)).toEqual([
      // the controller's DELETE: deletionTimestamp (now + 30 s grace) and generation 2
      "2 1 1,1,1,1,1 2026-01-01T00:00:40Z Running",
      // the controller takes the tracking finalizer off (the Job has failed)
      "2 1 1,1,1,1,1 2026-01-01T00:00:40Z Running",
      // SyncTerminatingPod's status, written before it kills: observedGeneration 2 everywhere
      "2 2 2,2,2,2,2 2026-01-01T00:00:40Z Running",
      // the container stopped 4 s after SIGTERM: the terminal status
      "2 2 2,2,2,2,2 2026-01-01T00:00:40Z Failed",
      // the kubelet's DELETE (grace 0): the shortened deletionTimestamp is written, then the pod
      // goes (registry store.go Delete: updateForGracefulDeletionAndFinalizers, Storage.Delete)
      "2 2 2,2,2,2,2 2026-01-01T00:00:14Z Failed",
      "2 2 2,2,2,2,2 2026-01-01T00:00:14Z Failed",
    ]);
  });

  it("a pod deleted while its image pulls: the kill ends at once, one write with generation 2", () => {
    const out = transcript("1.35", [
      "kubectl apply -f job.yaml",
      "kubectl delete pods -l job-name=work --wait=false",
      `kubectl get pods -o custom-columns=${COLUMNS}`,
    ]);
    // (the kubelet's own DELETE, grace 0, moved the deletionTimestamp back to the first one's time)
    expect(out).toMatch(/\nwork-\w{5} +2 +2 +2,2,2,2,2 +2026-01-01T00:00:00Z +Failed\n/);
  });

  it("an unschedulable pod keeps its scheduler's condition at generation 1 after the DELETE", () => {
    const out = transcript(
      "1.35",
      [
        "kubectl apply -f job.yaml",
        "sleep 1s",
        "kubectl delete pods -l job-name=work --wait=false",
        `kubectl get pods -o custom-columns=${COLUMNS}`,
      ],
      "\n          nodeSelector: {disk: none}",
    );
    // Deleted with grace 0 (never scheduled) and held by the tracking finalizer until the Job
    // controller's next sync; the kubelet never wrote, so there is no status.observedGeneration.
    expect(out).toMatch(/\nwork-\w{5} +2 +<none> +1 +2026-01-01T00:00:01Z +Pending\n/);
  });

  it("1.34 tracks observedGeneration too (the gate is beta, on)", () => {
    expect(rows(transcript("1.34", WATCH))[2]).toBe("2 2 2,2,2,2,2 2026-01-01T00:00:40Z Running");
  });

  it("1.33 bumps the generation but writes no observedGeneration, so no extra kubelet write", () => {
    expect(rows(transcript("1.33", WATCH))).toEqual([
      "2 <none> <none> 2026-01-01T00:00:40Z Running",
      "2 <none> <none> 2026-01-01T00:00:40Z Running",
      "2 <none> <none> 2026-01-01T00:00:40Z Failed",
      "2 <none> <none> 2026-01-01T00:00:14Z Failed",
      "2 <none> <none> 2026-01-01T00:00:14Z Failed",
    ]);
  });

  it("1.32 pods have no generation", () => {
    expect(rows(transcript("1.32", WATCH))[0]).toBe("<none> <none> <none> 2026-01-01T00:00:40Z Running");
  });
});
