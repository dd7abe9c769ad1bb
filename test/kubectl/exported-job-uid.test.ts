import { describe, expect, it } from "vitest";
import { commandTranscript } from "./commands/session.js";

/**
 * A Job saved with `kubectl get job -o yaml` and applied again carries the old Job's
 * controller-uid labels and selector. The API server gives the new Job its UID before it
 * validates it (rest.BeforeCreate → FillObjectMetaSystemFields; the Job strategy's Validate then
 * generateSelector), so validateGeneratedSelector's ValidateHasLabel says which UID the labels
 * must carry: the new Job's, never an empty one (pkg/apis/batch/validation/validation.go).
 */
const exported = `apiVersion: batch/v1
kind: Job
metadata:
  name: exported
  labels: {controller-uid: 5d2a7b7d-0c3e-4d0b-9a4b-0f8e6a3b2c11, job-name: exported}
spec:
  selector:
    matchLabels: {batch.kubernetes.io/controller-uid: 5d2a7b7d-0c3e-4d0b-9a4b-0f8e6a3b2c11}
  template:
    metadata:
      labels:
        batch.kubernetes.io/controller-uid: 5d2a7b7d-0c3e-4d0b-9a4b-0f8e6a3b2c11
        batch.kubernetes.io/job-name: exported
        controller-uid: 5d2a7b7d-0c3e-4d0b-9a4b-0f8e6a3b2c11
        job-name: exported
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const fixed = `apiVersion: batch/v1
kind: Job
metadata: {name: exported}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

describe("an exported Job's stale controller-uid", () => {
  it("is refused with the UID the new Job is given", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f exported.yaml",
        "kubectl apply -f fixed.yaml",
        "kubectl get job exported -o jsonpath={.metadata.uid}",
      ],
      { files: { "exported.yaml": exported, "fixed.yaml": fixed } },
    );
    const uid = out.slice(out.lastIndexOf("\n") + 1);
    expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(out).not.toContain("must be ''");
    expect(out).toContain(
      `2> * spec.template.metadata.labels[controller-uid]: Invalid value: {"batch.kubernetes.io/controller-uid":"5d2a7b7d-0c3e-4d0b-9a4b-0f8e6a3b2c11","batch.kubernetes.io/job-name":"exported","controller-uid":"5d2a7b7d-0c3e-4d0b-9a4b-0f8e6a3b2c11","job-name":"exported"}: must be '${uid}'\n`,
    );
    expect(out).toContain(
      `2> * spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Invalid value:`,
    );
    expect(out).toContain("2> * spec.selector: Invalid value:");
  });
});
