import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * A session of Job `j`, whose pods run sidecar `sc` (image sc:1) before container `main` (image
 * main:1), restartPolicy Never; `images` gives the two images' behaviours (scenario YAML flow
 * maps). The transcript marks stderr lines with "2> ". `scFields` adds fields to sc (flow-map entries,
 * each after ", ").
 */
export function sidecarPodTranscript(
  images: { sc: string; main: string },
  steps: string[],
  scFields = "",
): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: sidecar-pod}
seed: 1
images:
  sc:1: ${images.sc}
  main:1: ${images.main}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      template:
        spec:
          initContainers: [{name: sc, image: "sc:1", restartPolicy: Always${scFields}}]
          containers: [{name: main, image: "main:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "sidecar-pod.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}
