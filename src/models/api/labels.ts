/**
 * Label selectors as kubectl's `-l` takes them (k8s.io/apimachinery/pkg/labels/selector.go):
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>5`, `a<5`, joined by commas.
 */

export type Labels = Readonly<Record<string, string>>;

type Requirement =
  | { op: "=" | "!="; key: string; value: string }
  | { op: "in" | "notin"; key: string; values: string[] }
  | { op: "exists" | "!exists"; key: string }
  /** selection.GreaterThan / LessThan: the operand as an int64. */
  | { op: ">" | "<"; key: string; value: string; bound: bigint };

export class LabelSelector {
  private constructor(private readonly requirements: Requirement[]) {}

  static everything(): LabelSelector {
    return new LabelSelector([]);
  }

  static fromMatchLabels(matchLabels: Labels): LabelSelector {
    return new LabelSelector(
      Object.keys(matchLabels).map((key) => ({ op: "=", key, value: matchLabels[key] })),
    );
  }

  /** Parses kubectl `-l` syntax; throws Error with kubectl-like text on a bad selector. */
  static parse(text: string): LabelSelector {
    const reqs: Requirement[] = [];
    for (const part of splitTopLevel(text)) {
      const p = part.trim();
      if (p === "") continue;
      let m = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
      if (m) {
        reqs.push({ op: m[2] as "in" | "notin", key: m[1], values: m[3].split(",").map((v) => v.trim()) });
        continue;
      }
      // The lexer's GreaterThanToken and LessThanToken: NewRequirement wants one base-10 int64.
      m = /^([^\s!=<>()]+)\s*(>|<)\s*([^\s,]*)$/.exec(p);
      if (m) {
        // parseExactValue wants an identifier: `a>=1` lexes as `>`, then `=` (scanSpecialSymbol).
        const symbol = /^(==|!=|[=!()<>])/.exec(m[3]);
        if (symbol !== null)
          throw new Error(`unable to parse requirement: found '${symbol[1]}', expected: identifier`);
        const bound = parseInt64(m[3]);
        if (bound === null)
          throw new Error(
            `unable to parse requirement: values[0]: Invalid value: ${JSON.stringify(m[3])}: for 'Gt', 'Lt' operators, the value must be an integer`,
          );
        reqs.push({ op: m[2] as ">" | "<", key: m[1], value: m[3], bound });
        continue;
      }
      m = /^([^\s!=]+)\s*(==|=|!=)\s*([^\s,]*)$/.exec(p);
      if (m) {
        reqs.push({ op: m[2] === "!=" ? "!=" : "=", key: m[1], value: m[3] });
        continue;
      }
      m = /^(!?)([^\s!=(),<>]+)$/.exec(p);
      if (m) {
        reqs.push({ op: m[1] ? "!exists" : "exists", key: m[2] });
        continue;
      }
      throw new Error(`unable to parse requirement: found '${p}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    return new LabelSelector(reqs);
  }

  matches(labels: Labels | undefined): boolean {
    const l = labels ?? {};
    for (const r of this.requirements) {
      const has = Object.hasOwn(l, r.key);
      switch (r.op) {
        case "=":
          if (!has || l[r.key] !== r.value) return false;
          break;
        case "!=":
          if (has && l[r.key] === r.value) return false;
          break;
        case "in":
          if (!has || !r.values.includes(l[r.key])) return false;
          break;
        case "notin":
          if (has && r.values.includes(l[r.key])) return false;
          break;
        case "exists":
          if (!has) return false;
          break;
        case "!exists":
          if (has) return false;
          break;
        default: {
          // Requirement.Matches: a missing label, or one that is not an int64, never matches.
          const v = has ? parseInt64(l[r.key]) : null;
          if (v === null || (r.op === ">" ? !(v > r.bound) : !(v < r.bound))) return false;
        }
      }
    }
    return true;
  }

  get isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  /** The selector's String() form: requirements sorted by key, `a=b,c in (x,y)`. */
  toString(): string {
    return [...this.requirements]
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((r) => {
        switch (r.op) {
          case "=":
          case "!=":
            return `${r.key}${r.op}${r.value}`;
          case ">":
          case "<":
            return `${r.key}${r.op}${r.value}`;
          case "in":
          case "notin":
            return `${r.key} ${r.op} (${[...r.values].sort().join(",")})`;
          case "exists":
            return r.key;
          default:
            return `!${r.key}`;
        }
      })
      .join(",");
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within int64; else null. */
function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const v = BigInt(s);
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}
