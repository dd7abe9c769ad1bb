import { describe, expect, it } from "vitest";
import { commandTranscript } from "../../kubectl/commands/session.js";

/**
 * pkg/apis/core/v1/defaults.go, reached through zz_generated.defaults.go: SetDefaults_Volume
 * (no source: emptyDir), SetDefaults_{Secret,ConfigMap,DownwardAPI,Projected}VolumeSource
 * (defaultMode 420), SetDefaults_HostPathVolumeSource (type ""),
 * SetDefaults_ServiceAccountTokenProjection (expirationSeconds 3600),
 * SetDefaults_PersistentVolumeClaimSpec (volumeMode Filesystem) and SetDefaults_ObjectFieldSelector
 * (apiVersion v1) — in the Job's template as in its pods.
 */
const job = `apiVersion: batch/v1
kind: Job
metadata: {name: vols}
spec:
  template:
    spec:
      containers:
        - name: c
          image: "app:1"
          env:
            - name: POD
              valueFrom: {fieldRef: {fieldPath: metadata.name}}
      volumes:
        - name: bare
        - name: s
          secret: {secretName: s}
        - name: cm
          configMap: {name: cm, defaultMode: 256}
        - name: h
          hostPath: {path: /tmp}
        - name: d
          downwardAPI:
            items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]
        - name: p
          projected:
            sources:
              - serviceAccountToken: {path: tok}
              - downwardAPI:
                  items: [{path: ns, fieldRef: {fieldPath: metadata.namespace}}]
        - name: e
          ephemeral:
            volumeClaimTemplate:
              spec:
                accessModes: [ReadWriteOnce]
                resources: {requests: {storage: 1Gi}}
      restartPolicy: Never
`;

describe("volume and fieldRef defaults", () => {
  const out = commandTranscript(
    [
      "kubectl apply -f vols.yaml",
      "sleep 5",
      "kubectl get job vols -o jsonpath={.spec.template.spec.volumes}",
      "kubectl get pods -l job-name=vols -o jsonpath={.items[0].spec.volumes[0:7]}",
      "kubectl get pods -l job-name=vols -o jsonpath={.items[0].spec.containers[0].env}",
      "kubectl describe job vols",
    ],
    { files: { "vols.yaml": job } },
  );
  const volumes =
    '[{"emptyDir":{},"name":"bare"},{"name":"s","secret":{"defaultMode":420,"secretName":"s"}},' +
    '{"configMap":{"defaultMode":256,"name":"cm"},"name":"cm"},{"hostPath":{"path":"/tmp","type":""},"name":"h"},' +
    '{"downwardAPI":{"defaultMode":420,"items":[{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.labels"},"path":"labels"}]},"name":"d"},' +
    '{"name":"p","projected":{"defaultMode":420,"sources":[{"serviceAccountToken":{"expirationSeconds":3600,"path":"tok"}},' +
    '{"downwardAPI":{"items":[{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.namespace"},"path":"ns"}]}}]}},' +
    '{"ephemeral":{"volumeClaimTemplate":{"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}},"volumeMode":"Filesystem"}}},"name":"e"}]';

  it("defaults each volume source of the Job's template", () => {
    expect(out).toContain(`$ kubectl get job vols -o jsonpath={.spec.template.spec.volumes}\n${volumes}`);
  });

  it("and of its pod (a slice prints its items apart)", () => {
    const items = (JSON.parse(volumes) as unknown[]).map((v) => JSON.stringify(v)).join(" ");
    expect(out).toContain(`{.items[0].spec.volumes[0:7]}\n${items}`);
  });

  it("gives an env fieldRef apiVersion v1", () => {
    expect(out).toContain(
      '[{"name":"POD","valueFrom":{"fieldRef":{"apiVersion":"v1","fieldPath":"metadata.name"}}}]',
    );
  });

  it("describe shows the empty HostPathType, not <none>", () => {
    expect(out).toMatch(/ {4}HostPathType: +\n/);
  });
});
