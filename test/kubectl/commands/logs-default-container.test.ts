import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * Which container `kubectl logs` reads when none is named (kubectl 1.35,
 * staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go, Pod case; podcmd
 * AllContainerNames): the `kubectl.kubernetes.io/default-container` annotation's container, with
 * no notice; an annotation naming no container gets `Default container name "x" not found in
 * pod p`; the first container is then taken, with `Defaulted container "a" out of: ...` when the
 * pod has several containers or any init container, init containers listed last as `x (init)`.
 */
function transcript(annotation: string | null, containers: string, inits: string, command: string): string {
  const meta =
    annotation === null
      ? ""
      : `\n        metadata:\n          annotations: {kubectl.kubernetes.io/default-container: ${annotation}}`;
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: dc}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  a:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0, log: from-a}]}
  b:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0, log: from-b}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:${meta}
        spec:
          initContainers: [${inits}]
          containers: [${containers}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 1m
  - ${command}
`;
  const out = sessionTranscript(parseScenario(text, "dc.yaml", "/nonexistent"), { stderrPrefix: "2> " });
  return out.slice(out.lastIndexOf(`$ ${command}\n`) + command.length + 3);
}

const AB = '{name: a, image: "a:1"}, {name: b, image: "b:1"}';
const SETUP = '{name: setup, image: "a:1"}';

describe("kubectl logs: the default container", () => {
  it("the annotation's container, with no notice", () => {
    expect(transcript("b", AB, "", "kubectl logs job/work")).toBe("from-b\n");
  });

  it("-c still wins over the annotation", () => {
    expect(transcript("b", AB, "", "kubectl logs job/work -c a")).toBe("from-a\n");
  });

  it("an annotation naming no container: its notice, then the first container's", () => {
    expect(transcript("zz", AB, "", "kubectl logs job/work")).toBe(
      '2> Default container name "zz" not found in pod work-skg54\n2> Defaulted container "a" out of: a, b\nfrom-a\n',
    );
  });

  it("init containers count, listed last", () => {
    expect(transcript(null, '{name: a, image: "a:1"}', SETUP, "kubectl logs job/work")).toBe(
      '2> Defaulted container "a" out of: a, setup (init)\nfrom-a\n',
    );
    expect(transcript(null, AB, SETUP, "kubectl logs job/work")).toBe(
      '2> Defaulted container "a" out of: a, b, setup (init)\nfrom-a\n',
    );
  });

  it("--all-pods leaves out only the Defaulted notice", () => {
    expect(transcript("zz", AB, "", "kubectl logs job/work --all-pods")).toBe(
      '2> Default container name "zz" not found in pod work-skg54\n[pod/work-skg54/a] from-a\n',
    );
  });
});
