import type { JobRecord, PodRecord } from "../../models/objects.js";
import { podConditions } from "../../models/pod-status.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { withFileTargets } from "../file-targets.js";
import type { JsonPathError } from "../jsonpath.js";
import { jobLabels, listJobs, listPods, namespaceOf, notFound, selectorOf } from "../lookup.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import {
  kindNotActedOn,
  kindPrefix,
  MISSING_RESOURCE_ERROR,
  type ResourceError,
  type ResourceKind,
  resolveResourceArgs,
} from "../resources.js";
import { jobMeets, jsonPathMeets, parseFor, type WaitCondition, waitTimeout } from "../wait-condition.js";
import { CREATE_TIMEOUT_ERROR, type Presence, pollUntilCreated } from "../wait-create.js";

/**
 * `kubectl wait --for=condition=<type>[=<status>]|--for=delete|--for=create|--for=jsonpath='{expr}'[=value]
 * TYPE/NAME [--timeout=30s]`
 * (staging/src/k8s.io/kubectl/pkg/cmd/wait): lets simulated time pass until each object meets
 * the condition, then prints `<kind>/<name> condition met`; on timeout prints
 * `error: timed out waiting for the condition on <resource>/<name>` and exits 1.
 * Condition types and statuses compare case-insensitively, as kubectl does.
 */

function podMeets(ctx: KubectlContext, pod: PodRecord, c: WaitCondition): boolean | JsonPathError {
  if (c.kind === "delete") return pod.removed;
  if (c.kind === "create") return true; // IsCreated: the object was found
  if (c.kind === "jsonpath") return jsonPathMeets(c.jsonPath, ctx.materializer.pod(pod));
  const t = c.type.toLowerCase();
  const s = c.status.toLowerCase();
  return podConditions(pod).some(([type, status]) => type.toLowerCase() === t && status.toLowerCase() === s);
}

/**
 * A check of one object, made again only once the object was written (a new resourceVersion):
 * the API shows an object as its last write left it, and a wait is tested after every simulated
 * event — a JSONPath check materializes the whole object, so testing it at each event made a
 * wait on pods or Jobs by JSONPath tens of times slower than the run it waits in. (A check that
 * fails, a JSONPath error, ends the wait at once, so its answer is never reused.)
 */
function sinceWrite(obj: { resourceVersion: number }, f: () => boolean): () => boolean {
  let version = -1;
  let met = false;
  return () => {
    if (obj.resourceVersion !== version) {
      version = obj.resourceVersion;
      met = f();
    }
    return met;
  };
}

export function waitCommand(ctx: KubectlContext, input: KubectlCommand): CommandResult {
  // --timeout is a duration flag: pflag refuses a value it cannot parse before the command runs
  // (before the files are read or --for is looked at), with the usage line kubectl's
  // FlagErrorFunc adds (pkg/util/templates/templater.go).
  // --timeout=0 checks once (condition.go getObjAndCheckCondition, delete.go IsDeleted: "If
  // timeout is zero ... check once") and says `condition not met for <resource>/<name>`.
  const timeoutText = flag(input, "timeout");
  const timeout = waitTimeout(timeoutText);
  if (typeof timeout === "string")
    return fail(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: ${timeout}\nSee 'kubectl wait --help' for usage.`,
    );
  const { timeoutMs, checkOnce } = timeout;
  // ToOptions reads --for (conditionFuncFor) before RunWait's builder reads any file.
  const cond = parseFor(flag(input, "for"));
  if (typeof cond === "string") return fail(cond);
  const cmd = withFileTargets(input, ctx.manifests);
  if (typeof cmd === "string") return fail(cmd);
  const fromFiles = cmd !== input;
  const ns = namespaceOf(cmd);
  // LabelSelectorParam trims the selector: a blank one is no selector.
  const hasSelector = (flag(cmd, "selector") ?? "").trim() !== "";
  const sel = hasSelector ? selectorOf(cmd) : null;
  // A check that fails (a JSONPath matching several values) ends the wait with its message.
  let failed: JsonPathError | null = null;
  const check = (r: boolean | JsonPathError): boolean => {
    if (typeof r === "boolean") return r;
    failed = r;
    return true;
  };
  const materializeJob = (j: JobRecord) => ctx.materializer.job(j);
  // `gone`: the object was deleted since the visit found it (a selector's list is taken once).
  type Target = { kind: ResourceKind; name: string; meets: () => boolean; gone: () => boolean };
  const jobTarget = (j: JobRecord): Target => ({
    kind: "jobs",
    name: j.name,
    meets: sinceWrite(j, () => check(jobMeets(j, cond, materializeJob))),
    gone: () => j.removed,
  });
  const podTarget = (p: PodRecord): Target => ({
    kind: "pods",
    name: p.name,
    meets: sinceWrite(p, () => check(podMeets(ctx, p, cond))),
    gone: () => p.removed,
  });
  let args: ReturnType<typeof resolveResourceArgs>;
  try {
    // cli-runtime builder.go visitorResult / visitBySelector, in their order. (ToBuilder calls
    // ResourceTypeOrNameArgs before LabelSelectorParam and no SelectAllParam: --all is an empty
    // selector for a lone type only, and names beside it are simply names.) The Jobs of -f
    // files are the builder's paths, which a selector filters instead (below).
    if (cmd.positionals.length === 0)
      return fail(
        hasSelector
          ? "error: at least one resource must be specified to use a selector"
          : MISSING_RESOURCE_ERROR,
      );
    args = resolveResourceArgs(cmd.positionals, cmd === input ? { selector: hasSelector } : {});
  } catch (e) {
    return fail((e as ResourceError).message);
  }
  const kind = args.kinds[0];
  const other = args.kinds.find((k) => k !== "jobs" && k !== "pods");
  if (other !== undefined) return fail(kindNotActedOn("wait", [other])!);
  const all = boolFlag(cmd, "all");
  if (args.named.length === 0 && sel === null && !all)
    return fail("error: resource(s) were provided, but no name was specified");
  // --for=create: RunWait polls the builder until it finds the objects, before the visit below.
  if (cond.kind === "create") {
    const polled = pollUntilCreated(
      ctx,
      () => presence(ctx, ns, kind, args.named, sel),
      checkOnce ? 0 : timeoutMs,
    );
    if (polled === "timeout") return fail(CREATE_TIMEOUT_ERROR);
    if (polled !== true)
      return fail(aggregateText(polled.errors.map((text) => ({ text, fromServer: true }))));
  }
  // The objects in the order the resource builder visits them. A named one is fetched at its
  // turn (after the waits before it): a NotFound error then, which --for=delete ignores
  // (RunWait's IgnoreErrors). A selector's list is one List per type, in the order the types
  // were given (visitBySelector), each taken at its turn: `jobs,pods --all` lists the pods once
  // the Jobs have been waited for.
  const visits: (() => Target | Target[] | string | null)[] = [];
  // RunWait: no object visited (and no error) is errNoMatchingResources, but for --for=delete.
  let visited = 0;
  if (args.named.length > 0) {
    for (const n of args.named)
      visits.push(() => {
        const found =
          n.kind === "jobs" ? ctx.cluster.store.findJob(ns, n.name) : ctx.cluster.store.findPod(ns, n.name);
        if (found === undefined) return cond.kind === "delete" ? null : notFound(n.kind, n.name).trimEnd();
        // visitByPaths: FilterByLabelSelector drops a file's object the selector does not match.
        if (fromFiles && sel !== null && !sel.matches(jobLabels(found as JobRecord))) return null;
        visited++;
        return n.kind === "jobs" ? jobTarget(found as JobRecord) : podTarget(found as PodRecord);
      });
  } else {
    for (const k of args.kinds)
      visits.push(() =>
        k === "jobs"
          ? listJobs(ctx.cluster.store, ns, sel).map(jobTarget)
          : listPods(ctx.cluster.store, ns, sel).map(podTarget),
      );
  }
  // The builder continues on error (ToBuilder: ContinueOnError unless StopOnFirstError): every
  // object is waited for in turn against one deadline (RunWait's context), and the errors are
  // gathered. Once the deadline has passed, a later object's wait cannot even sync: it times out.
  let stdout = "";
  const errors: { text: string; fromServer: boolean }[] = [];
  const deadline = ctx.cluster.sim.now + timeoutMs;
  while (visits.length > 0) {
    const t = visits.shift()!();
    if (t === null) continue;
    if (Array.isArray(t)) {
      visited += t.length;
      visits.unshift(...t.map((listed) => () => listed));
      continue;
    }
    if (typeof t === "string") {
      errors.push({ text: t, fromServer: true });
      continue;
    }
    failed = null;
    const left = deadline - ctx.cluster.sim.now;
    if (t.gone() && cond.kind !== "create") {
      const missing = goneAtTurn(t, cond.kind === "delete", checkOnce || left > 0);
      if (missing === null) stdout += `${kindPrefix(t.kind)}/${t.name} condition met\n`;
      else errors.push(missing);
      continue;
    }
    const met = checkOnce ? t.meets() : left > 0 && (t.meets() || ctx.waitUntil(t.meets, left));
    if (failed !== null) errors.push({ text: (failed as JsonPathError).message, fromServer: false });
    else if (met) stdout += `${kindPrefix(t.kind)}/${t.name} condition met\n`;
    else
      errors.push({
        text: checkOnce
          ? `condition not met for ${t.kind}/${t.name}`
          : `timed out waiting for the condition on ${t.kind}/${t.name}`,
        fromServer: false,
      });
  }
  if (errors.length === 0 && visited === 0 && cond.kind !== "delete")
    return fail("error: no matching resources found");
  if (errors.length === 0) return { stdout, stderr: "", exitCode: 0 };
  return { stdout, stderr: aggregateText(errors), exitCode: 1 };
}

/**
 * A listed object deleted before its turn (null: met). --for=delete: IsDeleted (delete.go) GETs
 * it first, and NotFound is met whatever the deadline. A condition or a JSONPath:
 * getObjAndCheckCondition (condition.go) GETs it once for --timeout=0, or lists and watches that
 * one name with watchtools.UntilWithSync, whose precondition answers apierrors.NewNotFound —
 * once the deadline has passed, the informer cannot even sync, which is the timeout error.
 */
function goneAtTurn(
  t: { kind: ResourceKind; name: string },
  forDelete: boolean,
  canSync: boolean,
): { text: string; fromServer: boolean } | null {
  if (forDelete) return null;
  if (!canSync)
    return { text: `timed out waiting for the condition on ${t.kind}/${t.name}`, fromServer: false };
  return { text: notFound(t.kind, t.name).trimEnd(), fromServer: true };
}

/**
 * cmdutil.CheckErr: one error as usual (`error: ` before a client-side one); several — an
 * aggregate — one per line as they are, with no prefix (MultipleErrors).
 */
function aggregateText(errors: { text: string; fromServer: boolean }[]): string {
  return errors.length === 1
    ? `${errors[0].fromServer ? "" : "error: "}${errors[0].text}\n`
    : errors.map((e) => `${e.text}\n`).join("");
}

/**
 * One look of --for=create's poll: the builder's visit (ContinueOnError) of the named objects
 * or of the selector's list. One NotFound is the visit's error as it is, and keeps the poll
 * going; several make an aggregate, which ends it.
 */
function presence(
  ctx: KubectlContext,
  ns: string,
  kind: ResourceKind,
  named: { kind: ResourceKind; name: string }[],
  sel: ReturnType<typeof selectorOf>,
): Presence {
  const store = ctx.cluster.store;
  if (named.length === 0)
    return (kind === "jobs" ? listJobs(store, ns, sel) : listPods(store, ns, sel)).length > 0
      ? "found"
      : "missing";
  const missing = named.filter((n) =>
    n.kind === "jobs" ? store.findJob(ns, n.name) === undefined : store.findPod(ns, n.name) === undefined,
  );
  if (missing.length === 0) return "found";
  if (missing.length === 1) return "missing";
  return { errors: missing.map((n) => notFound(n.kind, n.name).trimEnd()) };
}
