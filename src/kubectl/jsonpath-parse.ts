/**
 * Parser for kubectl JSONPath templates: a port of the state machine in
 * kubernetes/kubernetes staging/src/k8s.io/client-go/util/jsonpath/parser.go
 * (stored version 04791b4906602ffda5ccf9bc4c84d3329f1d7080). Error messages are the upstream ones,
 * byte for byte. See jsonpath.ts for the evaluator and the list of facts.
 */

import {
  EOF,
  goAtoi,
  goSharpU,
  isAlphaNumeric,
  isDigit,
  isEndOfLine,
  isTerminator,
  trimSpaces,
  unquoteExtend,
} from "./jsonpath-lexical.js";

export interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

export type JpNode =
  | { type: "list"; nodes: JpNode[] }
  | { type: "text"; text: string }
  | { type: "field"; value: string }
  | { type: "array"; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: "filter"; left: JpList; right: JpList; operator: string }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "union"; nodes: JpList[] }
  | { type: "identifier"; name: string };

export type JpList = { type: "list"; nodes: JpNode[] };

/**
 * A parse or execution error carrying kubectl's exact message (without any "error: " prefix).
 * `partial` is what the failing upstream eval function returned alongside its error (an existence
 * filter `[?(@...)]` ignores the error and keeps the item when that is non-empty).
 */
export class JsonPathError extends Error {
  override readonly name = "JsonPathError";
  constructor(
    message: string,
    readonly partial: readonly unknown[] = [],
  ) {
    super(message);
  }
}

const dictKeyRex = /^'([^']*)'$/;
const sliceOperatorRex = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
// Go RE2 `.` does not match "\n" only; spell that out for JS.
const filterRex = /^([^!<>=]+)([!<>=]+)([^\n]+?)$/;

class Parser {
  root: JpList = { type: "list", nodes: [] };
  private input = "";
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): void {
    this.input = text;
    this.root = { type: "list", nodes: [] };
    this.pos = 0;
    this.parseText(this.root);
  }

  private consumeText(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private parseText(cur: JpList): void {
    for (;;) {
      if (this.input.startsWith("{", this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
  }

  private parseLeftDelim(cur: JpList): void {
    this.pos += 1;
    this.consumeText();
    const node: JpList = { type: "list", nodes: [] };
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  // Upstream recurses once per token; a loop keeps long templates off the JS stack.
  private parseInsideAction(cur: JpList): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith("}")) {
        this.pos += 1;
        this.consumeText();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathError("unclosed action");
      if (r === 0x20 || r === 0x40 || r === 0x24) {
        // ' ', '@' (current object) and '$' (root) are just skipped
        this.consumeText();
      } else if (r === 0x5b) {
        this.parseArray(cur);
      } else if (r === 0x22 || r === 0x27) {
        this.parseQuote(cur, r);
      } else if (r === 0x2e) {
        this.parseField(cur);
      } else if (r === 0x2b || r === 0x2d || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathError(`unrecognized character in action: ${goSharpU(r)}`);
      }
    }
  }

  private parseIdentifier(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ type: "bool", value: value === "true" });
    else cur.nodes.push({ type: "identifier", name: value });
  }

  private parseRecursive(cur: JpList): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === "recursive") throw new JsonPathError("invalid multiple recursive descent");
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "recursive" });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JpList): void {
    let r = this.peek();
    if (r === 0x2b || r === 0x2d) this.next();
    for (;;) {
      r = this.next();
      if (r !== 0x2e && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    const i = goAtoi(value);
    if (i !== undefined) {
      cur.nodes.push({ type: "int", value: i });
      return;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: "float", value: Number(value) });
      return;
    }
    throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: JpList): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError("unterminated array");
      if (r === 0x5d) break;
    }
    let text = this.consumeText();
    text = text.slice(1, -1);
    if (text === "*") text = ":";

    const strs = text.split(",");
    if (strs.length > 1) {
      const union: JpList[] = [];
      for (const s of strs) union.push(parseAction(`[${trimSpaces(s)}]`));
      cur.nodes.push({ type: "union", nodes: union });
      return;
    }

    const dict = dictKeyRex.exec(text);
    if (dict) {
      const sub = parseAction(`.${dict[1]}`);
      cur.nodes.push(...sub.nodes);
      return;
    }

    const m = sliceOperatorRex.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const value = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = value[i]!;
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") {
          params[i]!.known = false;
        } else {
          const n = goAtoi(v);
          if (n === undefined) throw new JsonPathError(`array index ${v} is not a number`);
          params[i]!.known = true;
          params[i]!.value = n;
        }
      } else if (i === 1) {
        params[1].known = true;
        params[1].value = params[0].value + 1;
        params[1].derived = true;
      } else {
        params[i]!.known = false;
        params[i]!.value = 0;
      }
    }
    cur.nodes.push({ type: "array", params });
  }

  private parseFilter(cur: JpList): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError("unterminated filter");
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === 0x29 && begin === end) {
        break;
      }
    }
    if (this.next() !== 0x5d) throw new JsonPathError("unclosed array expect ]");
    let text = this.consumeText();
    text = text.slice(0, -2);
    const m = filterRex.exec(text);
    if (!m) {
      cur.nodes.push({
        type: "filter",
        left: parseAction(text),
        right: { type: "list", nodes: [] },
        operator: "exists",
      });
    } else {
      const left = parseAction(m[1]!);
      const right = parseAction(m[3]!);
      cur.nodes.push({ type: "filter", left, right, operator: m[2]! });
    }
  }

  private parseQuote(cur: JpList, end: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathError("unterminated quoted string");
      if (r === end && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    const s = unquoteExtend(value);
    if (s === undefined) throw new JsonPathError(`unquote string ${value} error invalid syntax`);
    cur.nodes.push({ type: "text", text: s });
  }

  private parseField(cur: JpList): void {
    this.consumeText();
    while (this.advance()) {
      /* scan */
    }
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ type: "wildcard" });
    else cur.nodes.push({ type: "field", value: value.replaceAll("\\", "") });
  }

  private advance(): boolean {
    const r = this.next();
    if (r === 0x5c) {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

/** parseAction: parse `{text}` and return its single action list (upstream's Root.Nodes[0]). */
function parseAction(text: string): JpList {
  const p = new Parser();
  p.parse(`{${text}}`);
  const first = p.root.nodes[0];
  if (first?.type !== "list") throw new JsonPathError("invalid syntax");
  return first;
}

/** Parse a template; throws JsonPathError with upstream's message on failure. */
export function parseTemplate(text: string): JpList {
  const p = new Parser();
  p.parse(text);
  return p.root;
}
