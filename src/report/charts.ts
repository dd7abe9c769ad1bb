import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import type { JobReport, McReport } from "../analysis/report.js";
import type { SweepReport } from "../analysis/sweep.js";
import type { CdfPoint, Distributions } from "./report-data.js";

/**
 * The report's charts: Vega-Lite specs built as plain objects, compiled with vega-lite and drawn
 * to SVG strings by a headless vega View (renderer "none", so no DOM and no canvas is needed).
 *
 * Deterministic byte for byte: every size is fixed, the font family is fixed, text widths are
 * estimated from the string length (never measured with a canvas, whose fonts differ between
 * machines), the SVG's clip/gradient ids are renumbered in order of appearance under the chart's
 * name (vega's own counters are global; several charts share one HTML page), and no ARIA
 * descriptions are generated (they would repeat every datum). Charts are rendered one after the
 * other.
 *
 * Escaping: vega escapes `<`, `>` and `&` in text and attributes; `svgSafe` also escapes the quotes
 * it leaves raw in text content, so no user-provided string appears unescaped in the output.
 */

export interface Chart {
  title: string;
  svg: string;
}

type Spec = Record<string, unknown>;

export const CHART_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const WIDTH = 420;
const HEIGHT = 280;

const INK = "#1f2933";
const MUTED = "#52606d";
const GRID = "#e6e9ed";
const OBSERVED = "#2f6fb0";
const WITHIN = "#7b4fa6";
const CLOSED = "#d9822b";
const TARGET = "#c23b32";
const RECOMMENDED = "#2e8540";

const CONFIG: Spec = {
  font: CHART_FONT,
  aria: false,
  background: "#ffffff",
  padding: 8,
  view: { stroke: "#cbd2d9" },
  axis: {
    labelColor: MUTED,
    titleColor: INK,
    gridColor: GRID,
    domainColor: "#9aa5b1",
    tickColor: "#9aa5b1",
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    titlePadding: 8,
  },
  legend: {
    labelColor: INK,
    titleColor: INK,
    labelFontSize: 11,
    titleFontSize: 12,
    titleFontWeight: "normal",
    labelLimit: 260,
  },
  text: { font: CHART_FONT, fontSize: 11, color: INK },
};

// Text widths from the estimate (0.8 × font size per character), not from a canvas: the same
// layout on every machine whether or not a canvas package happens to be installed.
(vega as unknown as { textMetrics?: { canvas(use: boolean): void } }).textMetrics?.canvas(false);

/**
 * Escapes what vega leaves raw in text content (quotes) — valid in XML and HTML alike — and
 * renames the SVG's ids (clip paths, gradients) in order of appearance under the chart's prefix:
 * unique within a page of several charts, and independent of vega's global id counters.
 */
function svgSafe(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g))
    if (!ids.has(m[1])) ids.set(m[1], `${prefix}-${ids.size + 1}`);
  return svg
    .replace(/>([^<]+)</g, (_m, text: string) => `>${text.replace(/"/g, "&quot;").replace(/'/g, "&#39;")}<`)
    .replace(/'/g, "&#39;")
    .replace(/\bid="([^"]+)"/g, (_m, id: string) => `id="${ids.get(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (m, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : m));
}

async function render(spec: Spec, prefix: string): Promise<string> {
  const full = { ...spec, config: CONFIG };
  const vg = compile(full as unknown as TopLevelSpec).spec;
  const view = new vega.View(vega.parse(vg), { renderer: "none" });
  try {
    vega.resetSVGDefIds();
    const svg = await view.toSVG();
    return svgSafe(svg, prefix);
  } finally {
    view.finalize();
  }
}

async function renderAll(specs: { title: string; id: string; spec: Spec }[]): Promise<Chart[]> {
  const out: Chart[] = [];
  // One after the other: vega's SVG id counters are global (svgSafe renumbers the ids anyway).
  for (const s of specs) out.push({ title: s.title, svg: await render(s.spec, s.id) });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scales and labels

/** The vega expression that formats a probability with as many decimals as its decade needs. */
const PCT_DECADE = (v: string) => `format(${v}, '.' + max(0, -floor(log(${v}) / LN10 + 1e-9) - 2) + '~%')`;

function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(hi)); e >= Math.round(Math.log10(lo)); e--) out.push(10 ** e);
  return out;
}

/** The log domain's floor: the decade at or below the smallest positive value (not below 1e-12). */
function logFloor(values: number[]): number {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const min = pos.length === 0 ? 0.1 : Math.min(...pos);
  return Math.max(1e-12, 10 ** Math.floor(Math.log10(min) - 1e-9));
}

/** A linear [lo, 1] domain for probabilities: lo is a step of 0.05 below the smallest value. */
function probDomain(values: number[]): [number, number] {
  const min = Math.min(1, ...values.filter((v) => Number.isFinite(v)));
  const lo = Math.max(0, Math.floor((min - 0.02) * 20) / 20);
  return [lo, 1];
}

/** "99.9%", "99.99%", "90%": the target as it would be written. */
function pctShort(x: number): string {
  return `${Number((100 * x).toFixed(6))}%`;
}

function legendScale(entries: [string, string][]): Spec {
  return { domain: entries.map(([n]) => n), range: entries.map(([, c]) => c) };
}

/** A colour channel naming one fixed series, so fixed-colour layers still get a legend entry. */
function seriesColor(entries: [string, string][]): (name: string) => Spec {
  return (name) => ({
    datum: name,
    type: "nominal",
    scale: legendScale(entries),
    legend: {
      title: null,
      orient: "bottom",
      direction: "vertical",
      symbolType: "stroke",
      symbolStrokeWidth: 2.5,
      symbolOpacity: 1,
      labelLimit: 400,
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Sweep charts

interface SweepRow {
  value: number;
  rate: number;
  lo: number;
  hi: number;
  closed: number | null;
  within: number | null;
  withinLo: number | null;
  withinHi: number | null;
  podSeconds: number;
}

function sweepRowsOf(r: SweepReport): SweepRow[] {
  return r.points
    .filter((p) => p.jobs[r.job] !== undefined)
    .map((p) => {
      const j = p.jobs[r.job];
      return {
        value: p.value,
        rate: j.successRate,
        lo: j.successCI95[0],
        hi: j.successCI95[1],
        closed: j.closedForm.applies ? j.closedForm.successRate : null,
        within: r.withinSeconds !== undefined && p.target ? p.target.rate : null,
        withinLo: r.withinSeconds !== undefined && p.target ? p.target.ci95[0] : null,
        withinHi: r.withinSeconds !== undefined && p.target ? p.target.ci95[1] : null,
        podSeconds: j.podSeconds.mean,
      };
    });
}

function shortParam(path: string): string {
  return path.split(".").pop() ?? path;
}

function xValueAxis(r: SweepReport, rows: SweepRow[]): Spec {
  const values = rows.map((p) => p.value);
  const integers = values.every((v) => Number.isInteger(v));
  const axis: Spec = { title: r.parameter, grid: false };
  if (integers) axis.format = "d";
  if (integers && values.length <= 24) axis.values = values;
  else if (integers) axis.tickMinStep = 1;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = values.length > 1 ? (max - min) * 0.03 : 1;
  return { type: "quantitative", axis, scale: { domain: [min - pad, max + pad], nice: false, zero: false } };
}

interface Panel {
  /** The data value of a success probability on the panel's y axis. */
  y: (p: number) => number;
  /** Where that value is drawn, as a fraction of the plot's height from the top. */
  fromTop: (p: number) => number;
  top: number;
  bottom: number;
  failures: boolean;
}

/**
 * Annotations shared by the success panels: the target rule and the recommended value, labelled
 * where they do not collide — the target's label above its rule (below it when the rule is at the
 * very top), the recommendation's at the top of its rule (at the bottom when the target is up there).
 */
function annotations(r: SweepReport, panel: Panel): Spec[] {
  const layers: Spec[] = [];
  const targetHigh = r.target !== undefined && panel.fromTop(r.target) < 0.15;
  if (r.target !== undefined) {
    const t = panel.y(r.target);
    let within = r.withinSeconds === undefined ? "" : ` within ${r.withinSeconds} s`;
    if (panel.failures) within += ` (≤ ${pctShort(1 - r.target)} failures)`;
    const below = panel.fromTop(r.target) < 0.08;
    layers.push(
      {
        mark: { type: "rule", color: TARGET, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { datum: t } },
      },
      {
        data: { values: [{ label: `target ${pctShort(r.target)}${within}` }] },
        mark: {
          type: "text",
          color: TARGET,
          align: "left",
          baseline: below ? "top" : "bottom",
          dx: 4,
          dy: below ? 4 : -3,
          x: 0,
        },
        encoding: { y: { datum: t }, text: { field: "label" } },
      },
    );
  }
  if (r.recommendation !== null) {
    const v = r.recommendation.value;
    const values = r.points.map((p) => p.value);
    // The label goes on the side of the rule with more room.
    const right = v - Math.min(...values) < Math.max(...values) - v;
    layers.push(
      {
        mark: { type: "rule", color: RECOMMENDED, strokeWidth: 1.5, strokeDash: [2, 3] },
        encoding: { x: { datum: v } },
      },
      {
        data: { values: [{ label: `recommended: ${v}` }] },
        mark: {
          type: "text",
          color: RECOMMENDED,
          align: right ? "left" : "right",
          baseline: targetHigh ? "bottom" : "top",
          dx: right ? 5 : -5,
          dy: targetHigh ? -4 : 4,
          fontWeight: "bold",
        },
        encoding: {
          x: { datum: v },
          y: { datum: targetHigh ? panel.bottom : panel.top },
          text: { field: "label" },
        },
      },
    );
  }
  return layers;
}

function successSpec(r: SweepReport, rows: SweepRow[]): Spec {
  const withinName = r.withinSeconds === undefined ? "" : `P(Complete within ${r.withinSeconds} s)`;
  const entries: [string, string][] = [["P(Complete), 95% interval", OBSERVED]];
  if (withinName) entries.push([withinName, WITHIN]);
  const hasClosed = rows.some((p) => p.closed !== null);
  if (hasClosed) entries.push(["closed form", CLOSED]);
  const color = seriesColor(entries);
  const domain = probDomain([
    ...rows.map((p) => p.lo),
    ...rows.flatMap((p) => (p.closed === null ? [] : [p.closed])),
    ...rows.flatMap((p) => (p.withinLo === null ? [] : [p.withinLo])),
    ...(r.target === undefined ? [] : [r.target]),
  ]);
  const x = xValueAxis(r, rows);
  const y = {
    type: "quantitative",
    title: "P(success)",
    scale: { domain, nice: false, zero: false },
    axis: { format: "~%", tickCount: 8 },
  };
  const layers: Spec[] = [
    {
      mark: { type: "area", opacity: 0.16 },
      encoding: {
        x: { field: "value", ...x },
        y: { field: "lo", ...y },
        y2: { field: "hi" },
        color: color(entries[0][0]),
      },
    },
    {
      mark: { type: "line", point: { filled: true, size: 36 }, strokeWidth: 2 },
      encoding: { x: { field: "value", ...x }, y: { field: "rate", ...y }, color: color(entries[0][0]) },
    },
  ];
  if (withinName) {
    layers.push(
      {
        transform: [{ filter: "datum.within !== null" }],
        mark: { type: "area", opacity: 0.12 },
        encoding: {
          x: { field: "value", ...x },
          y: { field: "withinLo", ...y },
          y2: { field: "withinHi" },
          color: color(withinName),
        },
      },
      {
        transform: [{ filter: "datum.within !== null" }],
        mark: { type: "line", point: { filled: true, size: 30 }, strokeWidth: 2 },
        encoding: { x: { field: "value", ...x }, y: { field: "within", ...y }, color: color(withinName) },
      },
    );
  }
  if (hasClosed) {
    layers.push({
      transform: [{ filter: "datum.closed !== null" }],
      mark: { type: "line", strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { x: { field: "value", ...x }, y: { field: "closed", ...y }, color: color("closed form") },
    });
  }
  layers.push(
    ...annotations(r, {
      y: (p) => p,
      fromTop: (p) => (1 - p) / (1 - domain[0]),
      top: 1,
      bottom: domain[0],
      failures: false,
    }),
  );
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    layer: layers,
  };
}

/** Failure probability on a log scale: where 99.9% and 99.99% are a decade apart. */
function failureSpec(r: SweepReport, rows: SweepRow[]): Spec {
  const useWithin = r.withinSeconds !== undefined && rows.some((p) => p.within !== null);
  const rate = (p: SweepRow) => (useWithin ? (p.within ?? p.rate) : p.rate);
  const lo = (p: SweepRow) => (useWithin ? (p.withinLo ?? p.lo) : p.lo);
  const hi = (p: SweepRow) => (useWithin ? (p.withinHi ?? p.hi) : p.hi);
  const floor = logFloor([
    ...rows.map((p) => 1 - lo(p)),
    ...rows.map((p) => 1 - rate(p)),
    ...rows.flatMap((p) => (p.closed === null || useWithin ? [] : [1 - p.closed])),
    ...(r.target === undefined ? [] : [1 - r.target]),
  ]);
  const clamp = (v: number) => Math.min(1, Math.max(floor, v));
  const data = rows.map((p) => ({
    value: p.value,
    fail: 1 - rate(p) > 0 ? clamp(1 - rate(p)) : null,
    zero: 1 - rate(p) > 0 ? null : floor,
    bandLo: clamp(1 - hi(p)),
    bandHi: clamp(1 - lo(p)),
    closed: p.closed === null || useWithin || 1 - p.closed <= 0 ? null : clamp(1 - p.closed),
  }));
  const observedName = useWithin
    ? `P(not Complete within ${r.withinSeconds} s), 95% interval`
    : "P(not Complete), 95% interval";
  const entries: [string, string][] = [[observedName, OBSERVED]];
  const hasZero = data.some((d) => d.zero !== null);
  if (hasZero) entries.push(["no failure observed (▼ at the floor)", MUTED]);
  const hasClosed = data.some((d) => d.closed !== null);
  if (hasClosed) entries.push(["closed form", CLOSED]);
  const color = seriesColor(entries);
  const x = xValueAxis(r, rows);
  const y = {
    type: "quantitative",
    title: "P(failure), log scale",
    scale: { type: "log", domain: [floor, 1], nice: false, clamp: true },
    axis: { values: decades(floor, 1), labelExpr: PCT_DECADE("datum.value") },
  };
  const layers: Spec[] = [
    {
      mark: { type: "area", opacity: 0.16 },
      encoding: {
        x: { field: "value", ...x },
        y: { field: "bandLo", ...y },
        y2: { field: "bandHi" },
        color: color(observedName),
      },
    },
    {
      transform: [{ filter: "datum.fail !== null" }],
      mark: { type: "line", point: { filled: true, size: 36 }, strokeWidth: 2 },
      encoding: { x: { field: "value", ...x }, y: { field: "fail", ...y }, color: color(observedName) },
    },
  ];
  if (hasZero) {
    layers.push({
      transform: [{ filter: "datum.zero !== null" }],
      mark: { type: "point", shape: "triangle-down", filled: true, size: 60 },
      encoding: { x: { field: "value", ...x }, y: { field: "zero", ...y }, color: color(entries[1][0]) },
    });
  }
  if (hasClosed) {
    layers.push({
      transform: [{ filter: "datum.closed !== null" }],
      mark: { type: "line", strokeDash: [5, 3], strokeWidth: 1.5 },
      encoding: { x: { field: "value", ...x }, y: { field: "closed", ...y }, color: color("closed form") },
    });
  }
  layers.push(
    ...annotations(r, {
      y: (p) => clamp(1 - p),
      fromTop: (p) => Math.log10(clamp(1 - p)) / Math.log10(floor),
      top: 1,
      bottom: floor,
      failures: true,
    }),
  );
  return { width: WIDTH, height: HEIGHT, data: { values: data }, layer: layers };
}

/**
 * CDF lines: one per entry, each a step at every observed time, all ending together at the right
 * edge. The axis stops at the slowest entry's 99th percentile (or just past the --within limit)
 * so that a long tail of retries does not squash the rest into the left edge; the last 1% would
 * be 3 px high anyway.
 */
function cdfRows(dists: Distributions[], within?: number): { rows: Spec[]; cut: boolean } {
  const maxX = Math.max(0, ...dists.flatMap((d) => d.finishCdf.map(([s]) => s)));
  const p999 = (d: Distributions) =>
    (d.finishCdf.find(([, f]) => f >= 0.99) ?? d.finishCdf[d.finishCdf.length - 1])[0];
  let end = Math.max(0, ...dists.filter((d) => d.finishCdf.length > 0).map(p999));
  if (within !== undefined) end = Math.max(end, within * 1.1);
  end = Math.min(maxX, end);
  const rows: Spec[] = [];
  for (const d of dists) {
    const pts: CdfPoint[] = d.finishCdf.filter(([s]) => s <= end);
    if (d.finishCdf.length === 0) continue;
    if (pts.length === 0 || pts[0][1] > 0) pts.unshift([Math.min(d.finishCdf[0][0], end), 0]);
    const last = pts[pts.length - 1];
    if (last[0] < end) pts.push([end, last[1]]);
    pts.forEach(([s, f], i) => {
      rows.push({ label: d.label, order: i, seconds: s, fraction: f });
    });
  }
  return { rows, cut: end < maxX };
}

function byValue(dists: Distributions[]): Distributions[] {
  return [...dists].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
}

function cdfSpec(dists: Distributions[], ordered: boolean, legendTitle: string, within?: number): Spec {
  const { rows, cut } = cdfRows(dists, within);
  const labels = dists.map((d) => d.label);
  const color: Spec = {
    field: "label",
    type: ordered ? "ordinal" : "nominal",
    title: legendTitle,
    sort: labels,
    scale: ordered
      ? { domain: labels, scheme: { name: "viridis", extent: [0, 0.88] } }
      : { domain: labels, scheme: "tableau10" },
    legend: { symbolType: "stroke", symbolStrokeWidth: 2.5, columns: labels.length > 16 ? 2 : 1 },
  };
  const layers: Spec[] = [
    {
      mark: { type: "line", interpolate: "step-after", strokeWidth: 1.75 },
      encoding: {
        x: {
          field: "seconds",
          type: "quantitative",
          title: cut ? "time to finish (s) — cut at the slowest 99th percentile" : "time to finish (s)",
          scale: { zero: true },
        },
        y: {
          field: "fraction",
          type: "quantitative",
          title: "fraction of finished runs",
          scale: { domain: [0, 1] },
          axis: { format: "~%" },
        },
        color,
        order: { field: "order", type: "quantitative" },
      },
    },
  ];
  if (within !== undefined) {
    layers.push(
      {
        data: { values: [{ s: within, label: `within ${within} s` }] },
        mark: { type: "rule", color: TARGET, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { x: { field: "s", type: "quantitative" } },
      },
      {
        data: { values: [{ s: within, label: `within ${within} s` }] },
        mark: { type: "text", color: TARGET, align: "left", baseline: "top", dx: 4, y: 4 },
        encoding: { x: { field: "s", type: "quantitative" }, text: { field: "label" } },
      },
    );
  }
  return { width: WIDTH, height: HEIGHT, data: { values: rows }, layer: layers };
}

/**
 * Pods created per run for a sweep: a heatmap, swept value (rows) × pods created (columns),
 * the cell's shade the share of that value's runs (log colour scale, so rare long tails stay
 * visible), the share printed in the cell while the cells are wide enough. Readable at 16
 * values where 16 overlaid or grouped histograms are not, and every value keeps its own row.
 */
function podsHeatmapSpec(r: SweepReport, dists: Distributions[]): Spec {
  const rows: Spec[] = [];
  let maxPods = 0;
  for (const d of dists) {
    const total = d.pods.reduce((s, [, n]) => s + n, 0);
    for (const [pods, n] of d.pods) {
      if (n === 0 || total === 0) continue;
      maxPods = Math.max(maxPods, pods);
      rows.push({ label: d.label, pods, share: n / total });
    }
  }
  const minPods = Math.min(...rows.map((x) => x.pods as number));
  const columns = maxPods - minPods + 1;
  const showText = columns <= 20;
  const cellW = Math.max(8, Math.min(44, Math.floor(580 / Math.max(1, columns))));
  const labels = dists.map((d) => d.label);
  const lowest = logFloor(rows.map((x) => x.share as number));
  const rowH = Math.max(16, Math.min(24, Math.floor(HEIGHT / Math.max(1, labels.length))));
  const legendLength = Math.max(60, Math.min(160, labels.length * rowH));
  // A labelled decade every 16 px at most.
  const allDecades = decades(lowest, 1);
  const every = Math.ceil(allDecades.length / Math.max(2, Math.floor(legendLength / 16)));
  const legendValues = allDecades.filter((_, i) => i % every === 0);
  const layers: Spec[] = [
    {
      mark: { type: "rect", stroke: "#ffffff", strokeWidth: 1 },
      encoding: {
        color: {
          field: "share",
          type: "quantitative",
          title: "share of runs",
          scale: {
            type: "log",
            domain: [lowest, 1],
            scheme: { name: "blues", extent: [0.12, 1] },
          },
          legend: { format: "~%", gradientLength: legendLength, values: legendValues },
        },
      },
    },
  ];
  if (showText) {
    layers.push({
      mark: { type: "text", fontSize: 9, baseline: "middle" },
      encoding: {
        text: { field: "share", type: "quantitative", format: ".2~p" },
        // White on the darker 40% of the (log) colour scale.
        color: { condition: { test: `datum.share >= ${lowest ** 0.4}`, value: "#ffffff" }, value: INK },
      },
    });
  }
  return {
    width: { step: cellW },
    height: { step: rowH },
    data: { values: rows },
    encoding: {
      x: {
        field: "pods",
        type: "ordinal",
        title: "pods created in the run",
        scale: { domain: range(minPods, maxPods) },
        axis: { labelAngle: 0 },
      },
      y: {
        field: "label",
        type: "ordinal",
        title: shortParam(r.parameter),
        sort: labels,
        scale: { domain: labels },
      },
    },
    layer: layers,
  };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Mean pod-seconds against P(success) on a log-of-failure axis: the price of each extra nine. */
function costSpec(points: { label: string; rate: number; lo: number; podSeconds: number }[]): Spec {
  // No failure seen: the point sits at the floor, below every interval's upper bound, and says so.
  const floor = logFloor([...points.map((p) => 1 - p.rate), ...points.map((p) => 1 - p.lo)]);
  const data = points.map((p, i) => ({
    label: p.rate >= 1 ? `${p.label} (no failure seen)` : p.label,
    order: i,
    fail: Math.min(1, Math.max(floor, 1 - p.rate)),
    podSeconds: p.podSeconds,
  }));
  const x = {
    field: "fail",
    type: "quantitative",
    title: "P(success) — log scale of the failure probability",
    scale: { type: "log", domain: [1, floor], nice: false, clamp: true },
    // Labelled with the success probability; its decimals follow the failure probability's decade.
    axis: {
      values: decades(floor, 1),
      labelExpr: PCT_DECADE("datum.value").replace("format(datum.value", "format(1 - datum.value"),
    },
  };
  const y = {
    field: "podSeconds",
    type: "quantitative",
    title: "pod-seconds per run (mean)",
    scale: { zero: true },
  };
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values: data },
    encoding: { x, y },
    layer: [
      { mark: { type: "line", color: "#9aa5b1", strokeWidth: 1 }, encoding: { order: { field: "order" } } },
      { mark: { type: "point", filled: true, size: 50, color: OBSERVED } },
      {
        mark: { type: "text", dy: -10, fontSize: 10, color: INK },
        encoding: { text: { field: "label" } },
      },
    ],
  };
}

export async function sweepCharts(r: SweepReport, dists: Distributions[]): Promise<Chart[]> {
  const rows = sweepRowsOf(r);
  const specs: { title: string; id: string; spec: Spec }[] = [];
  if (rows.length > 0) {
    specs.push({ title: `Success probability by ${r.parameter}`, id: "success", spec: successSpec(r, rows) });
    specs.push({
      title: "Failure probability (log scale)",
      id: "failure",
      spec: failureSpec(r, rows),
    });
  }
  const ds = byValue(dists);
  if (ds.some((d) => d.finishCdf.length > 0)) {
    specs.push({
      title: "Time to finish (cumulative, per value)",
      id: "cdf",
      spec: cdfSpec(
        ds.filter((d) => d.finishCdf.length > 0),
        true,
        shortParam(r.parameter),
        r.withinSeconds,
      ),
    });
  }
  if (rows.length > 0) {
    specs.push({
      title: "Cost of reliability: pod-seconds against P(success)",
      id: "cost",
      spec: costSpec(
        rows.map((p) => ({ label: String(p.value), rate: p.rate, lo: p.lo, podSeconds: p.podSeconds })),
      ),
    });
  }
  if (ds.some((d) => d.pods.length > 0)) {
    specs.push({
      title: "Pods created per run (share of runs)",
      id: "pods",
      spec: podsHeatmapSpec(
        r,
        ds.filter((d) => d.pods.length > 0),
      ),
    });
  }
  return renderAll(specs);
}

// ---------------------------------------------------------------------------------------------
// mc charts

function mcSuccessSpec(jobs: [string, JobReport][]): Spec {
  const data = jobs.map(([name, j]) => ({
    job: name,
    rate: j.successRate,
    lo: j.successCI95[0],
    hi: j.successCI95[1],
    closed: j.closedForm.applies ? j.closedForm.successRate : null,
  }));
  const hasClosed = data.some((d) => d.closed !== null);
  const entries: [string, string][] = [["P(Complete), 95% interval", OBSERVED]];
  if (hasClosed) entries.push(["closed form", CLOSED]);
  const color = seriesColor(entries);
  const domain = probDomain([
    ...data.map((d) => d.lo),
    ...data.flatMap((d) => (d.closed === null ? [] : [d.closed])),
  ]);
  const names = data.map((d) => d.job);
  // Jobs down the side: their names can be long.
  const y = {
    field: "job",
    type: "nominal",
    title: null,
    sort: names,
    scale: { domain: names, paddingOuter: 0.4 },
    axis: { labelLimit: 220 },
  };
  const x = { type: "quantitative", title: "P(success)", scale: { domain, nice: false, zero: false } };
  const layers: Spec[] = [
    {
      mark: { type: "rule", strokeWidth: 2 },
      encoding: {
        y,
        x: { field: "lo", ...x, axis: { format: "~%" } },
        x2: { field: "hi" },
        color: color(entries[0][0]),
      },
    },
    {
      mark: { type: "point", filled: true, size: 70 },
      encoding: { y, x: { field: "rate", ...x }, color: color(entries[0][0]) },
    },
  ];
  if (hasClosed) {
    layers.push({
      transform: [{ filter: "datum.closed !== null" }],
      mark: { type: "tick", thickness: 2, size: 22 },
      encoding: { y, x: { field: "closed", ...x }, color: color("closed form") },
    });
  }
  return { width: WIDTH - 100, height: { step: 40 }, data: { values: data }, layer: layers };
}

function mcPodsSpec(dists: Distributions[]): Spec {
  const rows: Spec[] = [];
  for (const d of dists) {
    const total = d.pods.reduce((s, [, n]) => s + n, 0);
    for (const [pods, n] of d.pods) if (total > 0) rows.push({ label: d.label, pods, share: n / total });
  }
  const labels = dists.map((d) => d.label);
  const pods = rows.map((x) => x.pods as number);
  const domain = range(Math.min(...pods), Math.max(...pods));
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "pods",
        type: "ordinal",
        title: "pods created in the run",
        scale: { domain },
        axis: { labelAngle: 0 },
      },
      xOffset: { field: "label", type: "nominal", sort: labels, scale: { domain: labels } },
      y: { field: "share", type: "quantitative", title: "share of runs", axis: { format: "~%" } },
      color: {
        field: "label",
        type: "nominal",
        title: "Job",
        sort: labels,
        scale: { domain: labels, scheme: "tableau10" },
      },
    },
  };
}

export async function mcCharts(r: McReport, dists: Distributions[]): Promise<Chart[]> {
  const jobs = Object.entries(r.jobs);
  const specs: { title: string; id: string; spec: Spec }[] = [];
  if (jobs.length > 0)
    specs.push({ title: "Success probability by Job", id: "success", spec: mcSuccessSpec(jobs) });
  const withCdf = dists.filter((d) => d.finishCdf.length > 0);
  if (withCdf.length > 0) {
    specs.push({
      title: "Time to finish (cumulative, per Job)",
      id: "cdf",
      spec: cdfSpec(withCdf, false, "Job"),
    });
  }
  const withPods = dists.filter((d) => d.pods.length > 0);
  if (withPods.length > 0) {
    specs.push({ title: "Pods created per run", id: "pods", spec: mcPodsSpec(withPods) });
  }
  if (jobs.length > 0) {
    specs.push({
      title: "Cost of reliability: pod-seconds against P(success)",
      id: "cost",
      spec: costSpec(
        jobs.map(([name, j]) => ({
          label: name,
          rate: j.successRate,
          lo: j.successCI95[0],
          podSeconds: j.podSeconds.mean,
        })),
      ),
    });
  }
  return renderAll(specs);
}
