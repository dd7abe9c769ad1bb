/**
 * Scale and label helpers the chart specs share: log-decade ticks and floors, probability domains, percentage
 * labels, and the colour channel that gives fixed-colour series a legend entry.
 */
import type { Spec } from "./chart-theme.js";

/** The vega expression that formats a probability with as many decimals as its decade needs. */
export const PCT_DECADE = (v: string) =>
  `format(${v}, '.' + max(0, -floor(log(${v}) / LN10 + 1e-9) - 2) + '~%')`;

export function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.round(Math.log10(hi)); e >= Math.round(Math.log10(lo)); e--) out.push(10 ** e);
  return out;
}

/** The log domain's floor: the decade at or below the smallest positive value (not below 1e-12). */
export function logFloor(values: number[]): number {
  const pos = values.filter((v) => v > 0 && Number.isFinite(v));
  const min = pos.length === 0 ? 0.1 : Math.min(...pos);
  return Math.max(1e-12, 10 ** Math.floor(Math.log10(min) - 1e-9));
}

/** A linear [lo, 1] domain for probabilities: lo is a step of 0.05 below the smallest value. */
export function probDomain(values: number[]): [number, number] {
  const min = Math.min(1, ...values.filter((v) => Number.isFinite(v)));
  const lo = Math.max(0, Math.floor((min - 0.02) * 20) / 20);
  return [lo, 1];
}

/** "99.9%", "99.99%", "90%": the target as it would be written. */
export function pctShort(x: number): string {
  return `${Number((100 * x).toFixed(6))}%`;
}

function legendScale(entries: [string, string][]): Spec {
  return { domain: entries.map(([n]) => n), range: entries.map(([, c]) => c) };
}

/** A colour channel naming one fixed series, so fixed-colour layers still get a legend entry. */
export function seriesColor(entries: [string, string][]): (name: string) => Spec {
  return (name) => ({
    datum: name,
    type: "nominal",
    scale: legendScale(entries),
    legend: {
      title: null,
      orient: "bottom",
      direction: "vertical",
      symbolType: "stroke",
      symbolStrokeWidth: 2.5,
      symbolOpacity: 1,
      labelLimit: 400,
    },
  });
}

/** The integers a..b inclusive (an ordinal axis's full domain). */
export function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}
