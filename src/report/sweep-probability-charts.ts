import type { SweepReport } from "../analysis/sweep.js";
import { decades, logFloor, PCT_DECADE, pctShort, probDomain, seriesColor } from "./chart-scales.js";
import {
  CLOSED,
  HEIGHT,
  MUTED,
  OBSERVED,
  RECOMMENDED,
  type Spec,
  TARGET,
  WIDTH,
  WITHIN,
} from "./chart-theme.js";

/**
 * The sweep's success and failure probability charts against the swept value, with their shared
 * annotations (the target rule, the recommended value). The biggest specs: kept apart from the
 * sweep's other charts and its chart list (sweep-charts.ts).
 */

export interface SweepRow {
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

export function sweepRowsOf(r: SweepReport): SweepRow[] {
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

export function shortParam(path: string): string {
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

export function successSpec(r: SweepReport, rows: SweepRow[]): Spec {
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
export function failureSpec(r: SweepReport, rows: SweepRow[]): Spec {
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
