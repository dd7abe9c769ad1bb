/** Every problem found while loading a scenario, reported together. */
export class ScenarioError extends Error {
  /** What the loader had read when it stopped (the manifests, for `validate` to judge too). */
  partial: unknown = null;

  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ScenarioError";
  }
}

/** Collects problems as `<file>: <path>: <message>`. */
export class Problems {
  readonly list: string[] = [];

  constructor(private readonly file: string) {}

  add(path: string, message: string): void {
    this.list.push(path ? `${this.file}: ${path}: ${message}` : `${this.file}: ${message}`);
  }

  get empty(): boolean {
    return this.list.length === 0;
  }

  throwIfAny(partial: unknown = null): void {
    if (this.list.length === 0) return;
    const e = new ScenarioError(this.list);
    e.partial = partial;
    throw e;
  }
}

/** The closest known name, for "did you mean" hints (edit distance ≤ 2). */
export function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) dp[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      dp[i][j] = Math.min(
        dp[i - 1][j] + 1,
        dp[i][j - 1] + 1,
        dp[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return dp[a.length][b.length];
}

/** Reports keys of `obj` not in `known`, with a hint. */
export function checkKnownKeys(
  problems: Problems,
  path: string,
  obj: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const k of Object.keys(obj)) {
    if (known.includes(k)) continue;
    const hint = closest(k, known);
    problems.add(
      path,
      `unknown field "${k}"${hint ? ` (did you mean "${hint}"?)` : ""}; known fields: ${known.join(", ")}`,
    );
  }
}

/** A value as a message shows it: JSON, except YAML's .nan and .inf, which JSON would turn into null. */
export function shown(v: unknown): string {
  if (v === undefined) return "nothing"; // (a required field left out: never JavaScript's "undefined")
  if (typeof v === "number" && !Number.isFinite(v))
    return Number.isNaN(v) ? ".nan" : v > 0 ? ".inf" : "-.inf";
  return JSON.stringify(v);
}
