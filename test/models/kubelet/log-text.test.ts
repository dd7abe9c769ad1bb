import { describe, expect, it } from "vitest";
import { withIndex } from "../../../src/models/kubelet/log-text.js";
import { NONE, type PodRecord } from "../../../src/models/objects.js";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * An image's log text names $JOB_COMPLETION_INDEX as a shell in the container would expand it: the
 * index the Job controller puts in every container of an Indexed Job's pod, empty elsewhere.
 */
const pod = (completionIndex: number) => ({ completionIndex }) as PodRecord;

describe("log text and $JOB_COMPLETION_INDEX", () => {
  it.each([
    ["shard $JOB_COMPLETION_INDEX", 3, "shard 3"],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the shell's ${VAR} form, not a template.
    ["shard ${JOB_COMPLETION_INDEX}/5", 0, "shard 0/5"],
    ["$JOB_COMPLETION_INDEX_X stays", 2, "$JOB_COMPLETION_INDEX_X stays"],
    ["shard [$JOB_COMPLETION_INDEX]", NONE, "shard []"],
    ["no variable", 1, "no variable"],
  ])("%s (index %d)", (text, index, expected) => {
    expect(withIndex(text, pod(index))).toBe(expected);
  });

  it("kubectl logs of an Indexed Job's pod shows its index", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: idx}
images:
  idx:1: {runSeconds: 2, outcomes: [{probability: 1, exitCode: 0, log: "shard $JOB_COMPLETION_INDEX done"}]}
files:
  idx.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: shards}
    spec:
      completions: 3
      parallelism: 3
      completionMode: Indexed
      template:
        spec:
          containers: [{name: c, image: "idx:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f idx.yaml
  - sleep 10s
  - kubectl logs -l batch.kubernetes.io/job-completion-index=2
`;
    const out = sessionTranscript(parseScenario(text, "idx.yaml", "/nonexistent"));
    expect(out.endsWith("$ kubectl logs -l batch.kubernetes.io/job-completion-index=2\nshard 2 done\n")).toBe(
      true,
    );
  });
});
