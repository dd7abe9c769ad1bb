import { describe, expect, it } from "vitest";
import { parseFor } from "../../../src/kubectl/wait-condition.js";
import { commandOutput } from "./session.js";

/**
 * `--for` as kubectl's conditionFuncFor reads it (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go):
 * `delete` is compared lower-cased (strings.ToLower(condition) == "delete"), but the
 * `condition=` and `jsonpath=` prefixes are matched as written (strings.HasPrefix), so any
 * other spelling of them is `unrecognized condition: "<value>"`.
 */
describe("kubectl wait --for spellings", () => {
  it.each(["DELETE", "Delete"])("--for=%s waits for deletion", (spelling) => {
    expect(parseFor(spelling)).toEqual({ kind: "delete" });
    // (a Job that stays: the wait for its deletion runs out)
    const out = commandOutput(
      ["kubectl apply -f job.yaml"],
      `kubectl wait --for=${spelling} job/work --timeout=2s`,
    );
    expect(out).toBe("2> error: timed out waiting for the condition on jobs/work\n");
  });

  it.each(["Condition=complete", "CONDITION=Ready", "JSONPath={.status.active}=1", "Jsonpath={.status}"])(
    "--for=%s is an unrecognized condition",
    (value) => {
      expect(parseFor(value)).toBe(`error: unrecognized condition: "${value}"`);
    },
  );

  it("the condition type and status still compare case-insensitively", () => {
    expect(parseFor("condition=complete=TRUE")).toEqual({
      kind: "condition",
      type: "complete",
      status: "TRUE",
    });
  });
});
