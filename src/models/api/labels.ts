import { type ParsedRequirement, parseInt64, parseLabelSelector } from "./label-selector-parse.js";

/**
 * Label selectors as kubectl's `-l` takes them (k8s.io/apimachinery/pkg/labels/selector.go):
 * `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`, `a>5`, `a<5`, joined by commas.
 */

export type Labels = Readonly<Record<string, string>>;

type Requirement = ParsedRequirement;

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

  /** Parses kubectl `-l` syntax (label-selector-parse.ts); throws Error with kubectl's text on
   * a bad selector. */
  static parse(text: string): LabelSelector {
    return new LabelSelector(parseLabelSelector(text));
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
