import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl wait TYPE1,TYPE2 --all` (or `-l`): the resource builder's visitBySelector makes one
 * List per type, in the order the types were given, and RunWait waits for every object of each
 * (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go). errNoMatchingResources comes only when no
 * type had any object.
 */
const RAN = ["kubectl apply -f job.yaml", "sleep 1m"];

describe("kubectl wait on several types by selector", () => {
  it("jobs,pods --all waits for the Jobs, then the pods", () => {
    expect(commandOutput(RAN, "kubectl wait --for=jsonpath={.metadata.name} jobs,pods --all")).toBe(
      "job.batch/work condition met\npod/work-skg54 condition met\n",
    );
  });

  it("pods,jobs -l keeps the order given", () => {
    expect(
      commandOutput(RAN, "kubectl wait --for=jsonpath={.metadata.name} pods,jobs -l job-name=work"),
    ).toBe("pod/work-skg54 condition met\njob.batch/work condition met\n");
  });

  it("no object of any type is errNoMatchingResources", () => {
    expect(
      commandOutput(RAN, "kubectl wait --for=jsonpath={.metadata.name} pods,jobs -l job-name=nope"),
    ).toBe("2> error: no matching resources found\n");
  });
});
