import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { Session } from "../../src/session/session.js";
import { TimelineRecorder } from "../../src/session/timeline.js";

/**
 * The timeline (`run --timeline`) of pods with init containers: "Initializing" while they run, a
 * failed one "Error" — as kubectl's Init:N/M and Init:Error — then the regular phases.
 */
describe("timeline of pods with init containers", () => {
  it("scenarios/init-containers.yaml: the first pod fails in init, the second initializes, runs and completes", () => {
    const text = readFileSync("scenarios/init-containers.yaml", "utf8");
    const session = new Session(parseScenario(text, "scenarios/init-containers.yaml", "scenarios"));
    const timeline = new TimelineRecorder(session.cluster.store);
    session.run({ prompt: () => {}, stdout: () => {}, stderr: () => {} });
    const lanes = timeline.data("t", 0).pods.map((p) => p.segments.map((s) => s.phase));
    const compact = lanes.map((phases) => phases.filter((p, i) => p !== phases[i - 1]));
    expect(compact).toEqual([
      ["Pending", "Pulling", "Initializing", "Error"],
      // (fetch-dataset's image is on the node by then; verify's and the trainer's are pulled.)
      [
        "Pending",
        "Initializing",
        "Pulling",
        "Initializing",
        "Pulling",
        "ContainerCreating",
        "Running",
        "Completed",
      ],
    ]);
  });
});
