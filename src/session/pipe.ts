import { lineCountText } from "../scenario/pipe-args.js";
import type { PipeStage } from "../scenario/steps.js";

/**
 * The filters a tutorial pipes kubectl into: `grep [-i] [-v] [-E|-F] [-A n] [-B n] [-C n]
 * [-e] PATTERN`, `head [-n] N`, `tail [-n] N`, with GNU grep's `--` between context groups.
 */

export interface PipeResult {
  text: string;
  /** grep's status: 1 when nothing matched. */
  exitCode: number;
}

function head(lines: string[], argv: readonly string[]): string[] {
  const text = lineCountText(argv);
  const n = Number(text.replace(/^[+-]/, ""));
  return text.startsWith("-") ? lines.slice(0, Math.max(0, lines.length - n)) : lines.slice(0, n);
}

function tail(lines: string[], argv: readonly string[]): string[] {
  const text = lineCountText(argv);
  const n = Number(text.replace(/^[+-]/, ""));
  if (text.startsWith("+")) return lines.slice(Math.max(0, n - 1));
  return n === 0 ? [] : lines.slice(-n);
}

function split(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function join(lines: string[]): string {
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function grep(text: string, argv: string[]): PipeResult {
  let after = 0;
  let before = 0;
  let ignoreCase = false;
  let invert = false;
  let fixed = false;
  let pattern: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-A" || a === "-B" || a === "-C") {
      const n = Number(argv[++i]);
      if (a !== "-B") after = n;
      if (a !== "-A") before = n;
    } else if (/^-[ABC]\d+$/.test(a)) {
      const n = Number(a.slice(2));
      if (a[1] !== "B") after = n;
      if (a[1] !== "A") before = n;
    } else if (a === "-e") pattern = argv[++i];
    else if (a.startsWith("-") && a.length > 1 && pattern === undefined) {
      for (const f of a.slice(1)) {
        if (f === "i") ignoreCase = true;
        else if (f === "v") invert = true;
        else if (f === "F") fixed = true;
      }
    } else if (pattern === undefined) pattern = a;
  }
  if (pattern === undefined) return { text: "", exitCode: 2 };
  const re = new RegExp(
    fixed ? pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : pattern,
    ignoreCase ? "i" : "",
  );
  const lines = split(text);
  const keep = new Array(lines.length).fill(false);
  let matched = 0;
  lines.forEach((l, i) => {
    if (re.test(l) !== invert) {
      matched++;
      for (let j = Math.max(0, i - before); j <= Math.min(lines.length - 1, i + after); j++) keep[j] = true;
    }
  });
  const out: string[] = [];
  let last = -2;
  const context = before > 0 || after > 0;
  lines.forEach((l, i) => {
    if (!keep[i]) return;
    if (context && last >= 0 && i !== last + 1) out.push("--");
    out.push(l);
    last = i;
  });
  return { text: join(out), exitCode: matched > 0 ? 0 : 1 };
}

export function applyPipe(text: string, stages: readonly PipeStage[]): PipeResult {
  let result: PipeResult = { text, exitCode: 0 };
  for (const s of stages) {
    if (s.program === "grep") result = grep(result.text, s.argv);
    else if (s.program === "head") result = { text: join(head(split(result.text), s.argv)), exitCode: 0 };
    else result = { text: join(tail(split(result.text), s.argv)), exitCode: 0 };
  }
  return result;
}
