import { stringify } from "csv-stringify/sync";
import type { SweepReport } from "../analysis/sweep.js";
import { DESCRIBE_TABWRITER, tabulate } from "../kubectl/tabwriter.js";
import { sweepAsciiChart } from "./ascii-chart.js";
import { pctShort } from "./chart-scales.js";

/** The sweep as a table: text (terminal), Markdown and CSV (reports). */

const pct = (x: number, d = 3) => `${(100 * x).toFixed(d)}%`;

export interface SweepRow {
  value: number;
  /** Runs at this value (more than the sweep's --runs where the target was in doubt). */
  runs: number;
  complete: number;
  failed: number;
  /** Runs the horizon cut short, and runs whose Job a step deleted before it finished. */
  unfinished: number;
  deleted: number;
  successRate: number;
  ciLow: number;
  ciHigh: number;
  closedForm: number | null;
  targetRate: number | null;
  targetLow: number | null;
  /** With --within: the exact P(Complete within it), when known. */
  targetExact: number | null;
  meets: boolean | null;
  podsMean: number;
  podsP95: number;
  timeP50: number | null;
  timeP95: number | null;
  timeP99: number | null;
  podSecondsMean: number;
  wastedPodSecondsMean: number;
}

export function sweepRows(r: SweepReport): SweepRow[] {
  return r.points.map((p) => {
    const j = p.jobs[r.job];
    return {
      value: p.value,
      runs: p.runs,
      complete: j.complete,
      failed: j.failed,
      unfinished: j.unfinished,
      deleted: j.deleted,
      successRate: j.successRate,
      ciLow: j.successCI95[0],
      ciHigh: j.successCI95[1],
      closedForm: j.closedForm.applies ? j.closedForm.successRate : null,
      targetRate: p.target?.rate ?? null,
      targetLow: p.target?.ci95[0] ?? null,
      targetExact: p.target?.exactRate ?? null,
      meets: p.target?.meets ?? null,
      podsMean: j.pods.mean,
      podsP95: j.pods.p95,
      timeP50: j.durationSeconds?.p50 ?? null,
      timeP95: j.durationSeconds?.p95 ?? null,
      timeP99: j.durationSeconds?.p99 ?? null,
      podSecondsMean: j.podSeconds.mean,
      wastedPodSecondsMean: j.wastedPodSeconds.mean,
    };
  });
}

/**
 * The closed form's cell: the exact P(success), marked as mc marks it (mc-text.ts) when it lies
 * outside the value's 95% interval — else a disagreement would go unsaid in the table.
 */
function closedFormCell(r: SweepReport, i: number, row: SweepRow, none: string): string {
  if (row.closedForm === null) return none;
  const cf = r.points[i].jobs[r.job].closedForm;
  const outside = cf.applies && cf.checks.successRate.verdict === "disagrees";
  return `${pct(row.closedForm)}${outside ? " (OUTSIDE)" : ""}`;
}

/** Under the table when some value's closed form is outside its interval. */
function outsideNote(r: SweepReport): string {
  const outside = r.points.some((p) => {
    const cf = p.jobs[r.job].closedForm;
    return cf.applies && cf.checks.successRate.verdict === "disagrees";
  });
  return outside
    ? "OUTSIDE: the exact P(success) lies outside the value's 95% interval (a 95% interval misses about 1 time in 20; with common random numbers, neighbouring values miss together)\n"
    : "";
}

/**
 * Under the table when some value's runs did not all finish: P(success) counts them as no
 * success, and the table has no Failed column to tell them from failures (mc lists them as
 * Unfinished and Deleted rows, mc-text.ts).
 */
function unfinishedNote(r: SweepReport): string {
  const parts: string[] = [];
  for (const p of r.points) {
    const j = p.jobs[r.job];
    const shares = [
      j.unfinished > 0 ? `${pct(j.unfinished / p.runs)} still running at the horizon` : "",
      j.deleted > 0 ? `${pct(j.deleted / p.runs)} deleted` : "",
    ].filter((x) => x !== "");
    if (shares.length > 0) parts.push(`${shortName(r.parameter)} ${p.value}: ${shares.join(", ")}`);
  }
  return parts.length === 0 ? "" : `not finished (counted as no success): ${parts.join("; ")}\n`;
}

/** Whether some value was re-run with more runs to settle the target. */
function refined(r: SweepReport): boolean {
  return r.points.some((p) => p.runs !== r.runs);
}

/** "10,000 runs each" and, after refinement, where more were run. */
function runsLabel(r: SweepReport, each: string): string {
  const base = `${r.runs.toLocaleString("en-US")} run${r.runs === 1 ? "" : "s"} ${each}`;
  return refined(r)
    ? `${base} (more where the target was in doubt, up to ${r.maxRuns!.toLocaleString("en-US")})`
    : base;
}

function shortName(path: string): string {
  return path.split(".").pop() ?? path;
}

function withinLabel(r: SweepReport): string {
  return r.withinSeconds === undefined ? "" : ` within ${r.withinSeconds}s`;
}

function recommendationLine(r: SweepReport): string {
  if (r.target === undefined) return "";
  const what = `${pctShort(r.target)} success${withinLabel(r)}`;
  let text =
    r.recommendation === null
      ? `no value of ${r.parameter} in the sweep reaches ${what} at the 95% lower bound\n`
      : `recommendation: ${r.parameter} = ${r.recommendation.value} is the smallest value whose 95% lower bound (${pct(r.recommendation.lowerBound)}) reaches ${what}\n`;
  const exact = r.closedFormRecommendation;
  const chance = chanceRecommendation(r);
  const chanceText =
    chance === null
      ? ""
      : `; at ${chance.value} it is ${pct(chance.exactRate)}, below the target: the Monte Carlo's lower bound passed it by chance (a 95% bound does so about 2.5% of the time, more often when a value is looked at again); raise --runs`;
  if (exact === null) text += `closed form: no value in the sweep reaches ${what}${chanceText}\n`;
  else if (exact !== undefined) {
    const p = r.withinSeconds === undefined ? "P(success)" : `P(Complete within ${r.withinSeconds} s)`;
    text += `closed form: ${r.parameter} = ${exact.value} is the smallest value whose exact ${p} (${pct(exact.successRate)}) reaches ${what}${chanceText}`;
    text +=
      r.recommendation !== null && r.recommendation.value > exact.value
        ? ` (${laterRecommendation(r, exact.value)})\n`
        : "\n";
  }
  return text;
}

/**
 * Why the Monte Carlo names a larger value than the closed form's `value`. Refinement re-runs
 * only values whose interval straddles the target (sweep.ts refine): one still straddling it
 * at --max-runs needs more of them; one whose upper bound fell below the target by chance (about
 * 2.5% per look) is settled as a miss and never re-run, so only more --runs can show it.
 */
function laterRecommendation(r: SweepReport, value: number): string {
  const upper = r.points.find((p) => p.value === value)?.target?.ci95[1];
  if (upper !== undefined && upper < r.target!)
    return `at ${value} the Monte Carlo's 95% upper bound, ${pct(upper)}, fell below the target by chance, so it was not re-run: raise --runs`;
  return "the Monte Carlo needs more runs to show it at 95% confidence: raise --max-runs";
}

/**
 * The recommended value, with its exact rate, when the closed form shows that rate below the
 * target: a 95% lower bound above the true value, which chance allows (about 2.5% per look). The
 * closed form then recommends a larger value or none. Null when they agree or no closed form.
 */
export function chanceRecommendation(r: SweepReport): { value: number; exactRate: number } | null {
  const exact = r.closedFormRecommendation;
  const recommended = r.recommendation;
  if (exact === undefined || recommended === null) return null;
  if (exact !== null && recommended.value >= exact.value) return null;
  const point = r.points.find((p) => p.value === recommended.value);
  const exactRate = point?.target?.exactRate;
  return exactRate === undefined ? null : { value: recommended.value, exactRate };
}

export function sweepText(r: SweepReport): string {
  const target = r.target !== undefined;
  const head = [shortName(r.parameter)];
  if (refined(r)) head.push("runs");
  head.push("P(success)", "95% interval", "closed form");
  const within = r.withinSeconds !== undefined;
  if (target && within) head.push(`success${withinLabel(r)}`, "95% lower", `closed form${withinLabel(r)}`);
  if (target) head.push(`lower ≥ ${pctShort(r.target!)}`);
  head.push("pods (mean)", "time p50", "time p95", "pod-s (mean)");
  const lines = [head.join("\t")];
  for (const [i, row] of sweepRows(r).entries()) {
    const cells = [String(row.value)];
    if (refined(r)) cells.push(row.runs.toLocaleString("en-US"));
    cells.push(
      pct(row.successRate),
      `[${pct(row.ciLow)}, ${pct(row.ciHigh)}]`,
      closedFormCell(r, i, row, "-"),
    );
    if (target && within)
      cells.push(
        pct(row.targetRate!),
        pct(row.targetLow!),
        row.targetExact === null ? "-" : pct(row.targetExact),
      );
    if (target) cells.push(row.meets ? "yes" : "no");
    cells.push(
      row.podsMean.toFixed(2),
      row.timeP50 === null ? "-" : `${row.timeP50}s`,
      row.timeP95 === null ? "-" : `${row.timeP95}s`,
      row.podSecondsMean.toFixed(1),
    );
    lines.push(cells.join("\t"));
  }
  const title = `jobsim sweep: ${r.parameter} over ${r.points.length} value${r.points.length === 1 ? "" : "s"}, Job ${r.job}, ${runsLabel(r, "each")}, seed ${r.seed} (common random numbers)\n\n`;
  const table = tabulate(`${lines.join("\n")}\n`, { ...DESCRIBE_TABWRITER, padding: 3 });
  return `${title}${table}${outsideNote(r)}${unfinishedNote(r)}\n${recommendationLine(r)}\n${sweepAsciiChart(r)}`;
}

export function sweepMarkdown(r: SweepReport, scenario: string): string {
  const target = r.target !== undefined;
  const head = [`\`${shortName(r.parameter)}\``, "runs", "P(success)", "95% interval", "closed form"];
  const within = r.withinSeconds !== undefined;
  if (target) head.push(`success${withinLabel(r)}`, "95% lower bound");
  if (target && within) head.push(`closed form${withinLabel(r)}`);
  if (target) head.push(`meets ${pctShort(r.target!)}`);
  head.push(
    "pods (mean)",
    "pods p95",
    "time p50",
    "time p95",
    "time p99",
    "pod-seconds (mean)",
    "wasted pod-seconds (mean)",
  );
  const out = [
    `# Sweep of \`${r.parameter}\` — ${scenario}`,
    "",
    `Job \`${r.job}\`, ${runsLabel(r, "per value")}, seed ${r.seed}, common random numbers across values.`,
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
  ];
  for (const [i, row] of sweepRows(r).entries()) {
    const cells = [
      String(row.value),
      row.runs.toLocaleString("en-US"),
      pct(row.successRate),
      `[${pct(row.ciLow)}, ${pct(row.ciHigh)}]`,
      closedFormCell(r, i, row, "—"),
    ];
    if (target) cells.push(pct(row.targetRate!), pct(row.targetLow!));
    if (target && within) cells.push(row.targetExact === null ? "—" : pct(row.targetExact));
    if (target) cells.push(row.meets ? "yes" : "no");
    cells.push(
      row.podsMean.toFixed(2),
      String(row.podsP95),
      row.timeP50 === null ? "—" : `${row.timeP50} s`,
      row.timeP95 === null ? "—" : `${row.timeP95} s`,
      row.timeP99 === null ? "—" : `${row.timeP99} s`,
      row.podSecondsMean.toFixed(1),
      row.wastedPodSecondsMean.toFixed(1),
    );
    out.push(`| ${cells.join(" | ")} |`);
  }
  const note = outsideNote(r);
  if (note) out.push("", note.trim());
  const rec = recommendationLine(r);
  if (rec) out.push("", rec.trim().replace(/^recommendation:/, "**Recommendation:**"));
  return `${out.join("\n")}\n`;
}

export function sweepCsv(r: SweepReport): string {
  const rows = sweepRows(r);
  return stringify(rows, {
    header: true,
    columns: Object.keys(rows[0] ?? { value: 0 }).map((k) => ({
      key: k,
      header: k === "value" ? r.parameter : k,
    })),
    cast: { boolean: (b) => (b ? "true" : "false") },
  });
}
