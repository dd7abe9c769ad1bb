import { describe, expect, it } from "vitest";
import { sweepAsciiChart } from "../../src/report/ascii-chart.js";
import { mcCharts, sweepCharts } from "../../src/report/charts.js";
import { renderMcHtml, renderSweepHtml } from "../../src/report/html.js";
import { escapeHtml } from "../../src/report/html-page.js";
import { mcText } from "../../src/report/mc-text.js";
import { costSpec } from "../../src/report/shared-chart-specs.js";
import { PHASES, renderTimeline } from "../../src/report/timeline.js";
import {
  EVIL,
  mcDistributions,
  mcFixture,
  metaFixture,
  sweepDistributions,
  sweepFixture,
  timelineFixture,
} from "./fixtures.js";

const count = (s: string, sub: string | RegExp) =>
  typeof sub === "string" ? s.split(sub).length - 1 : (s.match(new RegExp(sub, "g")) ?? []).length;

/** The evil string as escapeHtml writes it. */
const EVIL_ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&quot;&#39;&amp;";

/** Nothing of the evil string may survive unescaped, in any form a browser would act on. */
function expectNoRawEvil(out: string): void {
  expect(out).not.toContain(EVIL);
  expect(out).not.toMatch(/<script/i);
  expect(out).not.toContain("</script>");
  expect(out).not.toContain('alert("x")');
  expect(out).not.toContain(`"'&`);
  expect(out).not.toContain(`'&`);
  // Every ampersand starts an entity.
  expect(out).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39|#x[0-9a-f]+|#\d+);)/i);
}

/** Self-contained: no scripts, no external resources of any kind. */
function expectSelfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<link\b/i);
  expect(html).not.toMatch(/@import/i);
  expect(html).not.toMatch(/\b(?:src|href)\s*=/i);
  expect(html).not.toMatch(/url\(\s*["']?(?:https?:|\/\/)/i);
  // The only URLs are the SVG and XLink namespace names (identifiers, never fetched).
  const urls = new Set(html.match(/https?:\/\/[^\s"'<>)]+/g) ?? []);
  urls.delete("http://www.w3.org/2000/svg");
  urls.delete("http://www.w3.org/1999/xlink");
  expect([...urls]).toEqual([]);
}

function ids(html: string): string[] {
  return [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
}

function tbodyRows(html: string): number {
  const body = html.slice(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
  return count(body, "<tr");
}

describe("escapeHtml", () => {
  it("escapes the five characters that matter", () => {
    expect(escapeHtml(EVIL)).toBe(EVIL_ESCAPED);
    expect(escapeHtml("plain-name_1.2")).toBe("plain-name_1.2");
  });
});

describe("chart text alternatives", () => {
  // Vega's SVG root has no role and no name (aria is off, so its marks are aria-hidden): a screen
  // reader would meet an unnamed graphic. Each chart is an image named by its caption.
  it("names every mc and sweep chart's SVG as an image with its caption", async () => {
    const sweep = sweepFixture();
    const mc = mcFixture();
    const charts = [
      ...(await sweepCharts(sweep, sweepDistributions(sweep))),
      ...(await mcCharts(mc, mcDistributions(mc))),
    ];
    for (const c of charts) {
      const root = c.svg.slice(0, c.svg.indexOf(">") + 1);
      expect(root).toContain(' role="img"');
      expect(root).toContain(` aria-label="${escapeHtml(c.title)}"`);
    }
  });
});

describe("report numbers agree with the text outputs", () => {
  // 4.55 and 1.005 are stored as binary doubles just below the half (4.5499…, 1.00499…): the text
  // table, sweep.md and sweep.csv's readers round them with toFixed to 4.5 and 1.00, and the HTML
  // page must print the same figures, not round the decimal string half-up to 4.6 and 1.01.
  it("rounds the mc page's means as mc's text table does", async () => {
    const r = mcFixture();
    const job = r.jobs["example-job"];
    job.pods.mean = 1.005;
    job.podSeconds.mean = 1234.55;
    job.wastedPodSeconds.mean = 4.55;
    const html = await renderMcHtml(r, mcDistributions(r), metaFixture({ sweep: false }));
    const text = mcText(r);
    expect(text).toContain("4.5s");
    expect(html).toContain('<td class="num">1.00</td>');
    expect(html).toContain('<td class="num">1,234.5</td>');
    expect(html).toContain('<td class="num">4.5</td>');
    expect(html).not.toContain('<td class="num">4.6</td>');
  });
});

describe("sweep charts", () => {
  it("renders five SVG charts with marks and fixed sizes", async () => {
    const r = sweepFixture();
    const charts = await sweepCharts(r, sweepDistributions(r));
    expect(charts.map((c) => c.title)).toEqual([
      "Success probability by spec.backoffLimit",
      "Failure probability (log scale)",
      "Time to finish (cumulative, per value)",
      "Cost of reliability: pod-seconds against P(success)",
      "Pods created per run (share of runs)",
    ]);
    for (const c of charts) {
      expect(c.svg.startsWith("<svg")).toBe(true);
      expect(count(c.svg, "<svg")).toBe(1);
      expect(c.svg).toMatch(/ width="\d+" height="\d+"/);
      expect(c.svg).toContain('font-family="DejaVu Sans, Helvetica, Arial, sans-serif"');
      expect(c.svg).toMatch(/class="mark-(?:line|rect|symbol|area|rule|text) role-mark/);
    }
    // The target, the recommendation and the log panel's decades are drawn.
    expect(charts[0].svg).toContain("target 90%");
    expect(charts[0].svg).toContain("recommended: 4");
    expect(charts[1].svg).toContain("target 90%");
    expect(charts[1].svg).toContain(">10%<");
    expect(charts[1].svg).toContain(">1%<");
    // One CDF line per value, with a legend entry each.
    for (const v of ["0", "1", "2", "3", "4", "5"]) expect(charts[2].svg).toContain(`>${v}</text>`);
    // The heatmap prints shares in its cells.
    expect(charts[4].svg).toContain(">40%<");
  });

  it("draws the --within limit on the time chart and the within series on the success chart", async () => {
    const r = sweepFixture({ withinSeconds: 200, target: 0.85 });
    const charts = await sweepCharts(r, sweepDistributions(r));
    expect(charts[0].svg).toContain("P(Complete within 200 s)");
    expect(charts[0].svg).toContain("target 85% within 200 s");
    expect(charts[2].svg).toContain("within 200 s");
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture());
    expect(html).toContain(">success within 200 s</th>");
    expect(html).toContain(">95% lower bound</th>");
  });

  it("names the exact value the closed form recommends by: P(Complete within the limit) with --within", async () => {
    const r = sweepFixture({ withinSeconds: 200, target: 0.85 });
    r.closedFormRecommendation = { value: r.recommendation!.value, successRate: 0.86 };
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture());
    expect(html).toContain("(exact P(Complete within 200 s) 86.000%)");
    expect(html).not.toContain("exact P(success)");
  });

  it("is identical when rendered again, also concurrently", async () => {
    const r = sweepFixture({ values: Array.from({ length: 16 }, (_, i) => i), target: 0.999 });
    const d = sweepDistributions(r);
    const a = await sweepCharts(r, d);
    const [b, c] = await Promise.all([sweepCharts(r, d), sweepCharts(r, d)]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });
});

describe("renderSweepHtml", () => {
  it("has a title, one SVG per chart, the table and the footer", async () => {
    const r = sweepFixture();
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture());
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<title>Sweep of spec.backoffLimit — flaky-job</title>");
    expect(html).toContain("<h1>Sweep of <code>spec.backoffLimit</code> — flaky-job</h1>");
    expect(count(html, "<svg")).toBe(5);
    expect(count(html, "<figure>")).toBe(5);
    expect(count(html, "<figcaption>")).toBe(5);
    // Table: a row per value, the recommended one marked, the columns asked for.
    expect(tbodyRows(html)).toBe(6);
    expect(count(html, '<tr class="recommended">')).toBe(1);
    for (const h of [
      "P(success)",
      "95% interval",
      "closed form",
      "meets 90%",
      "pods (mean)",
      "pods p95",
      "time p50",
      "time p95",
      "time p99",
      "pod-seconds (mean)",
    ])
      expect(html).toContain(`>${h}</th>`);
    // Without --within the target is judged on P(success): no second success column.
    expect(html).not.toContain(">95% lower bound</th>");
    expect(html).toContain('<td class="num">92.220%</td>');
    expect(html).toContain("Recommendation: <code>spec.backoffLimit</code> = 4");
    // Footer.
    const footer = html.slice(html.indexOf("<footer>"));
    expect(footer).toContain("<dt>Scenario</dt><dd>flaky-job</dd>");
    expect(footer).toContain("<dt>Scenario file</dt><dd><code>scenarios/flaky-job.yaml</code></dd>");
    expect(footer).toContain("<dt>Seed</dt><dd>42</dd>");
    expect(footer).toContain("<dt>Runs</dt><dd>10,000</dd>");
    expect(footer).toContain("<dt>jobsim version</dt><dd>0.1.0</dd>");
    expect(footer).toContain(
      "<dt>Command</dt><dd><code>jobsim sweep scenarios/flaky-job.yaml --set spec.backoffLimit=0..5 --runs 10000 --target 0.9 --html report.html</code></dd>",
    );
    expectSelfContained(html);
  });

  it("keeps element ids unique across the charts of one page", async () => {
    const r = sweepFixture({ values: Array.from({ length: 16 }, (_, i) => i), target: 0.999 });
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture());
    const all = ids(html);
    expect(all.length).toBeGreaterThan(0); // the heatmap's gradient legend at least
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(count(html, `url(#${id})`)).toBeGreaterThanOrEqual(1);
  });

  it("says so when no value reaches the target", async () => {
    const r = sweepFixture({ target: 0.999 });
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture());
    expect(html).toContain("No value of <code>spec.backoffLimit</code> in the sweep reaches 99.9% success");
    expect(count(html, '<tr class="recommended">')).toBe(0);
  });

  it("says so when the closed form puts the recommended value below the target (a chance call)", async () => {
    const r = sweepFixture({ target: 0.9 });
    const recommended = r.recommendation!.value;
    for (const p of r.points) p.target!.exactRate = p.value === recommended ? 0.8995 : 0.5;
    r.closedFormRecommendation = { value: 5, successRate: 0.95 };
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture());
    expect(html).toContain(
      `At <code>${recommended}</code> the exact value is 89.950%, below the target: the Monte Carlo's lower bound passed it by chance (a 95% bound does so about 2.5% of the time, more often when a value is looked at again); raise <code>--runs</code>.`,
    );
  });

  it("marks a closed form outside its value's interval in the table, as the mc table does (✗)", async () => {
    const r = sweepFixture({ target: 0.9 });
    const cf = r.points[3].jobs["example-job"].closedForm;
    if (!cf.applies) throw new Error("fixture without closed form");
    cf.checks.successRate.verdict = "disagrees";
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture());
    expect(count(html, `<span class="no" title="outside the 95% interval">✗</span>`)).toBe(1);
    expect(html).toContain(
      `${(100 * cf.successRate).toFixed(3)}% <span class="no" title="outside the 95% interval">✗</span>`,
    );
  });

  it("is deterministic byte for byte", async () => {
    const r = sweepFixture({ withinSeconds: 200, target: 0.85 });
    const d = sweepDistributions(r);
    const a = await renderSweepHtml(r, d, metaFixture());
    const b = await renderSweepHtml(sweepFixture({ withinSeconds: 200, target: 0.85 }), d, metaFixture());
    expect(b).toBe(a);
  });

  it("escapes the job name, the scenario name, the file name and the command", async () => {
    const r = sweepFixture({ evil: true });
    const html = await renderSweepHtml(r, sweepDistributions(r), metaFixture({ evil: true }));
    expectNoRawEvil(html);
    expect(html).toContain(`Job <strong>${EVIL_ESCAPED}</strong>`);
    expect(html).toContain(`<h1>Sweep of <code>spec.backoffLimit</code> — flaky ${EVIL_ESCAPED}</h1>`);
    expect(html).toContain(`<dt>Scenario</dt><dd>flaky ${EVIL_ESCAPED}</dd>`);
    expect(html).toContain(`<code>scenarios/${EVIL_ESCAPED}.yaml</code>`);
    expect(count(html, "<svg")).toBe(5);
    expectSelfContained(html);
  });
});

describe("renderMcHtml", () => {
  it("has a chart per view, a row per Job and the footer", async () => {
    const r = mcFixture();
    const html = await renderMcHtml(r, mcDistributions(r), metaFixture({ sweep: false }));
    expect(html).toContain("<h1>Monte Carlo — two-jobs</h1>");
    expect(count(html, "<svg")).toBe(4);
    expect(tbodyRows(html)).toBe(2);
    expect(html).toContain('<td class="key">example-job</td>');
    expect(html).toContain('<td class="key">batch/nightly-report</td>');
    expect(html).toContain("BackoffLimitExceeded 1,296");
    expect(html).toContain(
      "<dt>Command</dt><dd><code>jobsim mc scenarios/flaky-job.yaml --runs 10000 --html report.html</code></dd>",
    );
    expectSelfContained(html);
    const again = await renderMcHtml(mcFixture(), mcDistributions(r), metaFixture({ sweep: false }));
    expect(again).toBe(html);
  });

  it("escapes Job names in the table and inside the SVG charts (legend, labels)", async () => {
    const r = mcFixture({ evil: true });
    const d = mcDistributions(r);
    const charts = await mcCharts(r, d);
    for (const c of charts) expectNoRawEvil(c.svg);
    // Vega truncates long legend labels; the part it keeps is escaped.
    expect(charts.some((c) => c.svg.includes("&lt;script&gt;alert(&quot;x&quot;)"))).toBe(true);
    const html = await renderMcHtml(r, d, metaFixture({ evil: true, sweep: false }));
    expectNoRawEvil(html);
    expect(html).toContain(`<td class="key">${EVIL_ESCAPED}</td>`);
    expect(html).toContain(`<h1>Monte Carlo — two jobs ${EVIL_ESCAPED}</h1>`);
  });
});

describe("renderTimeline", () => {
  it("draws a standalone SVG: a bar per segment, a lane per pod grouped by node, the legend, the markers", () => {
    const t = timelineFixture();
    const svg = renderTimeline(t, "svg");
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(count(svg, "<svg")).toBe(1);
    const segments = t.pods.reduce((s, p) => s + p.segments.length, 0);
    expect(count(svg, 'class="seg"')).toBe(segments);
    for (const p of PHASES) expect(svg).toContain(`>${p}</text>`);
    for (const node of ["node-a", "node-b", "(not scheduled)"]) expect(svg).toContain(`>${node}<title>`);
    for (const p of t.pods) expect(svg).toContain(`>${p.name}<title>`);
    expect(svg).toContain(">FailureTarget · crashy<title>");
    expect(svg).toContain(">Complete · example-job<title>");
    expect(svg).toContain(">2:00</text>");
    // Nodes in the given order; pods by start time within a node.
    expect(svg.indexOf(">node-a<")).toBeLessThan(svg.indexOf(">node-b<"));
    expect(svg.indexOf(">example-job-7xk2p<")).toBeLessThan(svg.indexOf(">example-job-m3b8d<"));
    expect(svg.indexOf(">example-job-m3b8d<")).toBeLessThan(svg.indexOf(">node-b<"));
    expect(renderTimeline(timelineFixture(), "svg")).toBe(svg);
  });

  it("names the axis' clock format as its labels are written: h:mm:ss from an hour on", () => {
    const short = renderTimeline(timelineFixture(), "svg");
    expect(short).toContain(">time since the start (m:ss)</text>");
    const long = renderTimeline({ ...timelineFixture(), endMs: 2 * 3600_000 }, "svg");
    expect(long).toContain(">1:00:00</text>");
    expect(long).toContain(">time since the start (h:mm:ss)</text>");
    expect(long).not.toContain("(m:ss)");
  });

  it("wraps the SVG in a self-contained page", () => {
    const html = renderTimeline(timelineFixture(), "html");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("<title>jobsim run scenarios/flaky-job.yaml</title>");
    expect(count(html, "<svg")).toBe(1);
    expect(html).not.toContain("<?xml");
    expectSelfContained(html);
    expect(renderTimeline(timelineFixture(), "html")).toBe(html);
  });

  it("escapes pod, Job and marker names and the title", () => {
    for (const format of ["svg", "html"] as const) {
      const out = renderTimeline(timelineFixture({ evil: true }), format);
      expectNoRawEvil(out);
      expect(out).toContain(`${EVIL_ESCAPED} · crashy`);
      expect(out).toContain(`${EVIL_ESCAPED}-7xk2p`);
    }
  });

  it("copes with no pods and no markers", () => {
    const svg = renderTimeline(
      { title: "empty", epochMs: 0, endMs: 0, pods: [], markers: [], nodes: [] },
      "svg",
    );
    expect(svg).toContain(">no pods</text>");
  });
});

describe("sweepAsciiChart", () => {
  const check = (text: string) => {
    const lines = text.trimEnd().split("\n");
    expect(lines.length).toBeLessThanOrEqual(12);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(100);
    return lines;
  };

  it("marks the points, the target and the recommended value", () => {
    const text = sweepAsciiChart(sweepFixture());
    const lines = check(text);
    expect(lines[0]).toBe("P(success) by backoffLimit (log scale) · ┄ target 90% · ◆ recommended 4");
    const plot = lines.slice(1).join("\n");
    expect(count(plot, "●") + count(plot, "◆")).toBe(6);
    expect(count(plot, "◆")).toBe(1);
    // The target row is labelled 90% (one nine).
    expect(lines.find((l) => l.includes("┄┄┄"))).toMatch(/^ *90% ┤/);
    // The value labels sit under the ticks, the ticks under the points.
    const labelLine = lines[lines.length - 1];
    const axisLine = lines[lines.length - 2];
    expect(labelLine.trim()).toBe("0   1   2   3   4   5  backoffLimit");
    const ticks = [...axisLine].flatMap((c, i) => (c === "┬" ? [i] : []));
    const digits = [...labelLine].flatMap((c, i) => (/\d/.test(c) ? [i] : []));
    expect(digits).toEqual(ticks);
    const pointColumns = lines
      .slice(1, -2)
      .flatMap((l) => [...l].flatMap((c, i) => (c === "●" || c === "◆" ? [i] : [])))
      .sort((a, b) => a - b);
    expect(pointColumns).toEqual(ticks);
    expect(sweepAsciiChart(sweepFixture())).toBe(text);
  });

  it("keeps 16 values and 99.9% against 99.99% readable", () => {
    const text = sweepAsciiChart(
      sweepFixture({ values: Array.from({ length: 16 }, (_, i) => i), target: 0.999 }),
    );
    const lines = check(text);
    for (const label of ["99.99%", "99.9%", "99%", "90%", "<68%"]) expect(text).toContain(`${label} ┤`);
    expect(lines[lines.length - 1]).toContain(" 15  backoffLimit");
  });

  it("fits 40 values in 100 columns and shows runs without failures off the top", () => {
    const text = sweepAsciiChart(
      sweepFixture({ values: Array.from({ length: 40 }, (_, i) => i), target: 0.9999 }),
    );
    check(text);
    expect(text).toContain("↑ no failure seen");
    expect(count(text, "↑")).toBeGreaterThan(1);
  });

  it("never draws a point on the wrong side of the target line; a row holds values from its own up", () => {
    // P = 1 − 0.6^(b+1): b = 12 is 99.87% (misses 99.9%), b = 13 is 99.92% (meets it).
    const text = sweepAsciiChart(
      sweepFixture({ values: Array.from({ length: 16 }, (_, i) => i), target: 0.999 }),
    );
    const lines = check(text);
    const targetRow = lines.findIndex((l) => l.includes("┄┄┄"));
    const axis = lines[lines.length - 2];
    const tickColumns = [...axis].flatMap((c, i) => (c === "┬" ? [i] : []));
    const rowOfValue = (b: number) =>
      lines.findIndex((l, row) => row > 0 && row < lines.length - 2 && /[●◆]/.test(l[tickColumns[b]] ?? ""));
    for (let b = 0; b < 16; b++) {
      const p = 1 - 0.6 ** (b + 1);
      if (p < 0.999) expect(rowOfValue(b)).toBeGreaterThan(targetRow);
      else expect(rowOfValue(b)).toBeLessThanOrEqual(targetRow);
    }
    // b = 3 (87%) is under 90%: below the 90% row, not on it.
    const row90 = lines.findIndex((l) => l.startsWith("   90% ┤"));
    expect(rowOfValue(3)).toBeGreaterThan(row90);
  });

  it("the bottom row says it holds everything under the next row's value (two rows a nine: under 68%)", () => {
    const text = sweepAsciiChart(
      sweepFixture({ values: Array.from({ length: 40 }, (_, i) => i), target: 0.9999 }),
    );
    // 1 − 10^(−1/2) = 68.4%: the row half a nine up.
    expect(text).toMatch(/\n {2}<68% ┤ {2}● ●\n/);
    expect(text).not.toMatch(/ 0% ┤/);
  });

  it("plots success within the limit when there is one", () => {
    const text = sweepAsciiChart(sweepFixture({ withinSeconds: 200, target: 0.85 }));
    check(text);
    expect(text.split("\n")[0]).toContain("P(Complete within 200 s) by backoffLimit");
  });
});

describe("cost of reliability chart", () => {
  const points = [
    { label: "a", rate: 0.9, lo: 0.88, podSeconds: 10 },
    { label: "b", rate: 0.99, lo: 0.98, podSeconds: 20 },
  ];
  const marks = (spec: ReturnType<typeof costSpec>) =>
    (spec.layer as { mark: { type: string } }[]).map((l) => l.mark.type);

  it("joins a sweep's values in order, but not an mc report's separate Jobs", () => {
    expect(marks(costSpec(points))).toEqual(["line", "point", "text"]);
    expect(marks(costSpec(points, false))).toEqual(["point", "text"]);
  });

  it("leaves room above the highest point for its label, and cuts long labels", () => {
    const spec = costSpec(points, false) as { encoding: { y: { scale: { domainMax: number } } } };
    expect(spec.encoding.y.scale.domainMax).toBeCloseTo(23, 9);
    const text = (costSpec(points).layer as { mark: { type: string; limit?: number } }[]).find(
      (l) => l.mark.type === "text",
    );
    expect(text?.mark.limit).toBe(160);
  });
});
