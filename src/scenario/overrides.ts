import { STRUCTS } from "../models/api/schema.generated.js";
import { closest } from "./problems.js";

/**
 * `--set PATH=VALUES` for sweeps: a numeric field of every Job's spec (`spec.backoffLimit`,
 * `spec.template.spec.terminationGracePeriodSeconds`) or of an image's behaviour
 * (`images.<image>.runSeconds`, `images.<image>.runSeconds.lognormal.median`,
 * `images.<image>.outcomes[0].probability` — with two outcomes the other one becomes 1 − v).
 * VALUES: `0..15` (integers, inclusive), `0..1:0.1` (with a step), `1,2,5`, or one value.
 */

export interface Override {
  path: string;
  value: number;
}

export class OverrideError extends Error {}

/** Parses "a..b", "a..b:step", "x,y,z" or "x". */
export function parseValues(text: string): number[] {
  const range = /^(-?[\d.]+)\.\.(-?[\d.]+)(?::(-?[\d.]+))?$/.exec(text.trim());
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    const step = range[3] === undefined ? 1 : Number(range[3]);
    if (!Number.isFinite(a) || !Number.isFinite(b) || !(step > 0))
      throw new OverrideError(`"${text}" is not a range: expected a..b or a..b:step with step > 0`);
    if (b < a) throw new OverrideError(`"${text}": the range ends before it starts`);
    const out: number[] = [];
    const n = Math.floor((b - a) / step + 1e-9);
    if (n > 10_000) throw new OverrideError(`"${text}" has ${n + 1} values; a sweep takes at most 10001`);
    for (let i = 0; i <= n; i++) out.push(Number((a + i * step).toPrecision(12)));
    return out;
  }
  const list = text.split(",").map((s) => s.trim());
  const values = list.map(Number);
  if (list.some((s) => s === "") || values.some((v) => !Number.isFinite(v))) {
    throw new OverrideError(`"${text}" is not a number, a list (1,2,5) or a range (0..15, 0..1:0.1)`);
  }
  const twice = values.find((v, i) => values.indexOf(v) !== i);
  if (twice !== undefined) throw new OverrideError(`"${text}" lists ${twice} twice: give each value once`);
  return values;
}

/** Splits `PATH=VALUES`. */
export function parseSet(text: string): { path: string; values: number[] } {
  const eq = text.lastIndexOf("=");
  // As `--csv` without a file is "--csv needs a file name" (cli/output-checks.ts).
  if (text.trim() === "") throw new OverrideError("--set needs PATH=VALUES, e.g. spec.backoffLimit=0..15");
  if (eq <= 0) throw new OverrideError(`--set ${text}: expected PATH=VALUES, e.g. spec.backoffLimit=0..15`);
  const path = text.slice(0, eq).trim();
  try {
    return { path, values: parseValues(text.slice(eq + 1)) };
  } catch (e) {
    throw new OverrideError(`--set ${text}: ${(e as Error).message}`);
  }
}

/** Checks a `spec.` path against the Job API schema; returns the field's Go integer type. */
export function checkSpecPath(path: string): string {
  if (/\[\d*\]/.test(path))
    throw new OverrideError(
      `--set ${path}: a spec path takes no list index; sweeps set numeric fields outside lists (spec.backoffLimit, spec.template.spec.terminationGracePeriodSeconds, ...)`,
    );
  const parts = path.split(".");
  let struct = "Job";
  for (let i = 0; i < parts.length; i++) {
    const fields = STRUCTS[struct];
    const kind = fields?.[parts[i]];
    if (kind === undefined) {
      const hint = fields ? closest(parts[i], Object.keys(fields)) : null;
      throw new OverrideError(
        `--set ${path}: unknown field "${parts[i]}" in ${struct}${hint ? ` (did you mean "${hint}"?)` : ""}`,
      );
    }
    if (i === parts.length - 1) {
      if (kind.k !== "integer")
        throw new OverrideError(`--set ${path}: ${parts[i]} is not a numeric field (it is ${kind.k})`);
      return kind.go;
    }
    if (kind.k !== "object") throw new OverrideError(`--set ${path}: ${parts[i]} is not an object field`);
    struct = kind.ref;
  }
  throw new OverrideError(`--set ${path}: expected a field path such as spec.backoffLimit`);
}

type Tree = Record<string, unknown>;

function isTree(v: unknown): v is Tree {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Splits "a.b[0].c" into keys and indexes. */
function segments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) throw new OverrideError(`bad path segment "${part}"`);
    // `outcomes.0` is `outcomes[0]`: an index written as a key.
    if (/^\d+$/.test(m[1])) out.push(Number(m[1]));
    else if (m[1] !== "") out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** Segments back as a path: keys joined by ".", indexes as [i]. */
function pathText(segs: (string | number)[]): string {
  return segs.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
}

/** Sets a number at `path` in a Job manifest (creating objects on the way). */
export function setInManifest(obj: Tree, path: string, value: number): void {
  const segs = segments(path);
  let node: Tree = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const k = String(segs[i]);
    if (!isTree(node[k])) node[k] = {};
    node = node[k] as Tree;
  }
  node[String(segs[segs.length - 1])] = value;
}

/** Sets a number in the raw `images:` section of a scenario. */
export function setInImages(images: Tree, path: string, value: number): void {
  const rest = path.slice("images.".length);
  const key = Object.keys(images)
    .filter((k) => rest.startsWith(`${k}.`))
    .sort((a, b) => b.length - a.length)[0];
  if (key === undefined)
    throw new OverrideError(
      `--set ${path}: the path names no image of the scenario (its images: ${Object.keys(images).join(", ")})`,
    );
  const segs = segments(rest.slice(key.length + 1));
  if (!isTree(images[key])) images[key] = {};
  let node: unknown = images[key];
  for (let i = 0; i < segs.length; i++) {
    // A key into a list or an index into a mapping would set a property nothing reads, and the
    // sweep would run every value on the unchanged scenario.
    const k = segs[i];
    const here = pathText(segs.slice(0, i));
    if (Array.isArray(node) && typeof k !== "number")
      throw new OverrideError(
        `--set ${path}: ${here} is a list: name one element by its index, as in ${here}[0]`,
      );
    if (!Array.isArray(node) && typeof k === "number")
      throw new OverrideError(
        `--set ${path}: ${here || `images.${key}`} is not a list: [${k}] names nothing in it`,
      );
    const next = (node as Tree)[k as string];
    if (i === segs.length - 1 && !(Array.isArray(node) && next === undefined)) break;
    if (next === undefined || next === null || typeof next !== "object") {
      throw new OverrideError(
        `--set ${path}: ${pathText(segs.slice(0, i + 1))} does not exist in images.${key}`,
      );
    }
    node = next;
  }
  const last = segs[segs.length - 1];
  (node as Tree)[last as string] = value;
  const outcomes = (images[key] as Tree).outcomes;
  if (last === "probability" && Array.isArray(outcomes) && segs[0] === "outcomes" && segs.length === 3)
    shareTheRest(outcomes as Tree[], segs[1] as number, value);
}

/**
 * One outcome's probability moved: the others share the rest in their old proportions (with two
 * outcomes, the other simply takes 1 − p), so the sweep varies one probability and keeps the
 * relative weights of the rest. Others all at 0 are left for the scenario check to report.
 */
function shareTheRest(outcomes: Tree[], moved: number, value: number): void {
  const others = outcomes.filter((_, i) => i !== moved);
  if (others.length === 1) {
    others[0].probability = Number((1 - value).toPrecision(12));
    return;
  }
  const weights = others.map((o) => (typeof o.probability === "number" ? o.probability : 0));
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return;
  others.forEach((o, i) => {
    o.probability = Number((((1 - value) * weights[i]) / total).toPrecision(12));
  });
}
