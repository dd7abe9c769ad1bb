import { posixToJs } from "./posix-regex.js";

/**
 * The arguments of the `grep`, `head` and `tail` a step may pipe into, checked when the scenario
 * is loaded (session/pipe.ts runs them): a stage jobsim cannot run as GNU would is a problem of
 * the scenario, never a silent approximation.
 */

/** The count of `head`/`tail` as written: `-n K`, `-nK` or `-K` (default "10"). */
export function lineCountText(argv: readonly string[]): string {
  if (argv.length === 2 && argv[0] === "-n") return argv[1];
  if (argv.length === 1 && /^-n./.test(argv[0])) return argv[0].slice(2);
  if (argv.length === 1 && /^-\d+$/.test(argv[0])) return argv[0].slice(1);
  return argv.length === 0 ? "10" : "";
}

/**
 * Why a `head`/`tail` stage cannot run, or null: the forms above with K a whole number —
 * `head -n -K` (all but the last K lines) and `tail -n +K` (from line K) as GNU coreutils has them.
 */
export function lineCountProblem(program: "head" | "tail", argv: readonly string[]): string | null {
  const text = lineCountText(argv);
  if (text === "") return `${program} ${argv.join(" ")}: jobsim's ${program} takes -n K, -nK or -K`;
  const ok = /^[+-]?\d+$/.test(text);
  if (!ok) return `${program}: invalid number of lines: "${text}"`;
  const digits = text.replace(/^[+-]/, "");
  if (!aboveUintmaxMax(digits)) return null;
  // coreutils 9 head.c/tail.c: xstrtoumax overflows. tail's obsolete "-K" goes through
  // parse_obsolete_option, which words it otherwise; a "-" the count had is not quoted back.
  if (program === "tail" && argv.length === 1 && /^-\d+$/.test(argv[0]))
    return `tail: invalid number: "-${digits}": Numerical result out of range`;
  const shown = text.startsWith("-") ? digits : text;
  return `${program}: invalid number of lines: "${shown}": Value too large for defined data type`;
}

/** UINTMAX_MAX, the largest count head and tail take (2^64 − 1). */
const UINTMAX_MAX = "18446744073709551615";

/** Whether a run of decimal digits is above UINTMAX_MAX. */
function aboveUintmaxMax(digits: string): boolean {
  const d = digits.replace(/^0+(?=\d)/, "");
  return d.length > UINTMAX_MAX.length || (d.length === UINTMAX_MAX.length && d > UINTMAX_MAX);
}

/** A `grep` stage, parsed: the compiled pattern and what to print. */
export interface GrepArgs {
  re: RegExp;
  invert: boolean;
  /** -c: the number of selected lines instead of the lines. */
  count: boolean;
  /** -q: nothing, only the exit status. */
  quiet: boolean;
  /** -n: "N:" before a selected line, "N-" before a context line. */
  lineNumbers: boolean;
  before: number;
  after: number;
}

const GREP_FLAGS = "ivEFGcqnwxs";

/** Parses `grep` options and patterns as GNU grep reads them from a pipe; a problem in words on error. */
export function parseGrep(argv: readonly string[]): GrepArgs | string {
  const flags = new Set<string>();
  const patterns: string[] = [];
  let before = 0;
  let after = 0;
  const operands: string[] = [];
  const contextCount = (opt: string, text: string | undefined): number | string =>
    text !== undefined && /^\d+$/.test(text)
      ? Number(text)
      : `grep: ${text ?? ""}: invalid context length argument (${opt})`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const f = a[j];
      if (f === "e" || f === "A" || f === "B" || f === "C") {
        const value = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
        if (f === "e") {
          if (value === undefined) return "grep: option requires an argument -- 'e'";
          patterns.push(value);
        } else {
          const n = contextCount(f, value);
          if (typeof n === "string") return n;
          if (f !== "B") after = n;
          if (f !== "A") before = n;
        }
        break;
      }
      if (/\d/.test(f)) {
        // -NUM is -C NUM.
        const n = Number(a.slice(j).match(/^\d+/)![0]);
        before = n;
        after = n;
        break;
      }
      if (!GREP_FLAGS.includes(f))
        return `grep -${f}: jobsim's grep takes -i -v -E -F -G -c -q -n -w -x -s -e -A -B -C and -NUM`;
      flags.add(f);
    }
  }
  if (patterns.length === 0) {
    const first = operands.shift();
    if (first === undefined) return "grep: no pattern (usage: grep [OPTION]... PATTERNS)";
    patterns.push(first);
  }
  if (operands.length > 0)
    return `grep ${operands.join(" ")}: jobsim's grep reads only what is piped into it`;
  const extended = flags.has("E") && !flags.has("F");
  const sources: string[] = [];
  // The capturing groups of the patterns so far: one expression holds them all, so each
  // pattern's back references (\1) are renumbered past the groups of those before it.
  let groups = 0;
  // Several patterns (-e … -e …, or a pattern with newlines) match if any does.
  for (const p of patterns.flatMap((x) => x.split("\n"))) {
    if (flags.has("F")) sources.push(p.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&"));
    else {
      const js = posixToJs(p, extended, groups);
      if (typeof js !== "string") return `grep: ${js.problem}`;
      sources.push(js);
      // An expression that also matches "" matches it with one slot per capturing group.
      groups += new RegExp(`${js}|`).exec("")!.length - 1;
    }
  }
  let source = sources.map((s) => `(?:${s})`).join("|");
  if (flags.has("w")) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  if (flags.has("x")) source = `^(?:${source})$`;
  return {
    re: new RegExp(source, flags.has("i") ? "i" : ""),
    invert: flags.has("v"),
    count: flags.has("c"),
    quiet: flags.has("q"),
    lineNumbers: flags.has("n"),
    before,
    after,
  };
}
