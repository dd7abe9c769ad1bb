/**
 * The YAML that `kubectl -o yaml` prints: sigs.k8s.io/yaml `Marshal`, i.e. `json.Marshal`, then `JSONToYAML`, which
 * parses the JSON with go-yaml v2 (numbers become int/float, maps `map[interface{}]interface{}`) and marshals it
 * again with go-yaml v2. This file re-implements that second step for JSON values.
 *
 * Behaviour ported (no code copied) from:
 *  - kubernetes-sigs/yaml `goyaml.v2/resolve.go` @ 742f5e6f06b9847d2d7e4efa2fe6587f64897ad0 (`resolve`,
 *    `parseTimestamp`, `allowedTimestampFormats`, `yamlStyleFloat`), `goyaml.v2/encode.go` (`stringv`: literal
 *    style for strings containing "\n", plain when the text would resolve back to a string and is no base-60
 *    float, else double-quoted; `floatv`: `strconv.FormatFloat(f, 'g', -1, 64)`);
 *  - go-yaml/yaml `sorter.go` @ 3e3283e801afc229479d5fc68aa41df1137b8394 (`keyList.Less`: map keys in "natural"
 *    order, digit runs compared as numbers, non-letters before letters);
 *  - go-yaml/yaml `emitterc.go` (v2 branch; `yaml_emitter_analyze_scalar`, `yaml_emitter_select_scalar_style`,
 *    `yaml_emitter_write_{plain,single_quoted,double_quoted,literal}_scalar`, `yaml_emitter_write_indent`,
 *    `yaml_emitter_write_indicator`, `yaml_emitter_increase_indent`, the block sequence/mapping states,
 *    `yaml_emitter_check_simple_key`, `yaml_emitter_write_block_scalar_hints`) and goyaml.v2/encode.go `finish`
 *    (which clears open_ended, so a trailing `|+` block gets no "..." line). Best indent 2, best width 80
 *    (go-yaml v2.4 folds plain and quoted scalars at a space once the column passes 80 — real kubectl output
 *    shows such folded `message:` lines), unicode on.
 *
 * The emitter keeps go-yaml's state (column, whitespace, indention, indent stack) so that every nesting (indentless
 * sequences under mapping keys, `- key: v` items, `{}`/`[]` for empty collections, `|`/`|-`/`|+` literals with
 * indentation hints, `? key` for keys over 128 bytes) comes out as go-yaml writes it.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

// ---------------------------------------------------------------------------------------------------------------
// Character classes (go-yaml's yaml_private.go helpers, on code points instead of UTF-8 bytes)

function isSpace(cp: number | undefined): boolean {
  return cp === 0x20;
}
function isBreak(cp: number | undefined): boolean {
  return cp === 0x0d || cp === 0x0a || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}
function isBlank(cp: number | undefined): boolean {
  return cp === 0x20 || cp === 0x09;
}
/** is_blankz: blank, break, NUL or the end of the text. */
function isBlankz(cp: number | undefined): boolean {
  return cp === undefined || cp === 0 || isBlank(cp) || isBreak(cp);
}
/** is_printable on the character's UTF-8 encoding: #x0A, #x20-#x7E, #xA0-#xD7FF, #xE000-#xFFFD without #xFEFF.
 * Four-byte characters (above #xFFFF) are not printable for go-yaml. */
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// resolve(): would this text, written plain, read back as something other than a string?

const RESOLVE_MAP = new Set([
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "true",
  "True",
  "TRUE",
  "on",
  "On",
  "ON",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "false",
  "False",
  "FALSE",
  "off",
  "Off",
  "OFF",
  "",
  "~",
  "null",
  "Null",
  "NULL",
  ".nan",
  ".NaN",
  ".NAN",
  ".inf",
  ".Inf",
  ".INF",
  "+.inf",
  "+.Inf",
  "+.INF",
  "-.inf",
  "-.Inf",
  "-.INF",
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** strconv.ParseInt / ParseUint syntax with base 0 (underscores already removed by resolve). */
const GO_INT = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;
/** strconv.ParseFloat on text that starts with ".": a decimal fraction with an optional exponent. */
const GO_FLOAT_DOT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

function goIntValue(body: string): bigint {
  const p = body.slice(0, 2).toLowerCase();
  if (p === "0x" || p === "0o" || p === "0b") return BigInt(`0${p[1]}${body.slice(2)}`);
  if (body.length > 1 && body[0] === "0") return BigInt(`0o${body.slice(1)}`);
  return BigInt(body);
}

/**
 * The integer branch of resolve: ParseInt (int64), then ParseUint (unsigned text only, uint64), then — after the
 * float check — big.Int when ParseUint failed for range (unsigned text only).
 */
function resolvesToInt(plain: string): boolean {
  const m = GO_INT.exec(plain);
  if (m === null) return false;
  const magnitude = goIntValue(m[2]);
  const value = m[1] === "-" ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return true;
  return m[1] === ""; // uint64, or the big.Int fallback
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const TS_DATE = "(\\d{4})-(\\d{1,2})-(\\d{1,2})";
const TS_TIME = "(\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:[.,]\\d+)?";
/** allowedTimestampFormats, as Go's time.Parse reads them: `2006-1-2T15:4:5.999999999Z07:00` (also with "t"),
 * `2006-1-2 15:4:5.999999999`, `2006-1-2`. */
const TIMESTAMP_FORMATS = [
  new RegExp(`^${TS_DATE}[Tt]${TS_TIME}(Z|[+-](\\d{2}):(\\d{2}))$`),
  new RegExp(`^${TS_DATE} ${TS_TIME}$`),
  new RegExp(`^${TS_DATE}$`),
];

/** `parseTimestamp`: one of the allowed formats, with Go's range checks (month, day of month, hour, minute,
 * second, zone offset). */
export function isYamlTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false;
  for (const re of TIMESTAMP_FORMATS) {
    const m = re.exec(s);
    if (m === null) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month < 1 || month > 12 || day < 1 || day > daysIn(month, year)) continue;
    if (m[4] !== undefined) {
      if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) continue;
      if (m[8] !== undefined && (Number(m[8]) > 24 || Number(m[9]) > 60)) continue;
    }
    return true;
  }
  return false;
}

/** `resolve("", s)` returns a tag other than !!str. */
export function resolvesToNonString(s: string): boolean {
  // the map lookup (bools, nulls, .inf/.nan) only happens for a hinted first character; "<<" has none
  if (RESOLVE_MAP.has(s)) return true;
  const c = s[0];
  if (c === ".") return GO_FLOAT_DOT.test(s);
  if (c === "+" || c === "-" || (c >= "0" && c <= "9")) {
    if (isYamlTimestamp(s)) return true;
    const plain = s.replaceAll("_", "");
    return resolvesToInt(plain) || YAML_STYLE_FLOAT.test(plain);
  }
  return false;
}

function isBase60Float(s: string): boolean {
  if (s === "") return false;
  const c = s[0];
  if (!(c === "+" || c === "-" || (c >= "0" && c <= "9")) || !s.includes(":")) return false;
  return BASE60_FLOAT.test(s);
}

// ---------------------------------------------------------------------------------------------------------------
// Map key order (sorter.go keyList.Less for string keys)

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(cp: number): boolean {
  return LETTER.test(String.fromCodePoint(cp));
}
function isDigit(cp: number): boolean {
  return DIGIT.test(String.fromCodePoint(cp));
}

/** `keyList.Less` for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = codePoints(a);
  const br = codePoints(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 0x30));
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 0x30));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

export function yamlKeyCompare(a: string, b: string): number {
  if (yamlKeyLess(a, b)) return -1;
  if (yamlKeyLess(b, a)) return 1;
  return 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers

/** Go's `strconv.FormatFloat(f, 'g', -1, 64)`: shortest digits; %e when the exponent is < -4 or >= 6 (the
 * precision `'g'` uses for the shortest form), with at least two exponent digits. */
export function goFormatFloatG(f: number): string {
  if (Number.isNaN(f)) return ".nan";
  if (f === Number.POSITIVE_INFINITY) return ".inf";
  if (f === Number.NEGATIVE_INFINITY) return "-.inf";
  if (f === 0) return Object.is(f, -0) ? "-0" : "0";
  const neg = f < 0;
  const [mant, expStr] = Math.abs(f).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = Number(expStr);
  let s: string;
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const e = Math.abs(exp);
    s = `${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e < 10 ? `0${e}` : e}`;
  } else if (exp < 0) {
    s = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else {
    const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
    const frac = digits.slice(exp + 1);
    s = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  }
  return neg ? `-${s}` : s;
}

/** A JSON number as go-yaml re-reads and writes it: JSON digits that fit int64 or uint64 stay integers; anything
 * else (fractions, exponents, larger integers) becomes a float64. */
function formatNumber(n: number): string {
  const text = JSON.stringify(n); // the JSON text Go's encoder would produce for this value
  if (/^-?[0-9]+$/.test(text)) {
    const v = BigInt(text);
    if (v >= INT64_MIN && v <= UINT64_MAX) return text;
  }
  return goFormatFloatG(Number(text));
}

// ---------------------------------------------------------------------------------------------------------------
// Scalar analysis and style selection

interface ScalarData {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function analyzeScalar(v: number[]): ScalarData {
  if (v.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;

  const starts = (c: number) => v.length >= 3 && v[0] === c && v[1] === c && v[2] === c;
  if (starts(0x2d) || starts(0x2e)) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  for (let i = 0; i < v.length; i++) {
    const c = v[i];
    const followedByWhitespace = i + 1 >= v.length || isBlank(v[i + 1]);
    const ch = String.fromCodePoint(c);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === "?" || ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === "-") {
        if (followedByWhitespace) {
          flowIndicators = true;
          blockIndicators = true;
        }
      }
    } else if (",?[]{}".includes(ch)) {
      flowIndicators = true;
    } else if (ch === ":") {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === "#") {
      if (precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintable(c)) specialCharacters = true; // unicode output: non-ASCII printable is fine
    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === v.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === v.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankz(c);
  }

  const d: ScalarData = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
  }
  if (trailingSpace) d.blockAllowed = false;
  if (breakSpace) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
    d.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
    d.singleQuotedAllowed = false;
    d.blockAllowed = false;
  }
  if (lineBreaks) {
    d.flowPlainAllowed = false;
    d.blockPlainAllowed = false;
  }
  if (flowIndicators) d.flowPlainAllowed = false;
  if (blockIndicators) d.blockPlainAllowed = false;
  return d;
}

type Style = "plain" | "single" | "double" | "literal";

/** encode.go `stringv`: the style go-yaml asks for. */
function requestedStringStyle(s: string): Style {
  if (s.includes("\n")) return "literal";
  if (!resolvesToNonString(s) && !isBase60Float(s)) return "plain";
  return "double";
}

// ---------------------------------------------------------------------------------------------------------------
// The emitter

interface NodeContext {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

class Emitter {
  private out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;

  document(value: Json): string {
    this.node(value, { root: true, sequence: false, mapping: false, simpleKey: false });
    this.writeIndent(); // document end
    // no "..." after a `|+` block: the encoder's finish() clears open_ended before the stream end
    return this.out.join("");
  }

  // --- low-level writers -----------------------------------------------------------------------------------------

  private put(s: string): void {
    this.out.push(s);
    this.column++;
  }

  private putBreak(): void {
    this.out.push("\n");
    this.column = 0;
  }

  /** write(): one character of the value. */
  private writeChar(cp: number): void {
    this.out.push(String.fromCodePoint(cp));
    this.column++;
  }

  /** write_break(): "\n" as a line break; any other break character is copied and ends the line too. */
  private writeBreak(cp: number): void {
    if (cp === 0x0a) {
      this.putBreak();
    } else {
      this.out.push(String.fromCodePoint(cp));
      this.column = 0;
    }
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    this.out.push(indicator);
    this.column += codePoints(indicator).length;
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      this.indent += BEST_INDENT;
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  // --- nodes -----------------------------------------------------------------------------------------------------

  private node(value: Json, ctx: NodeContext): void {
    this.mappingContext = ctx.mapping;
    this.simpleKeyContext = ctx.simpleKey;
    if (Array.isArray(value)) {
      this.sequence(value);
    } else if (value !== null && typeof value === "object") {
      this.mapping(value);
    } else if (typeof value === "string") {
      this.scalar(value, requestedStringStyle(value));
    } else if (typeof value === "number") {
      this.scalar(formatNumber(value), "plain");
    } else if (typeof value === "boolean") {
      this.scalar(value ? "true" : "false", "plain");
    } else {
      this.scalar("null", "plain");
    }
  }

  private sequence(items: Json[]): void {
    if (items.length === 0 || this.flowLevel > 0) {
      this.writeIndicator("[", true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      // only empty sequences are written in flow style here
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator("]", false, false, false);
      return;
    }
    this.increaseIndent(false, this.mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, { root: false, sequence: true, mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mapping(obj: { [key: string]: Json }): void {
    const keys = Object.keys(obj).sort(yamlKeyCompare);
    if (keys.length === 0 || this.flowLevel > 0) {
      this.writeIndicator("{", true, true, false);
      this.increaseIndent(true, false);
      this.flowLevel++;
      this.flowLevel--;
      this.popIndent();
      this.writeIndicator("}", false, false, false);
      return;
    }
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const keyData = analyzeScalar(codePoints(key));
      const simple = !keyData.multiline && Buffer.byteLength(key, "utf8") <= 128;
      if (simple) {
        this.node(key, { root: false, sequence: false, mapping: true, simpleKey: true });
        this.writeIndicator(":", false, false, false);
      } else {
        this.writeIndicator("?", true, false, true);
        this.node(key, { root: false, sequence: false, mapping: true, simpleKey: false });
        this.writeIndent();
        this.writeIndicator(":", true, false, true);
      }
      this.node(obj[key], { root: false, sequence: false, mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(text: string, requested: Style): void {
    const v = codePoints(text);
    const data = analyzeScalar(v);
    // yaml_emitter_select_scalar_style (no tags, implicit scalars)
    let style = requested;
    if (this.simpleKeyContext && data.multiline) style = "double";
    if (style === "plain") {
      if (
        (this.flowLevel > 0 && !data.flowPlainAllowed) ||
        (this.flowLevel === 0 && !data.blockPlainAllowed)
      ) {
        style = "single";
      }
      if (v.length === 0 && (this.flowLevel > 0 || this.simpleKeyContext)) style = "single";
    }
    if (style === "single" && !data.singleQuotedAllowed) style = "double";
    if (style === "literal" && (!data.blockAllowed || this.flowLevel > 0 || this.simpleKeyContext)) {
      style = "double";
    }

    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case "plain":
        this.writePlain(v, allowBreaks);
        break;
      case "single":
        this.writeSingleQuoted(v, allowBreaks);
        break;
      case "double":
        this.writeDoubleQuoted(v, allowBreaks);
        break;
      default:
        this.writeLiteral(v);
    }
    this.popIndent();
  }

  private writePlain(v: number[], allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && !isSpace(v[i + 1])) {
          this.writeIndent();
        } else {
          this.writeChar(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(v: number[], allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (isSpace(c)) {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i !== 0 &&
          i !== v.length - 1 &&
          !isSpace(v[i + 1])
        ) {
          this.writeIndent();
        } else {
          this.writeChar(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.writeChar(c);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(v: number[], allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    let spaces = false;
    for (let i = 0; i < v.length; i++) {
      const c = v[i];
      if (!isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c) {
        this.put("\\");
        const short: Record<number, string> = {
          0: "0",
          7: "a",
          8: "b",
          9: "t",
          10: "n",
          11: "v",
          12: "f",
          13: "r",
          27: "e",
          34: '"',
          92: "\\",
          133: "N",
          160: "_",
          8232: "L",
          8233: "P",
        };
        const s = short[c];
        if (s !== undefined) {
          this.put(s);
        } else {
          const [prefix, width] = c <= 0xff ? ["x", 2] : c <= 0xffff ? ["u", 4] : ["U", 8];
          this.put(prefix);
          for (const digit of c.toString(16).toUpperCase().padStart(width, "0")) this.put(digit);
        }
        spaces = false;
      } else if (isSpace(c)) {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== v.length - 1) {
          this.writeIndent();
          if (isSpace(v[i + 1])) this.put("\\");
        } else {
          this.writeChar(c);
        }
        spaces = true;
      } else {
        this.writeChar(c);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(v: number[]): void {
    this.writeIndicator("|", true, false, false);
    // yaml_emitter_write_block_scalar_hints
    if (isSpace(v[0]) || isBreak(v[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = "";
    if (v.length === 0 || !isBreak(v[v.length - 1])) {
      chomp = "-";
    } else if (v.length === 1 || isBreak(v[v.length - 2])) {
      chomp = "+";
    }
    if (chomp !== "") this.writeIndicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const c of v) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.writeChar(c);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** A JSON value (objects, arrays, strings, finite numbers, booleans, null) as go-yaml v2 marshals it. */
export function goYamlMarshal(value: unknown): string {
  return new Emitter().document(value as Json);
}
