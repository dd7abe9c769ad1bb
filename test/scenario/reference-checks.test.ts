import { describe, expect, it } from "vitest";
import { parseManifestFile } from "../../src/kubectl/manifests.js";
import { referenceNotes } from "../../src/scenario/reference-checks.js";

/** One Job whose pod template is `podSpec` (YAML flow text, indented under `spec:`). */
function notesFor(podSpec: string): string[] {
  const text = `apiVersion: batch/v1
kind: Job
metadata: {name: w}
spec:
  template:
    spec:
      restartPolicy: Never
${podSpec
  .trim()
  .split("\n")
  .map((l) => `      ${l}`)
  .join("\n")}
`;
  return referenceNotes(parseManifestFile("job.yaml", text));
}

const TAIL = "without them a real cluster would not start the pods (docs/fidelity.md)";

describe("notes on the objects a pod template names that jobsim does not have", () => {
  const cases: [string, string, string[]][] = [
    ["nothing named", "containers: [{name: c, image: app}]", []],
    [
      "a ConfigMap volume, a Secret volume and a claim",
      `containers: [{name: c, image: app}]
volumes:
  - {name: a, configMap: {name: settings}}
  - {name: b, secret: {secretName: creds}}
  - {name: d, persistentVolumeClaim: {claimName: data}}
  - {name: e, emptyDir: {}}`,
      [
        `Job "w": jobsim has no ConfigMaps, Secrets or PersistentVolumeClaims: it runs the pods as a cluster that has the ones the template names would (configMap "settings", secret "creds", persistentVolumeClaim "data"); ${TAIL}`,
      ],
    ],
    [
      "env and envFrom of init and regular containers, each name once",
      `initContainers:
  - {name: i, image: app, envFrom: [{secretRef: {name: creds}}]}
containers:
  - name: c
    image: app
    env:
      - {name: A, valueFrom: {configMapKeyRef: {name: settings, key: a}}}
      - {name: B, valueFrom: {secretKeyRef: {name: creds, key: b}}}
      - {name: C, value: plain}
      - {name: D, valueFrom: {fieldRef: {fieldPath: metadata.name}}}`,
      [
        `Job "w": jobsim has no ConfigMaps or Secrets: it runs the pods as a cluster that has the ones the template names would (configMap "settings", secret "creds"); ${TAIL}`,
      ],
    ],
    [
      "optional references start without their object: left out",
      `containers:
  - name: c
    image: app
    envFrom: [{configMapRef: {name: maybe, optional: true}}]
volumes:
  - {name: a, secret: {secretName: maybe, optional: true}}
  - name: p
    projected: {sources: [{configMap: {name: proj}}, {secret: {name: s, optional: true}}, {serviceAccountToken: {path: t}}]}`,
      [
        `Job "w": jobsim has no ConfigMaps: it runs the pods as a cluster that has the ones the template names would (configMap "proj"); ${TAIL}`,
      ],
    ],
    [
      "a service account other than default (the deprecated serviceAccount too); default and pull secrets say nothing",
      `serviceAccountName: runner
containers: [{name: c, image: app}]
imagePullSecrets: [{name: regcred}]`,
      [
        `Job "w": jobsim has no ServiceAccounts: it runs the pods as a cluster that has the ones the template names would (serviceAccount "runner"); ${TAIL}`,
      ],
    ],
    ["serviceAccount: default", "serviceAccount: default\ncontainers: [{name: c, image: app}]", []],
  ];

  it.each(cases)("%s", (_name, podSpec, expected) => {
    expect(notesFor(podSpec)).toEqual(expected);
  });
});

describe("objects the scenario's own manifests create are not noted as assumed", () => {
  const job = `apiVersion: batch/v1
kind: Job
metadata: {name: w}
spec:
  template:
    spec:
      serviceAccountName: runner
      containers: [{name: c, image: app, envFrom: [{secretRef: {name: creds}}]}]
      volumes: [{name: v, configMap: {name: settings}}]
      restartPolicy: Never
`;
  const sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}\n";
  const cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\n";

  it("in the same file: only the ones it does not create", () => {
    expect(referenceNotes(parseManifestFile("job.yaml", `${sa}---\n${cm}---\n${job}`))).toEqual([
      `Job "w": jobsim has no Secrets: it runs the pods as a cluster that has the ones the template names would (secret "creds"); ${TAIL}`,
    ]);
  });

  it("in another file of the scenario", () => {
    const jobFile = parseManifestFile("job.yaml", job);
    const others = [jobFile, parseManifestFile("sa.yaml", sa), parseManifestFile("cm.yaml", cm)];
    expect(referenceNotes(jobFile, others)).toEqual([
      `Job "w": jobsim has no Secrets: it runs the pods as a cluster that has the ones the template names would (secret "creds"); ${TAIL}`,
    ]);
  });

  it("one in another namespace does not count", () => {
    const elsewhere = sa.replace("{name: runner}", "{name: runner, namespace: team}");
    expect(referenceNotes(parseManifestFile("job.yaml", `${elsewhere}---\n${cm}---\n${job}`))[0]).toContain(
      '(secret "creds", serviceAccount "runner")',
    );
  });
});
