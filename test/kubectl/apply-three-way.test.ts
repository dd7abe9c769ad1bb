import { describe, expect, it } from "vitest";
import { commandTranscript } from "./commands/session.js";

/**
 * `kubectl apply` over a live Job sends a three-way merge patch (kubectl apply/patcher.go →
 * apimachinery strategicpatch `CreateThreeWayMergePatch`: "the difference from current to
 * modified without deletions, plus deletions from original to modified"). A spec field that
 * neither the manifest nor its last-applied-configuration sets keeps its live value; one the
 * last apply set and this one drops is removed and defaulted again.
 */

const job = (spec: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
${spec}  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

const files = {
  "b3.yaml": job("  backoffLimit: 3\n"),
  "plain.yaml": job(""),
  "p2.yaml": job("  backoffLimit: 6\n  parallelism: 2\n"),
};

const show = (fields: string) => `kubectl get job work -o jsonpath='${fields}{"\\n"}'`;

describe("kubectl apply: the three-way merge with the live Job", () => {
  it("fields set by kubectl patch survive a re-apply that does not set them", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f job.yaml",
        `kubectl patch job work -p '{"spec":{"backoffLimit":3,"suspend":true,"activeDeadlineSeconds":100}}'`,
        "kubectl apply -f job.yaml",
        show("{.spec.backoffLimit} {.spec.suspend} {.spec.activeDeadlineSeconds}"),
        "kubectl apply -f job.yaml",
      ],
      { files },
    );
    // backoffLimit is in the manifest (6, live 3): sent; suspend and the deadline are not: kept.
    expect(out).toContain(
      `$ kubectl apply -f job.yaml\njob.batch/work configured\n$ ${show("{.spec.backoffLimit} {.spec.suspend} {.spec.activeDeadlineSeconds}")}\n6 true 100\n$ kubectl apply -f job.yaml\njob.batch/work unchanged\n`,
    );
  });

  it("a field the last apply set and this one drops is removed and defaulted again", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f plain.yaml",
        `kubectl patch job work -p '{"spec":{"suspend":true}}'`,
        "kubectl apply -f b3.yaml",
        "kubectl apply -f plain.yaml",
        show("{.spec.backoffLimit} {.spec.suspend}"),
      ],
      { files },
    );
    expect(out).toContain(
      `$ kubectl apply -f plain.yaml\njob.batch/work configured\n$ ${show("{.spec.backoffLimit} {.spec.suspend}")}\n6 true\n`,
    );
  });

  it("adding parallelism keeps the completions the server defaulted (no immutable-field error)", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f plain.yaml",
        `kubectl patch job work -p '{"spec":{"suspend":true}}'`,
        "kubectl apply -f p2.yaml",
        show("{.spec.completions} {.spec.parallelism}"),
        "kubectl apply -f plain.yaml",
        show("{.spec.completions} {.spec.parallelism}"),
      ],
      { files },
    );
    expect(out).toContain(
      `$ kubectl apply -f p2.yaml\njob.batch/work configured\n$ ${show("{.spec.completions} {.spec.parallelism}")}\n1 2\n`,
    );
    // parallelism was in the last apply: dropped, it is defaulted to 1 again.
    expect(out).toContain(
      `$ kubectl apply -f plain.yaml\njob.batch/work configured\n$ ${show("{.spec.completions} {.spec.parallelism}")}\n1 1\n`,
    );
  });

  it("dropping completions the last apply set is refused as the immutable change it is", () => {
    // job.yaml sets completions: 1; b3.yaml does not: the patch sends completions null, which
    // SetDefaults_Job does not fill in beside a parallelism, and ValidateJobSpecUpdate refuses.
    const out = commandTranscript(["kubectl apply -f job.yaml", "kubectl apply -f b3.yaml"], { files });
    expect(out).toContain(
      '$ kubectl apply -f b3.yaml\n2> The Job "work" is invalid: spec.completions: Invalid value: "null": field is immutable\n',
    );
  });

  it("over a Job made by kubectl create (no last-applied record) nothing is removed", () => {
    const out = commandTranscript(
      ["kubectl create -f b3.yaml", "kubectl apply -f plain.yaml", show("{.spec.backoffLimit}")],
      { files },
    );
    expect(out).toContain(`$ ${show("{.spec.backoffLimit}")}\n3\n`);
  });
});

describe("kubectl apply: the three-way merge of the Job's labels", () => {
  const labelled = (labels: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: work, labels: {${labels}}}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
  const labelFiles = {
    "app.yaml": labelled("app: w"),
    "team.yaml": labelled("team: t"),
    "plain.yaml": job(""),
  };

  it("keeps the labels the server gave a Job created without any, and drops only what the last apply set", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f plain.yaml",
        "kubectl apply -f app.yaml",
        "kubectl get job work --show-labels",
        "kubectl apply -f team.yaml",
        "kubectl get job work --show-labels",
        "kubectl apply -f plain.yaml",
        "kubectl get job work --show-labels",
      ],
      { files: labelFiles },
    );
    const rows = [...out.matchAll(/^work .* (\S+)$/gm)].map((m) =>
      m[1]
        .split(",")
        .map((l) => l.split("=")[0])
        .join(" "),
    );
    const generated =
      "batch.kubernetes.io/controller-uid batch.kubernetes.io/job-name controller-uid job-name";
    // SetDefaults_Job gave the Job its template's labels; a manifest that adds `app` keeps them;
    // the next one drops `app` (the last apply set it) for `team`; one without labels drops `team`.
    expect(rows).toEqual([`app ${generated}`, `${generated} team`, generated]);
  });
});

describe("kubectl apply: the three-way merge of the Job's annotations", () => {
  const annotated = (annotations: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: work, annotations: {${annotations}}}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
  const annotationFiles = { "owner.yaml": annotated("owner: a"), "plain.yaml": job("") };
  const notes = show("{.metadata.annotations.note} {.metadata.annotations.owner}");

  it("keeps an annotation added by kubectl patch; a re-apply of the same manifest is unchanged", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f owner.yaml",
        `kubectl patch job work -p '{"metadata":{"annotations":{"note":"x"}}}'`,
        "kubectl apply -f owner.yaml",
        notes,
        "kubectl apply -f plain.yaml",
        notes,
      ],
      { files: annotationFiles },
    );
    // Nothing changed from the last apply: the patch is empty (apply.go: "unchanged"), `note`
    // stays; a manifest without `owner` deletes it (the last apply set it) and keeps `note`.
    expect(out).toContain(
      `$ kubectl apply -f owner.yaml\njob.batch/work unchanged\n$ ${notes}\nx a\n$ kubectl apply -f plain.yaml\njob.batch/work configured\n$ ${notes}\nx \n`,
    );
  });
});

describe("kubectl apply: a null in the manifest", () => {
  const nulls = `apiVersion: batch/v1
kind: Job
metadata: {name: work, labels: {team: null}, annotations: {note: null}}
spec:
  activeDeadlineSeconds: null
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
  const fields = show("{.spec.activeDeadlineSeconds}/{.metadata.labels.team}/{.metadata.annotations.note}");

  it("deletes the live value (kubectl's patch carries the null), and the record keeps the null", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f plain.yaml",
        `kubectl patch job work -p '{"metadata":{"labels":{"team":"t"},"annotations":{"note":"n"}},"spec":{"activeDeadlineSeconds":30}}'`,
        "kubectl apply -f nulls.yaml",
        fields,
        "kubectl get job work --show-labels",
        `kubectl get job work -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'`,
      ],
      { files: { "plain.yaml": job(""), "nulls.yaml": nulls } },
    );
    expect(out).toContain(`$ ${fields}\n//\n`);
    expect(out).not.toContain("team=");
    // (GetModifiedConfiguration encodes the object as read: its nulls stay)
    expect(out).toContain('"spec":{"activeDeadlineSeconds":null,');
    expect(out).toContain('"labels":{"team":null}');
  });
});

describe("kubectl apply: the three-way merge inside the pod template", () => {
  const suspended = (podSpec: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  suspend: true
  template:
    spec:
${podSpec}      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
  const templateFiles = {
    "plain.yaml": suspended(""),
    "zone.yaml": suspended("      nodeSelector: {zone: a}\n"),
  };
  const selector = show("{.spec.template.spec.nodeSelector}");

  it("a nodeSelector kubectl patch gave a suspended Job survives a re-apply, which is unchanged", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f plain.yaml",
        `kubectl patch job work -p '{"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}'`,
        "kubectl apply -f plain.yaml",
        selector,
      ],
      { files: templateFiles },
    );
    expect(out).toContain(
      `$ kubectl apply -f plain.yaml\njob.batch/work unchanged\n$ ${selector}\n{"disk":"ssd"}\n`,
    );
  });

  it("a nodeSelector the last apply set and this one drops is removed whole, patched keys and all", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f zone.yaml",
        `kubectl patch job work -p '{"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}'`,
        "kubectl apply -f plain.yaml",
        selector,
      ],
      { files: templateFiles },
    );
    // (the deletions from original to modified: `nodeSelector: null`)
    expect(out).toContain(`$ kubectl apply -f plain.yaml\njob.batch/work configured\n$ ${selector}\n\n`);
  });
});
