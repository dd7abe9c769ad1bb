/**
 * Label selectors as describe prints them (`Selector:` of a job, topology spread constraints).
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/apimachinery/pkg/labels/selector.go` (`Requirement.String`, `internalSelector.String`) and
 * `pkg/apis/meta/v1/helpers.go` (`LabelSelectorAsSelector`, `FormatLabelSelector`).
 */
import type { LabelSelector } from "kubernetes-types/meta/v1.js";
import { goSort, goSortStrings, goStringLess } from "./go-sort.js";

/** `metav1.LabelSelectorAsSelector(s).String()`: requirements sorted by key; "" for a nil or empty selector. */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  if (selector === undefined || selector === null) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
    reqs.push({ key, text: `${key}=${value}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = goSortStrings([...new Set(e.values ?? [])]).join(",");
    switch (e.operator) {
      case "In":
        reqs.push({ key: e.key, text: `${e.key} in (${values})` });
        break;
      case "NotIn":
        reqs.push({ key: e.key, text: `${e.key} notin (${values})` });
        break;
      case "Exists":
        reqs.push({ key: e.key, text: e.key });
        break;
      case "DoesNotExist":
        reqs.push({ key: e.key, text: `!${e.key}` });
        break;
      default:
        reqs.push({ key: e.key, text: `${e.key} ${e.operator} (${values})` });
    }
  }
  return goSort(reqs, (a, b) => goStringLess(a.key, b.key))
    .map((r) => r.text)
    .join(",");
}

/** `metav1.FormatLabelSelector`: the selector string, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = labelSelectorString(selector);
  return s === "" ? "<none>" : s;
}
