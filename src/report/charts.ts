/**
 * The report's charts: Vega-Lite specs built as plain objects, compiled with vega-lite and drawn
 * to SVG strings by a headless vega View — deterministic byte for byte (see chart-render.ts).
 *
 * This module is the entry html.ts imports; the pieces live apart: chart-render.ts (vega, SVG
 * post-processing: id renumbering, escaping), chart-theme.ts (sizes, colours, config),
 * chart-scales.ts (scale and label helpers), shared-chart-specs.ts (CDF and cost charts),
 * sweep-probability-charts.ts and sweep-charts.ts (sweep reports), mc-charts.ts (mc reports).
 */
export type { Chart } from "./chart-render.js";
export { CHART_FONT } from "./chart-theme.js";
export { mcCharts } from "./mc-charts.js";
export { sweepCharts } from "./sweep-charts.js";
