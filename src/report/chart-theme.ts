/**
 * The charts' shared look: fixed sizes, the series colours, and the vega-lite config (fonts, axes, legends) every
 * chart is compiled with. Fixed, not measured, so that every machine draws the same bytes.
 */

/** A Vega-Lite spec (or a piece of one), built as a plain object. */
export type Spec = Record<string, unknown>;

export const CHART_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
export const WIDTH = 420;
export const HEIGHT = 280;

export const INK = "#1f2933";
export const MUTED = "#52606d";
const GRID = "#e6e9ed";
export const OBSERVED = "#2f6fb0";
export const WITHIN = "#7b4fa6";
export const CLOSED = "#d9822b";
export const TARGET = "#c23b32";
export const RECOMMENDED = "#2e8540";

export const CONFIG: Spec = {
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
