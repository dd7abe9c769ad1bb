import type { Job } from "kubernetes-types/batch/v1.js";
import type { Cluster } from "../../models/cluster.js";
import type { JobRecord } from "../../models/objects.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import { sortedJson } from "../last-applied.js";
import { namespaceOf, notFound } from "../lookup.js";
import { flag, type KubectlCommand } from "../parse.js";
import { type ResourceError, resolveResourceArgs } from "../resources.js";
import { updateExistingJob } from "./apply.js";

/**
 * `kubectl patch job NAME -p '<json>' [--type merge|strategic]`: a JSON merge patch of the Job
 * (for a Job's scalar fields a strategic merge is the same), e.g. to suspend or resume it.
 * Prints `job.batch/NAME patched` or `... patched (no change)`.
 */

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== "object" || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target !== null && typeof target === "object" && !Array.isArray(target)
      ? { ...(target as Record<string, unknown>) }
      : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** What `kubectl patch` asks for — the Job and the merge patch — or kubectl's refusal. */
export function parsePatch(
  cmd: KubectlCommand,
): { namespace: string; name: string; patch: unknown } | string {
  let args: ReturnType<typeof resolveResourceArgs>;
  try {
    args = resolveResourceArgs(cmd.positionals);
  } catch (e) {
    return (e as ResourceError).message;
  }
  if (args.named.length !== 1 || args.named[0].kind !== "jobs")
    return "error: jobsim's kubectl patch takes one Job: kubectl patch job NAME -p '<json>'";
  const type = flag(cmd, "type") ?? "strategic";
  if (!["merge", "strategic"].includes(type))
    return "error: --type must be one of [json merge strategic], jobsim supports merge and strategic";
  const text = flag(cmd, "patch");
  if (text === undefined) return "error: must specify -p to patch";
  try {
    return { namespace: namespaceOf(cmd), name: args.named[0].name, patch: JSON.parse(text) };
  } catch (e) {
    return `error: unable to parse "${text}": ${(e as Error).message}`;
  }
}

export function patchCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const parsed = parsePatch(cmd);
  if (typeof parsed === "string") return fail(parsed);
  const { namespace: ns, name, patch } = parsed;
  const job = ctx.cluster.store.findJob(ns, name);
  if (job === undefined) return fail(notFound("jobs", name));
  const r = patchJob(ctx.cluster, job, patch);
  if (r.error) return { stdout: "", stderr: r.error, exitCode: 1 };
  return {
    stdout: r.changed ? `job.batch/${name} patched\n` : `job.batch/${name} patched (no change)\n`,
    stderr: "",
    exitCode: 0,
  };
}

/** Applies a merge patch to a live Job (a session's `kubectl patch`, and Monte Carlo's replay of it). */
export function patchJob(
  cluster: Cluster,
  job: JobRecord,
  patch: unknown,
): { changed: boolean; error?: string } {
  const before = sortedJson(job.object);
  const merged = mergePatch(structuredClone(job.object), patch) as Job;
  if (sortedJson(merged) === before) return { changed: false };
  const r = updateExistingJob(cluster, job, asSubmitted(merged));
  if (r.error) return { changed: false, error: r.error };
  return { changed: r.outcome !== "unchanged" };
}

/**
 * The patched Job as its manifest, without what the API server generated at creation (the
 * selector and the controller-uid labels; metadata and status): updateExistingJob defaults and
 * validates it as it does an applied manifest, and create-time validation refuses a
 * controller-uid label or a selector it did not generate.
 */
function asSubmitted(merged: Job): Job {
  const { selector: _selector, ...spec } = merged.spec ?? ({} as NonNullable<Job["spec"]>);
  const labels = { ...(spec.template?.metadata?.labels ?? {}) };
  for (const k of Object.keys(labels)) if (k.endsWith("controller-uid")) delete labels[k];
  const meta = merged.metadata ?? {};
  return {
    apiVersion: merged.apiVersion,
    kind: merged.kind,
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      labels: meta.labels,
      annotations: meta.annotations,
    },
    spec: { ...spec, template: { ...spec.template, metadata: { ...spec.template?.metadata, labels } } },
  } as Job;
}
