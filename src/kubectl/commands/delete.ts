import { goQuote } from "../../models/api/field-errors.js";
import type { JobRecord, PodRecord } from "../../models/objects.js";
import type { Propagation } from "../../models/store.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { dryRunOf, dryRunSuffix } from "../dry-run.js";
import { parseGoInt } from "../go-int.js";
import { listJobs, listPods, namespaceOf, notFound, selectorOf } from "../lookup.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import {
  kindNotActedOn,
  kindPrefix,
  MISSING_RESOURCE_ERROR,
  type ResourceError,
  resolveResourceArgs,
} from "../resources.js";
import { deleteInert, type InertVisit, inertVisit } from "./delete-inert.js";

/**
 * `kubectl delete` (staging/src/k8s.io/kubectl/pkg/cmd/delete): prints `<kind> "<name>" deleted
 * from <ns> namespace` (kubectl ≥1.34; `... deleted` before) as each DELETE succeeds, then —
 * with the default --wait=true — lets time pass until the objects are gone (a running pod
 * takes its grace period). Jobs are deleted with background propagation unless --cascade says
 * otherwise; the garbage collector then removes their pods. `--dry-run` deletes nothing and
 * waits for nothing (dry-run.ts).
 */

const WAIT_LIMIT_MS = 24 * 3_600_000;

/**
 * delete.go `Validate` prints this through its WarningPrinter ("Warning: " prefix) when
 * --grace-period is 0 with --force — before RunDelete, so ahead of every `force deleted` line
 * and NotFound error. Errors found while building the request (a missing -f path, a bad
 * --cascade, no name) come earlier, from `Complete`, without it.
 */
const FORCE_WARNING =
  "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

/**
 * cmdutil `parseCascadingFlag` (kubectl pkg/cmd/util/helpers.go): a value strconv.ParseBool reads
 * (`1 t T TRUE true True`, `0 f F FALSE false False`) is the deprecated boolean form, background
 * or orphan, which kubectl takes with a warning written straight to stderr (not through klog, so
 * no header); anything else must name a propagation.
 */
function propagation(
  value: string | undefined,
): { policy: Propagation; warning?: string } | { error: string } {
  const v = value ?? "background";
  const deprecated = (policy: Propagation, replacement: string) => ({
    policy,
    warning: `warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`,
  });
  switch (v) {
    case "background":
      return { policy: "Background" };
    case "foreground":
      return { policy: "Foreground" };
    case "orphan":
      return { policy: "Orphan" };
    case "1":
    case "t":
    case "T":
    case "TRUE":
    case "true":
    case "True":
      return deprecated("Background", "background");
    case "0":
    case "f":
    case "F":
    case "FALSE":
    case "false":
    case "False":
      return deprecated("Orphan", "orphan");
    default:
      return {
        error: `error: invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`,
      };
  }
}

type Target = { kind: "jobs"; job: JobRecord } | { kind: "pods"; pod: PodRecord };

/**
 * One object the builder visits: a listed one (-l, --all), a name to DELETE (a name argument or a
 * file's object: RequireObject(false), no GET first, so whether it exists is the DELETE's answer,
 * in visiting order — `delete job x x` finds the second gone), or the builder's own error.
 */
type Visit =
  | Target
  | InertVisit
  | { lookup: "jobs" | "pods"; namespace: string; name: string; missing: string }
  | { error: { text: string; plain?: boolean } };

/** The live object a name visit deletes, or null when the DELETE would answer NotFound. */
function liveTarget(ctx: KubectlContext, v: { lookup: "jobs" | "pods"; namespace: string; name: string }) {
  const store = ctx.cluster.store;
  if (v.lookup === "jobs") {
    const job = store.findJob(v.namespace, v.name);
    return job === undefined ? null : ({ kind: "jobs", job } as const);
  }
  const pod = store.findPod(v.namespace, v.name);
  return pod === undefined ? null : ({ kind: "pods", pod } as const);
}

export function deleteCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const r = runDelete(ctx, cmd);
  // The deprecated boolean --cascade's warning is written as the flags become options
  // (delete_flags.go ToOptions), after pflag accepted --grace-period and before anything else.
  const graceText = flag(cmd, "grace-period");
  if (graceText !== undefined && typeof parseGoInt(graceText) === "string") return r;
  const cascade = propagation(flag(cmd, "cascade"));
  if (!("warning" in cascade) || cascade.warning === undefined) return r;
  return { ...r, stderrBefore: cascade.warning + (r.stderrBefore ?? "") };
}

function runDelete(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const store = ctx.cluster.store;
  const ns = namespaceOf(cmd);
  // --grace-period is an int flag: pflag refuses a value it cannot parse before the command
  // runs, with the usage line kubectl's FlagErrorFunc adds (pkg/util/templates/templater.go).
  const graceText = flag(cmd, "grace-period");
  const parsedGrace = graceText === undefined ? (boolFlag(cmd, "now") ? 1 : -1) : parseGoInt(graceText);
  if (typeof parsedGrace === "string")
    return fail(
      `error: invalid argument "${graceText}" for "--grace-period" flag: ${parsedGrace}\nSee 'kubectl delete --help' for usage.`,
    );
  let grace = parsedGrace;
  const parsedCascade = propagation(flag(cmd, "cascade"));
  if ("error" in parsedCascade) return fail(parsedCascade.error);
  const cascade = parsedCascade.policy;
  const dryRun = dryRunOf(cmd);
  if (typeof dryRun === "object") return fail(dryRun.error);
  const force = boolFlag(cmd, "force");
  // delete.go `Complete`: --now means a 1 s grace period and cannot be given with one.
  if (graceText !== undefined && boolFlag(cmd, "now"))
    return fail("error: --now and --grace-period cannot be specified together");
  if (force && grace < 0) grace = 0;
  // delete.go `Validate`: --force only goes with an immediate deletion.
  if (force && grace > 0)
    return fail("error: --force and --grace-period greater than 0 cannot be specified together");
  if (grace === 0 && !force) grace = 1; // kubectl: --grace-period=0 without --force means 1
  const wait = flag(cmd, "wait") !== "false";
  const all = boolFlag(cmd, "all");
  // LabelSelectorParam trims the selector: a blank one is no selector.
  const hasSelector = (flag(cmd, "selector") ?? "").trim() !== "";
  // delete.go `Complete`: with --all or -l, NotFound is ignored unless --ignore-not-found was given.
  const ignoreText = flag(cmd, "ignore-not-found");
  const ignoreNotFound = ignoreText === undefined ? all || hasSelector : ignoreText !== "false";
  // cli-runtime builder.go `SelectAllParam` (called after LabelSelectorParam in delete.go
  // `Complete`) records this, and `visitorResult` returns it before anything is visited; kept as
  // written, with its trailing space.
  if (all && hasSelector) return fail("error: setting 'all' parameter but found a non empty selector. ");

  // Deleted and printed in the order the builder visits them (cli-runtime builder.go): files
  // and resource/name arguments as given, a selector's kinds as given (`pods,jobs -l …`: the
  // pods first).
  const visits: Visit[] = [];
  const files = cmd.flags.get("filename") ?? [];
  if (files.length > 0) {
    const refused = pathsWithArgs(cmd.positionals);
    if (refused !== null) return fail(refused);
    // builder.go `visitByPaths` filters the file's objects by the selector (--all selects
    // everything); delete reads them from the file, so their labels are the manifest's.
    const fileSelector = hasSelector ? selectorOf(cmd) : null;
    let visited = 0; // (the objects past the selector and namespace check: DeleteResult's `found`)
    // FilenameParam(enforceNamespace): with -n, RequireNamespace (cli-runtime visitor.go) sets
    // it on an object that names no namespace and refuses one that names another.
    const nsFlag = flag(cmd, "namespace");
    for (const f of files) {
      const m = ctx.manifests.get(f);
      if (m === undefined) return fail(`error: the path "${f}" does not exist`);
      if (m.empty) continue; // a file with no object visits nothing (delete.go DeleteResult)
      if (m.clientError !== null) return fail(`error: ${m.clientError}`);
      if (m.namespaces.length > 0)
        return fail(
          `jobsim does not simulate deleting a namespace (${f} holds Namespace "${m.namespaces[0].name}"): delete its Jobs by name instead`,
        );
      // A file's inert objects are visited in their place among its Jobs.
      const inertBefore = (docIndex: number) => {
        for (const d of m.inert) {
          if (d.beforeDoc !== docIndex) continue;
          const v = inertVisit(d, nsFlag, fileSelector);
          if (v === null) continue;
          if ("mismatch" in v) {
            visits.push({ error: { text: namespaceMismatch(v.mismatch, nsFlag!), plain: true } });
            continue;
          }
          visited++;
          visits.push({ ...v, missing: fromFile(f, v.missing) });
        }
      };
      for (const [docIndex, d] of m.docs.entries()) {
        inertBefore(docIndex);
        const labels = (d.object.metadata as { labels?: Record<string, string> } | undefined)?.labels;
        if (fileSelector !== null && !fileSelector.matches(labels ?? {})) continue;
        const written = (d.object.metadata as { namespace?: unknown } | undefined)?.namespace;
        const writtenNs = typeof written === "string" && written !== "" ? written : undefined;
        if (nsFlag !== undefined && writtenNs !== undefined && writtenNs !== nsFlag) {
          visits.push({ error: { text: namespaceMismatch(writtenNs, nsFlag), plain: true } });
          continue;
        }
        visited++;
        const namespace = writtenNs ?? nsFlag ?? "default";
        visits.push({
          lookup: "jobs",
          namespace,
          name: d.name,
          missing: fromFile(f, notFound("jobs", d.name)),
        });
      }
      inertBefore(m.docs.length);
    }
    // delete.go DeleteResult: nothing visited is not an error (an error is returned first).
    if (visited === 0 && visits.length === 0)
      return {
        stdout: "No resources found\n",
        stderr: "",
        stderrBefore: force && grace === 0 ? FORCE_WARNING : undefined,
        exitCode: 0,
      };
  } else {
    let args: ReturnType<typeof resolveResourceArgs>;
    try {
      if (cmd.positionals.length === 0) return fail(MISSING_RESOURCE_ERROR);
      // --all is a selector to the builder (`visitorResult` sets an empty one): no names with it.
      args = resolveResourceArgs(cmd.positionals, { selector: hasSelector || all });
    } catch (e) {
      return fail((e as ResourceError).message);
    }
    const sel = selectorOf(cmd);
    if (args.named.length > 0) {
      for (const n of args.named) {
        if (n.kind !== "jobs" && n.kind !== "pods") return fail(kindNotActedOn("delete", [n.kind])!);
        visits.push({ lookup: n.kind, namespace: ns, name: n.name, missing: notFound(n.kind, n.name) });
      }
    } else if (sel !== null || all) {
      for (const k of args.kinds) {
        if (k === "jobs") for (const job of listJobs(store, ns, sel)) visits.push({ kind: "jobs", job });
        else if (k === "pods") for (const pod of listPods(store, ns, sel)) visits.push({ kind: "pods", pod });
        else return fail(kindNotActedOn("delete", [k])!);
      }
      if (visits.length === 0) return { stdout: "No resources found\n", stderr: "", exitCode: 0 };
    } else {
      return fail(`error: resource(s) were provided, but no name was specified`);
    }
  }

  let stdout = "";
  // The visit's errors, in order; `plain` ones are not API statuses (see errorsText).
  const errors: { text: string; plain?: boolean }[] = [];
  const targets: Target[] = [];
  const word = force && grace === 0 ? "force deleted" : "deleted";
  // delete.go PrintObj: the namespace (kubectl ≥1.34), then the dry-run words.
  const line = (kind: "jobs" | "pods", name: string, namespace: string) =>
    `${kindPrefix(kind)} "${name}" ${word}${ctx.profile.deleteSaysNamespace ? ` from ${namespace} namespace` : ""}${dryRunSuffix(dryRun)}\n`;
  for (const v of visits) {
    if ("error" in v) {
      errors.push(v.error);
      continue;
    }
    if ("inert" in v) {
      // (Nothing to wait for: an inert object is gone once its DELETE returns.)
      const printed = deleteInert(ctx, v, word, dryRunSuffix(dryRun), dryRun !== "none");
      if (printed !== null) stdout += printed;
      else if (!ignoreNotFound) errors.push({ text: v.missing });
      continue;
    }
    const t = "lookup" in v ? liveTarget(ctx, v) : v;
    if (t === null) {
      if (!ignoreNotFound && "lookup" in v) errors.push({ text: v.missing });
      continue;
    }
    targets.push(t);
    if (t.kind === "jobs") {
      if (dryRun === "none") ctx.cluster.deleteJob(t.job, cascade);
      stdout += line("jobs", t.job.name, t.job.namespace);
    } else {
      if (dryRun === "none") ctx.cluster.deletePod(t.pod, grace < 0 ? undefined : grace);
      stdout += line("pods", t.pod.name, ns);
    }
  }
  const stderr = errorsText(errors);
  // (Nothing waits after a dry run: nothing was deleted.) delete.go DeleteResult returns the
  // visit's error before it waits: after a NotFound, what was deleted is left going. A forced
  // deletion is waited for too (DeleteResult looks only at --wait): a Job's pod stays until the
  // Job controller takes its finalizer off.
  if (wait && dryRun === "none" && stderr === "") {
    ctx.waitUntil(
      () => targets.every((t) => (t.kind === "jobs" ? t.job.removed : t.pod.removed)),
      WAIT_LIMIT_MS,
    );
  }
  return {
    stdout,
    stderr,
    stderrBefore: force && grace === 0 ? FORCE_WARNING : undefined,
    exitCode: stderr !== "" ? 1 : 0,
  };
}

/** RequireNamespace's refusal (cli-runtime resource/visitor.go), kept as written. */
function namespaceMismatch(written: string, given: string): string {
  return `the namespace from the provided object "${written}" does not match the namespace "${given}". You must pass '--namespace=${written}' to perform this operation.\n`;
}

/**
 * How cmdutil.CheckErr (kubectl cmd/util/helpers.go) prints the visit's errors: one alone, a
 * plain error after "error: "; several (an aggregate), MultipleErrors: each on its own line as
 * it is, an API status as "Error from server (Reason): …", a plain error with no prefix.
 */
function errorsText(errors: readonly { text: string; plain?: boolean }[]): string {
  if (errors.length === 1 && errors[0].plain) return `error: ${errors[0].text}`;
  return errors.map((e) => e.text).join("");
}

/**
 * delete.go `deleteResource`: cmdutil.AddSourceToErr("deleting", info.Source, err) puts the file
 * an object was read from into the API server's message (`Error from server (NotFound): error
 * when deleting "job.yaml": jobs.batch "work" not found`).
 */
function fromFile(path: string, serverError: string): string {
  const reason = /^Error from server \([A-Za-z]+\): /.exec(serverError)?.[0] ?? "";
  return `${reason}error when deleting ${goQuote(path)}: ${serverError.slice(reason.length)}`;
}

/**
 * builder.go `visitByPaths`: resource arguments beside -f are refused (the builder has split
 * `a,b NAME` and `TYPE/NAME` into resource/name tuples by then), or null.
 */
function pathsWithArgs(positionals: readonly string[]): string | null {
  if (positionals.length === 0) return null;
  const tuples =
    positionals.some((p) => p.includes("/")) ||
    (positionals.length > 1 && new Set(positionals[0].split(",")).size > 1);
  return tuples
    ? "error: resource/name arguments cannot be provided when a path is specified"
    : "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well";
}
