import { parseGoDuration } from "../../models/api/go-duration.js";
import type { JobRecord, PodRecord } from "../../models/objects.js";
import { podConditions } from "../../models/pod-status.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { withFileTargets } from "../file-targets.js";
import type { JsonPathError } from "../jsonpath.js";
import { listJobs, listPods, namespaceOf, notFound, selectorOf } from "../lookup.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import {
  kindPrefix,
  MISSING_RESOURCE_ERROR,
  type ResourceError,
  type ResourceKind,
  resolveResourceArgs,
} from "../resources.js";
import {
  DEFAULT_WAIT_TIMEOUT_MS,
  jobMeets,
  jsonPathMeets,
  parseFor,
  type WaitCondition,
} from "../wait-condition.js";

/**
 * `kubectl wait --for=condition=<type>[=<status>]|--for=delete|--for=jsonpath='{expr}'[=value]
 * TYPE/NAME [--timeout=30s]`
 * (staging/src/k8s.io/kubectl/pkg/cmd/wait): lets simulated time pass until each object meets
 * the condition, then prints `<kind>/<name> condition met`; on timeout prints
 * `error: timed out waiting for the condition on <resource>/<name>` and exits 1.
 * Condition types and statuses compare case-insensitively, as kubectl does.
 */

/** A negative --timeout means "a week" in kubectl. */
const WEEK_MS = 7 * 24 * 3_600_000;

function podMeets(ctx: KubectlContext, pod: PodRecord, c: WaitCondition): boolean | JsonPathError {
  if (c.kind === "delete") return pod.removed;
  if (c.kind === "jsonpath") return jsonPathMeets(c.jsonPath, ctx.materializer.pod(pod));
  const t = c.type.toLowerCase();
  const s = c.status.toLowerCase();
  return podConditions(pod).some(([type, status]) => type.toLowerCase() === t && status.toLowerCase() === s);
}

export function waitCommand(ctx: KubectlContext, input: KubectlCommand): CommandResult {
  const cmd = withFileTargets(input, ctx.manifests);
  if (typeof cmd === "string") return fail(cmd);
  const cond = parseFor(flag(cmd, "for"));
  if (typeof cond === "string") return fail(cond);
  const timeoutText = flag(cmd, "timeout");
  let timeoutMs = DEFAULT_WAIT_TIMEOUT_MS;
  // --timeout=0 checks once (condition.go getObjAndCheckCondition, delete.go IsDeleted: "If
  // timeout is zero ... check once") and says `condition not met for <resource>/<name>`.
  let checkOnce = false;
  if (timeoutText !== undefined) {
    const t = parseGoDuration(timeoutText);
    if (typeof t === "string")
      return fail(`error: invalid argument "${timeoutText}" for "--timeout" flag: ${t}`);
    timeoutMs = t < 0 ? WEEK_MS : t;
    checkOnce = t === 0;
  }
  const ns = namespaceOf(cmd);
  const sel = selectorOf(cmd);
  // A check that fails (a JSONPath matching several values) ends the wait with its message.
  let failed: JsonPathError | null = null;
  const check = (r: boolean | JsonPathError): boolean => {
    if (typeof r === "boolean") return r;
    failed = r;
    return true;
  };
  const materializeJob = (j: JobRecord) => ctx.materializer.job(j);
  type Target = { kind: ResourceKind; name: string; meets: () => boolean };
  const targets: Target[] = [];
  let args: ReturnType<typeof resolveResourceArgs>;
  try {
    if (cmd.positionals.length === 0) return fail(MISSING_RESOURCE_ERROR);
    args = resolveResourceArgs(cmd.positionals);
  } catch (e) {
    return fail((e as ResourceError).message);
  }
  const kind = args.kinds[0];
  if (kind !== "jobs" && kind !== "pods") return fail(`error: jobsim's kubectl wait supports jobs and pods`);
  // wait.go RunWait: with --for=delete, NotFound is ignored (the visitor's IgnoreErrors) and no
  // match at all is success; any other condition needs every object and at least one.
  if (args.named.length > 0) {
    for (const n of args.named) {
      if (n.kind === "jobs") {
        const job = ctx.cluster.store.findJob(ns, n.name);
        if (job === undefined) {
          if (cond.kind === "delete") continue;
          return fail(notFound("jobs", n.name));
        }
        targets.push({ kind: "jobs", name: n.name, meets: () => check(jobMeets(job, cond, materializeJob)) });
      } else {
        const pod = ctx.cluster.store.findPod(ns, n.name);
        if (pod === undefined) {
          if (cond.kind === "delete") continue;
          return fail(notFound("pods", n.name));
        }
        targets.push({ kind: "pods", name: n.name, meets: () => check(podMeets(ctx, pod, cond)) });
      }
    }
  } else if (sel !== null || boolFlag(cmd, "all")) {
    if (kind === "jobs")
      for (const j of listJobs(ctx.cluster.store, ns, sel))
        targets.push({ kind, name: j.name, meets: () => check(jobMeets(j, cond, materializeJob)) });
    else
      for (const p of listPods(ctx.cluster.store, ns, sel))
        targets.push({ kind, name: p.name, meets: () => check(podMeets(ctx, p, cond)) });
    if (targets.length === 0 && cond.kind !== "delete") return fail("error: no matching resources found");
  } else {
    return fail("error: resource name may not be empty");
  }
  let stdout = "";
  const deadline = ctx.cluster.sim.now + timeoutMs;
  for (const t of targets) {
    const left = Math.max(0, deadline - ctx.cluster.sim.now);
    const met = t.meets() || (!checkOnce && ctx.waitUntil(t.meets, left));
    if (failed !== null)
      return { stdout, stderr: `error: ${(failed as JsonPathError).message}\n`, exitCode: 1 };
    if (!met && checkOnce)
      return { stdout, stderr: `error: condition not met for ${t.kind}/${t.name}\n`, exitCode: 1 };
    if (!met) {
      return {
        stdout,
        stderr: `error: timed out waiting for the condition on ${t.kind}/${t.name}\n`,
        exitCode: 1,
      };
    }
    stdout += `${kindPrefix(t.kind)}/${t.name} condition met\n`;
  }
  return { stdout, stderr: "", exitCode: 0 };
}
