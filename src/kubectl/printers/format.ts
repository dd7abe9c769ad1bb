/**
 * Small formatting helpers shared by the `kubectl get` table printers, each a port of the Go function named beside
 * it. Upstream files (behaviour ported, no code copied):
 *  - kubernetes/kubernetes `pkg/printers/internalversion/printers.go` (`translateTimestampSince`,
 *    `translateMicroTimestampSince`, `layoutContainerCells`);
 *  - `staging/src/k8s.io/apimachinery/pkg/labels/labels.go` (`FormatLabels`, `Set.String`) and `selector.go`
 *    (`Requirement.String`, `internalSelector.String`, `ByKey`);
 *  - `staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go` (`LabelSelectorAsSelector`,
 *    `FormatLabelSelector`).
 */
import type { Container } from "kubernetes-types/core/v1.js";
import type { LabelSelector } from "kubernetes-types/meta/v1.js";
import { parseApiTime, timestampSince } from "../describe/writer.js";

export { goTrimSpace } from "../describe/writer.js";

/** `translateTimestampSince` / `translateMicroTimestampSince`: `<unknown>` for a zero (absent) time, else its
 * HumanDuration age at `nowMs`. */
export function since(value: string | null | undefined, nowMs: number): string {
  return timestampSince(value, nowMs);
}

/** Epoch ms of an API timestamp, or null for Go's zero time (absent, null, empty, 0001-01-01T00:00:00Z). */
export function apiTime(value: string | null | undefined): number | null {
  return parseApiTime(value);
}

/** Go's `strings.Compare` / `<` on strings: byte-wise on the UTF-8 encoding. */
export function goStringCompare(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Go's `sort.Strings` (a copy). */
export function goSortStrings(values: readonly string[]): string[] {
  return [...values].sort(goStringCompare);
}

/** `labels.FormatLabels`: `k=v` pairs sorted by key, joined with `,`; `<none>` when there are none. */
export function formatLabels(labels: Readonly<Record<string, string>> | null | undefined): string {
  const keys = goSortStrings(Object.keys(labels ?? {}));
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

interface Requirement {
  key: string;
  operator: "=" | "in" | "notin" | "exists" | "!";
  values: string[];
}

function requirementString(r: Requirement): string {
  switch (r.operator) {
    case "exists":
      return r.key;
    case "!":
      return `!${r.key}`;
    case "=":
      return `${r.key}=${r.values.length === 1 ? r.values[0] : goSortStrings(r.values).join(",")}`;
    default: {
      const vals = r.values.length === 1 ? r.values[0] : goSortStrings(r.values).join(",");
      return `${r.key} ${r.operator} (${vals})`;
    }
  }
}

/**
 * `metav1.FormatLabelSelector`: the selector in label-query form (`a=b,c in (d,e),!f`), requirements sorted by key;
 * `<none>` for a nil or empty selector (Nothing/Everything print as ""), `<error>` for an unknown operator.
 */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  if (selector === null || selector === undefined) return "<none>";
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, operator: "=", values: [value] });
  }
  for (const e of selector.matchExpressions ?? []) {
    const op =
      e.operator === "In"
        ? "in"
        : e.operator === "NotIn"
          ? "notin"
          : e.operator === "Exists"
            ? "exists"
            : e.operator === "DoesNotExist"
              ? "!"
              : null;
    if (op === null) return "<error>";
    reqs.push({ key: e.key, operator: op, values: [...(e.values ?? [])] });
  }
  // selector.Add sorts by key (sort.Sort(ByKey)); a stable sort keeps matchLabels before expressions on a tie.
  reqs.sort((a, b) => goStringCompare(a.key, b.key));
  const s = reqs.map(requirementString).join(",");
  return s === "" ? "<none>" : s;
}

/** `layoutContainerCells`: container names and images, each joined with `,`. */
export function layoutContainerCells(containers: readonly Container[] | null | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? "").join(","), list.map((c) => c.image ?? "").join(",")];
}
