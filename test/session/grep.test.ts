import { describe, expect, it } from "vitest";
import { parseGrep } from "../../src/scenario/pipe-args.js";
import { posixToJs } from "../../src/scenario/posix-regex.js";
import { applyPipe } from "../../src/session/pipe.js";

/** grep on a pipe as GNU grep 3 behaves, for the options jobsim takes. */

/** Whether `line` matches `pattern` read as GNU grep reads it (BRE, or ERE with extended). */
function matches(pattern: string, line: string, extended = false): boolean {
  const js = posixToJs(pattern, extended);
  if (typeof js !== "string") throw new Error(js.problem);
  return new RegExp(js).test(line);
}

describe("posixToJs: basic expressions (the default)", () => {
  it.each([
    ["(", "a(b", true], // ( is a plain character in BRE
    ["a+b", "a+b", true],
    ["a+b", "aab", false],
    ["a\\+b", "aab", true], // \+ is GNU's one-or-more
    ["a\\{2\\}", "xaay", true],
    ["a{2}", "a{2}", true],
    ["\\(ab\\)*c", "ababc", true],
    ["x\\|y", "y", true],
    ["x|y", "x|y", true],
    ["*a", "*a", true], // * at the start is plain
    ["a^b", "a^b", true], // ^ not at the start is plain
    ["a$b", "a$b", true],
    ["^Events", "Events:", true],
    ["Events$", "Events:", false],
    ["[[:digit:]]\\{3\\}", "exit 137", true],
    ["[]a]", "]", true],
    ["\\<job\\>", "a job here", true],
    ["\\<job\\>", "jobs", false],
    ["a.c", "abc", true],
    ["a\\.c", "abc", false],
  ])("%s on %s: %s", (pattern, line, result) => {
    expect(matches(pattern, line)).toBe(result);
  });
});

describe("posixToJs: extended expressions (-E)", () => {
  it.each([
    ["a+b", "aab", true],
    ["(Error|Completed)", "Completed", true],
    ["a{2}", "aa", true],
    ["a{x", "a{x", true], // a { that starts no interval is plain (GNU)
    ["\\(", "(", true],
  ])("%s on %s: %s", (pattern, line, result) => {
    expect(matches(pattern, line, true)).toBe(result);
  });

  it.each([
    ["(", true, "Unmatched ( or \\("],
    ["\\(", false, "Unmatched ( or \\("],
    ["a\\)", false, "Unmatched ) or \\)"],
    ["[a", false, "Unmatched [, [^, [:, [., or [="],
    ["[[:nope:]]", false, "Invalid character class name"],
    ["a\\", false, "Trailing backslash"],
  ])("%s (extended %s) is refused: %s", (pattern, extended, problem) => {
    expect(posixToJs(pattern, extended)).toEqual({ problem });
  });
});

/** GNU grep 3.8's answers (printf LINE | grep [-E] PATTERN), for intervals, repeated
 * repetitions, back references and bracket elements, as glibc regcomp.c parses them. */
describe("posixToJs: what GNU grep 3.8 accepts and refuses", () => {
  it.each([
    ["a{,3}", true, "xa", true], // {,n} is {0,n}
    ["a{,}", true, "xa", true],
    ["a{x}", true, "a{x}", true], // no interval: plain characters (ERE)
    ["a{1,x}", true, "a{1,x}", true],
    ["a{32767}", true, "a", false], // RE_DUP_MAX itself is allowed
    ["a{2}{3}", true, "aaaaaa", true],
    ["a+*", true, "a", true],
    ["a*{2}", true, "a", true],
    ["a**", true, "a", true],
    ["a**", false, "a", true],
    ["a\\{1\\}\\{2\\}", false, "aa", true],
    ["a\\{,3\\}", false, "xa", true],
    ["\\{1\\}", false, "{1}", true], // an interval with nothing to repeat is plain (BRE)
    ["(a)\\1", true, "aa", true],
    ["(a)\\1", true, "ab", false],
    ["\\(ab\\)x\\1", false, "abxab", true],
    ["\\(a\\)\\(b\\)\\2\\1", false, "abba", true],
    ["[[.a.]]", true, "a", true],
    ["[[.a.]]", true, "[.]", false],
    ["[[=a=]]", true, "a", true],
    ["[[.-.]]", true, "-", true],
    ["[--z]", true, "a", true],
    ["[a-]", true, "-", true],
    ["[a-a]", true, "a", true],
    // ERE: a ")" that closes no group is a plain character.
    [")", true, "a)", true],
    ["(a))", true, "a)", true],
    // ERE: a repetition with nothing to repeat is dropped (grep 3.8 warns, and matches).
    ["*a", true, "xa", true],
    ["a|+b", true, "xb", true],
    ["(*a)", true, "xa", true],
    ["a(*b)", true, "a*b", false],
    ["{1}", true, "x", true],
    ["{}", true, "{}", true], // no valid interval: plain characters
    ["{}", true, "x", false],
    // ERE: an anchor repeats: "^*a" is "a" anywhere.
    ["^*a", true, "xa", true],
    ["a$*b", true, "ab", true],
    ["\\<*a", true, "xa", false], // the "*" after \< repeats nothing: \<a
    // BRE: "*" right after the "^" anchor is plain; a second "^" is plain.
    ["^*", false, "*", true],
    ["^*", false, "x", false],
    ["^^", false, "^", true],
    ["\\(^^\\)", false, "^", true],
  ])("%s (extended %s) on %s: %s", (pattern, extended, line, result) => {
    expect(matches(pattern, line, extended)).toBe(result);
  });

  it.each([
    ["a{2,1}", true, "Invalid content of \\{\\}"],
    ["a{}", true, "Invalid content of \\{\\}"],
    ["a{1,2,3}", true, "Invalid content of \\{\\}"],
    ["a\\{\\}", false, "Invalid content of \\{\\}"],
    ["a\\{x\\}", false, "Invalid content of \\{\\}"],
    ["a\\{1,x\\}", false, "Invalid content of \\{\\}"],
    ["a\\{2,1\\}", false, "Invalid content of \\{\\}"],
    ["a\\{", false, "Unmatched \\{"],
    ["a\\{1", false, "Unmatched \\{"],
    ["a\\{1,2", false, "Unmatched \\{"],
    ["a{32768}", true, "Regular expression too big"],
    ["a{40000,}", true, "Regular expression too big"],
    ["a{1,40000}", true, "Regular expression too big"],
    ["a{99999999999999}", true, "Regular expression too big"],
    ["a\\{40000\\}", false, "Regular expression too big"],
    ["(a)\\2", true, "Invalid back reference"],
    ["(a\\1)", true, "Invalid back reference"],
    ["\\1", true, "Invalid back reference"],
    ["\\(a\\)\\2", false, "Invalid back reference"],
    ["[b-a]", true, "Invalid range end"],
    ["[z-a]", false, "Invalid range end"],
    ["[z-a-]", true, "Invalid range end"],
    ["[a-[:digit:]]", true, "Invalid range end"],
    ["[[:digit:]-z]", true, "Invalid range end"],
    ["[[.ab.]]", true, "Invalid collation character"],
    ["[[.space.]]", true, "Invalid collation character"],
    ["[[=ab=]]", true, "Invalid collation character"],
    ["[[.a]", true, "Unmatched [, [^, [:, [., or [="],
    ["[[=a]", true, "Unmatched [, [^, [:, [., or [="],
    ["a\\{\\+,", false, "Invalid content of \\{\\}"], // the first number is already wrong
    ["[", true, "Invalid regular expression"], // nothing after "[" at all
    ["a[^", false, "Invalid regular expression"],
    ["[]", true, "Unmatched [, [^, [:, [., or [="],
    ["[:digit:]", false, "character class syntax is [[:space:]], not [:space:]"],
    ["[^:ab:]", true, "character class syntax is [[:space:]], not [:space:]"],
    // glibc's complaints come before dfa.c's [:space:] one.
    ["[:digit:]\\2", true, "Invalid back reference"],
    ["([:digit:]", true, "Unmatched ( or \\("],
  ])("%s (extended %s) is refused: %s", (pattern, extended, problem) => {
    expect(posixToJs(pattern, extended)).toEqual({ problem });
  });

  it.each([
    ["[::]", ":"],
    ["[:a]", "a"],
    ["[:a-z:]", "b"],
  ])("%s is an ordinary bracket (not [:name:] without its brackets): matches %s", (pattern, line) => {
    expect(matches(pattern, line, true)).toBe(true);
  });
});

const PODS = [
  "NAME                READY   STATUS      RESTARTS   AGE",
  "example-job-f9xtc   0/1     Error       0          2m",
  "example-job-lfj9g   0/1     Completed   0          2m",
  "example-job-zz9qd   0/1     Error       0          3m",
  "",
].join("\n");
const grep = (...argv: string[]) => applyPipe(PODS, [{ program: "grep", argv }]);

describe("grep options", () => {
  it.each([
    [
      ["Error"],
      "example-job-f9xtc   0/1     Error       0          2m\nexample-job-zz9qd   0/1     Error       0          3m\n",
      0,
    ],
    [["-c", "Error"], "2\n", 0],
    [["-vc", "Error"], "2\n", 0],
    [["-q", "Error"], "", 0],
    [["-q", "Running"], "", 1],
    [["-c", "Running"], "0\n", 1],
    [["-n", "Completed"], "3:example-job-lfj9g   0/1     Completed   0          2m\n", 0],
    [
      ["-n", "-A1", "Completed"],
      "3:example-job-lfj9g   0/1     Completed   0          2m\n4-example-job-zz9qd   0/1     Error       0          3m\n",
      0,
    ],
    [["-x", "NAME"], "", 1],
    [
      ["-i", "-e", "completed", "-e", "NAME"],
      "NAME                READY   STATUS      RESTARTS   AGE\nexample-job-lfj9g   0/1     Completed   0          2m\n",
      0,
    ],
    [["-E", "Error|Completed", "-c"], "3\n", 0],
    [["-F", "0/1     E", "-c"], "2\n", 0],
    // Each -e pattern's \1 names its own group: "(p)\1" wants "pp", which no line has.
    [["-E", "-c", "-e", "(x)\\1", "-e", "(p)\\1"], "0\n", 1],
    [["-c", "-e", "\\(x\\)\\1", "-e", "\\(r\\)\\1"], "2\n", 0],
  ])("grep %j", (argv, text, status) => {
    const r = grep(...argv);
    expect(r.text).toBe(text);
    expect(r.exitCode).toBe(status);
  });

  it("-w matches whole words only (a hyphen is not a word character)", () => {
    expect(grep("-wc", "job").text).toBe("3\n");
    expect(grep("-wc", "jo").text).toBe("0\n");
  });

  it.each([
    [["-o", "x"], "grep -o: jobsim's grep takes -i -v -E -F -G -c -q -n -w -x -s -e -A -B -C and -NUM"],
    [["-A", "x", "y"], "grep: x: invalid context length argument (A)"],
    [[], "grep: no pattern (usage: grep [OPTION]... PATTERNS)"],
    [["x", "file.txt"], "grep file.txt: jobsim's grep reads only what is piped into it"],
    [["("], null],
    [["-E", "("], "grep: Unmatched ( or \\("],
    [["-E", "a{2,1}"], "grep: Invalid content of \\{\\}"],
    [["-e", "x", "-e", "\\(a\\)\\2"], "grep: Invalid back reference"],
  ])("parseGrep %j: %s", (argv, problem) => {
    const g = parseGrep(argv);
    expect(typeof g === "string" ? g : null).toBe(problem);
  });
});
