import type { NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from "kubernetes-types/core/v1.js";

/**
 * The NodeAffinity scheduler plugin's view of a pod (pkg/scheduler/framework/plugins/nodeaffinity,
 * matching from k8s.io/component-helpers/scheduling/corev1/nodeaffinity):
 * - Filter: the node matches the pod's nodeSelector (every label equal) and, when set, its
 *   requiredDuringSchedulingIgnoredDuringExecution terms — the terms ORed, within a term every
 *   matchExpression (on labels) and matchField (on metadata.name) ANDed; a term with neither
 *   matches no node. A mismatch is "node(s) didn't match Pod's node affinity/selector".
 * - Score: the sum of the weights of the preferredDuringSchedulingIgnoredDuringExecution terms
 *   the node matches, then normalized over the feasible nodes to 0–100 (the highest sum gets
 *   100; all 0 stay 0), counted twice (the plugin's weight in the default profile).
 */

/** node_affinity.go errReasonConflict: the PreFilter's reason when the names' terms conflict. */
export const NODE_AFFINITY_CONFLICT = "pod affinity terms conflict";

/** The NodeAffinity plugin's weight in the default scheduler profile. */
export const NODE_AFFINITY_SCORE_WEIGHT = 2;
export const MAX_NODE_SCORE = 100;

interface NodeView {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The Filter: nodeSelector and the required terms. */
export function matchesNodeAffinity(spec: PodSpec, node: NodeView): boolean {
  const sel = spec.nodeSelector;
  if (sel !== undefined) for (const k in sel) if (node.labels[k] !== sel[k]) return false;
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms === null) return true;
  for (const t of terms) if (termMatches(t, node)) return true;
  return false;
}

/**
 * The NodeAffinity PreFilter's node names: when every required term has a `metadata.name In`
 * matchField, the union over the terms of each term's intersection of those values; null when
 * some term has none (all nodes pass to Filter). An empty set is the PreFilter's rejection,
 * "pod affinity terms conflict" (NODE_AFFINITY_CONFLICT). Nodes outside a set get
 * "node(s) didn't satisfy plugin(s) [NodeAffinity]" (schedule_one.go findNodesThatFitPod).
 */
export function preFilterNodeNames(spec: PodSpec): Set<string> | null {
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined || terms === null || terms.length === 0) return null;
  const names = new Set<string>();
  for (const t of terms) {
    let termNames: string[] | null = null;
    for (const r of t.matchFields ?? []) {
      if (r.key !== "metadata.name" || r.operator !== "In") continue;
      const values: string[] = r.values ?? [];
      termNames = termNames === null ? values : termNames.filter((v) => values.includes(v));
    }
    if (termNames === null) return null;
    for (const n of termNames) names.add(n);
  }
  return names;
}

/** Whether the pod has preferred terms (the Score only then tells nodes apart). */
export function hasPreferredNodeAffinity(spec: PodSpec): boolean {
  const p = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return p !== undefined && p !== null && p.length > 0;
}

/** The Score before normalization: the weights of the preferred terms the node matches. */
export function preferredAffinityWeight(spec: PodSpec, node: NodeView): number {
  let sum = 0;
  for (const p of spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    // A preference of weight 0 is skipped (PreferredSchedulingTerms: `if term.Weight == 0`).
    if (p.weight !== 0 && termMatches(p.preference, node)) sum += p.weight;
  }
  return sum;
}

/** helper.DefaultNormalizeScore(MaxNodeScore, false, …) of one node's raw score. */
export function normalizedAffinityScore(raw: number, maxRaw: number): number {
  return maxRaw === 0 ? 0 : Math.trunc((MAX_NODE_SCORE * raw) / maxRaw);
}

function termMatches(term: NodeSelectorTerm, node: NodeView): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, node.labels[r.key])) return false;
  for (const r of fields) {
    // Only metadata.name is a node field a term may select on (validation refuses the rest).
    if (r.key !== "metadata.name" || !requirementMatches(r, node.name)) return false;
  }
  return true;
}

/** labels.Requirement.Matches for the operators a NodeSelectorRequirement may use. */
function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case "In":
      return value !== undefined && values.includes(value);
    case "NotIn":
      return value === undefined || !values.includes(value);
    case "Exists":
      return value !== undefined;
    case "DoesNotExist":
      return value === undefined;
    case "Gt":
    case "Lt": {
      if (value === undefined || values.length !== 1) return false;
      const have = parseGoInt64(value);
      const want = parseGoInt64(values[0]);
      if (have === null || want === null) return false;
      return r.operator === "Gt" ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** strconv.ParseInt(s, 10, 64), as labels.Requirement compares Gt/Lt values. */
function parseGoInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const v = BigInt(s);
  return v > 9223372036854775807n || v < -9223372036854775808n ? null : v;
}
