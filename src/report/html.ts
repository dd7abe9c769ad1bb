import type { JobReport, McReport, Summary } from "../analysis/report.js";
import type { SweepReport } from "../analysis/sweep.js";
import { type Chart, mcCharts, sweepCharts } from "./charts.js";
import { escapeHtml, htmlPage } from "./html-page.js";
import type { Distributions, ReportMeta } from "./report-data.js";
import { chanceRecommendation, sweepRows } from "./sweep-table.js";

/**
 * The HTML reports of `jobsim sweep --html` and `jobsim mc --html`: one self-contained file —
 * inline CSS, the charts as inline SVG, no scripts, no external URLs — that reads the same in a
 * browser, a mail attachment or an artifact viewer years later.
 *
 * Deterministic byte for byte: nothing wall-clock (no "generated at"), numbers formatted with
 * fixed digits, charts from charts.ts (deterministic themselves). Every string that came from
 * the user (scenario and Job names, file names, the command line, labels) goes through
 * escapeHtml; the chart SVGs are escaped by vega and charts.ts.
 */

const e = escapeHtml;

const int = (n: number) => n.toLocaleString("en-US");
const pct = (x: number, digits = 3) => `${(100 * x).toFixed(digits)}%`;
/** The target as it would be written: 99.9%, 90%. */
const pctShort = (x: number) => `${Number((100 * x).toFixed(6))}%`;
/**
 * Rounded as the text table, sweep.md and sweep.txt round (toFixed, on the double's exact value),
 * then grouped in thousands: Intl rounds the shortest decimal string half-up instead, so a mean of
 * 4.55 (a double just below the half) would read 4.6 here and 4.5 in every other output.
 */
const num = (x: number, digits: number) => {
  const [whole, fraction] = x.toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
};
const secs = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${int(x)} s`);

function cell(text: string, cls = "num"): string {
  return `<td class="${cls}">${text}</td>`;
}

function figures(charts: Chart[]): string {
  return `<section class="charts" aria-label="charts">
${charts.map((c) => `<figure>\n<figcaption>${e(c.title)}</figcaption>\n${c.svg}\n</figure>`).join("\n")}
</section>`;
}

function footer(meta: ReportMeta): string {
  const rows: [string, string][] = [
    ["Scenario", e(meta.scenario)],
    ["Scenario file", `<code>${e(meta.scenarioFile)}</code>`],
    ["Seed", e(String(meta.seed))],
    ["Runs", int(meta.runs)],
    ["jobsim version", e(meta.version)],
    ["Command", `<code>jobsim ${e(meta.command)}</code>`],
  ];
  return `<footer>
<dl>
${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join("\n")}
</dl>
</footer>`;
}

/** The measures both tables end with: [header, numeric]. */
const MEASURE_COLUMNS: [string, boolean][] = [
  ["pods (mean)", true],
  ["pods p95", true],
  ["time p50", true],
  ["time p95", true],
  ["time p99", true],
  ["pod-seconds (mean)", true],
  ["wasted pod-s (mean)", true],
];

// ---------------------------------------------------------------------------------------------
// Sweep

function sweepCallout(r: SweepReport): string {
  if (r.target === undefined) return "";
  const within = r.withinSeconds === undefined ? "" : ` within ${int(r.withinSeconds)} s`;
  const what = `${pctShort(r.target)} success${within}`;
  const exact = r.closedFormRecommendation;
  let exactText = "";
  if (exact === null) exactText = ` The closed form says no value in the sweep reaches ${e(what)}.`;
  else if (exact !== undefined) {
    // With --within the closed form judges P(Complete within the limit), as the text form says.
    const judged =
      r.withinSeconds === undefined ? "P(success)" : `P(Complete within ${int(r.withinSeconds)} s)`;
    exactText = ` The closed form puts the smallest at <code>${e(String(exact.value))}</code> (exact ${judged} ${pct(exact.successRate)})`;
    exactText +=
      r.recommendation !== null && r.recommendation.value > exact.value
        ? "; more runs would let the Monte Carlo show it at 95% confidence."
        : ".";
  }
  const chance = chanceRecommendation(r);
  if (chance !== null)
    exactText += ` At <code>${e(String(chance.value))}</code> the exact value is ${pct(chance.exactRate)}, below the target: the Monte Carlo's lower bound passed it by chance (a 95% bound does so about 2.5% of the time, more often when a value is looked at again); raise <code>--runs</code>.`;
  if (r.recommendation === null) {
    return `<p class="callout bad">No value of <code>${e(r.parameter)}</code> in the sweep reaches ${e(what)} at the 95% lower bound.${exactText}</p>`;
  }
  return `<p class="callout good"><strong>Recommendation: <code>${e(r.parameter)}</code> = ${e(String(r.recommendation.value))}</strong> — the smallest value whose 95% lower bound (${pct(r.recommendation.lowerBound)}) reaches ${e(what)}.${exactText}</p>`;
}

function sweepTable(r: SweepReport): string {
  const target = r.target !== undefined;
  const within = r.withinSeconds === undefined ? "" : ` within ${int(r.withinSeconds)} s`;
  const short = r.parameter.split(".").pop() ?? r.parameter;
  const refined = r.points.some((p) => p.runs !== r.runs);
  const head: [string, boolean][] = [[`<code>${e(short)}</code>`, true]];
  if (refined) head.push(["runs", true]);
  head.push(["P(success)", true], ["95% interval", true], ["closed form", true]);
  // Without --within the target is judged on P(success) itself: its columns are already there.
  const hasWithin = r.withinSeconds !== undefined;
  if (target && hasWithin) head.push([`success${e(within)}`, true], ["95% lower bound", true]);
  if (target) head.push([`meets ${pctShort(r.target!)}`, false]);
  head.push(...MEASURE_COLUMNS);
  const rec = r.recommendation?.value;
  const body = sweepRows(r).map((row, i) => {
    const cells = [cell(e(String(row.value)), "num key")];
    if (refined) cells.push(cell(int(row.runs)));
    // An exact value outside the interval is marked as the mc table marks it; one inside is
    // left bare (the table would otherwise be a column of ✓).
    const cf = r.points[i].jobs[r.job].closedForm;
    const outside = cf.applies && cf.checks.successRate.verdict === "disagrees" ? ` ${OUTSIDE_MARK}` : "";
    cells.push(
      cell(pct(row.successRate)),
      cell(`${pct(row.ciLow)} – ${pct(row.ciHigh)}`),
      cell(row.closedForm === null ? `<span class="muted">—</span>` : `${pct(row.closedForm)}${outside}`),
    );
    if (target && hasWithin) cells.push(cell(pct(row.targetRate!)), cell(pct(row.targetLow!)));
    if (target)
      cells.push(cell(row.meets ? `<span class="yes">✓ yes</span>` : `<span class="no">no</span>`, ""));
    cells.push(
      cell(num(row.podsMean, 2)),
      cell(int(row.podsP95)),
      cell(secs(row.timeP50)),
      cell(secs(row.timeP95)),
      cell(secs(row.timeP99)),
      cell(num(row.podSecondsMean, 1)),
      cell(num(row.wastedPodSecondsMean, 1)),
    );
    return `<tr${row.value === rec ? ` class="recommended"` : ""}>${cells.join("")}</tr>`;
  });
  return `<div class="table-wrap">
<table>
<caption>${int(r.runs)} runs per value${refined ? ` (more where the target was in doubt, up to ${int(r.maxRuns ?? r.runs)})` : ""}; 95% intervals are Wilson score intervals; times are from the Job's creation to Complete or Failed.</caption>
<thead><tr>${head.map(([h, n]) => `<th scope="col"${n ? ` class="num"` : ""}>${h}</th>`).join("")}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>
</div>`;
}

export async function renderSweepHtml(
  r: SweepReport,
  dists: Distributions[],
  meta: ReportMeta,
): Promise<string> {
  const charts = await sweepCharts(r, dists);
  const title = `Sweep of ${r.parameter} — ${meta.scenario}`;
  const body = `<header>
<p class="eyebrow">jobsim sweep report</p>
<h1>Sweep of <code>${e(r.parameter)}</code> — ${e(meta.scenario)}</h1>
<p class="sub">Job <strong>${e(r.job)}</strong> · ${r.points.length} values · ${int(r.runs)} runs per value · seed ${e(String(r.seed))} · common random numbers across values</p>
${sweepCallout(r)}
</header>
<h2>Charts</h2>
${figures(charts)}
<h2>Results by value</h2>
${sweepTable(r)}
${footer(meta)}`;
  return htmlPage(title, body);
}

// ---------------------------------------------------------------------------------------------
// mc

const OUTSIDE_MARK = `<span class="no" title="outside the 95% interval">✗</span>`;

function closedFormCell(j: JobReport): string {
  if (!j.closedForm.applies) return `<span class="muted" title="${e(j.closedForm.reason)}">—</span>`;
  const check = j.closedForm.checks.successRate;
  const verdict =
    check === undefined
      ? ""
      : check.verdict === "agrees"
        ? ` <span class="yes" title="inside the 95% interval">✓</span>`
        : ` ${OUTSIDE_MARK}`;
  return `${pct(j.closedForm.successRate)}${verdict}`;
}

function failureReasons(j: JobReport): string {
  const reasons = Object.entries(j.reasons).filter(
    ([k]) => k !== "CompletionsReached" && k !== "SuccessPolicy",
  );
  if (reasons.length === 0) return `<span class="muted">—</span>`;
  return reasons.map(([k, n]) => `${e(k)} ${int(n)}`).join(", ");
}

function summaryCells(s: Summary | null, unit: (x: number) => string): string[] {
  if (s === null) return [cell("—"), cell("—"), cell("—")];
  return [cell(unit(s.p50)), cell(unit(s.p95)), cell(unit(s.p99))];
}

function mcTable(r: McReport): string {
  const head: [string, boolean][] = [
    ["Job", false],
    ["Complete", true],
    ["Failed", true],
    ["Unfinished", true],
    ["P(success)", true],
    ["95% interval", true],
    ["closed form", true],
    ["failure reasons", false],
    ...MEASURE_COLUMNS,
  ];
  const body = Object.entries(r.jobs).map(([name, j]) => {
    const cells = [
      cell(e(name), "key"),
      cell(int(j.complete)),
      cell(int(j.failed)),
      cell(int(j.unfinished + j.deleted)),
      cell(pct(j.successRate)),
      cell(`${pct(j.successCI95[0])} – ${pct(j.successCI95[1])}`),
      cell(closedFormCell(j)),
      cell(failureReasons(j), ""),
      cell(num(j.pods.mean, 2)),
      cell(int(j.pods.p95)),
      ...summaryCells(j.durationSeconds, (x) => secs(x)),
      cell(num(j.podSeconds.mean, 1)),
      cell(num(j.wastedPodSeconds.mean, 1)),
    ];
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<div class="table-wrap">
<table>
<caption>${int(r.runs)} runs; 95% intervals are Wilson score intervals; ✓ marks a closed form inside the interval; unfinished includes Jobs deleted before they finished.</caption>
<thead><tr>${head.map(([h, n]) => `<th scope="col"${n ? ` class="num"` : ""}>${h}</th>`).join("")}</tr></thead>
<tbody>
${body.join("\n")}
</tbody>
</table>
</div>`;
}

export async function renderMcHtml(r: McReport, dists: Distributions[], meta: ReportMeta): Promise<string> {
  const charts = await mcCharts(r, dists);
  const title = `Monte Carlo — ${r.scenario}`;
  const jobs = Object.keys(r.jobs).length;
  const body = `<header>
<p class="eyebrow">jobsim mc report</p>
<h1>Monte Carlo — ${e(r.scenario)}</h1>
<p class="sub">${jobs} Job${jobs === 1 ? "" : "s"} · ${int(r.runs)} runs · seed ${e(String(r.seed))} · fingerprint <code>${e(r.fingerprint)}</code></p>
</header>
<h2>Charts</h2>
${figures(charts)}
<h2>Results by Job</h2>
${mcTable(r)}
${footer(meta)}`;
  return htmlPage(title, body);
}
