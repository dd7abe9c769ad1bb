import { labelKeyProblems, labelValueProblems } from "./names.js";

/**
 * Label-selector text as kubectl's `-l` reads it (k8s.io/apimachinery/pkg/labels/selector.go
 * Parse): a lexer (identifiers end at whitespace or one of `=!(),><`; a run of those symbols is
 * read as the longest operator it starts with) and a recursive-descent parser whose errors are
 * upstream's, word for word — those found inside a requirement prefixed "unable to parse
 * requirement: ", the rest (what follows a requirement, what starts one) as they are. Each
 * requirement is then checked as NewRequirement checks it (the key a qualified name, each value a
 * label value, `>`/`<` an int64).
 */

/** A selector kubectl refuses; the message is labels.Parse's error (printed after "error: "). */
export class SelectorError extends Error {}

export type ParsedRequirement =
  | { op: "=" | "!="; key: string; value: string }
  | { op: "in" | "notin"; key: string; values: string[] }
  | { op: "exists" | "!exists"; key: string }
  /** selection.GreaterThan / LessThan: the operand as an int64. */
  | { op: ">" | "<"; key: string; value: string; bound: bigint };

enum Tok {
  End,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

/** string2token: the literal tokens. */
const TOKENS = new Map<string, Tok>([
  [")", Tok.ClosedPar],
  [",", Tok.Comma],
  ["!", Tok.DoesNotExist],
  ["==", Tok.DoubleEquals],
  ["=", Tok.Equals],
  [">", Tok.GreaterThan],
  ["in", Tok.In],
  ["<", Tok.LessThan],
  ["!=", Tok.NotEquals],
  ["notin", Tok.NotIn],
  ["(", Tok.OpenPar],
]);

/** binaryOperators, as parseOperator's error lists them. */
const BINARY_OPERATORS = "in, notin, =, ==, !=, gt, lt";

const isSpecial = (ch: string) => "=!(),><".includes(ch);
const isWhitespace = (ch: string) => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";

interface Item {
  tok: Tok;
  lit: string;
}

function lex(s: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  for (;;) {
    while (pos < s.length && isWhitespace(s[pos])) pos++;
    if (pos >= s.length) {
      items.push({ tok: Tok.End, lit: "" });
      return items;
    }
    if (isSpecial(s[pos])) {
      // scanSpecialSymbol: extend while the symbols still spell a token.
      let tok: Tok | undefined;
      let lit = "";
      let buffer = "";
      while (pos < s.length && isSpecial(s[pos])) {
        const t = TOKENS.get(buffer + s[pos]);
        if (t === undefined && tok !== undefined) break;
        buffer += s[pos++];
        if (t !== undefined) {
          tok = t;
          lit = buffer;
        }
      }
      // (Every single symbol is a token, so the lexer's ErrorToken cannot occur.)
      items.push({ tok: tok!, lit });
      continue;
    }
    let word = "";
    while (pos < s.length && !isSpecial(s[pos]) && !isWhitespace(s[pos])) word += s[pos++];
    items.push({ tok: TOKENS.get(word) ?? Tok.Identifier, lit: word });
  }
}

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** In the Values context `in` and `notin` are identifiers ("value in (in)"). */
  private at(i: number, values: boolean): Item {
    const it = this.items[i];
    return values && (it.tok === Tok.In || it.tok === Tok.NotIn) ? { tok: Tok.Identifier, lit: it.lit } : it;
  }
  lookahead(values = true): Item {
    return this.at(this.position, values);
  }
  consume(values = true): Item {
    return this.at(this.position++, values);
  }

  parse(): ParsedRequirement[] {
    const out: ParsedRequirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead();
      if (tok === Tok.End) return out;
      if (tok !== Tok.Identifier && tok !== Tok.DoesNotExist)
        throw new SelectorError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      try {
        out.push(this.requirement());
      } catch (e) {
        throw new SelectorError(`unable to parse requirement: ${(e as Error).message}`);
      }
      const next = this.consume();
      if (next.tok === Tok.End) return out;
      if (next.tok !== Tok.Comma)
        throw new SelectorError(`found '${next.lit}', expected: ',' or 'end of string'`);
      const after = this.lookahead();
      if (after.tok !== Tok.Identifier && after.tok !== Tok.DoesNotExist)
        throw new SelectorError(`found '${after.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): ParsedRequirement {
    let { tok, lit } = this.consume();
    let negated = false;
    if (tok === Tok.DoesNotExist) {
      negated = true;
      ({ tok, lit } = this.consume());
    }
    if (tok !== Tok.Identifier) throw new SelectorError(`found '${lit}', expected: identifier`);
    const key = lit;
    // validateLabelKey with the parser's (nil) path: the field prints as "<nil>".
    const keyProblems = labelKeyProblems(key);
    if (keyProblems.length > 0)
      throw new SelectorError(`<nil>: Invalid value: ${JSON.stringify(key)}: ${keyProblems.join("; ")}`);
    const ahead = this.lookahead().tok;
    if (negated || ahead === Tok.End || ahead === Tok.Comma)
      return checked({ op: negated ? "!exists" : "exists", key }, []);
    const op = this.consume(false);
    switch (op.tok) {
      case Tok.In:
      case Tok.NotIn:
        return checked({ op: op.tok === Tok.In ? "in" : "notin", key, values: [] }, this.values());
      case Tok.Equals:
      case Tok.DoubleEquals:
      case Tok.NotEquals:
      case Tok.GreaterThan:
      case Tok.LessThan: {
        const value = this.exactValue();
        const kind =
          op.tok === Tok.NotEquals
            ? "!="
            : op.tok === Tok.GreaterThan
              ? ">"
              : op.tok === Tok.LessThan
                ? "<"
                : "=";
        if (kind === ">" || kind === "<") return checked({ op: kind, key, value, bound: 0n }, [value]);
        return checked({ op: kind, key, value }, [value]);
      }
      default:
        throw new SelectorError(`found '${op.lit}', expected: ${BINARY_OPERATORS}`);
    }
  }

  /** parseValues: `(a,b)`, as a sorted set; `()` is the one empty value. */
  private values(): string[] {
    const open = this.consume();
    if (open.tok !== Tok.OpenPar) throw new SelectorError(`found '${open.lit}' expected: '('`);
    const { tok, lit } = this.lookahead();
    if (tok === Tok.ClosedPar) {
      this.consume();
      return [""];
    }
    if (tok !== Tok.Identifier && tok !== Tok.Comma)
      throw new SelectorError(`found '${lit}', expected: ',', ')' or identifier`);
    const set = this.identifiers();
    // (Upstream names the token that began the list here, not the one found.)
    if (this.consume().tok !== Tok.ClosedPar) throw new SelectorError(`found '${lit}', expected: ')'`);
    return [...set].sort();
  }

  /** parseIdentifiersList: identifiers and empty ones between commas. */
  private identifiers(): Set<string> {
    const set = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume();
      if (tok === Tok.Identifier) {
        set.add(lit);
        const next = this.lookahead();
        if (next.tok === Tok.Comma) continue;
        if (next.tok === Tok.ClosedPar) return set;
        throw new SelectorError(`found '${next.lit}', expected: ',' or ')'`);
      }
      if (tok !== Tok.Comma) throw new SelectorError(`found '${lit}', expected: ',', or identifier`);
      if (set.size === 0) set.add("");
      const next = this.lookahead().tok;
      if (next === Tok.ClosedPar) {
        set.add("");
        return set;
      }
      if (next === Tok.Comma) {
        this.consume();
        set.add("");
      }
    }
  }

  /** parseExactValue: one identifier, or nothing before a comma or the end. */
  private exactValue(): string {
    const ahead = this.lookahead().tok;
    if (ahead === Tok.End || ahead === Tok.Comma) return "";
    const { tok, lit } = this.consume();
    if (tok === Tok.Identifier) return lit;
    throw new SelectorError(`found '${lit}', expected: identifier`);
  }
}

/**
 * NewRequirement's checks of a parsed requirement (the key was checked as it was read): an `in`
 * or `notin` with values, a `>`/`<` operand that is an int64, each value a label value —
 * their errors aggregated as utilerrors prints them ("[a, b]" for several, duplicates once).
 */
function checked(r: ParsedRequirement, values: string[]): ParsedRequirement {
  const errors: string[] = [];
  if (r.op === ">" || r.op === "<") {
    const bound = parseInt64(r.value);
    if (bound === null)
      errors.push(
        `values[0]: Invalid value: ${JSON.stringify(r.value)}: for 'Gt', 'Lt' operators, the value must be an integer`,
      );
    else r.bound = bound;
  }
  values.forEach((v, i) => {
    const problems = labelValueProblems(v);
    if (problems.length > 0)
      errors.push(`values[${i}][${r.key}]: Invalid value: ${JSON.stringify(v)}: ${problems.join("; ")}`);
  });
  if (r.op === "in" || r.op === "notin") r.values = values;
  const unique = [...new Set(errors)];
  if (unique.length === 1) throw new SelectorError(unique[0]);
  if (unique.length > 1) throw new SelectorError(`[${unique.join(", ")}]`);
  return r;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64; else null. */
export function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/** Parses `-l` text into its requirements (sorted by key, as parse sorts them); throws Error
 * with upstream's text on a bad selector. */
export function parseLabelSelector(text: string): ParsedRequirement[] {
  const reqs = new Parser(lex(text)).parse();
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
