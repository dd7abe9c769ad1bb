/**
 * go-yaml v2's emitter (go-yaml `emitterc.go`, v2 branch) for JSON values: block mappings and sequences, flow
 * `{}`/`[]` for empty collections, and the plain, single-quoted, double-quoted and literal scalar writers with
 * their folding at the best width. It keeps go-yaml's state (column, whitespace, indention, indent stack) so that
 * every nesting comes out as go-yaml writes it; what to quote is decided in go-yaml-scalar-style.ts.
 */
import { codePoints, isBreak, isPrintable, isSpace } from "./go-yaml-chars.js";
import { yamlKeyCompare } from "./go-yaml-key-order.js";
import { formatNumber } from "./go-yaml-resolve.js";
import { analyzeScalar, requestedStringStyle, type Style } from "./go-yaml-scalar-style.js";

/** A JSON value, as `json.Marshal` hands it to go-yaml. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const BEST_INDENT = 2;
const BEST_WIDTH = 80;

interface NodeContext {
  root: boolean;
  sequence: boolean;
  mapping: boolean;
  simpleKey: boolean;
}

export class Emitter {
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
