import type { SweepReport } from "../analysis/sweep.js";
import { type Chart, type ChartSpec, renderAll } from "./chart-render.js";
import { decades, logFloor, range } from "./chart-scales.js";
import { HEIGHT, INK, type Spec } from "./chart-theme.js";
import type { Distributions } from "./report-data.js";
import { cdfSpec, costSpec } from "./shared-chart-specs.js";
import { failureSpec, shortParam, successSpec, sweepRowsOf } from "./sweep-probability-charts.js";

/**
 * The charts of a sweep report (`sweepCharts`), in page order, and the pods-created heatmap only
 * the sweep draws.
 */

function byValue(dists: Distributions[]): Distributions[] {
  return [...dists].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
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

export async function sweepCharts(r: SweepReport, dists: Distributions[]): Promise<Chart[]> {
  const rows = sweepRowsOf(r);
  const specs: ChartSpec[] = [];
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
