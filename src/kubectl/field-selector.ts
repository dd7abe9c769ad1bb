import type { ResourceKind } from "./resources.js";

/**
 * `--field-selector`, as the API server applies it to a list or watch:
 * - parsing: apimachinery pkg/fields/selector.go `ParseSelector` — terms split on unescaped
 *   `,`, each on its first `!=`, `==` or `=` (termOperators, tried in that order at each
 *   position); `\` escapes `\`, `,` and `=` in values (`UnescapeValue`); an empty selector
 *   selects everything;
 * - the fields each kind may be selected by: the field-label conversion funcs the API server
 *   checks first (pkg/apis/core/v1/conversion.go for Pod, Node, Namespace and Event,
 *   pkg/apis/batch/v1/conversion.go for Job), whose refusal is "field label not supported:
 *   <field>"; `spec.host` is the old name of `spec.nodeName`;
 * - the values: each registry's ToSelectableFields (pkg/registry/core/pod/strategy.go
 *   `PodToSelectableFields`, pkg/registry/core/event/strategy.go `ToSelectableFields` with
 *   `source` = source.component, else reportingController; pkg/registry/batch/job/strategy.go
 *   `JobToSelectableFields` with `status.successful` = status.succeeded; node and namespace
 *   strategies), plus metadata.name and, for namespaced kinds, metadata.namespace.
 * kubectl sends the selector as it is; cli-runtime pkg/resource/helper.go `EnhanceListError`
 * wraps the server's BadRequest: `Unable to find "<group>/<version>, Resource=<resource>"
 * that match label selector "<l>", field selector "<f>": <message>`.
 */

export interface FieldRequirement {
  field: string;
  op: "=" | "!=";
  value: string;
}

const FIELDS: Record<ResourceKind, readonly string[]> = {
  pods: [
    "metadata.name",
    "metadata.namespace",
    "spec.nodeName",
    "spec.restartPolicy",
    "spec.schedulerName",
    "spec.serviceAccountName",
    "spec.hostNetwork",
    "status.phase",
    "status.podIP",
    "status.nominatedNodeName",
  ],
  jobs: ["metadata.name", "metadata.namespace", "status.successful"],
  events: [
    "metadata.name",
    "metadata.namespace",
    "involvedObject.kind",
    "involvedObject.namespace",
    "involvedObject.name",
    "involvedObject.uid",
    "involvedObject.apiVersion",
    "involvedObject.resourceVersion",
    "involvedObject.fieldPath",
    "reason",
    "reportingComponent",
    "source",
    "type",
  ],
  nodes: ["metadata.name", "spec.unschedulable"],
  namespaces: ["metadata.name", "status.phase"],
};

/** `GroupVersionResource.String()` of each kind, as EnhanceListError names it. */
export const GROUP_VERSION_RESOURCE: Record<ResourceKind, string> = {
  pods: "/v1, Resource=pods",
  jobs: "batch/v1, Resource=jobs",
  events: "/v1, Resource=events",
  nodes: "/v1, Resource=nodes",
  namespaces: "/v1, Resource=namespaces",
};

/** The selector's requirements, or ParseSelector's error message. */
export function parseFieldSelector(text: string): FieldRequirement[] | string {
  const reqs: FieldRequirement[] = [];
  if (text === "") return reqs;
  // parseSelector sorts the terms before reading them: the first bad term in sorted order is
  // the one named, and the requirements (so the first unsupported field) come in that order.
  for (const part of splitTerms(text).sort(byteOrder)) {
    if (part === "") continue;
    const term = splitTerm(part);
    if (term === null) return `invalid selector: '${text}'; can't understand '${part}'`;
    const value = unescapeValue(term.rhs);
    if (value.error !== undefined) return value.error;
    reqs.push({ field: term.lhs, op: term.op === "!=" ? "!=" : "=", value: value.text });
  }
  return reqs;
}

/** Go's string order (sort.StringSlice): by UTF-8 bytes, which code points order alike. */
function byteOrder(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
  }
  return x.length - y.length;
}

function splitTerms(text: string): string[] {
  const terms: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\\" && i + 1 < text.length) {
      current += c + text[++i];
    } else if (c === ",") {
      terms.push(current);
      current = "";
    } else current += c;
  }
  terms.push(current);
  return terms;
}

function splitTerm(term: string): { lhs: string; op: string; rhs: string } | null {
  for (let i = 0; i < term.length; i++) {
    for (const op of ["!=", "==", "="]) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return null;
}

/**
 * UnescapeValue: the value, or its error (InvalidEscapeSequence, UnescapedRune — whose `%v` of
 * a rune prints its number: `=` is 61, `,` is 44).
 */
function unescapeValue(s: string): { text: string; error?: undefined } | { text?: undefined; error: string } {
  let out = "";
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === "\\") {
      const next = chars[i + 1];
      if (next === undefined) return { error: "invalid field selector: invalid escape sequence: \\" };
      if (next !== "\\" && next !== "," && next !== "=")
        return { error: `invalid field selector: invalid escape sequence: \\${next}` };
      out += next;
      i++;
    } else if (c === "," || c === "=")
      return { error: `invalid field selector: unescaped character in value: ${c.codePointAt(0)}` };
    else out += c;
  }
  return { text: out };
}

/**
 * The API server's refusal of a field the kind cannot be selected by (the BadRequest text as
 * kubectl prints it), or null when every field is supported.
 */
export function unsupportedFieldError(
  kind: ResourceKind,
  reqs: FieldRequirement[],
  labelSelector: string,
  fieldSelector: string,
): string | null {
  for (const r of reqs) {
    if (FIELDS[kind].includes(r.field) || (kind === "pods" && r.field === "spec.host")) continue;
    return `Error from server (BadRequest): Unable to find "${GROUP_VERSION_RESOURCE[kind]}" that match label selector "${labelSelector}", field selector "${fieldSelector}": field label not supported: ${r.field}\n`;
  }
  return null;
}

/** The selectable fields of one API object (as materialized) of `kind`. */
export function selectableFields(kind: ResourceKind, obj: unknown): Record<string, string> {
  // biome-ignore lint/suspicious/noExplicitAny: API JSON read field by field.
  const o = obj as any;
  const s = (v: unknown) => (v === undefined || v === null ? "" : String(v));
  const meta: Record<string, string> = { "metadata.name": s(o.metadata?.name) };
  if (kind !== "nodes" && kind !== "namespaces") meta["metadata.namespace"] = s(o.metadata?.namespace);
  switch (kind) {
    case "pods":
      return {
        ...meta,
        "spec.nodeName": s(o.spec?.nodeName),
        "spec.restartPolicy": s(o.spec?.restartPolicy),
        "spec.schedulerName": s(o.spec?.schedulerName),
        "spec.serviceAccountName": s(o.spec?.serviceAccountName),
        "spec.hostNetwork": String(o.spec?.hostNetwork === true),
        "status.phase": s(o.status?.phase),
        "status.podIP": s(o.status?.podIP),
        "status.nominatedNodeName": s(o.status?.nominatedNodeName),
      };
    case "jobs":
      return { ...meta, "status.successful": String(o.status?.succeeded ?? 0) };
    case "events": {
      const io = o.involvedObject ?? {};
      return {
        ...meta,
        "involvedObject.kind": s(io.kind),
        "involvedObject.namespace": s(io.namespace),
        "involvedObject.name": s(io.name),
        "involvedObject.uid": s(io.uid),
        "involvedObject.apiVersion": s(io.apiVersion),
        "involvedObject.resourceVersion": s(io.resourceVersion),
        "involvedObject.fieldPath": s(io.fieldPath),
        reason: s(o.reason),
        reportingComponent: s(o.reportingComponent),
        source: s(o.source?.component) || s(o.reportingComponent),
        type: s(o.type),
      };
    }
    case "nodes":
      return { ...meta, "spec.unschedulable": String(o.spec?.unschedulable === true) };
    default:
      return { ...meta, "status.phase": s(o.status?.phase) };
  }
}

/** Whether the fields satisfy every requirement (`spec.host` read as `spec.nodeName`). */
export function matchesFields(fields: Record<string, string>, reqs: FieldRequirement[]): boolean {
  return reqs.every((r) => {
    const v = fields[r.field === "spec.host" ? "spec.nodeName" : r.field] ?? "";
    return r.op === "=" ? v === r.value : v !== r.value;
  });
}
