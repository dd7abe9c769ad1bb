import type { JobReport, McReport } from "../analysis/report.js";
import { type Chart, type ChartSpec, renderAll } from "./chart-render.js";
import { probDomain, range, seriesColor } from "./chart-scales.js";
import { CLOSED, HEIGHT, OBSERVED, type Spec, WIDTH } from "./chart-theme.js";
import type { Distributions } from "./report-data.js";
import { cdfSpec, costSpec } from "./shared-chart-specs.js";

/** The charts of an mc report (`mcCharts`), in page order, each comparing the scenario's Jobs. */

function mcSuccessSpec(jobs: [string, JobReport][]): Spec {
  const data = jobs.map(([name, j]) => ({
    job: name,
    rate: j.successRate,
    lo: j.successCI95[0],
    hi: j.successCI95[1],
    closed: j.closedForm.applies ? j.closedForm.successRate : null,
  }));
  const hasClosed = data.some((d) => d.closed !== null);
  const entries: [string, string][] = [["P(Complete), 95% interval", OBSERVED]];
  if (hasClosed) entries.push(["closed form", CLOSED]);
  const color = seriesColor(entries);
  const domain = probDomain([
    ...data.map((d) => d.lo),
    ...data.flatMap((d) => (d.closed === null ? [] : [d.closed])),
  ]);
  const names = data.map((d) => d.job);
  // Jobs down the side: their names can be long.
  const y = {
    field: "job",
    type: "nominal",
    title: null,
    sort: names,
    scale: { domain: names, paddingOuter: 0.4 },
    axis: { labelLimit: 220 },
  };
  const x = { type: "quantitative", title: "P(success)", scale: { domain, nice: false, zero: false } };
  const layers: Spec[] = [
    {
      mark: { type: "rule", strokeWidth: 2 },
      encoding: {
        y,
        x: { field: "lo", ...x, axis: { format: "~%" } },
        x2: { field: "hi" },
        color: color(entries[0][0]),
      },
    },
    {
      mark: { type: "point", filled: true, size: 70 },
      encoding: { y, x: { field: "rate", ...x }, color: color(entries[0][0]) },
    },
  ];
  if (hasClosed) {
    layers.push({
      transform: [{ filter: "datum.closed !== null" }],
      mark: { type: "tick", thickness: 2, size: 22 },
      encoding: { y, x: { field: "closed", ...x }, color: color("closed form") },
    });
  }
  return { width: WIDTH - 100, height: { step: 40 }, data: { values: data }, layer: layers };
}

function mcPodsSpec(dists: Distributions[]): Spec {
  const rows: Spec[] = [];
  for (const d of dists) {
    const total = d.pods.reduce((s, [, n]) => s + n, 0);
    for (const [pods, n] of d.pods) if (total > 0) rows.push({ label: d.label, pods, share: n / total });
  }
  const labels = dists.map((d) => d.label);
  const pods = rows.map((x) => x.pods as number);
  const domain = range(Math.min(...pods), Math.max(...pods));
  return {
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "pods",
        type: "ordinal",
        title: "pods created in the run",
        scale: { domain },
        axis: { labelAngle: 0 },
      },
      xOffset: { field: "label", type: "nominal", sort: labels, scale: { domain: labels } },
      y: { field: "share", type: "quantitative", title: "share of runs", axis: { format: "~%" } },
      color: {
        field: "label",
        type: "nominal",
        title: "Job",
        sort: labels,
        scale: { domain: labels, scheme: "tableau10" },
      },
    },
  };
}

export async function mcCharts(r: McReport, dists: Distributions[]): Promise<Chart[]> {
  const jobs = Object.entries(r.jobs);
  const specs: ChartSpec[] = [];
  if (jobs.length > 0)
    specs.push({ title: "Success probability by Job", id: "success", spec: mcSuccessSpec(jobs) });
  const withCdf = dists.filter((d) => d.finishCdf.length > 0);
  if (withCdf.length > 0) {
    specs.push({
      title: "Time to finish (cumulative, per Job)",
      id: "cdf",
      spec: cdfSpec(withCdf, false, "Job"),
    });
  }
  const withPods = dists.filter((d) => d.pods.length > 0);
  if (withPods.length > 0) {
    specs.push({ title: "Pods created per run", id: "pods", spec: mcPodsSpec(withPods) });
  }
  if (jobs.length > 0) {
    specs.push({
      title: "Cost of reliability: pod-seconds against P(success)",
      id: "cost",
      spec: costSpec(
        jobs.map(([name, j]) => ({
          label: name,
          rate: j.successRate,
          lo: j.successCI95[0],
          podSeconds: j.podSeconds.mean,
        })),
        false,
      ),
    });
  }
  return renderAll(specs);
}
