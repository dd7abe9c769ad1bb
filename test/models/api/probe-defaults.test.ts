import { describe, expect, it } from "vitest";
import { commandTranscript } from "../../kubectl/commands/session.js";

/**
 * SetDefaults_Probe and SetDefaults_HTTPGetAction (pkg/apis/core/v1/defaults.go): every probe
 * gets timeoutSeconds 1, periodSeconds 10, successThreshold 1 and failureThreshold 3 when they are
 * zero, and every httpGet (probes and lifecycle hooks) path "/" and scheme HTTP — in the Job's
 * template as in its pods.
 */
const job = `apiVersion: batch/v1
kind: Job
metadata: {name: probed}
spec:
  template:
    spec:
      containers:
        - name: c
          image: "app:1"
          readinessProbe:
            exec: {command: ["true"]}
          livenessProbe:
            httpGet: {port: 8080}
            periodSeconds: 5
          lifecycle:
            preStop:
              httpGet: {port: 8080, path: /stop}
      restartPolicy: Never
`;

describe("probe and httpGet defaults", () => {
  const out = commandTranscript(
    [
      "kubectl apply -f probed.yaml",
      "sleep 5",
      "kubectl get job probed -o jsonpath={.spec.template.spec.containers[0].readinessProbe}",
      "kubectl get job probed -o jsonpath={.spec.template.spec.containers[0].livenessProbe}",
      "kubectl get pods -l job-name=probed -o jsonpath={.items[0].spec.containers[0].lifecycle}",
      "kubectl describe job probed",
    ],
    { files: { "probed.yaml": job } },
  );

  it("fills the thresholds and timings of an exec probe", () => {
    expect(out).toContain(
      '{"exec":{"command":["true"]},"failureThreshold":3,"periodSeconds":10,"successThreshold":1,"timeoutSeconds":1}',
    );
  });

  it("keeps a given period and defaults the httpGet path and scheme", () => {
    expect(out).toContain(
      '{"failureThreshold":3,"httpGet":{"path":"/","port":8080,"scheme":"HTTP"},"periodSeconds":5,"successThreshold":1,"timeoutSeconds":1}',
    );
  });

  it("defaults a lifecycle hook's httpGet scheme in the pod", () => {
    expect(out).toContain('{"preStop":{"httpGet":{"path":"/stop","port":8080,"scheme":"HTTP"}}}');
  });

  it("describe shows the defaulted path of an httpGet probe", () => {
    expect(out).toMatch(
      /Liveness: +http-get http:\/\/:8080\/ delay=0s timeout=1s period=5s #success=1 #failure=3\n/,
    );
  });
});
