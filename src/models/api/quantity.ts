/**
 * Resource quantities (k8s.io/apimachinery/pkg/api/resource): "100m", "0.5", "2", "128Mi",
 * "1G", "1e3". Parsed to an exact number of milli-units (for cpu) or units (for memory, pods).
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};
const QUANTITY = /^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** The value in base units (cores, bytes, count), or NaN when the text is not a quantity. */
export function parseQuantity(text: string | number): number {
  if (typeof text === "number") return text;
  const m = QUANTITY.exec(text.trim());
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return Number.NaN;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  const suffix = m[3] ?? "";
  return base * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/** CPU in millicores, rounded up as the API server rounds sub-milli CPU. */
export function parseMilliCpu(text: string | number): number {
  const v = parseQuantity(text);
  return Number.isNaN(v) ? v : Math.ceil(Math.round(v * 1e9) / 1e6);
}
