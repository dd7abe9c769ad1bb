/**
 * The lexical helpers of the kubectl JSONPath parser (jsonpath-parse.ts), from the same
 * client-go util/jsonpath/parser.go: rune classes, Go's `%#U`, strconv.Atoi and UnquoteExtend.
 */

export const EOF = -1;

export function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09;
}
export function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a;
}
export function isDigit(r: number): boolean {
  return r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
}
export function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
}
export function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  switch (r) {
    case EOF:
    case 0x2e: // .
    case 0x2c: // ,
    case 0x5b: // [
    case 0x5d: // ]
    case 0x24: // $
    case 0x40: // @
    case 0x7b: // {
    case 0x7d: // }
      return true;
  }
  return false;
}

/** Go's `%#U`: "U+0023 '#'" for printable runes, "U+0009" otherwise. */
export function goSharpU(r: number): string {
  const hex = r.toString(16).toUpperCase().padStart(4, "0");
  const ch = String.fromCodePoint(r);
  const printable = !/[\p{C}\p{Z}]/u.test(ch) || ch === " ";
  return printable ? `U+${hex} '${ch}'` : `U+${hex}`;
}

export function trimSpaces(s: string): string {
  return s.replace(/^ +| +$/g, "");
}

/** Go strconv.Atoi (base 10, optional sign, int64 range); undefined when Atoi errors. */
export function goAtoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const b = BigInt(s);
  if (b > 9223372036854775807n || b < -9223372036854775808n) return undefined;
  return Number(b);
}

/** UnquoteExtend from parser.go: strconv.Unquote that also accepts single-quoted strings. */
export function unquoteExtend(s: string): string | undefined {
  const n = s.length;
  if (n < 2) return undefined;
  const quote = s[0]!;
  if (quote !== s[n - 1]) return undefined;
  let body = s.slice(1, n - 1);
  if (quote !== '"' && quote !== "'") return undefined;
  if (!body.includes("\\") && !body.includes(quote)) return body;
  const bytes: number[] = [];
  const enc = new TextEncoder();
  while (body.length > 0) {
    const c = body[0]!;
    if (c === quote) return undefined;
    if (c !== "\\") {
      const cp = body.codePointAt(0)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...enc.encode(ch));
      body = body.slice(ch.length);
      continue;
    }
    if (body.length <= 1) return undefined;
    const e = body[1]!;
    body = body.slice(2);
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
    if (e in simple) {
      bytes.push(simple[e]!);
    } else if (e === "'" || e === '"') {
      if (e !== quote) return undefined;
      bytes.push(e.charCodeAt(0));
    } else if (e === "x" || e === "u" || e === "U") {
      const len = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(0, len);
      if (hex.length < len || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
      body = body.slice(len);
      const v = Number.parseInt(hex, 16);
      if (e === "x") bytes.push(v);
      else {
        if (v > 0x10ffff || (v >= 0xd800 && v < 0xe000)) return undefined;
        bytes.push(...enc.encode(String.fromCodePoint(v)));
      }
    } else if (e >= "0" && e <= "7") {
      const oct = e + body.slice(0, 2);
      if (!/^[0-7]{3}$/.test(oct)) return undefined;
      body = body.slice(2);
      const v = Number.parseInt(oct, 8);
      if (v > 255) return undefined;
      bytes.push(v);
    } else {
      return undefined;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
