import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderMcHtml, renderSweepHtml } from "../../src/report/html.js";
import { renderTimeline } from "../../src/report/timeline.js";
import {
  mcDistributions,
  mcFixture,
  metaFixture,
  sweepDistributions,
  sweepFixture,
  timelineFixture,
} from "../report/fixtures.js";

/**
 * The reports as a browser shows them: Debian's chromium, headless, opens the HTML and SVG files
 * rendered from the fixtures and checks that every chart is laid out with marks in it, that
 * nothing errs or reaches for the network and that no injected script runs. Screenshots go to
 * artifacts/screenshots/ for a person to look at.
 */

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOTS = fileURLToPath(new URL("../../artifacts/screenshots/", import.meta.url));

let browser: Browser;
let dir: string;

// Without chromium these tests are skipped on a developer's machine (with a note) but fail in CI
// (CI=true), where .ci/run installs Debian's chromium package first.
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && !process.env.CI)
  console.warn(`${CHROMIUM} not found: skipping the browser tests (apt-get install -y chromium to run them)`);

beforeAll(async () => {
  if (!HAVE_CHROMIUM) {
    if (!process.env.CI) return;
    throw new Error(
      `${CHROMIUM} not found: the browser tests need Debian's chromium package — install it with \`apt-get install -y chromium\` (CI installs it)`,
    );
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  dir = mkdtempSync(join(tmpdir(), "jobsim-report-"));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Problems {
  console: string[];
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/** Opens a file, recording console errors, page errors, dialogs and any non-file request. */
async function open(file: string, width = 1320): Promise<{ page: Page; problems: Problems }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: Problems = { console: [], errors: [], requests: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (err) => problems.errors.push(String(err)));
  page.on("dialog", (d) => {
    problems.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    problems.requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, problems };
}

interface SvgBox {
  width: number;
  height: number;
  marks: number;
  shapes: number;
}

async function svgBoxes(page: Page, selector: string): Promise<SvgBox[]> {
  return page.$$eval(selector, (svgs) =>
    svgs.map((svg) => {
      const r = svg.getBoundingClientRect();
      return {
        width: r.width,
        height: r.height,
        // Vega's data marks (role-mark groups) that have drawn items in them; the timeline's bars.
        marks: [...svg.querySelectorAll(".role-mark, .seg")].filter(
          (g) => g.classList.contains("seg") || g.querySelector("path, rect, line, text") !== null,
        ).length,
        shapes: svg.querySelectorAll("path, rect, line").length,
      };
    }),
  );
}

function expectClean(p: Problems): void {
  expect(p.errors).toEqual([]);
  expect(p.console).toEqual([]);
  expect(p.requests).toEqual([]);
  expect(p.dialogs).toEqual([]);
}

describe.skipIf(!HAVE_CHROMIUM && !process.env.CI)("reports in chromium", () => {
  it("lays out every chart of a 16-value sweep report", async () => {
    const r = sweepFixture({ values: Array.from({ length: 16 }, (_, i) => i), target: 0.999 });
    const file = join(dir, "sweep.html");
    writeFileSync(file, await renderSweepHtml(r, sweepDistributions(r), metaFixture()));
    const { page, problems } = await open(file);
    const boxes = await svgBoxes(page, "figure svg");
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(100);
      expect(b.height).toBeGreaterThan(100);
      expect(b.marks).toBeGreaterThan(0);
      expect(b.shapes).toBeGreaterThan(10);
    }
    expect(await page.locator("tbody tr").count()).toBe(16);
    expect(await page.locator("footer dd").count()).toBe(6);
    // Numbers right-aligned in the table.
    const align = await page.evaluate<string>(
      `getComputedStyle(document.querySelector("tbody td.num:not(.key)")).textAlign`,
    );
    expect(align).toBe("right");
    await page.screenshot({ path: join(SCREENSHOTS, "sweep-report.png"), fullPage: true });
    expectClean(problems);
    await page.close();
  });

  it("shows a sweep report with --within and escapes a hostile Job name without running it", async () => {
    const r = sweepFixture({ evil: true, withinSeconds: 200, target: 0.85 });
    const file = join(dir, "sweep-evil.html");
    writeFileSync(file, await renderSweepHtml(r, sweepDistributions(r), metaFixture({ evil: true })));
    const { page, problems } = await open(file);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("h1").textContent()).toContain('<script>alert("x")</script>"\'&');
    const boxes = await svgBoxes(page, "figure svg");
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const b of boxes) expect(b.width * b.height).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, "sweep-report-within.png"), fullPage: true });
    expectClean(problems);
    await page.close();
  });

  it("lays out every chart of an mc report", async () => {
    const r = mcFixture({ evil: true });
    const file = join(dir, "mc.html");
    writeFileSync(file, await renderMcHtml(r, mcDistributions(r), metaFixture({ evil: true, sweep: false })));
    const { page, problems } = await open(file);
    const boxes = await svgBoxes(page, "figure svg");
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(100);
      expect(b.height).toBeGreaterThan(100);
      expect(b.marks).toBeGreaterThan(0);
    }
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("tbody tr").count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, "mc-report.png"), fullPage: true });
    expectClean(problems);
    await page.close();
  });

  it("shows the timeline as a page and as a standalone SVG", async () => {
    const t = timelineFixture();
    const segments = t.pods.reduce((s, p) => s + p.segments.length, 0);

    const html = join(dir, "timeline.html");
    writeFileSync(html, renderTimeline(t, "html"));
    const a = await open(html, 1100);
    const [box] = await svgBoxes(a.page, "svg");
    expect(box.width).toBeGreaterThan(500);
    expect(box.height).toBeGreaterThan(150);
    expect(box.marks).toBe(segments);
    // Every bar is laid out with a width.
    const widths = await a.page.$$eval("rect.seg", (rs) => rs.map((r) => r.getBoundingClientRect().width));
    expect(widths.length).toBe(segments);
    for (const w of widths) expect(w).toBeGreaterThan(0);
    await a.page.screenshot({ path: join(SCREENSHOTS, "timeline.png"), fullPage: true });
    expectClean(a.problems);
    await a.page.close();

    const svg = join(dir, "timeline-evil.svg");
    writeFileSync(svg, renderTimeline(timelineFixture({ evil: true }), "svg"));
    const b = await open(svg, 1060);
    // Parsed as SVG (an XML error would give a parsererror document instead).
    expect(await b.page.evaluate<string>("document.documentElement.nodeName")).toBe("svg");
    expect(await b.page.locator("script").count()).toBe(0);
    const [sbox] = await svgBoxes(b.page, "svg");
    expect(sbox.width).toBeGreaterThan(500);
    expect(sbox.marks).toBe(segments);
    // A document whose root is an SVG element: a viewport screenshot (fullPage needs an HTML body).
    await b.page.screenshot({ path: join(SCREENSHOTS, "timeline-svg.png") });
    expectClean(b.problems);
    await b.page.close();
  });
});

describe.skipIf(!HAVE_CHROMIUM && !process.env.CI)("the tutorial's committed reports in chromium", () => {
  const REPORTS = fileURLToPath(new URL("../../reports/flaky-job/", import.meta.url));

  it("reports/flaky-job/index.html: the backoffLimit sweep with every chart and 16 rows", async () => {
    const { page, problems } = await open(join(REPORTS, "index.html"));
    const boxes = await svgBoxes(page, "figure svg");
    expect(boxes.length).toBeGreaterThanOrEqual(5);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(100);
      expect(b.height).toBeGreaterThan(100);
      expect(b.marks).toBeGreaterThan(0);
    }
    expect(await page.locator("tbody tr").count()).toBe(16);
    expect(await page.locator(".callout").textContent()).toContain("spec.backoffLimit");
    expect(await page.locator("script").count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, "tutorial-sweep.png"), fullPage: true });
    expectClean(problems);
    await page.close();
  });

  it("reports/flaky-job/mc/index.html: the Monte Carlo report", async () => {
    const { page, problems } = await open(join(REPORTS, "mc/index.html"));
    const boxes = await svgBoxes(page, "figure svg");
    expect(boxes.length).toBeGreaterThanOrEqual(4);
    for (const b of boxes) expect(b.width * b.height).toBeGreaterThan(0);
    expect(await page.locator("tbody tr").count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "tutorial-mc.png"), fullPage: true });
    expectClean(problems);
    await page.close();
  });

  it("reports/flaky-job/timeline.html and .svg: the tutorial run's pods, one bar per phase", async () => {
    for (const name of ["timeline.html", "timeline.svg"]) {
      const { page, problems } = await open(join(REPORTS, name), 1100);
      const widths = await page.$$eval("rect.seg", (rs) => rs.map((r) => r.getBoundingClientRect().width));
      // The tutorial run (seed 7) has three pods: two Error, one Completed, each with several phases.
      expect(widths.length).toBeGreaterThanOrEqual(6);
      for (const w of widths) expect(w).toBeGreaterThan(0);
      const text = (await page.locator("svg").first().textContent()) ?? "";
      expect(text).toContain("Complete");
      await page.screenshot({ path: join(SCREENSHOTS, `tutorial-${name.replace(".", "-")}.png`) });
      expectClean(problems);
      await page.close();
    }
  });
});
