import { describe, expect, it } from "vitest";
import { parseFor } from "../../../src/kubectl/wait-condition.js";
import { commandOutput } from "./session.js";

/**
 * What kubectl 1.35 says of a --for it cannot use (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go):
 * WaitFlags.ToOptions calls conditionFuncFor(flags.ForCondition) before RunWait's builder reads a
 * file or an argument, and its last word is `unrecognized condition: %q` — for a missing --for
 * too, whose value is the flag's default "". An empty condition type (`condition=`) is taken as
 * it is (strings.HasPrefix), and no condition has it. These are the session's errors, at the
 * step, as kubectl prints them: not reasons to refuse the scenario.
 */
describe("kubectl wait with a --for kubectl refuses", () => {
  it("no --for is an unrecognized empty condition", () => {
    expect(parseFor(undefined)).toBe('error: unrecognized condition: ""');
    expect(commandOutput(["kubectl apply -f job.yaml"], "kubectl wait job/work")).toBe(
      '2> error: unrecognized condition: ""\n',
    );
  });

  it("--for is read before the files and arguments", () => {
    expect(commandOutput([], "kubectl wait --for=bogus -f job.yaml")).toBe(
      '2> error: unrecognized condition: "bogus"\n',
    );
    expect(commandOutput([], "kubectl wait --for=bogus")).toBe('2> error: unrecognized condition: "bogus"\n');
  });

  it("the session goes on after it", () => {
    expect(
      commandOutput(["kubectl apply -f job.yaml", "kubectl wait job/work"], "kubectl get jobs -o name"),
    ).toBe("job.batch/work\n");
  });

  it("condition= waits for a condition type no object has", () => {
    expect(parseFor("condition=")).toEqual({ kind: "condition", type: "", status: "True" });
    expect(
      commandOutput(["kubectl apply -f job.yaml"], "kubectl wait --for=condition= job/work --timeout=1s"),
    ).toBe("2> error: timed out waiting for the condition on jobs/work\n");
  });

  it("an unparsable --timeout is pflag's error in the session", () => {
    expect(
      commandOutput(
        ["kubectl apply -f job.yaml"],
        "kubectl wait --for=condition=complete job/work --timeout=abc",
      ),
    ).toBe(
      '2> error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\n2> See \'kubectl wait --help\' for usage.\n',
    );
  });
});
