import type { JobRecord } from "../models/objects.js";

/**
 * `kubectl wait --for=...` conditions (staging/src/k8s.io/kubectl/pkg/cmd/wait): `delete`, or
 * `condition=<type>[=<status>]` (status True when omitted); types and statuses compare
 * case-insensitively.
 */

export interface WaitCondition {
  kind: "condition" | "delete";
  type: string;
  status: string;
}

export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;

export function parseFor(value: string | undefined): WaitCondition | string {
  if (value === undefined) return "error: --for must be specified";
  if (value === "delete") return { kind: "delete", type: "", status: "" };
  if (value.toLowerCase().startsWith("condition=")) {
    const rest = value.slice("condition=".length);
    const eq = rest.indexOf("=");
    const type = eq >= 0 ? rest.slice(0, eq) : rest;
    const status = eq >= 0 ? rest.slice(eq + 1) : "True";
    if (type === "") return `error: unrecognized condition: "${value}"`;
    return { kind: "condition", type, status };
  }
  if (value.startsWith("jsonpath="))
    return "error: jobsim does not evaluate --for=jsonpath yet; use --for=condition=<type>";
  return `error: unrecognized condition: "${value}"`;
}

export function jobMeets(job: JobRecord, c: WaitCondition): boolean {
  if (c.kind === "delete") return job.removed;
  const t = c.type.toLowerCase();
  const s = c.status.toLowerCase();
  return job.status.conditions.some((x) => x.type.toLowerCase() === t && x.status.toLowerCase() === s);
}
