import type { JobReport, McReport, Summary } from "../analysis/report.js";
import { MIN_RUNS_FOR_MEAN_CHECK } from "../analysis/report.js";
import { DESCRIBE_TABWRITER, tabulate } from "../kubectl/tabwriter.js";

/** The text form of `jobsim mc`: one block per Job, estimates beside the closed forms. */

const int = (n: number) => n.toLocaleString("en-US");
const pct = (x: number, digits = 3) => `${(100 * x).toFixed(digits)}%`;

/** Tab-separated rows aligned into columns, without trailing blanks. */
function aligned(rows: string[]): string {
  return tabulate(`${rows.join("\n")}\n`, DESCRIBE_TABWRITER)
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trimEnd();
}

function row(label: string, s: Summary | null, unit = "", exact?: Summary | null): string {
  if (s === null) return `  ${label}\t-\t-\t-\t-\t-\t`;
  // Means are exact in --json; the table rounds them to what a reader compares.
  const f = (v: number) => `${Number.isInteger(v) ? v : unit === "s" ? v.toFixed(1) : v.toFixed(3)}${unit}`;
  return `  ${label}\t${f(s.mean)}\t${f(s.p50)}\t${f(s.p95)}\t${f(s.p99)}\t${f(s.max)}\t${exact ? `${f(exact.mean)}` : ""}`;
}

/** How to open a run as a session: the scenario file and seed the report came from. */
export interface ReplayHint {
  scenarioFile: string;
  seed: number | string;
}

/**
 * A word as a POSIX shell reads it back: as it is when it holds nothing the shell treats
 * specially, else in single quotes (inside which nothing, `$` or `"` included, is expanded).
 */
function shellWord(word: string): string {
  return /^[-A-Za-z0-9_./:@%+=,]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

function replayLine(j: JobReport, hint: ReplayHint): string {
  const firsts = Object.entries(j.firstRuns).map(([o, run]) => `${o} ${run}`);
  const seed = String(hint.seed);
  // `--seed -abc` would be read as the flags -a -b -c: a seed starting with a dash is joined.
  const seedOption = /^-(?![0-9])/.test(seed) ? `--seed=${shellWord(seed)}` : `--seed ${shellWord(seed)}`;
  return `  first run of each outcome: ${firsts.join(", ")} (replay one: jobsim run ${shellWord(hint.scenarioFile)} ${seedOption} --run N)`;
}

function jobBlock(name: string, j: JobReport, runs: number, hint?: ReplayHint): string {
  const lines: string[] = [`Job ${name}`];
  const cf = j.closedForm.applies ? j.closedForm : null;
  const outcome: string[] = ["  outcome\truns\tshare\t95% interval\tclosed form"];
  const verdict = cf
    ? cf.checks.successRate.verdict === "agrees"
      ? "inside the interval"
      : "OUTSIDE the interval"
    : "";
  outcome.push(
    `  Complete\t${int(j.complete)}\t${pct(j.complete / runs)}\t[${pct(j.successCI95[0])}, ${pct(j.successCI95[1])}]\t${cf ? `${pct(cf.successRate, 4)} (${verdict})` : ""}`,
  );
  const reasons = Object.entries(j.reasons).filter(
    ([r]) => r !== "CompletionsReached" && r !== "SuccessPolicy",
  );
  outcome.push(`  Failed\t${int(j.failed)}\t${pct(j.failed / runs)}\t\t`);
  if (j.unfinished > 0)
    outcome.push(
      `  Unfinished\t${int(j.unfinished)}\t${pct(j.unfinished / runs)}\tstill running at the horizon\t`,
    );
  if (j.deleted > 0)
    outcome.push(`  Deleted\t${int(j.deleted)}\t${pct(j.deleted / runs)}\tdeleted before it finished\t`);
  lines.push(aligned(outcome));
  // The Failed condition's reasons on a line of their own, not under the interval's header.
  if (reasons.length > 0) lines.push(`  why Failed: ${reasons.map(([r, n]) => `${r} ${int(n)}`).join(", ")}`);
  if (hint !== undefined) lines.push(replayLine(j, hint));
  lines.push("");
  const measures = [
    "  \tmean\tp50\tp95\tp99\tmax\texact mean",
    row("pods created", j.pods, "", cf?.pods),
    row("failed pods", j.failedPods),
    row("time to finish", j.durationSeconds, "s", cf?.durationSeconds),
    row("time to success", j.completeSeconds, "s"),
    row("pod-seconds", j.podSeconds, "s"),
    row("  of failed pods", j.wastedPodSeconds, "s"),
  ];
  lines.push(aligned(measures));
  // Times to finish exist only for runs that finished; counts cover every run.
  if (j.unfinished + j.deleted > 0)
    lines.push(
      `  (time to finish covers the ${int(j.complete + j.failed)} runs that finished, time to success the Complete ones; the other rows count every run)`,
    );
  if (cf) {
    lines.push("");
    lines.push(
      `  closed form (p = ${cf.p}, backoffLimit ${cf.backoffLimit}): P(success) = 1 − (1 − p)^(backoffLimit + 1) = ${pct(cf.successRate, 4)}`,
    );
    for (const [name, c] of Object.entries(cf.checks)) {
      lines.push(
        `    ${name}: estimate ${c.estimate}, exact ${c.exact}, 95% interval [${c.interval[0]}, ${c.interval[1]}] — ${c.verdict === "agrees" ? "agrees" : "DISAGREES beyond the interval"}`,
      );
    }
    for (const [name, needed] of Object.entries(cf.unjudged ?? {}))
      lines.push(
        `    ${name}: not judged below ${int(needed)} runs (${needed > MIN_RUNS_FOR_MEAN_CHECK ? "the exact distribution is skewed: Cochran's rule, n > 25·skewness²" : "too few runs for a mean's interval"})`,
      );
    if (cf.durationSeconds === null && cf.durationNote)
      lines.push(`    time to finish: no exact distribution (${cf.durationNote})`);
  } else lines.push(`\n  no closed form: ${j.closedForm.applies ? "" : j.closedForm.reason}`);
  return lines.join("\n");
}

export function mcText(r: McReport, hint?: ReplayHint): string {
  const head = `jobsim mc: ${r.scenario}, seed ${r.seed}, ${int(r.runs)} run${r.runs === 1 ? "" : "s"} (fingerprint ${r.fingerprint})`;
  const blocks = Object.entries(r.jobs).map(([name, j]) => jobBlock(name, j, r.runs, hint));
  return `${head}\n\n${blocks.join("\n\n")}\n`;
}
