import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl wait --all` / `-l` lists the objects once (the resource builder's visitBySelector)
 * and then waits for each in turn (staging/src/k8s.io/kubectl/pkg/cmd/wait). An object the list
 * found but that was deleted before its turn:
 * - for a condition or a JSONPath, getObjAndCheckCondition (condition.go) starts a list+watch of
 *   that one name with watchtools.UntilWithSync, whose precondition answers
 *   apierrors.NewNotFound: a NotFound error, not the state the object had when listed;
 * - for --for=delete, IsDeleted (delete.go) GETs it first and a NotFound is met, before it
 *   looks at the deadline: met even once the timeout has run out on an earlier object.
 */

// Job `a` runs two pods one after the other; Job `b` runs one, and the TTL controller deletes
// it as soon as it finishes, while kubectl still waits for `a`.
const JOBS = {
  "a.yaml": `apiVersion: batch/v1
kind: Job
metadata: {name: a}
spec:
  completions: 2
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`,
  "b.yaml": `apiVersion: batch/v1
kind: Job
metadata: {name: b}
spec:
  ttlSecondsAfterFinished: 0
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`,
};
const APPLY = ["kubectl apply -f a.yaml", "kubectl apply -f b.yaml"];
const outputOf = (command: string) => commandOutput(APPLY, command, { files: JOBS });

describe("kubectl wait on a listed object deleted before its turn", () => {
  it("a condition: NotFound, though the Job was Complete when listed", () => {
    expect(outputOf("kubectl wait --for=condition=complete jobs --all --timeout=5m")).toBe(
      'job.batch/a condition met\n2> Error from server (NotFound): jobs.batch "b" not found\n',
    );
  });

  it("a JSONPath: NotFound, not a wait until the timeout", () => {
    expect(outputOf("kubectl wait --for=jsonpath={.status.succeeded}=2 jobs --all --timeout=5m")).toBe(
      'job.batch/a condition met\n2> Error from server (NotFound): jobs.batch "b" not found\n',
    );
  });

  it("once the deadline has passed, the watch cannot sync: a timeout", () => {
    expect(outputOf("kubectl wait --for=condition=complete jobs --all --timeout=40s")).toBe(
      "2> timed out waiting for the condition on jobs/a\n2> timed out waiting for the condition on jobs/b\n",
    );
  });

  it("--for=delete: gone is met, even after the deadline", () => {
    expect(outputOf("kubectl wait --for=delete jobs --all --timeout=40s")).toBe(
      "job.batch/b condition met\n2> error: timed out waiting for the condition on jobs/a\n",
    );
  });
});
