import { lineCountText, parseGrep } from "../scenario/pipe-args.js";
import type { PipeStage } from "../scenario/steps.js";

/**
 * The filters a tutorial pipes kubectl into, as GNU grep and coreutils run them on a pipe:
 * `grep [-ivEFGcqnwxs] [-A n] [-B n] [-C n] [-NUM] [-e] PATTERN` (POSIX basic or extended
 * expressions, posix-regex.ts; `--` between context groups), `head -n [-]N`, `tail -n [+]N`.
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
  const g = parseGrep(argv);
  // (A scenario's stages were checked when it was loaded; this is grep's usage status.)
  if (typeof g === "string") return { text: "", exitCode: 2 };
  const lines = split(text);
  const selected = lines.map((l) => g.re.test(l) !== g.invert);
  const matched = selected.filter((x) => x).length;
  const status = matched > 0 ? 0 : 1;
  if (g.quiet) return { text: "", exitCode: status };
  if (g.count) return { text: `${matched}\n`, exitCode: status };
  const keep = new Array(lines.length).fill(false);
  selected.forEach((sel, i) => {
    if (!sel) return;
    for (let j = Math.max(0, i - g.before); j <= Math.min(lines.length - 1, i + g.after); j++) keep[j] = true;
  });
  const out: string[] = [];
  let last = -2;
  const context = g.before > 0 || g.after > 0;
  lines.forEach((l, i) => {
    if (!keep[i]) return;
    if (context && last >= 0 && i !== last + 1) out.push("--");
    out.push(g.lineNumbers ? `${i + 1}${selected[i] ? ":" : "-"}${l}` : l);
    last = i;
  });
  return { text: join(out), exitCode: status };
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
