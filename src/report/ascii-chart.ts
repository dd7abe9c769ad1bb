import type { SweepReport } from "../analysis/sweep.js";

/**
 * A small plain-text chart of P(success) against the swept value, printed after the table of
 * `jobsim sweep`. Drawn by hand (asciichart wants one column per sample and has no x labels,
 * awkward for a discrete swept value). The y axis counts nines — −log10(1 − P) — so 90%, 99%,
 * 99.9% and 99.99% are evenly spaced and the difference between the last two stays visible; the
 * rows fall on whole nines or even fractions of one, labelled at the whole ones. A point sits on
 * the highest row whose value it reaches, and never on the wrong side of the target line. At most 12 lines
 * (header, ≤ 9 rows, axis, labels) and at most 100 columns.
 *
 *   P(success) by backoffLimit (log scale) · ┄ target 99.9% · ◆ recommended 13
 *    99.99% ┤                                        ↑
 *           │                                  ● ◆
 *     99.9% ┤┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄┄●┄┄┄┄┄┄┄┄┄
 *   ...
 */

const MAX_ROWS = 9;
const MAX_SPAN = 8;
const PLOT_COLUMNS = 86;

function nines(p: number): number {
  return p >= 1 ? Number.POSITIVE_INFINITY : -Math.log10(1 - p);
}

/** The success probability at a whole number of nines: 0%, 90%, 99%, 99.9%, ... */
function ninesLabel(k: number): string {
  if (k <= 0) return "0%";
  if (k === 1) return "90%";
  return `99.${"9".repeat(k - 2)}%`.replace(/\.%$/, "%");
}

function pctShort(x: number): string {
  return `${Number((100 * x).toFixed(6))}%`;
}

export function sweepAsciiChart(r: SweepReport): string {
  const within = r.withinSeconds !== undefined;
  const pts = r.points
    .filter((p) => p.jobs[r.job] !== undefined)
    .map((p) => ({
      value: p.value,
      rate: within && p.target ? p.target.rate : p.jobs[r.job].successRate,
    }));
  if (pts.length === 0) return "";
  const short = r.parameter.split(".").pop() ?? r.parameter;

  const finite = pts.map((p) => nines(p.rate)).filter((v) => Number.isFinite(v));
  if (r.target !== undefined) finite.push(nines(r.target));
  // No failure seen at all: put the top one nine above log10(runs), the resolution of the runs.
  if (pts.some((p) => p.rate >= 1)) finite.push(Math.log10(Math.max(10, r.runs)));
  let hi = Math.max(1, Math.ceil(Math.max(...finite) - 1e-9));
  let lo = Math.max(0, Math.floor(Math.min(...finite) + 1e-9));
  if (hi === lo) hi = lo + 1;
  if (hi - lo > MAX_SPAN) lo = hi - MAX_SPAN;
  const perNine = Math.max(1, Math.floor((MAX_ROWS - 1) / (hi - lo)));
  const rows = (hi - lo) * perNine + 1;
  /**
   * Row index (0 at the top) of a nines value, clamped to the plot: the highest row whose value
   * it reaches, so a row holds the values from its own up to the next row's (a point drawn on the
   * 99.9% row has at least 99.9%).
   */
  const rowOf = (v: number) => {
    if (v === Number.POSITIVE_INFINITY) return 0;
    const level = Math.floor((v - lo) * perNine + 1e-9);
    return Math.min(rows - 1, Math.max(0, rows - 1 - level));
  };
  const targetNines = r.target === undefined ? Number.NaN : nines(r.target);
  const targetRow = r.target === undefined ? -1 : rowOf(targetNines);
  /** A point's row, on the right side of the target line: below it when it misses the target. */
  const pointRow = (v: number) => {
    const row = rowOf(v);
    if (targetRow < 0) return row;
    if (v < targetNines - 1e-12 && row <= targetRow) return Math.min(rows - 1, targetRow + 1);
    if (v >= targetNines - 1e-12 && row > targetRow) return targetRow;
    return row;
  };

  // Columns: one cell per value, as wide as fits in the plot area.
  const n = pts.length;
  const labels = pts.map((p) => String(p.value));
  const labelW = Math.max(...labels.map((l) => l.length));
  const cw = Math.max(1, Math.min(Math.max(4, labelW + 1), Math.floor(PLOT_COLUMNS / n)));
  const every = Math.max(1, Math.ceil((labelW + 1) / cw));
  const width = n * cw + 1;
  const centre = (i: number) => i * cw + Math.floor(cw / 2) + 1;

  const grid: string[][] = Array.from({ length: rows }, () => new Array<string>(width).fill(" "));
  if (targetRow >= 0) grid[targetRow].fill("┄");
  const rec = r.recommendation?.value;
  pts.forEach((p, i) => {
    const v = nines(p.rate);
    let mark = p.value === rec ? "◆" : "●";
    if (v === Number.POSITIVE_INFINITY) mark = "↑";
    else if (v < lo) mark = "↓";
    grid[pointRow(v)][centre(i)] = mark;
  });

  const yLabels = grid.map((_, row) => {
    const v = hi - row / perNine;
    // The bottom row at 0 nines holds everything under the next row's value: 0% would say less.
    if (row === rows - 1 && lo === 0) return `<${Math.round(100 * (1 - 10 ** (-1 / perNine)))}%`;
    return row % perNine === 0 ? ninesLabel(Math.round(v)) : "";
  });
  const yw = Math.max(...yLabels.map((l) => l.length));
  const lines: string[] = [];
  const what = within ? `P(Complete within ${r.withinSeconds} s)` : "P(success)";
  const head = [`${what} by ${short} (log scale)`];
  if (r.target !== undefined) head.push(`┄ target ${pctShort(r.target)}`);
  if (rec !== undefined) head.push(`◆ recommended ${rec}`);
  if (pts.some((p) => p.rate >= 1)) head.push("↑ no failure seen");
  lines.push(head.join(" · "));
  grid.forEach((cells, row) => {
    const axis = yLabels[row] === "" ? "│" : "┤";
    lines.push(`${yLabels[row].padStart(yw)} ${axis}${cells.join("")}`.trimEnd());
  });
  const axis = new Array<string>(width).fill("─");
  pts.forEach((_, i) => {
    if (i % every === 0) axis[centre(i)] = "┬";
  });
  lines.push(`${" ".repeat(yw)} └${axis.join("")}`);
  const xl = new Array<string>(width + labelW + 1).fill(" ");
  labels.forEach((l, i) => {
    if (i % every !== 0) return;
    const start = Math.max(0, centre(i) - Math.floor((l.length - 1) / 2));
    for (let k = 0; k < l.length; k++) xl[start + k] = l[k];
  });
  const xLine = `${" ".repeat(yw + 2)}${xl.join("").trimEnd()}`;
  lines.push(xLine.length + short.length + 2 <= 100 ? `${xLine}  ${short}` : xLine);
  return `${lines.join("\n")}\n`;
}
