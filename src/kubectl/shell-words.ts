import { UsageError } from "./parse.js";

/**
 * Command lines as a terminal user types them: shell words (quotes, backslashes) and an
 * optional pipe into `grep` / `head` / `tail`; the shell's other syntax is refused.
 */

/**
 * A shell operator, redirection or expansion in a step (`;`, `&&`, `||`, `2>&1`, `> f`, `$(...)`,
 * `$VAR`): a shell would act on it, jobsim would pass it to kubectl as an argument and show
 * something no terminal shows. A step is one kubectl command, piped into grep, head or tail.
 */
function shellOperator(line: string, at: number, digits: string): UsageError {
  return new UsageError(
    `${line}: the shell's "${digits}${operatorAt(line, at)}" is not simulated (quote it to pass it to kubectl): a step is one kubectl command, optionally piped into grep, head or tail`,
  );
}

/** The operator or expansion starting at `at`, as the user wrote it (`&&`, `>&`, `$(`, `$HOME`). */
function operatorAt(line: string, at: number): string {
  if (line[at] === "$") return /^\$(\(|\{|[A-Za-z_][A-Za-z0-9_]*)/.exec(line.slice(at))![0];
  return /^[;&<>|()`]+(?:\d+(?=\s|$))?/.exec(line.slice(at))![0];
}

/** Splits a command line into words; returns the pipeline stages. */
export function splitPipeline(line: string): string[][] {
  const stages: string[][] = [[]];
  let word = "";
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = null;
      else word += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) word += line[++i];
      else if (ch === "`" || (ch === "$" && /[A-Za-z_({]/.test(line[i + 1] ?? "")))
        throw shellOperator(line, i, "");
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === "\\" && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (ch === " " || ch === "\t") {
      if (inWord) stages[stages.length - 1].push(word);
      word = "";
      inWord = false;
    } else if (";&<>()`".includes(ch) || (ch === "|" && "|&".includes(line[i + 1] ?? ""))) {
      throw shellOperator(line, i, inWord && /^\d+$/.test(word) ? word : "");
    } else if (ch === "$" && /[A-Za-z_({]/.test(line[i + 1] ?? "")) {
      throw shellOperator(line, i, "");
    } else if (ch === "|") {
      if (inWord) stages[stages.length - 1].push(word);
      word = "";
      inWord = false;
      stages.push([]);
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote !== null) throw new UsageError(`unterminated ${quote} quote in: ${line}`);
  if (inWord) stages[stages.length - 1].push(word);
  if (stages.some((s) => s.length === 0)) throw new UsageError(`empty command in pipeline: ${line}`);
  return stages;
}
