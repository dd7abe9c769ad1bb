import { decades, logFloor, PCT_DECADE } from "./chart-scales.js";
import { HEIGHT, INK, OBSERVED, type Spec, TARGET, WIDTH } from "./chart-theme.js";
import type { CdfPoint, Distributions } from "./report-data.js";

/**
 * The chart specs both reports draw, the sweep's per value and mc's per Job: time to finish
 * (cumulative) and the cost of reliability.
 */

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

export function cdfSpec(
  dists: Distributions[],
  ordered: boolean,
  legendTitle: string,
  within?: number,
): Spec {
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

/** Mean pod-seconds against P(success) on a log-of-failure axis: the price of each extra nine. */
/**
 * Pod-seconds against P(success), one point per sweep value (`connected`, in order) or per Job
 * of an mc report (separate Jobs: no line between them).
 */
export function costSpec(
  points: { label: string; rate: number; lo: number; podSeconds: number }[],
  connected = true,
): Spec {
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
    // Headroom above the highest point for its label, which would be cut off at the top.
    scale: { zero: true, domainMax: Math.max(...points.map((p) => p.podSeconds), 0) * 1.15 || 1 },
  };
  const line = {
    mark: { type: "line", color: "#9aa5b1", strokeWidth: 1 },
    encoding: { order: { field: "order" } },
  };
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values: data },
    encoding: { x, y },
    layer: [
      ...(connected ? [line] : []),
      { mark: { type: "point", filled: true, size: 50, color: OBSERVED } },
      {
        // (A long label is cut with an ellipsis rather than run across the plot.)
        mark: { type: "text", dy: -10, fontSize: 10, color: INK, limit: 160 },
        encoding: { text: { field: "label" } },
      },
    ],
  };
}
