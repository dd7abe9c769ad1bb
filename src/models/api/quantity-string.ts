/**
 * `resource.Quantity.String()`: the canonical text kubectl prints for requests and limits (`500m`, `64Mi`, `1`).
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go` (`ParseQuantity`, which rounds anything finer
 * than a nano up; `CanonicalizeBytes`) and `amount.go` (`AsCanonicalBytes`: strip factors of ten, then lower the
 * exponent to a multiple of three; `AsCanonicalBase1024Bytes`) and `suffix.go` (suffix tables). Exact arithmetic on
 * BigInt stands in for int64Amount / inf.Dec.
 */

type Format = "DecimalSI" | "BinarySI" | "DecimalExponent";

const DECIMAL_SUFFIX: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  "": 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIX).map(([k, v]) => [v, k]));
const BINARY_BY_EXPONENT = new Map(Object.entries(BINARY_SUFFIX).map(([k, v]) => [v, k]));

/** value = unscaled × 10^-scale */
interface Parsed {
  unscaled: bigint;
  scale: number;
  format: Format;
}

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function parse(text: string): Parsed | null {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null) return null;
  const [, sign, whole, frac = "", suffix, exp] = m;
  if (whole === "" && frac === "") return null;
  let unscaled = BigInt(`${whole}${frac}` || "0");
  let scale = frac.length;
  let format: Format = "DecimalSI";
  if (exp !== undefined) {
    format = "DecimalExponent";
    scale -= Number(exp);
  } else if (suffix !== undefined && suffix in BINARY_SUFFIX) {
    format = "BinarySI";
    unscaled *= 1024n ** BigInt(BINARY_SUFFIX[suffix]);
  } else if (suffix !== undefined) {
    scale -= DECIMAL_SUFFIX[suffix];
  }
  if (scale < 0) {
    unscaled *= pow10(-scale);
    scale = 0;
  }
  // ParseQuantity: anything finer than 1n is rounded up (away from zero).
  if (scale > 9) {
    const div = pow10(scale - 9);
    const q = unscaled / div;
    unscaled = unscaled % div === 0n ? q : q + 1n;
    scale = 9;
  }
  if (sign === "-") unscaled = -unscaled;
  return { unscaled, scale, format };
}

/** Canonical `Quantity.String()` of a quantity given as JSON carries it (string or number). Unparseable text is
 * returned unchanged. */
export function quantityString(value: string | number): string {
  const p = parse(String(value));
  if (p === null) return String(value);
  if (p.unscaled === 0n) return "0";
  let format = p.format;
  if (format === "BinarySI") {
    const limit = 1024n * pow10(p.scale);
    const abs = p.unscaled < 0n ? -p.unscaled : p.unscaled;
    if (abs < limit || p.unscaled % pow10(p.scale) !== 0n) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    let amount = p.unscaled / pow10(p.scale);
    let exponent = 0;
    while (amount % 1024n === 0n) {
      amount /= 1024n;
      exponent++;
    }
    return `${amount}${BINARY_BY_EXPONENT.get(exponent) ?? ""}`;
  }
  let mantissa = p.unscaled;
  let exponent = -p.scale;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  const r = ((exponent % 3) + 3) % 3;
  mantissa *= pow10(r);
  exponent -= r;
  if (format === "DecimalSI") {
    const suffix = DECIMAL_BY_EXPONENT.get(exponent);
    if (suffix !== undefined) return `${mantissa}${suffix}`;
  }
  return exponent === 0 ? `${mantissa}` : `${mantissa}e${exponent}`;
}
