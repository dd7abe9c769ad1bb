import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { Session } from "../../src/session/session.js";
import { TimelineRecorder } from "../../src/session/timeline.js";

/**
 * The timeline's Job-condition markers (`run --timeline`): one whenever a condition turns True.
 * Upstream keeps one entry per condition type and flips its status in place (pkg/controller/job
 * job_controller.go: resuming sets Suspended to False, reason JobResumed; suspending again sets
 * the same entry back to True), so a marker cannot hang on the list growing.
 */
function suspendedTwice(): string {
  const tutorial = readFileSync("scenarios/flaky-job.yaml", "utf8");
  const head = tutorial.slice(0, tutorial.indexOf("\nsteps:"));
  return `${head.replace("      backoffLimit: 10", "      backoffLimit: 10\n      suspend: true")}
steps:
  - kubectl apply -f job.yaml
  - sleep 5s
  - "kubectl patch job example-job -p '{\\"spec\\":{\\"suspend\\":false}}'"
  - sleep 1s
  - "kubectl patch job example-job -p '{\\"spec\\":{\\"suspend\\":true}}'"
  - sleep 20s
`;
}

describe("timeline condition markers", () => {
  it("marks a Suspended condition each time it turns True again, not only when it is added", () => {
    const session = new Session(parseScenario(suspendedTwice(), "suspend.yaml", "/nonexistent"));
    const timeline = new TimelineRecorder(session.cluster.store);
    session.run({ prompt: () => {}, stdout: () => {}, stderr: () => {} });
    const markers = timeline.data("t", 0).markers.map((m) => `${m.label}@${Math.floor(m.atMs / 1000)}`);
    expect(markers).toEqual(["Suspended@0", "Suspended@6"]);
  });
});
