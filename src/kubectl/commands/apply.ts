import type { Job } from "kubernetes-types/batch/v1.js";
import type { ManifestFile } from "../../kubectl/manifests.js";
import { apiServerInvalidMessage, kubectlInvalidMessage } from "../../models/api/field-errors.js";
import { Cluster } from "../../models/cluster.js";
import { NONE } from "../../models/objects.js";
import { withMergedTemplate, writtenTemplate } from "../apply-template.js";
import {
  appliedResourceVersion,
  conflictsWithLive,
  lastAppliedObject,
  specKeys,
  withMergedAnnotations,
  withMergedLabels,
  withRetainedSpec,
  writtenAnnotations,
  writtenLabels,
} from "../apply-three-way.js";
import { type CommandError, checkErrText, fromPrinted, reduced } from "../command-errors.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { type DryRun, dryRunOf, dryRunSuffix } from "../dry-run.js";
import { jobCreateWarnings, jobUpdateWarnings } from "../job-warnings.js";
import { LAST_APPLIED, lastAppliedConfiguration } from "../last-applied.js";
import { flag, isCreateNamespace, type KubectlCommand } from "../parse.js";
import { applyInert } from "./apply-inert.js";
import { applyNamespace, createNamespace, missingAnnotationWarning } from "./namespaces.js";
import { updateExistingJob } from "./update-job.js";

// (Monte Carlo replays applies through this module.)
export { updateExistingJob };

/**
 * `kubectl apply -f` and `kubectl create -f`: each document of each file, in order; one output
 * line per object (`job.batch/x created|configured|unchanged`), errors on stderr and exit 1 if
 * any failed (kubectl carries on with the other documents). `--dry-run`: see dry-run.ts.
 *
 * The errors are gathered as kubectl gathers them and printed once (command-errors.ts). The
 * resource builder (cli-runtime resource/builder.go Do) wraps the files' visitor: the objects'
 * namespace checks (RequireNamespace) fail one object each, in order; a document a file's
 * StreamVisitor cannot read ends that file, after the documents before it, and the files' read
 * errors come back last, as one aggregate (EagerVisitorList). apply.go Run reads every object
 * first (GetObjects), so the builder's errors precede those of applying; create.go creates each
 * object as it is visited, so its errors fall in visiting order, the read errors still last.
 */

/** An error and whether the builder (not the API request for the object) raised it. */
type GatheredError = { error: CommandError; builder: boolean };

/** apply.go warningChangesOnDeletingResource (WarnIfDeleting prints the object's name). */
function deletingWarning(name: string): string {
  return `Warning: Detected changes to resource ${name} which is currently being deleted.\n`;
}

/**
 * A manifest's resourceVersion other than the live Job's (appliedResourceVersion) makes the
 * three-way patch conflict; kubectl's Patcher (apply/patcher.go) retries it five times, a second
 * apart, then prints the Conflict with the patch it sent, which jobsim does not compute. Its
 * refusal, or null. (Monte Carlo leaves such a Job as it is, as the session does.)
 */
function staleResourceVersion(manifest: unknown, live: number): string | null {
  const written = appliedResourceVersion(manifest);
  if (!conflictsWithLive(written, live)) return null;
  return `jobsim does not simulate applying a manifest with metadata.resourceVersion "${written}" to the live Job (resourceVersion "${live}"): kubectl would retry its patch and fail with a Conflict (the object has been modified) that shows the patch; remove resourceVersion from the manifest`;
}

export function applyCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const create = cmd.verb === "create";
  const files = cmd.flags.get("filename") ?? [];
  // apply (and `create namespace`) read --dry-run before anything else; `create -f` asks for
  // -f first.
  const dryRun = dryRunOf(cmd);
  if (typeof dryRun === "object" && (!create || isCreateNamespace(cmd) || files.length > 0))
    return fail(dryRun.error);
  if (isCreateNamespace(cmd)) return createNamespace(ctx, cmd.positionals[1], dryRun as DryRun);
  if (files.length === 0) {
    return { stdout: "", stderr: `error: must specify one of -f and -k\n\n`, exitCode: 1 };
  }
  // builder.go Path: a missing path fails the whole command before any object is read.
  const missing = files.filter((f) => !ctx.manifests.has(f));
  if (missing.length > 0)
    return fail(
      checkErrText(missing.map((f) => ({ kind: "plain", text: `the path "${f}" does not exist` }))),
    );
  const ns = flag(cmd, "namespace");
  let stdout = "";
  let warnings = "";
  const gathered: GatheredError[] = [];
  const unreadable: CommandError[] = [];
  let objects = 0;
  for (const f of files) {
    const m = ctx.manifests.get(f)!;
    if (m.empty) continue; // (kubectl counts the objects of all the files together)
    objects++;
    const r = applyFile(ctx, m, create, ns, dryRun as DryRun);
    warnings += r.warnings;
    stdout += r.stdout;
    gathered.push(...r.errors);
    if (m.clientError !== null) unreadable.push({ kind: "plain", text: m.clientError });
  }
  // (EagerVisitorList: the files' read errors are one aggregate, even of one.)
  const readErrors: CommandError[] = unreadable.length > 0 ? [{ kind: "aggregate", errors: unreadable }] : [];
  let errors: CommandError[];
  if (create) errors = [...gathered.map((g) => g.error), ...readErrors];
  else {
    // apply.go Run: GetObjects' error (ContinueOnErrorVisitor: one bare, several an aggregate), then each object's.
    const builder = reduced([...gathered.filter((g) => g.builder).map((g) => g.error), ...readErrors]);
    errors = [
      ...(builder === null ? [] : [builder]),
      ...gathered.filter((g) => !g.builder).map((g) => g.error),
    ];
  }
  // apply.go / create.go: `no objects passed to apply|create` when the files held none.
  if (objects === 0 && errors.length === 0)
    return { stdout: "", stderr: `error: no objects passed to ${cmd.verb}\n`, exitCode: 1 };
  const stderr = checkErrText(errors);
  return {
    stdout,
    stderr,
    stderrBefore: warnings === "" ? undefined : onceEach(warnings),
    exitCode: stderr === "" ? 0 : 1,
  };
}

function applyFile(
  ctx: KubectlContext,
  m: ManifestFile,
  create: boolean,
  nsFlag: string | undefined,
  dryRun: DryRun,
): { stdout: string; warnings: string; errors: GatheredError[] } {
  // (The documents before one the file's reader cannot read: applyCommand adds its error.)
  const suffix = dryRunSuffix(dryRun);
  let stdout = "";
  let warnings = "";
  const errors: GatheredError[] = [];
  const fail = (message: string) => errors.push({ error: fromPrinted(message), builder: false });
  // A file's Namespace documents and inert objects go in their place among its Jobs (kubectl
  // sends them in order).
  const namespacesBefore = (docIndex: number) => {
    const others = [
      ...m.namespaces.map((n) => ({ at: n.at, before: n.beforeDoc, namespace: n, inert: null })),
      ...m.inert.map((d) => ({ at: d.at, before: d.beforeDoc, namespace: null, inert: d })),
    ].sort((a, b) => a.at - b.at);
    for (const o of others) {
      if (o.before !== docIndex) continue;
      if (o.inert !== null) {
        const r = applyInert(ctx, m.name, o.inert, create, nsFlag, dryRun);
        warnings += r.warning;
        stdout += r.stdout;
        if (r.error !== null) errors.push(r.error);
        continue;
      }
      const r = applyNamespace(ctx, m.name, o.namespace!, create, dryRun);
      warnings += r.stderrBefore ?? "";
      stdout += r.stdout;
      if (r.stderr !== "") fail(r.stderr);
    }
  };
  for (const [docIndex, doc] of m.docs.entries()) {
    namespacesBefore(docIndex);
    const manifest = structuredClone(doc.object) as Job;
    const meta = (manifest.metadata ??= {});
    if (nsFlag !== undefined) {
      // The builder's RequireNamespace (cli-runtime resource/visitor.go), before any request.
      if (meta.namespace !== undefined && meta.namespace !== nsFlag) {
        const text = `the namespace from the provided object "${meta.namespace}" does not match the namespace "${nsFlag}". You must pass '--namespace=${meta.namespace}' to perform this operation.`;
        errors.push({ error: { kind: "plain", text }, builder: true });
        continue;
      }
      meta.namespace = nsFlag;
    }
    if (doc.decodeError !== null) {
      fail(`Error from server (BadRequest): error when creating "${m.name}": ${doc.decodeError}\n`);
      continue;
    }
    const namespace = meta.namespace ?? "default";
    if (!meta.name && meta.generateName && !create) {
      // apply.go applyOneObject: apply needs the name to find the live object.
      fail(`error: from ${meta.generateName}: cannot use generate name with apply\n`);
      continue;
    }
    const name = meta.name ?? "";
    const existing = ctx.cluster.store.findJob(namespace, name);
    if (!create) {
      // kubectl records what it applied, for the next three-way merge.
      meta.annotations = {
        ...(meta.annotations ?? {}),
        [LAST_APPLIED]: lastAppliedConfiguration(doc.written, namespace),
      };
    }
    // A create of a Job that exists is judged first (rest.BeforeCreate: validation, then
    // WarningsOnCreate) and refused by the storage after (AlreadyExists); a client dry run sends
    // no POST, so nothing answers.
    const exists = existing !== undefined && !existing.removed;
    if (exists && !create) {
      // apply.go applyOneObject: a client dry run computes no patch and says `configured`.
      if (dryRun === "client") {
        stdout += `job.batch/${name} configured${suffix}\n`;
        continue;
      }
      const stale = staleResourceVersion(doc.object, existing.resourceVersion);
      if (stale !== null) {
        errors.push({ error: { kind: "plain", text: stale }, builder: false });
        continue;
      }
      if (existing.object.metadata?.annotations?.[LAST_APPLIED] === undefined)
        warnings += missingAnnotationWarning("jobs", name);
      // The three-way merge keeps live fields that neither this manifest nor the last one set.
      const annotation = existing.object.metadata?.annotations?.[LAST_APPLIED];
      const original = lastAppliedObject(annotation);
      // (The manifest as written: a null in it is a deletion in kubectl's patch.)
      const merged = withMergedAnnotations(
        withMergedLabels(
          withMergedTemplate(
            withRetainedSpec(
              manifest,
              specKeys(doc.written),
              existing.object,
              original === undefined ? null : specKeys(original),
            ),
            writtenTemplate(doc.written),
            existing.object,
            writtenTemplate(original),
          ),
          writtenLabels(doc.written),
          existing.object,
          writtenLabels(original),
        ),
        { ...writtenAnnotations(doc.written), [LAST_APPLIED]: meta.annotations?.[LAST_APPLIED] ?? "" },
        existing.object,
        writtenAnnotations(original),
      );
      const r = updateExistingJob(ctx.cluster, existing, merged, dryRun === "none");
      if (r.error) {
        fail(r.error);
        continue;
      }
      // The server's warnings come with the patch's response (WarningsOnUpdate), before
      // WarnIfDeleting's, which kubectl prints after the patch: a Job foreground deletion holds.
      warnings += jobUpdateWarnings(r.changedSpec);
      if (existing.deletionMs !== NONE) warnings += deletingWarning(name);
      stdout += `job.batch/${name} ${r.outcome}${suffix}\n`;
      continue;
    }
    if (dryRun === "client") {
      // (A generateName-only object has no name until the API server gives it one.)
      stdout += `job.batch/${name} created${suffix}\n`;
      continue;
    }
    // The NamespaceLifecycle admission plugin answers before validation (mutating admission
    // runs first in the API server's create handler).
    if (!ctx.cluster.hasNamespace(namespace)) {
      fail(
        `Error from server (NotFound): error when creating "${m.name}": namespaces "${namespace}" not found\n`,
      );
      continue;
    }
    // rest.BeforeCreate names a generateName-only object before validating it (the message of
    // an invalid one shows the generated name); Cluster.createJob names the one Monte Carlo creates.
    if (!name && meta.generateName) {
      const { name: _empty, ...rest } = meta; // (the name first, as Cluster.createJob's naming puts it)
      const generated = ctx.cluster.generateJobName(namespace, meta.generateName, dryRun === "server");
      manifest.metadata = { name: generated, ...rest };
    }
    let prepared = Cluster.prepareJob(manifest, ctx.profile);
    if (Array.isArray(prepared)) {
      // Judged again with the UID the Job would get, which the errors of its selector name.
      const uid = ctx.cluster.nextJobUid(namespace, manifest.metadata.name ?? "");
      const worded = Cluster.prepareJob(manifest, ctx.profile, uid);
      if (Array.isArray(worded)) prepared = worded;
      // Alone: checkErr's `The Job "x" is invalid`; among others, the status's message, which
      // AddSourceToErr("creating", …) prefixed (cmd/util/helpers.go).
      const jobName = manifest.metadata.name ?? "";
      const message = apiServerInvalidMessage("Job", "batch", jobName, prepared);
      errors.push({
        error: {
          kind: "invalid",
          alone: kubectlInvalidMessage("Job", jobName, prepared),
          line: `Error from server (Invalid): error when creating "${m.name}": ${message}`,
        },
        builder: false,
      });
      continue;
    }
    warnings += jobCreateWarnings(prepared.object);
    if (exists) {
      // registry store.go Create: the storage's AlreadyExists, prefixed when the object that has
      // the name is being deleted (foreground deletion still holds it).
      const deleting = existing.deletionMs !== NONE ? "object is being deleted: " : "";
      fail(
        `Error from server (AlreadyExists): error when creating "${m.name}": ${deleting}jobs.batch "${name}" already exists\n`,
      );
      continue;
    }
    if (dryRun === "server") {
      stdout += `job.batch/${manifest.metadata.name ?? ""} created${suffix}\n`;
      continue;
    }
    const job = ctx.cluster.createJob(prepared, meta.annotations);
    stdout += `job.batch/${job.name} created\n`;
  }
  namespacesBefore(m.docs.length);
  return { stdout, warnings, errors };
}

/**
 * kubectl's warning handler writes a warning it has written before only once
 * (rest.WarningWriter with Deduplicate, as kubectl's cmd.go sets it): two Jobs of one file with
 * the same template warning show it once.
 */
function onceEach(lines: string): string {
  return [...new Set(lines.split(/(?<=\n)/))].join("");
}
