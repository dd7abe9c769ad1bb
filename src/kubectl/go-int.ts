/**
 * An integer flag's value as pflag reads it: strconv.ParseInt(s, 0, 64) (spf13/pflag int.go,
 * int64.go). Base 0 means a prefix picks the base — 0x hex, 0o or a bare leading 0 octal, 0b
 * binary — and underscores may separate digits (`1_000`); no spaces, no fraction, no exponent.
 * Returns the value, or strconv's error text for pflag's invalid-argument message. (Facts from Go's
 * strconv/atoi.go: ParseUint's base-0 prefixes, underscoreOK, the int64 range.)
 */

const INT64_MAX = 2n ** 63n - 1n;

export function parseGoInt(s: string): number | string {
  const syntax = `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`;
  let body = s;
  let negative = false;
  if (body.startsWith("+") || body.startsWith("-")) {
    negative = body[0] === "-";
    body = body.slice(1);
  }
  if (body === "") return syntax;
  let base = 10n;
  let digits = body;
  if (body[0] === "0") {
    const p = body.length >= 3 ? body[1].toLowerCase() : "";
    if (p === "b") base = 2n;
    else if (p === "o") base = 8n;
    else if (p === "x") base = 16n;
    else base = 8n;
    digits = body.slice(p === "" || !"box".includes(p) ? 1 : 2);
  }
  let value = 0n;
  let underscores = false;
  for (const ch of digits) {
    if (ch === "_") {
      underscores = true;
      continue;
    }
    const d = digitValue(ch);
    if (d < 0 || BigInt(d) >= base) return syntax;
    value = value * base + BigInt(d);
  }
  if (underscores && !underscoreOK(body)) return syntax;
  if (value > (negative ? INT64_MAX + 1n : INT64_MAX))
    return `strconv.ParseInt: parsing ${JSON.stringify(s)}: value out of range`;
  return Number(negative ? -value : value);
}

function digitValue(ch: string): number {
  const c = ch.toLowerCase();
  if (c >= "0" && c <= "9") return c.charCodeAt(0) - 48;
  if (c >= "a" && c <= "z") return c.charCodeAt(0) - 87;
  return -1;
}

/** Underscores only between digits, or between a base prefix and a digit (strconv underscoreOK). */
function underscoreOK(body: string): boolean {
  let saw = "^"; // ^ start, 0 digit or prefix, _ underscore, ! anything else
  let i = 0;
  const lower = body.toLowerCase();
  const hex = lower.startsWith("0x");
  if (body.length >= 2 && body[0] === "0" && "box".includes(lower[1])) {
    i = 2;
    saw = "0";
  }
  for (; i < body.length; i++) {
    const c = lower[i];
    if ((c >= "0" && c <= "9") || (hex && c >= "a" && c <= "f")) {
      saw = "0";
      continue;
    }
    if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
      continue;
    }
    if (saw === "_") return false;
    saw = "!";
  }
  return saw !== "_";
}
