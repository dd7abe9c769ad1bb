import { describe, expect, it } from "vitest";
import { commandTranscript } from "./commands/session.js";

/**
 * The warnings the API server returns with a Job whose pod template uses something deprecated or
 * ambiguous (pkg/api/pod/warnings.go warningsForPodSpecAndMeta, through the Job strategy's
 * WarningsOnCreate → WarningsForJobSpec), in that function's order, each printed by kubectl as
 * `Warning: ...` on stderr before the result line.
 */
const job = (template: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: legacy}
spec:
  template:
${template
  .trim()
  .split("\n")
  .map((l) => `    ${l}`)
  .join("\n")}
`;

const warnings = (template: string) =>
  commandTranscript(["kubectl apply -f legacy.yaml"], { files: { "legacy.yaml": job(template) } })
    .split("\n")
    .filter((l) => l.startsWith("2> "));

const T = "spec.template";

describe("pod template warnings on create", () => {
  it("names deprecated node labels, annotations, pull secrets and a duplicate env, in upstream's order", () => {
    expect(
      warnings(`
metadata:
  annotations:
    scheduler.alpha.kubernetes.io/critical-pod: ""
    seccomp.security.alpha.kubernetes.io/pod: runtime/default
spec:
  restartPolicy: Never
  nodeSelector:
    beta.kubernetes.io/os: linux
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: beta.kubernetes.io/arch, operator: In, values: [amd64]}
  imagePullSecrets: [{name: regcred}, {name: regcred}, {name: ""}]
  containers:
  - name: c
    image: app:1
    env:
    - {name: MODE, value: fast}
    - {name: MODE, value: slow}
    - {name: MODE, value: "$(MODE)-x"}
    ports:
    - {containerPort: 8080}
    - {containerPort: 8080}
`),
    ).toEqual([
      `2> Warning: ${T}.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead`,
      `2> Warning: ${T}.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].key: beta.kubernetes.io/arch is deprecated since v1.14; use "kubernetes.io/arch" instead`,
      `2> Warning: ${T}.metadata.annotations[scheduler.alpha.kubernetes.io/critical-pod]: non-functional in v1.16+; use the "priorityClassName" field instead`,
      `2> Warning: ${T}.spec.imagePullSecrets[1].name: duplicate name "regcred"`,
      `2> Warning: ${T}.spec.imagePullSecrets[2].name: invalid empty name ""`,
      `2> Warning: ${T}.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead`,
      `2> Warning: ${T}.spec.containers[0].env[1]: hides previous definition of "MODE", which may be dropped when using apply`,
      `2> Warning: ${T}.spec.containers[0].ports[1]: duplicate port definition with ${T}.spec.containers[0].ports[0]`,
    ]);
  });

  it("says nothing of a template without such things", () => {
    expect(
      warnings(`
spec:
  restartPolicy: Never
  nodeSelector: {kubernetes.io/os: linux}
  containers:
  - {name: c, image: "app:1", env: [{name: A, value: "1"}], ports: [{containerPort: 80}]}
`),
    ).toEqual([]);
  });
});

describe("one warning of two Jobs", () => {
  it("is printed once, as kubectl's deduplicating warning writer does", () => {
    const one = (name: string) =>
      `apiVersion: batch/v1\nkind: Job\nmetadata: {name: ${name}}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      nodeSelector: {beta.kubernetes.io/os: linux}\n      containers: [{name: c, image: "app:1"}]\n`;
    const out = commandTranscript(["kubectl apply -f two.yaml"], {
      files: { "two.yaml": `${one("a")}---\n${one("b")}` },
    });
    expect(out).toBe(
      [
        "$ kubectl apply -f two.yaml",
        `2> Warning: spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead`,
        "job.batch/a created",
        "job.batch/b created",
        "",
      ].join("\n"),
    );
  });
});

describe("a negative terminationGracePeriodSeconds", () => {
  it("is admitted with a warning after the ports' (warnings.go), kept in the template, 1 on the pods", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f legacy.yaml",
        "sleep 10",
        "kubectl get pods -l job-name=legacy -o jsonpath={.items[0].spec.terminationGracePeriodSeconds}",
        "kubectl get job legacy -o jsonpath={.spec.template.spec.terminationGracePeriodSeconds}",
        "kubectl delete pods -l job-name=legacy --wait=false",
        "kubectl get pods -l job-name=legacy -o jsonpath={.items[0].metadata.deletionGracePeriodSeconds}",
      ],
      {
        runSeconds: 300,
        // (a container slow to stop: the kubelet's final DELETE, grace 0, comes later)
        terminationSeconds: 30,
        files: {
          "legacy.yaml": job(`
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: -1
  containers:
  - name: c
    image: app:1
    ports: [{containerPort: 80}, {containerPort: 80}]
`),
        },
      },
    );
    expect(out.split("\n").slice(0, 4)).toEqual([
      "$ kubectl apply -f legacy.yaml",
      `2> Warning: ${T}.spec.containers[0].ports[1]: duplicate port definition with ${T}.spec.containers[0].ports[0]`,
      `2> Warning: ${T}.spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1`,
      "job.batch/legacy created",
    ]);
    // The Job's template keeps -1; a Pod is stored with 1 (Convert_v1_Pod_To_core_Pod since 1.27,
    // kubernetes/kubernetes #115606), which its deletion then uses.
    expect(out).toContain(
      "$ kubectl get pods -l job-name=legacy -o jsonpath={.items[0].spec.terminationGracePeriodSeconds}\n1$ ",
    );
    expect(out).toContain(
      "$ kubectl get job legacy -o jsonpath={.spec.template.spec.terminationGracePeriodSeconds}\n-1$ ",
    );
    expect(out).toContain(
      "$ kubectl get pods -l job-name=legacy -o jsonpath={.items[0].metadata.deletionGracePeriodSeconds}\n1",
    );
  });
});

describe("a port with a hostIP but no hostPort", () => {
  it("is named with the internal ContainerPort as Go's %+v prints it, before that port's duplicates", () => {
    expect(
      warnings(`
spec:
  restartPolicy: Never
  containers:
  - name: c
    image: app:1
    ports:
    - {containerPort: 8080}
    - {name: metrics, containerPort: 8080, hostIP: 10.0.0.1}
`),
    ).toEqual([
      `2> Warning: ${T}.spec.containers[0].ports[1]: hostIP set without hostPort: {Name:metrics HostPort:0 ContainerPort:8080 Protocol:TCP HostIP:10.0.0.1}`,
      `2> Warning: ${T}.spec.containers[0].ports[1]: overlapping port definition with ${T}.spec.containers[0].ports[0]`,
    ]);
  });
});
