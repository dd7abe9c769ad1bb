import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl wait -f FILE -l SELECTOR`: the file's objects are the resource builder's paths
 * (cli-runtime builder.go visitByPaths), which the label selector filters (FilterByLabelSelector)
 * after they are fetched. None left is RunWait's errNoMatchingResources — except for
 * --for=delete, which asks nothing of a visit count.
 */
const START = ["kubectl apply -f job.yaml"];

describe("kubectl wait -f with -l", () => {
  it("a selector the file's Job does not match: no matching resources found", () => {
    expect(
      commandOutput(START, "kubectl wait -f job.yaml -l app=x --for=condition=complete --timeout=1s"),
    ).toBe("2> error: no matching resources found\n");
  });

  it("a selector it matches: the wait runs (here to its timeout)", () => {
    expect(
      commandOutput(START, "kubectl wait -f job.yaml -l job-name=work --for=condition=complete --timeout=1s"),
    ).toBe("2> error: timed out waiting for the condition on jobs/work\n");
  });

  it("--for=delete with nothing left succeeds silently", () => {
    expect(commandOutput(START, "kubectl wait -f job.yaml -l app=x --for=delete --timeout=1s")).toBe("");
  });
});
