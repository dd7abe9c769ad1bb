/**
 * The page shell every HTML output of jobsim shares (reports and the run timeline) and the one
 * escaping function for user-provided text. Apart from html.ts so that the timeline, which
 * `jobsim run` writes, does not load the chart renderer (vega) at every start.
 */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML and XML, in content and in quoted attribute values alike. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const e = escapeHtml;

const CSS = `
:root {
  color-scheme: light;
  --ink: #1f2933;
  --muted: #52606d;
  --faint: #7b8794;
  --line: #e4e7eb;
  --bg: #f5f7fa;
  --card: #ffffff;
  --accent: #2f6fb0;
  --good: #2e8540;
  --good-bg: #eef7f0;
  --bad: #b83227;
  --bad-bg: #fbefee;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--ink);
  font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1280px; margin: 0 auto; padding: 32px 24px 40px; }
h1 { font-size: 26px; font-weight: 600; line-height: 1.25; margin: 2px 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 18px; font-weight: 600; margin: 36px 0 12px; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--faint); }
.sub { margin: 0; color: var(--muted); }
.callout {
  margin: 22px 0 0;
  padding: 12px 16px;
  background: var(--card);
  border: 1px solid var(--line);
  border-left: 4px solid var(--accent);
  border-radius: 6px;
}
.callout.good { border-left-color: var(--good); }
.callout.bad { border-left-color: var(--bad); }
.charts { display: flex; flex-wrap: wrap; gap: 20px; }
figure {
  margin: 0;
  max-width: 100%;
  background: var(--card);
  border: 1px solid var(--line);
  border-radius: 8px;
  padding: 14px 16px 12px;
}
figcaption { font-weight: 600; margin: 0 0 10px; }
figure svg { display: block; max-width: 100%; height: auto; }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; font-variant-numeric: tabular-nums; }
caption { caption-side: bottom; text-align: left; padding: 10px 12px; color: var(--muted); font-size: 13px; }
th, td { padding: 7px 8px; border-bottom: 1px solid var(--line); white-space: nowrap; text-align: left; }
/* Words (a Job's name, failure reasons) wrap so that the table fits its card; numbers do not. */
td:not(.num) { white-space: normal; overflow-wrap: break-word; }
thead th {
  background: #fafbfc;
  color: var(--muted);
  font-size: 12.5px;
  font-weight: 600;
  line-height: 1.3;
  vertical-align: bottom;
  white-space: normal;
  min-width: 3.6em;
}
tbody tr:last-child td { border-bottom: none; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
tbody tr.recommended td { background: var(--good-bg); }
th.num, td.num { text-align: right; }
th code { white-space: nowrap; overflow-wrap: normal; }
td.key { font-weight: 600; }
.yes { color: var(--good); font-weight: 600; }
.no { color: var(--bad); }
.muted { color: var(--faint); }
code {
  font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 0.88em;
  background: #eef1f4;
  padding: 1px 5px;
  border-radius: 4px;
  overflow-wrap: anywhere;
}
footer { margin-top: 40px; padding-top: 16px; border-top: 1px solid var(--line); color: var(--muted); font-size: 13px; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
footer dt { color: var(--faint); }
footer dd { margin: 0; }
@media print {
  body { background: #fff; }
  figure, .table-wrap { break-inside: avoid; border-color: #ccc; }
}
`;

/** A complete page: the one shell every HTML output of jobsim uses (timeline.ts too). */
export function htmlPage(title: string, body: string, extraCss = ""): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="jobsim">
<title>${e(title)}</title>
<style>${CSS}${extraCss}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
