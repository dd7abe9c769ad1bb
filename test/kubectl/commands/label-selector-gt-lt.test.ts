import { describe, expect, it } from "vitest";
import { LabelSelector } from "../../../src/models/api/labels.js";
import { commandOutput } from "./session.js";

/**
 * The `>` and `<` label-selector operators (k8s.io/apimachinery/pkg/labels/selector.go: the
 * lexer's GreaterThanToken/LessThanToken, selection.GreaterThan/LessThan; Requirement.Matches
 * compares the label's value and the operand as base-10 int64s, and a label that is missing or
 * not an integer never matches). The natural use: an Indexed Job's pods by completion index.
 */

const INDEXED = `apiVersion: batch/v1
kind: Job
metadata: {name: shards}
spec:
  completions: 4
  parallelism: 4
  completionMode: Indexed
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

const COLUMNS =
  "--no-headers -o 'custom-columns=I:.metadata.annotations.batch\\.kubernetes\\.io/job-completion-index'";

describe("label selectors with > and < (labels/selector.go GreaterThan, LessThan)", () => {
  const steps = ["kubectl apply -f idx.yaml", "sleep 10s"];
  const opts = { files: { "idx.yaml": INDEXED } };

  it("selects an Indexed Job's pods by completion index range", () => {
    expect(
      commandOutput(
        steps,
        `kubectl get pods -l 'batch.kubernetes.io/job-completion-index>1' ${COLUMNS}`,
        opts,
      ),
    ).toBe("2\n3\n");
    expect(
      commandOutput(
        steps,
        `kubectl get pods -l 'batch.kubernetes.io/job-completion-index < 2,job-name=shards' ${COLUMNS}`,
        opts,
      ),
    ).toBe("0\n1\n");
  });

  it("compares numbers, not text, and never matches a missing or non-integer label", () => {
    const gt = LabelSelector.parse("n>9");
    expect(gt.matches({ n: "10" })).toBe(true);
    expect(gt.matches({ n: "9" })).toBe(false);
    expect(gt.matches({ n: "ten" })).toBe(false);
    expect(gt.matches({})).toBe(false);
    // A negative operand is an int64 but not a label value, which NewRequirement also checks
    // (validateLabelValue on every value): refused.
    expect(() => LabelSelector.parse("n<-1")).toThrow(
      /^unable to parse requirement: values\[0\]\[n\]: Invalid value: "-1": a valid label must be an empty string/,
    );
    expect(LabelSelector.parse("n>1").toString()).toBe("n>1");
  });

  it("refuses `>=`: the lexer reads `>` then `=`, where parseExactValue wants an identifier", () => {
    expect(() => LabelSelector.parse("n>=1")).toThrow(
      "unable to parse requirement: found '=', expected: identifier",
    );
  });

  it("refuses an operand that is not an integer, as NewRequirement does", () => {
    expect(() => LabelSelector.parse("n>a")).toThrow(
      `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
  });
});
