import type { Event } from "kubernetes-types/core/v1.js";
import type { JobRecord, NodeRecord, PodRecord } from "../../models/objects.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { describeJob } from "../describe/describe-job.js";
import { describePod } from "../describe/describe-pod.js";
import type { DescribeOptions } from "../describe/options.js";
import { fileJobLabels, withFileTargets } from "../file-targets.js";
import { parseGoInt } from "../go-int.js";
import { listJobs, listNodes, listPods, namespaceOf, noResources, notFound, selectorOf } from "../lookup.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import { kindNotActedOn, type ResourceError, type ResourceKind, resolveResourceArgs } from "../resources.js";
import { describeNodeRecord } from "./describe-node.js";

/**
 * `kubectl describe` (staging/src/k8s.io/kubectl/pkg/cmd/describe): by name — or, for
 * `describe TYPE NAME` when no object has that exact name, every object whose name starts with
 * it — or by selector; each description with the events about that object.
 */

/** The kinds `describe` describes (kindNotActedOn refuses the others first). */
type Describable = "jobs" | "pods" | "nodes";

function eventsAbout(ctx: KubectlContext, kind: string, uid: string): Event[] {
  const rec = ctx.cluster.recorder;
  if (rec === null) return [];
  return rec.about(kind, uid).map((e) => ctx.materializer.event(e));
}

export function describeCommand(ctx: KubectlContext, input: KubectlCommand): CommandResult {
  // --chunk-size is pflag's Int64: a value it cannot parse is refused before the command runs,
  // with the usage line of kubectl's FlagErrorFunc. Any number (0 or less: no paging, as the
  // API server's lists read a limit <= 0) gives the same output.
  const chunkSize = flag(input, "chunk-size");
  const parsedChunk = chunkSize === undefined ? 0 : parseGoInt(chunkSize);
  if (typeof parsedChunk === "string")
    return fail(
      `error: invalid argument "${chunkSize}" for "--chunk-size" flag: ${parsedChunk}\nSee 'kubectl describe --help' for usage.`,
    );
  let cmd = withFileTargets(input, ctx.manifests);
  if (typeof cmd === "string") return fail(cmd);
  const fileSelector = cmd === input ? null : selectorOf(input);
  if (fileSelector !== null) {
    // describe.go Run builds without Latest(): -l keeps the -f objects whose labels, as the
    // file writes them, match (builder.go visitByPaths); the describer then fetches each by name.
    const written = fileJobLabels(input.flags.get("filename") ?? [], ctx.manifests);
    const kept = cmd.positionals.filter((p) =>
      fileSelector.matches(written.get(p.slice("job/".length)) ?? {}),
    );
    // Nothing left and no error: Run's "No resources found in <ns> namespace." (the -n namespace).
    if (kept.length === 0)
      return {
        stdout: "",
        stderr: noResources(boolFlag(input, "all-namespaces") ? null : namespaceOf(input)),
        exitCode: 0,
      };
    // The describer fetches by name: the server's labels are not tested again.
    const flags = new Map(cmd.flags);
    flags.delete("selector");
    cmd = { ...cmd, positionals: kept, flags };
  }
  // describe.go Run: the builder takes -A (AllNamespaces) and -l (LabelSelectorParam, trimmed);
  // objects named by -f are visited by path, without the checks of names.
  const allNs = boolFlag(cmd, "all-namespaces");
  let args: ReturnType<typeof resolveResourceArgs>;
  try {
    const params = { selector: (flag(cmd, "selector") ?? "").trim() !== "", allNamespaces: allNs };
    args = resolveResourceArgs(cmd.positionals, cmd === input ? params : {});
  } catch (e) {
    return fail((e as ResourceError).message.replace("to get", "to describe"));
  }
  const ns = allNs ? null : namespaceOf(cmd);
  const sel = selectorOf(cmd);
  // --show-events=false: the describers search no events, and with nil events describeJob /
  // describePod write no Events section (describe.go JobDescriber / PodDescriber).
  const showEvents = flag(cmd, "show-events") !== "false";
  const opts: DescribeOptions = {
    eventFieldPathPrefix: ctx.profile.describeEventFieldPath,
    projectedOptional: ctx.profile.describeProjectedOptional,
    nodeKubeProxyVersion: ctx.profile.describeNodeKubeProxyVersion,
  };
  const texts: string[] = [];
  let stderr = "";
  const describe = (r: JobRecord | PodRecord | NodeRecord, kind: Describable) => {
    const now = ctx.nowWallMs();
    if (kind === "nodes") {
      texts.push(describeNodeRecord(ctx, r as NodeRecord, showEvents, opts));
    } else if (kind === "jobs") {
      const job = r as JobRecord;
      texts.push(
        describeJob(
          ctx.materializer.job(job),
          showEvents ? eventsAbout(ctx, "Job", job.uid) : null,
          now,
          opts,
        ),
      );
    } else {
      const pod = r as PodRecord;
      texts.push(
        describePod(
          ctx.materializer.pod(pod),
          showEvents ? eventsAbout(ctx, "Pod", pod.uid) : null,
          now,
          opts,
        ),
      );
    }
  };
  const refusal = kindNotActedOn("describe", args.kinds);
  if (refusal !== null) return fail(refusal);
  // The error for a name not found. The builder fetches names with cli-runtime visitor.go
  // Info.Get, which answers a NotFound outside "default" with the namespace's own NotFound when
  // the namespace does not exist; objects read by -f are already loaded and skip it.
  const missingError = (kind: ResourceKind, name: string): string =>
    kind !== "nodes" &&
    cmd === input &&
    ns !== null &&
    ns !== "default" &&
    ctx.cluster.store.findNamespace(ns) === undefined
      ? `Error from server (NotFound): namespaces "${ns}" not found\n`
      : notFound(kind, name);
  // (Nodes are cluster-scoped: the namespace does not narrow them.)
  const list = (kind: Describable): (JobRecord | PodRecord | NodeRecord)[] =>
    kind === "jobs"
      ? listJobs(ctx.cluster.store, ns, sel)
      : kind === "pods"
        ? listPods(ctx.cluster.store, ns, sel)
        : listNodes(ctx.cluster.store, sel);
  // A name not found among exactly two arguments (describe.go Run: `IsNotFound(err) &&
  // len(o.BuilderArgs) == 2`) switches to DescribeMatchingResources: every object of the
  // first argument's resource whose name starts with the second, each printed as "%s\n" —
  // and nothing of what was found by name. Only one missing name is a NotFound: two make
  // the builder's ContinueOnErrorVisitor (cli-runtime resource/visitor.go) return an
  // aggregate, which apierrors.IsNotFound does not unwrap, so every error is reported.
  // An empty name is refused by client-go's rest Request.Name before any request ("resource
  // name may not be empty"): a plain error, not a NotFound, so never the prefix path.
  const emptyNames = args.named.filter((n) => n.name === "").length;
  const missingNames = args.named.filter(
    (n) => n.name !== "" && !list(n.kind as Describable).some((r) => r.name === n.name),
  );
  const missing = missingNames.length === 1 && emptyNames === 0 ? missingNames[0] : undefined;
  // BuilderArgs are the command's own arguments: none with -f, whose Jobs are named here.
  if (missing !== undefined && input.positionals.length === 2) {
    const [resource, prefix] = cmd.positionals;
    if (new Set(resource.split(",")).size > 1)
      // `describe jobs,pods x` fetched job/x and pod/x; one NotFound (an aggregate of two is
      // not IsNotFound) goes to DescribeMatchingResources, which builds with
      // SingleResourceType: its resourceMappings refuses the two types.
      return fail("error: you may only specify a single resource type");
    if (resource.includes("/"))
      // Tuples: the first one's own NotFound, or (found) a prefix holding "/" that no name starts with.
      return { stdout: "", stderr: missingError(missing.kind, missing.name), exitCode: 1 };
    const kind = args.kinds[0] as Describable;
    for (const r of list(kind)) if (r.name.startsWith(prefix)) describe(r, kind);
    if (texts.length === 0) return { stdout: "", stderr: missingError(kind, prefix), exitCode: 1 };
    return { stdout: texts.map((t) => `${t}\n`).join(""), stderr: "", exitCode: 0 };
  }
  if (args.named.length > 0) {
    // Named objects are visited in the order given (builder.go visitByResource / visitByName).
    const errors: string[] = [];
    for (const n of args.named) {
      const found = list(n.kind as Describable).find((r) => r.name === n.name);
      if (n.name === "") errors.push("resource name may not be empty");
      else if (found === undefined) errors.push(missingError(n.kind, n.name).trimEnd());
      else describe(found, n.kind as Describable);
    }
    // cmdutil.CheckErr: one error alone gets "error: " unless the API server's; several are
    // listed a line each as they are (MultipleErrors).
    if (errors.length === 1 && !errors[0].startsWith("Error from server")) errors[0] = `error: ${errors[0]}`;
    stderr += errors.map((e) => `${e}\n`).join("");
    if (errors.length > 0) return { stdout: texts.join("\n\n"), stderr, exitCode: 1 };
  } else {
    for (const kind of args.kinds as Describable[]) for (const r of list(kind)) describe(r, kind);
    // describe.go Run: "No resources found" once, when nothing at all was found and nothing
    // failed — "in <ns> namespace." unless -A.
    if (texts.length === 0) stderr += noResources(ns);
  }
  // Run: the first description as it is, each further one after "\n\n".
  const stdout = texts.join("\n\n");
  const failed = stderr.includes("Error from server");
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}
