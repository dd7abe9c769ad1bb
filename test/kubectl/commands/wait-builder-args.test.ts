import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * What `kubectl wait` (ResourceBuilderFlags.ToBuilder: ResourceTypeOrNameArgs, then
 * LabelSelectorParam, no SelectAllParam) gets from cli-runtime's builder.go for names beside a
 * selector (visitBySelector), a selector with no type, and a type alone (visitorResult).
 */
const STEPS = ["kubectl apply -f job.yaml"];
const out = (command: string) => commandOutput(STEPS, command);

describe("kubectl wait: the resource builder's argument errors", () => {
  it.each([
    [
      "kubectl wait --for=condition=complete job/work -l a=b",
      "2> error: selectors and the all flag cannot be used when passing resource/name arguments\n",
    ],
    [
      "kubectl wait --for=condition=complete jobs work -l a=b",
      "2> error: name cannot be provided when a selector is specified\n",
    ],
    [
      "kubectl wait --for=condition=complete -l job-name=work",
      "2> error: at least one resource must be specified to use a selector\n",
    ],
    [
      "kubectl wait --for=condition=complete jobs",
      "2> error: resource(s) were provided, but no name was specified\n",
    ],
    [
      "kubectl wait --for=condition=complete jobs -l ' '",
      "2> error: resource(s) were provided, but no name was specified\n",
    ],
    ["kubectl wait --for=create jobs", "2> error: resource(s) were provided, but no name was specified\n"],
  ])("%s", (command, expected) => {
    expect(out(command)).toBe(expected);
  });

  it("--all beside names or a selector is no error: the names, or the selector, are waited for", () => {
    expect(out("kubectl wait --for=condition=complete --all job/work --timeout=1s")).toBe(
      "2> error: timed out waiting for the condition on jobs/work\n",
    );
    expect(out("kubectl wait --for=condition=complete jobs --all -l a=b")).toBe(
      "2> error: no matching resources found\n",
    );
  });
});
