import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * The service-account token a pod's containers get (plugin/pkg/admission/serviceaccount/
 * admission.go mountServiceAccountToken): every init container, then every container, without a
 * mount at /var/run/secrets/kubernetes.io/serviceaccount gets one of the kube-api-access-xxxxx
 * volume; the volume is added only if some container needed it; automountServiceAccountToken
 * false mounts nothing.
 */

function podSpec(lines: string): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: token}
seed: 1
images:
  app:1: {pullSeconds: 1, runSeconds: 30, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: t}
    spec:
      template:
        spec:
          restartPolicy: Never
${lines
  .trim()
  .split("\n")
  .map((l) => `          ${l}`)
  .join("\n")}
steps:
  - kubectl apply -f job.yaml
  - kubectl get pod -o jsonpath='{range .items[0].spec.initContainers[*]}{.name}={.volumeMounts}{"\\n"}{end}{range .items[0].spec.containers[*]}{.name}={.volumeMounts}{"\\n"}{end}volumes={.items[0].spec.volumes[*].name}{"\\n"}'
`;
}

function mounts(lines: string): string[] {
  const out = sessionTranscript(parseScenario(podSpec(lines), "token.yaml", "/nonexistent")).split("\n");
  return out.slice(out.findIndex((l) => l.startsWith("$ kubectl get")) + 1).filter((l) => l !== "");
}

const TOKEN = (name: string) =>
  `{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","name":"${name}","readOnly":true}`;

describe("the service-account token mount", () => {
  it("goes into init containers as into containers; a container with its own mount at the path keeps it", () => {
    const got = mounts(`
initContainers: [{name: init, image: "app:1"}]
containers:
  - {name: main, image: "app:1"}
  - {name: side, image: "app:1", volumeMounts: [{name: x, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}]}
volumes: [{name: x, emptyDir: {}}]`);
    const volume = got.at(-1)!.split(" ")[1];
    expect(volume).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(got).toEqual([
      `init=[${TOKEN(volume)}]`,
      `main=[${TOKEN(volume)}]`,
      `side=[{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","name":"x"}]`,
      `volumes=x ${volume}`,
    ]);
  });

  it("adds no volume when every container mounts the path itself, and none at all with automountServiceAccountToken false", () => {
    expect(
      mounts(`
containers: [{name: main, image: "app:1", volumeMounts: [{name: x, mountPath: /var/run/secrets/kubernetes.io/serviceaccount}]}]
volumes: [{name: x, emptyDir: {}}]`),
    ).toEqual([
      `main=[{"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount","name":"x"}]`,
      "volumes=x",
    ]);
    expect(
      mounts(`
automountServiceAccountToken: false
containers: [{name: main, image: "app:1"}]`),
    ).toEqual(["main=", "volumes="]);
  });
});
