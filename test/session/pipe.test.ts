import { describe, expect, it } from "vitest";
import { lineCountProblem } from "../../src/scenario/pipe-args.js";
import { applyPipe } from "../../src/session/pipe.js";

/** The head and tail a step pipes kubectl into (GNU coreutils semantics for the forms taken). */
const TEXT = "1\n2\n3\n4\n5\n";
const run = (program: "head" | "tail", argv: string[]) => applyPipe(TEXT, [{ program, argv }]).text;

describe("head and tail", () => {
  it.each([
    ["head", [], "1\n2\n3\n4\n5\n"],
    ["head", ["-n", "2"], "1\n2\n"],
    ["head", ["-n2"], "1\n2\n"],
    ["head", ["-2"], "1\n2\n"],
    ["head", ["-n", "-2"], "1\n2\n3\n"], // all but the last 2
    ["head", ["-n", "0"], ""],
    ["tail", ["-n", "2"], "4\n5\n"],
    ["tail", ["-2"], "4\n5\n"],
    ["tail", ["-n", "+4"], "4\n5\n"], // from line 4
    ["tail", ["-n", "+0"], "1\n2\n3\n4\n5\n"],
    ["tail", ["-n", "0"], ""],
  ] as const)("%s %j", (program, argv, out) => {
    expect(run(program, [...argv])).toBe(out);
  });

  it.each([
    ["head", ["-n", "x"], 'head: invalid number of lines: "x"'],
    ["tail", ["-nx"], 'tail: invalid number of lines: "x"'],
    ["tail", ["-c", "5"], "tail -c 5: jobsim's tail takes -n K, -nK or -K"],
    ["head", ["-n", "3"], null],
    ["tail", ["-n", "+3"], null],
    // coreutils 9.1: a count above 2^64 − 1 overflows; 2^64 − 1 itself is taken.
    ["head", ["-n", "18446744073709551615"], null],
    ["head", ["-n", "0018446744073709551615"], null],
    [
      "head",
      ["-n", "18446744073709551616"],
      'head: invalid number of lines: "18446744073709551616": Value too large for defined data type',
    ],
    [
      "head",
      ["-n", "-99999999999999999999999"],
      'head: invalid number of lines: "99999999999999999999999": Value too large for defined data type',
    ],
    [
      "tail",
      ["-n", "+99999999999999999999999"],
      'tail: invalid number of lines: "+99999999999999999999999": Value too large for defined data type',
    ],
    [
      "head",
      ["-99999999999999999999999"],
      'head: invalid number of lines: "99999999999999999999999": Value too large for defined data type',
    ],
    [
      "tail",
      ["-99999999999999999999999"],
      'tail: invalid number: "-99999999999999999999999": Numerical result out of range',
    ],
  ] as const)("%s %j: %s", (program, argv, problem) => {
    expect(lineCountProblem(program, [...argv])).toBe(problem);
  });
});
