import { goSort } from "../describe/go-sort.js";
import { asApiJson, findRaw, JsonPathError, type JsonPathTemplate, parseJsonPath } from "../jsonpath.js";
import { relaxedJsonPathExpression } from "../jsonpath-wait.js";

/**
 * `kubectl get --sort-by=FIELD` (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go):
 * - the field is a relaxed JSONPath (`.metadata.name`, `{.metadata.name}`), evaluated with
 *   missing keys allowed on each object as JSON (unstructured: integers are int64, other
 *   numbers float64, timestamps strings);
 * - a field no object has is an error: `couldn't find any field with path "<relaxed>" in the
 *   list of objects` (SortObjects, NewTableSorter);
 * - Less (RuntimeSort.Less, TableSorter.Less): an object without the field sorts first; else
 *   isLess on the first value: int64 with int64 and float64 with float64 numerically; two
 *   strings that both parse as resource quantities by value, other strings by
 *   sortorder.NaturalLess (github.com/fvbommel/sortorder: digit runs compared as numbers);
 *   null before anything; any other pairing is "unsortable" (kubectl exits through klog);
 * - Go's sort.Sort (pdqsort, unstable above 12 items: go-sort.ts).
 */

export class SortError extends Error {}

/** An unsortable pair: kubectl exits through klog.Exitf, which jobsim does not reproduce. */
export class UnsortableError extends Error {}

export interface SortField {
  /** The relaxed expression (`{.metadata.name}`), as errors quote it. */
  field: string;
  template: JsonPathTemplate;
}

/**
 * The field for SortObjects (errors from RelaxedJSONPathExpression and the JSONPath parser
 * are kubectl's). SortingPrinter's table path falls back to the raw text when relaxing fails;
 * `relaxedOrRaw` selects that.
 */
export function sortField(sortBy: string, relaxedOrRaw = false): SortField | SortError {
  let field = relaxedJsonPathExpression(sortBy);
  if (field instanceof JsonPathError) {
    if (!relaxedOrRaw) return new SortError(field.message);
    field = sortBy;
  }
  const template = parseJsonPath(field);
  if (template instanceof JsonPathError) return new SortError(template.message);
  return { field, template };
}

type Value = { v: unknown } | null;

function firstValue(f: SortField, obj: unknown): Value {
  let results: unknown[][];
  try {
    results = findRaw(f.template, asApiJson(obj), { allowMissingKeys: true });
  } catch {
    return null;
  }
  if (results.length === 0 || results[0].length === 0) return null;
  return { v: results[0][0] };
}

/**
 * Sorts `objects` (API objects, or anything `key` maps to one) by the field, as sort.Sort with
 * RuntimeSort.Less does. Returns the sorted copy, or the error kubectl reports.
 */
export function sortByField<T>(items: T[], f: SortField, obj: (item: T) => unknown): T[] | SortError {
  const values = items.map((item) => ({ item, value: firstValue(f, obj(item)) }));
  if (!values.some((x) => x.value !== null))
    return new SortError(`couldn't find any field with path "${f.field}" in the list of objects`);
  goSort(values, (a, b) => {
    if (a.value === null) return true;
    if (b.value === null) return false;
    return isLess(a.value.v, b.value.v);
  });
  return values.map((x) => x.item);
}

function goKind(v: unknown): string {
  if (v === null || v === undefined) return "nil";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}

/** sorter.go isLess for two values of an unstructured object (reflect.Interface). */
function isLess(i: unknown, j: unknown): boolean {
  const ki = goKind(i);
  const kj = goKind(j);
  if (ki === "nil" && kj === "nil") return false;
  if (ki === "nil") return true;
  if (kj === "nil") return false;
  switch (ki) {
    case "int64":
    case "float64":
      if (kj === ki) return (i as number) < (j as number);
      break;
    case "string": {
      if (kj !== "string") break;
      const qi = parseQuantity(i as string);
      const qj = qi === null ? null : parseQuantity(j as string);
      if (qi !== null && qj !== null) return qi < qj;
      return naturalLess(i as string, j as string);
    }
    default:
      throw new UnsortableError(`unsortable type: ${ki}`);
  }
  throw new UnsortableError("unsortable interface: interface");
}

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

/** fvbommel/sortorder NaturalLess, on UTF-8 bytes as Go compares them. */
export function naturalLess(s1: string, s2: string): boolean {
  const a = Buffer.from(s1, "utf8");
  const b = Buffer.from(s2, "utf8");
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const c1 = a[i];
    const c2 = b[j];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1; // digits before other characters
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < a.length && a[i] === 0x30) i++;
    while (j < b.length && b[j] === 0x30) j++;
    const nz1 = i;
    const nz2 = j;
    while (i < a.length && isDigit(a[i])) i++;
    while (j < b.length && isDigit(b[j])) j++;
    if (i - nz1 !== j - nz2) return i - nz1 < j - nz2;
    const n1 = a.subarray(nz1, i).toString("latin1");
    const n2 = b.subarray(nz2, j).toString("latin1");
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2; // fewer leading zeros first
  }
  return a.length < b.length;
}

const SUFFIXES: Record<string, number> = {
  "": 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/**
 * apimachinery pkg/api/resource `ParseQuantity`, for comparison only: a signed decimal and an
 * optional binary-SI, decimal-SI or exponent suffix ("100m", "2Gi", "1e3", "5"); null when the
 * text is not a quantity.
 */
export function parseQuantity(s: string): number | null {
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(.*)$/.exec(s);
  if (m === null) return null;
  const n = Number(m[1]);
  const suffix = m[2];
  if (suffix in SUFFIXES) return n * SUFFIXES[suffix];
  const e = /^[eE]([+-]?[0-9]+)$/.exec(suffix);
  return e === null ? null : n * 10 ** Number(e[1]);
}
