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

/** a / b rounded away from zero, as Quantity's ScaledValue rounds (b > 0). */
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  if (a % b === 0n) return q;
  return a > 0n ? q + 1n : q - 1n;
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
  return p === null ? String(value) : formatParsed(p);
}

/** `CanonicalizeBytes` of an exact value, in its format. */
function formatParsed(p: Parsed): string {
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

/**
 * An exact resource.Quantity for arithmetic: its value and its format, which `String()` follows
 * (a BinarySI quantity below 1024 prints as DecimalSI yet stays BinarySI for what is added to it).
 */
export class ExactQuantity {
  private constructor(
    private unscaled: bigint,
    private scale: number,
    private format: Format,
  ) {}

  /** Go's zero Quantity (`Quantity{}`): 0, DecimalSI. */
  static zero(): ExactQuantity {
    return new ExactQuantity(0n, 0, "DecimalSI");
  }

  /** The quantity JSON carries (string or number); unparseable text is zero. */
  static of(value: string | number): ExactQuantity {
    const p = parse(String(value));
    return p === null ? ExactQuantity.zero() : new ExactQuantity(p.unscaled, p.scale, p.format);
  }

  copy(): ExactQuantity {
    return new ExactQuantity(this.unscaled, this.scale, this.format);
  }

  /** `Add`: the addend's format while this one is zero, this one's after. */
  add(y: ExactQuantity): void {
    if (this.unscaled === 0n) this.format = y.format;
    const s = Math.max(this.scale, y.scale);
    this.unscaled = this.unscaled * pow10(s - this.scale) + y.unscaled * pow10(s - y.scale);
    this.scale = s;
  }

  /** `Cmp`: -1, 0 or 1. */
  cmp(y: ExactQuantity): number {
    const s = Math.max(this.scale, y.scale);
    const a = this.unscaled * pow10(s - this.scale);
    const b = y.unscaled * pow10(s - y.scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** `Value()`: the value in units, rounded up (away from zero). */
  value(): number {
    return Number(ceilDiv(this.unscaled, pow10(this.scale)));
  }

  /** `MilliValue()`: the value in thousandths, rounded up (away from zero). */
  milliValue(): number {
    return this.scale <= 3
      ? Number(this.unscaled * pow10(3 - this.scale))
      : Number(ceilDiv(this.unscaled, pow10(this.scale - 3)));
  }

  toString(): string {
    return formatParsed({ unscaled: this.unscaled, scale: this.scale, format: this.format });
  }
}

/** The sum of quantities as `Quantity.Add` makes it, printed by `String()` ("0" for none). */
export function sumQuantities(values: readonly (string | number)[]): string {
  const total = ExactQuantity.zero();
  for (const v of values) total.add(ExactQuantity.of(v));
  return total.toString();
}
