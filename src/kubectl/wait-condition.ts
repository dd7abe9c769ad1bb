import { parseGoDuration, parseGoDurationNs } from "../models/api/go-duration.js";
import type { JobRecord } from "../models/objects.js";
import {
  asApiJson,
  checkWaitJsonPath,
  JsonPathError,
  parseWaitJsonPath,
  type WaitJsonPath,
} from "./jsonpath.js";

/**
 * `kubectl wait --for=...` conditions (staging/src/k8s.io/kubectl/pkg/cmd/wait): `delete`;
 * `create` (wait-create.ts);
 * `condition=<type>[=<status>]` (status True when omitted; types and statuses compare
 * case-insensitively); `jsonpath='{expr}'[=value]` (jsonpath-wait.ts: met when the expression
 * gives exactly one value equal to `value`, or any one value when none is given).
 */

export type WaitCondition =
  | { kind: "delete" }
  | { kind: "create" }
  | { kind: "condition"; type: string; status: string }
  | { kind: "jsonpath"; jsonPath: WaitJsonPath };

export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;

/** A negative --timeout means "a week" (wait.go ToOptions: 168 * time.Hour). */
const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * kubectl wait's --timeout (a time.Duration, in nanoseconds) as jobsim waits it: only exactly
 * zero checks once (condition.go getObjAndCheckCondition, delete.go IsDeleted: `o.Timeout ==
 * 0`), any negative duration is a week, and a positive one under half a millisecond is a wait of
 * 0 ms — it runs out before the watch syncs. Or pflag's reason for refusing the text.
 */
export function waitTimeout(text: string | undefined): { timeoutMs: number; checkOnce: boolean } | string {
  if (text === undefined) return { timeoutMs: DEFAULT_WAIT_TIMEOUT_MS, checkOnce: false };
  const ns = parseGoDurationNs(text);
  if (typeof ns === "string") return ns;
  if (ns === 0n) return { timeoutMs: 0, checkOnce: true };
  if (ns < 0n) return { timeoutMs: WEEK_MS, checkOnce: false };
  const ms = parseGoDuration(text);
  return { timeoutMs: typeof ms === "number" ? ms : 0, checkOnce: false };
}

export function parseFor(value: string | undefined): WaitCondition | string {
  // No --for is the flag's default, "", which no case matches (wait.go conditionFuncFor).
  if (value === undefined) return 'error: unrecognized condition: ""';
  // conditionFuncFor (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go): "delete" is compared
  // lower-cased, while the "condition=" and "jsonpath=" prefixes are matched as written
  // (strings.HasPrefix), so `--for=Condition=complete` is an unrecognized condition.
  if (value.toLowerCase() === "delete") return { kind: "delete" };
  // kubectl 1.31+ (wait.go conditionFuncFor; create.go): compared lower-cased too.
  if (value.toLowerCase() === "create") return { kind: "create" };
  if (value.startsWith("condition=")) {
    const rest = value.slice("condition=".length);
    const eq = rest.indexOf("=");
    const type = eq >= 0 ? rest.slice(0, eq) : rest;
    const status = eq >= 0 ? rest.slice(eq + 1) : "True";
    // (An empty type is taken as it is: no condition has it, so the wait runs out.)
    return { kind: "condition", type, status };
  }
  if (value.startsWith("jsonpath=")) {
    const parsed = parseWaitJsonPath(value.slice("jsonpath=".length));
    return parsed instanceof JsonPathError
      ? `error: ${parsed.message}`
      : { kind: "jsonpath", jsonPath: parsed };
  }
  return `error: unrecognized condition: "${value}"`;
}

/**
 * Whether a Job meets a condition: true, false (keep waiting), or the error that ends the wait
 * (a JSONPath that matches several values, or a nested object). `materialize` gives the Job as
 * `kubectl get -o json` prints it; only a JSONPath condition calls it.
 */
export function jobMeets(
  job: JobRecord,
  c: WaitCondition,
  materialize: (job: JobRecord) => unknown,
): boolean | JsonPathError {
  if (c.kind === "delete") return job.removed;
  if (c.kind === "create") return true; // IsCreated: the object was found
  if (c.kind === "jsonpath") return jsonPathMeets(c.jsonPath, materialize(job));
  const t = c.type.toLowerCase();
  const s = c.status.toLowerCase();
  return job.status.conditions.some((x) => x.type.toLowerCase() === t && x.status.toLowerCase() === s);
}

/** A JSONPath condition on an object (as the API returns it: marshalled to JSON first). */
export function jsonPathMeets(w: WaitJsonPath, object: unknown): boolean | JsonPathError {
  return checkWaitJsonPath(w, asApiJson(object));
}
