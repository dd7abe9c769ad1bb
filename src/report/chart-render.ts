import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { CONFIG, type Spec } from "./chart-theme.js";
import { escapeHtml } from "./html-page.js";

/**
 * Compiling the charts' Vega-Lite specs with vega-lite and drawing them to SVG strings with a
 * headless vega View (renderer "none", so no DOM and no canvas is needed), then making the SVG
 * safe to inline several times in one page. Kept apart from the specs: this is the only module
 * that talks to vega.
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

/** One chart to draw: its caption, the id prefix of its SVG, and its Vega-Lite spec. */
export interface ChartSpec {
  title: string;
  id: string;
  spec: Spec;
}

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

/**
 * Names the chart for assistive technology: with aria off, vega's root <svg> has no role and no
 * name and its marks are aria-hidden, so a screen reader would meet an unnamed graphic. As an
 * image named by its caption it is announced once; the page's table carries the figures.
 */
function namedImage(svg: string, title: string): string {
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(title)}"`);
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

export async function renderAll(specs: ChartSpec[]): Promise<Chart[]> {
  const out: Chart[] = [];
  // One after the other: vega's SVG id counters are global (svgSafe renumbers the ids anyway).
  for (const s of specs) out.push({ title: s.title, svg: namedImage(await render(s.spec, s.id), s.title) });
  return out;
}
