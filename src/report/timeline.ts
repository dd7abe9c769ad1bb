import { escapeHtml, htmlPage } from "./html-page.js";
import type { TimelineData, TimelinePhase, TimelinePod } from "./report-data.js";

/**
 * The timeline of one run as a Gantt chart (`jobsim run --timeline`): pods grouped by node, one
 * lane per pod with a bar per stretch of the same phase, a thin summary lane per node showing
 * when each of its pods was there, the Job's conditions as labelled vertical rules, seconds
 * (or m:ss) since the start along the bottom. A back-off shows as the empty stretch between one
 * pod's end and the next pod's start.
 *
 * Drawn by hand rather than with vega: lanes grouped by node and stacked marker labels are
 * simpler to lay out directly, and the output is plain deterministic SVG (fixed sizes, fixed
 * font family, fixed number formatting, no ids). Every name and label is escaped; bars carry a
 * <title> (shown on hover without scripts) with the phase, the times and the absolute UTC time.
 */

export const PHASES: readonly TimelinePhase[] = [
  "Pending",
  "Initializing",
  "Pulling",
  "ContainerCreating",
  "Running",
  "Completed",
  "Error",
  "CrashLoopBackOff",
  "Terminating",
];

/** Waiting grey/amber, running blue, completed green, failures in reds, terminating violet. */
export const PHASE_COLORS: Record<TimelinePhase, string> = {
  Pending: "#c3c9d1",
  Initializing: "#a8d5c8",
  Pulling: "#e3a83f",
  ContainerCreating: "#f1d49a",
  Running: "#3b7dd8",
  Completed: "#2e9d5b",
  Error: "#d23f31",
  CrashLoopBackOff: "#f0a098",
  Terminating: "#8e7cc3",
};

const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";
const INK = "#1f2933";
const MUTED = "#52606d";
const GRID = "#e6e9ed";

const WIDTH = 1040;
const LABEL_W = 230;
const PLOT_X = LABEL_W + 12;
const PLOT_W = WIDTH - PLOT_X - 28;
const NODE_ROW = 24;
const POD_ROW = 20;
const BAR_H = 12;
const MARKER_ROW = 15;
/** Estimated width of a character at 11 px (generous, so estimated labels never collide). */
const CHAR_W = 6.6;

const e = escapeHtml;

/** Numbers in attributes: at most two decimals, no trailing zeros, no "-0". */
function n(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s} s` : `${s.toFixed(1)} s`;
}

/** Axis label: "45s" below two minutes, else "m:ss" (or "h:mm:ss"). */
function clock(ms: number, long: boolean): string {
  const total = Math.round(ms / 1000);
  if (!long) return `${total}s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/**
 * The axis caption, naming the labels' format: every tick step up to an hour divides an hour, so
 * a run of an hour or more has a tick at 1:00:00 and its labels read h:mm:ss.
 */
function axisCaption(endMs: number): string {
  if (endMs < 120_000) return "seconds since the start";
  return endMs >= 3_600_000 ? "time since the start (h:mm:ss)" : "time since the start (m:ss)";
}

const STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];

function tickStepMs(endMs: number): number {
  for (const s of STEPS_S) if (endMs / 1000 / s <= 10) return s * 1000;
  return Math.ceil(endMs / 1000 / 10 / 86400) * 86400 * 1000;
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function utc(epochMs: number, ms: number): string {
  const d = new Date(epochMs + ms);
  return Number.isNaN(d.getTime()) ? "" : d.toISOString();
}

interface Group {
  node: string;
  title: string;
  pods: TimelinePod[];
}

function groups(t: TimelineData): Group[] {
  const start = (p: TimelinePod) => (p.segments.length > 0 ? p.segments[0].fromMs : Number.POSITIVE_INFINITY);
  const order = (a: TimelinePod, b: TimelinePod) =>
    start(a) - start(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const nodes = [...t.nodes];
  const extra = [...new Set(t.pods.map((p) => p.node).filter((x) => x !== "" && !nodes.includes(x)))].sort();
  const out: Group[] = [...nodes, ...extra].map((node) => ({
    node,
    title: node,
    pods: t.pods.filter((p) => p.node === node).sort(order),
  }));
  const unscheduled = t.pods.filter((p) => p.node === "").sort(order);
  if (unscheduled.length > 0) out.push({ node: "", title: "(not scheduled)", pods: unscheduled });
  return out;
}

/** Greedy rows for the marker labels so that none overlaps another. */
function markerRows(t: TimelineData, x: (ms: number) => number, text: (i: number) => string): number[] {
  const ends: number[] = [];
  const rows: number[] = [];
  const order = t.markers.map((_, i) => i).sort((a, b) => t.markers[a].atMs - t.markers[b].atMs || a - b);
  const placed = new Array<number>(t.markers.length).fill(0);
  for (const i of order) {
    const w = text(i).length * CHAR_W + 8;
    const [from, to] = labelSpan(x(t.markers[i].atMs), w);
    let row = ends.findIndex((end) => end <= from);
    if (row === -1) {
      row = ends.length;
      ends.push(0);
    }
    ends[row] = to;
    placed[i] = row;
  }
  rows.push(...placed);
  return rows;
}

/** A label starts at its rule, or ends there when it would run past the plot's right edge. */
function labelSpan(x: number, w: number): [number, number] {
  return x + w > PLOT_X + PLOT_W + 20 ? [x - w, x] : [x, x + w];
}

function markerColor(label: string): string {
  if (label === "Complete" || label === "SuccessCriteriaMet") return "#2e8540";
  if (label === "Failed" || label === "FailureTarget") return "#b83227";
  return "#52606d";
}

function svgBody(t: TimelineData, withTitle: boolean): string {
  const endMs = Math.max(
    1,
    t.endMs,
    ...t.pods.flatMap((p) => p.segments.map((s) => s.toMs)),
    ...t.markers.map((m) => m.atMs),
  );
  const x = (ms: number) => PLOT_X + (Math.max(0, ms) / endMs) * PLOT_W;
  const jobs = new Set([...t.pods.map((p) => p.job), ...t.markers.map((m) => m.job)].filter((j) => j !== ""));
  const markerText = (i: number) => {
    const m = t.markers[i];
    return jobs.size > 1 && m.job !== "" ? `${m.label} · ${m.job}` : m.label;
  };
  const rows = markerRows(t, x, markerText);
  const markerRowCount = t.markers.length === 0 ? 0 : Math.max(...rows) + 1;

  const out: string[] = [];
  let y = 8;
  if (withTitle) {
    y += 18;
    out.push(
      `<text x="16" y="${y}" font-size="16" font-weight="bold" fill="${INK}">${e(truncate(t.title, 120))}</text>`,
    );
    y += 8;
  }
  // Legend: every phase, always, in lifecycle order.
  y += 14;
  let lx = 16;
  const legend: string[] = [];
  for (const p of PHASES) {
    legend.push(
      `<rect x="${n(lx)}" y="${n(y - 10)}" width="14" height="11" rx="2" fill="${PHASE_COLORS[p]}"/>`,
      `<text x="${n(lx + 19)}" y="${n(y)}" font-size="11" fill="${INK}">${p}</text>`,
    );
    lx += 19 + p.length * CHAR_W + 16;
  }
  legend.push(
    `<line x1="${n(lx)}" y1="${n(y - 11)}" x2="${n(lx)}" y2="${n(y + 2)}" stroke="${MUTED}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    `<text x="${n(lx + 6)}" y="${n(y)}" font-size="11" fill="${INK}">Job condition</text>`,
  );
  out.push(`<g class="legend">${legend.join("")}</g>`);
  y += 14;

  // Marker labels above the plot.
  const labelsTop = y;
  y += markerRowCount * MARKER_ROW + (markerRowCount > 0 ? 4 : 0);
  const plotTop = y;

  // Lanes.
  const bg: string[] = [];
  const lanes: string[] = [];
  const labels: string[] = [];
  for (const g of groups(t)) {
    const mid = y + NODE_ROW / 2;
    bg.push(`<rect x="0" y="${n(y)}" width="${WIDTH}" height="${NODE_ROW}" fill="#f3f5f8"/>`);
    labels.push(
      `<text x="16" y="${n(mid + 4)}" font-size="12" font-weight="bold" fill="${INK}">${e(truncate(g.title, 30))}<title>${e(g.title)}</title></text>`,
      `<text x="${LABEL_W}" y="${n(mid + 4)}" font-size="10" fill="${MUTED}" text-anchor="end">${g.pods.length} pod${g.pods.length === 1 ? "" : "s"}</text>`,
    );
    // Summary: when each pod was on the node.
    for (const p of g.pods) {
      if (p.segments.length === 0) continue;
      const from = p.segments[0].fromMs;
      const to = p.segments[p.segments.length - 1].toMs;
      lanes.push(
        `<rect x="${n(x(from))}" y="${n(mid - 3)}" width="${n(Math.max(1, x(to) - x(from)))}" height="6" rx="1" fill="#7b8794" fill-opacity="0.55"><title>${e(p.name)}: ${seconds(from)} → ${seconds(to)}</title></rect>`,
      );
    }
    y += NODE_ROW;
    for (const p of g.pods) {
      const cy = y + POD_ROW / 2;
      labels.push(
        `<text x="28" y="${n(cy + 4)}" font-size="11" fill="${INK}">${e(truncate(p.name, 30))}<title>${e(p.job === "" ? p.name : `${p.name} (Job ${p.job})`)}</title></text>`,
      );
      for (const s of p.segments) {
        const x0 = x(s.fromMs);
        const w = Math.max(1.5, x(s.toMs) - x0);
        const tip = `${p.name} — ${s.phase} ${seconds(s.fromMs)} → ${seconds(s.toMs)} (${seconds(s.toMs - s.fromMs)}), from ${utc(t.epochMs, s.fromMs)}`;
        lanes.push(
          `<rect class="seg" x="${n(x0)}" y="${n(cy - BAR_H / 2)}" width="${n(w)}" height="${BAR_H}" fill="${PHASE_COLORS[s.phase] ?? "#999999"}"><title>${e(tip)}</title></rect>`,
        );
      }
      y += POD_ROW;
    }
    bg.push(`<line x1="0" y1="${n(y)}" x2="${WIDTH}" y2="${n(y)}" stroke="${GRID}"/>`);
  }
  if (t.pods.length === 0) {
    labels.push(`<text x="16" y="${n(y + 16)}" font-size="12" fill="${MUTED}">no pods</text>`);
    y += NODE_ROW;
  }
  const plotBottom = y;

  // Axis and grid.
  const grid: string[] = [];
  const axis: string[] = [];
  const step = tickStepMs(endMs);
  const long = endMs >= 120_000;
  for (let ms = 0; ms <= endMs + 1e-6; ms += step) {
    const gx = x(ms);
    grid.push(
      `<line x1="${n(gx)}" y1="${n(plotTop)}" x2="${n(gx)}" y2="${n(plotBottom)}" stroke="${GRID}"/>`,
    );
    axis.push(
      `<line x1="${n(gx)}" y1="${n(plotBottom)}" x2="${n(gx)}" y2="${n(plotBottom + 5)}" stroke="#9aa5b1"/>`,
      `<text x="${n(gx)}" y="${n(plotBottom + 18)}" font-size="11" fill="${MUTED}" text-anchor="middle">${clock(ms, long)}</text>`,
    );
  }
  axis.push(
    `<line x1="${n(PLOT_X)}" y1="${n(plotBottom)}" x2="${n(PLOT_X + PLOT_W)}" y2="${n(plotBottom)}" stroke="#9aa5b1"/>`,
    `<text x="${n(PLOT_X + PLOT_W / 2)}" y="${n(plotBottom + 36)}" font-size="12" fill="${INK}" text-anchor="middle">${axisCaption(endMs)}</text>`,
  );

  // Markers.
  const markers: string[] = [];
  t.markers.forEach((m, i) => {
    const mx = x(m.atMs);
    const color = markerColor(m.label);
    const text = markerText(i);
    const [from] = labelSpan(mx, text.length * CHAR_W + 8);
    const ly = labelsTop + rows[i] * MARKER_ROW + 11;
    const anchorEnd = from < mx;
    markers.push(
      `<line x1="${n(mx)}" y1="${n(plotTop - 3)}" x2="${n(mx)}" y2="${n(plotBottom)}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      `<text x="${n(anchorEnd ? mx - 4 : mx + 4)}" y="${n(ly)}" font-size="11" font-weight="bold" fill="${color}"${anchorEnd ? ` text-anchor="end"` : ""}>${e(text)}<title>${e(`${m.label} (Job ${m.job}) at ${seconds(m.atMs)}, ${utc(t.epochMs, m.atMs)}`)}</title></text>`,
    );
  });

  const height = plotBottom + 48;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${n(height)}" viewBox="0 0 ${WIDTH} ${n(height)}" font-family="${FONT}" role="img" aria-label="${e(`Timeline: ${t.title}`)}">
<title>${e(t.title)}</title>
<rect width="${WIDTH}" height="${n(height)}" fill="#ffffff"/>
${out.join("\n")}
<g class="background">${bg.join("")}</g>
<g class="grid">${grid.join("")}</g>
<g class="lanes">${lanes.join("")}</g>
<g class="labels">${labels.join("")}</g>
<g class="axis">${axis.join("")}</g>
<g class="markers">${markers.join("")}</g>
</svg>`;
}

export function renderTimeline(t: TimelineData, format: "svg" | "html"): string {
  if (format === "svg") return `<?xml version="1.0" encoding="UTF-8"?>\n${svgBody(t, true)}\n`;
  const pods = t.pods.length;
  const body = `<header>
<p class="eyebrow">jobsim run timeline</p>
<h1>${e(t.title)}</h1>
<p class="sub">${pods} pod${pods === 1 ? "" : "s"} on ${t.nodes.length} node${t.nodes.length === 1 ? "" : "s"} · ${seconds(t.endMs)} of simulated time · hover a bar for its times</p>
</header>
<section class="charts" aria-label="timeline">
<figure>
${svgBody(t, false)}
</figure>
</section>`;
  return htmlPage(t.title, body);
}
