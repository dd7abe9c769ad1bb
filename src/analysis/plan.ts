import type { Job } from "kubernetes-types/batch/v1.js";
import { writtenTemplate } from "../kubectl/apply-template.js";
import { appliedResourceVersion, specKeys, writtenLabels } from "../kubectl/apply-three-way.js";
import { parseLogsArgs, sinceRefusedByServer, validateLogs } from "../kubectl/commands/logs-options.js";
import { parsePatch } from "../kubectl/commands/patch.js";
import { type DrainOptions, drainReplayOptions } from "../kubectl/drain-options.js";
import { changesCluster } from "../kubectl/dry-run.js";
import { namespaceOf } from "../kubectl/lookup.js";
import { boolFlag, flag, isCreateJob, isCreateNamespace, type KubectlCommand } from "../kubectl/parse.js";
import { resolveResourceArgs } from "../kubectl/resources.js";
import { kubectlInvalidMessage } from "../models/api/field-errors.js";
import { goDuration } from "../models/api/go-duration.js";
import { isDns1123Label } from "../models/api/names.js";
import { Cluster, type PreparedJob } from "../models/cluster.js";
import { SYSTEM_NAMESPACES } from "../models/cluster-setup.js";
import type { Scenario } from "../scenario/load.js";
import { AnalysisError } from "./errors.js";

/**
 * What a Monte Carlo run replays of a session: the Job submissions (`kubectl apply/create -f`)
 * at the simulated times the session makes them, with the steps that decide those times
 * (`sleep`, `at`, `kubectl wait` on Jobs or pods, `kubectl logs -f job/NAME`), and `kubectl patch`
 * of a Job. A Job applied into a namespace that does not exist then
 * (neither a system one, nor in `cluster.namespaces`, nor made by an earlier `kubectl create
 * namespace`) is refused in the session, so it is left out here too. A `--dry-run` step changes
 * nothing, so it is skipped. Reading commands (get,
 * describe, logs, events) change nothing and are skipped; so are deletions of Jobs — a session's
 * cleanup — because the question is how the Jobs end, not how the demo ends. Deletions of pods
 * are replayed: a pod deleted mid-run changes how its Job goes on. After the last
 * step the run goes on until every Job has finished or the scenario's horizon.
 */

export type PlanStep =
  /** `apply` updates a Job that exists (unchanged or configured); `create` leaves it (AlreadyExists). */
  | { kind: "create"; jobs: PreparedJob[]; apply: boolean }
  | { kind: "advance"; untilMs: number; relative: boolean }
  /** `kubectl logs -f job/NAME`: time passes until the followed container ends (logs.ts). */
  | {
      kind: "follow";
      namespace: string;
      name: string;
      container: string | undefined;
      allContainers: boolean;
      /** --all-pods: every pod of the Job, not GetFirstPod's one. */
      allPods: boolean;
      /** The API server refuses each request (logs-options.ts sinceRefusedByServer): only
       * GetFirstPod's wait for a pod takes time. */
      refused: boolean;
      ignoreErrors: boolean;
      maxRequests: number;
      podTimeoutMs: number;
    }
  /** `kubectl delete` of pods only, run as the session runs it (delete.ts: grace period, --wait). */
  | { kind: "deletePods"; command: KubectlCommand }
  /** `kubectl cordon` / `uncordon`, run as the session runs it (cordon.ts): a node's
   * spec.unschedulable, which the scheduler filters on. */
  | { kind: "cordon"; command: KubectlCommand }
  /** `kubectl drain`, run as the session runs it (drain.ts) without its output: the cordon,
   * the evictions and the wait for the pods to go, in simulated time. */
  | { kind: "drain"; command: KubectlCommand; options: DrainOptions }
  /** `docker stop <node>`, run as the session runs it (docker.ts): the node's kubelet stops. */
  | { kind: "docker"; argv: readonly string[] }
  /** `kubectl patch job NAME -p JSON`: a merge patch of the live Job, if there is one. */
  | { kind: "patch"; namespace: string; name: string; patch: unknown }
  /** `kubectl wait`, run as the session runs it (wait.ts): Jobs or pods, named, by selector or
   * --all, or from files. */
  | { kind: "wait"; command: KubectlCommand };

export interface RunPlan {
  steps: PlanStep[];
  /** The steps that delete pods and Jobs together, which Monte Carlo does not replay (see planFor): their lines. */
  skippedPodDeletes: string[];
  /** The waits whose JSONPath reads what a Monte Carlo run leaves out (messages, annotations):
   * their lines. They are replayed, but may be met otherwise than in the session. */
  leanWaits: string[];
  /** Every Job the plan creates, by "namespace/name" in creation order. */
  jobKeys: string[];
  horizonMs: number;
}

function pastHorizon(line: string, atMs: number, horizonMs: number): string {
  return `${line}: applied at ${goDuration(atMs)} at the earliest, at or after the scenario's horizon (${goDuration(horizonMs)}) where every run stops: raise horizon: past it`;
}

/**
 * The apply or create steps that the steps' sleeps and `at`s put at or after the horizon, in
 * planFor's words (for `validate`, which warns of what mc and sweep will refuse).
 */
export function stepsPastHorizon(scenario: Scenario): string[] {
  let earliestMs = 0;
  const past: string[] = [];
  for (const s of scenario.steps) {
    if (s.kind === "sleep") earliestMs += s.ms;
    else if (s.kind === "at") earliestMs = Math.max(earliestMs, s.ms);
    else if (
      s.kind === "kubectl" &&
      (s.command.verb === "apply" || s.command.verb === "create") &&
      (s.files.length > 0 || s.job !== undefined) &&
      changesCluster(s.command) &&
      earliestMs >= scenario.horizonMs
    )
      past.push(pastHorizon(s.line, earliestMs, scenario.horizonMs));
  }
  return past;
}

export function planFor(scenario: Scenario): RunPlan {
  const steps: PlanStep[] = [];
  const jobKeys: string[] = [];
  const skippedPodDeletes: string[] = [];
  const leanWaits: string[] = [];
  const namespaces = new Set([...SYSTEM_NAMESPACES, ...scenario.namespaces]);
  let missingNamespace: { line: string; namespace: string } | null = null;
  // The earliest time a step can come: sleeps and `at`s add up; a wait may return at once.
  let earliestMs = 0;
  for (const s of scenario.steps) {
    if (s.kind === "sleep") {
      steps.push({ kind: "advance", untilMs: s.ms, relative: true });
      earliestMs += s.ms;
    } else if (s.kind === "at") {
      steps.push({ kind: "advance", untilMs: s.ms, relative: false });
      earliestMs = Math.max(earliestMs, s.ms);
    }
    // `docker stop <node>`: the node's kubelet stops, as in the session (docker.ts).
    else if (s.kind === "docker") steps.push({ kind: "docker", argv: s.argv });
    // A dry run (or a --dry-run value kubectl refuses) changes nothing.
    else if (!changesCluster(s.command)) continue;
    else if (isCreateNamespace(s.command)) addNamespace(namespaces, s.command.positionals[1]);
    // `kubectl create job NAME --image=…`: the Job kubectl builds, created as `create -f` would
    // create it (a step whose options kubectl refuses, or --from, creates none).
    else if (isCreateJob(s.command)) {
      if (s.job === undefined) continue;
      const namespace = s.job.metadata?.namespace ?? "default";
      if (!namespaces.has(namespace)) {
        missingNamespace ??= { line: s.line, namespace };
        continue;
      }
      const prepared = Cluster.prepareJob(structuredClone(s.job), scenario.profile);
      if (Array.isArray(prepared))
        throw new AnalysisError(
          `${scenario.file}: ${s.line}: nothing to simulate: ${kubectlInvalidMessage("Job", s.job.metadata?.name ?? "", prepared).trimEnd()}`,
        );
      if (!jobKeys.includes(prepared.key)) jobKeys.push(prepared.key);
      prepared.tag = jobKeys.indexOf(prepared.key); // the Job's row in Monte Carlo results
      if (earliestMs >= scenario.horizonMs)
        throw new AnalysisError(`${scenario.file}: ${pastHorizon(s.line, earliestMs, scenario.horizonMs)}`);
      steps.push({ kind: "create", jobs: [prepared], apply: false });
    }
    // A Job's delete is not replayed: the question is how the Jobs end, not how the demo ends.
    // A pod deleted mid-run changes how its Job goes on: a step deleting only pods is replayed;
    // one deleting Jobs and pods together is not, and the CLI says so (skippedPodDeletes).
    else if (s.command.verb === "delete") {
      const kinds = deletedKinds(s.command);
      if (kinds.pods && !kinds.jobs) steps.push({ kind: "deletePods", command: s.command });
      else if (kinds.pods) skippedPodDeletes.push(s.line);
    } else if (s.command.verb === "apply" || s.command.verb === "create") {
      const jobs: PreparedJob[] = [];
      const ns = flag(s.command, "namespace");
      for (const f of s.files) {
        const m = scenario.manifests.get(f)!;
        if (m.clientError !== null)
          throw new AnalysisError(`${scenario.file}: ${s.line}: nothing to simulate: ${m.clientError}`);
        for (const [i, doc] of m.docs.entries()) {
          // The file's Namespace documents before this Job were sent first.
          for (const n of m.namespaces) if (n.beforeDoc <= i) addNamespace(namespaces, n.name);
          if (doc.decodeError !== null)
            throw new AnalysisError(`${scenario.file}: ${s.line}: nothing to simulate: ${doc.decodeError}`);
          const manifest = structuredClone(doc.object) as Job;
          if (ns !== undefined) (manifest.metadata ??= {}).namespace = ns;
          const namespace = manifest.metadata?.namespace ?? "default";
          if (!namespaces.has(namespace)) {
            missingNamespace ??= { line: s.line, namespace };
            continue;
          }
          const prepared = Cluster.prepareJob(manifest, scenario.profile);
          if (Array.isArray(prepared)) {
            throw new AnalysisError(
              `${scenario.file}: ${s.line}: nothing to simulate: ${kubectlInvalidMessage("Job", doc.name, prepared).trimEnd()}`,
            );
          }
          const key = prepared.key;
          if (!jobKeys.includes(key)) jobKeys.push(key);
          prepared.tag = jobKeys.indexOf(key); // the Job's row in Monte Carlo results
          prepared.specKeys = specKeys(doc.written);
          prepared.labels = writtenLabels(doc.written);
          prepared.writtenTemplate = writtenTemplate(doc.written);
          prepared.resourceVersion = appliedResourceVersion(doc.object) ?? undefined;
          jobs.push(prepared);
        }
        for (const n of m.namespaces) addNamespace(namespaces, n.name);
      }
      if (jobs.length > 0 && earliestMs >= scenario.horizonMs)
        // A run stops at the horizon: the Job would be made there, not when the session
        // applies it, and count as Unfinished in every run.
        throw new AnalysisError(`${scenario.file}: ${pastHorizon(s.line, earliestMs, scenario.horizonMs)}`);
      steps.push({ kind: "create", jobs, apply: s.command.verb === "apply" });
    } else if (s.command.verb === "cordon" || s.command.verb === "uncordon") {
      steps.push({ kind: "cordon", command: s.command });
    } else if (s.command.verb === "drain") {
      // Flags kubectl refuses make a step that changes nothing.
      const options = drainReplayOptions(s.command);
      if (options !== null) steps.push({ kind: "drain", command: s.command, options });
    } else if (s.command.verb === "logs") {
      const follow = followStep(s.command);
      if (follow !== null) steps.push(follow);
    } else if (s.command.verb === "patch") {
      const patch = patchStep(s.command);
      if (patch !== null) steps.push(patch);
    } else if (s.wait !== null) {
      steps.push({ kind: "wait", command: s.command });
      if (readsLeftOutText(s.command)) leanWaits.push(s.line);
    }
  }
  if (jobKeys.length === 0 && missingNamespace !== null) {
    const { line, namespace } = missingNamespace;
    throw new AnalysisError(
      `${scenario.file}: ${line}: nothing to simulate: namespaces "${namespace}" not found (add a step kubectl create namespace ${namespace}, or list it in cluster.namespaces)`,
    );
  }
  if (jobKeys.length === 0)
    throw new AnalysisError(
      `${scenario.file}: no step creates a Job (kubectl apply -f / create -f / create job): nothing to simulate`,
    );
  return { steps, skippedPodDeletes, leanWaits, jobKeys, horizonMs: scenario.horizonMs };
}

/** What a `kubectl delete` removes: pods (pod, pods, po; by name, NAME/…, selector or a comma
 * list), Jobs (any other type, or `-f` files, which hold Jobs). */
function deletedKinds(cmd: KubectlCommand): { pods: boolean; jobs: boolean } {
  if ((cmd.flags.get("filename") ?? []).length > 0) return { pods: false, jobs: true };
  const first = cmd.positionals[0] ?? "";
  const slash = first.includes("/");
  const types = slash ? cmd.positionals.map((p) => p.split("/")[0]) : first.split(",");
  const isPod = (t: string) => /^(po|pod|pods)$/.test(t.toLowerCase());
  return { pods: types.some(isPod), jobs: types.some((t) => !isPod(t)) };
}

/**
 * A `wait --for=jsonpath=` on text a Monte Carlo run does not write: human-readable messages
 * (conditions', containers' waiting and terminated states', events') and the annotations kubectl
 * adds (last-applied-configuration); the lean cluster leaves them out (monte-carlo.ts).
 */
function readsLeftOutText(cmd: KubectlCommand): boolean {
  const f = flag(cmd, "for") ?? "";
  return /^jsonpath=/i.test(f) && /message|annotations/i.test(f);
}

/** A namespace a step makes (an invalid name is refused in the session, so made here neither). */
function addNamespace(namespaces: Set<string>, name: string): void {
  if (isDns1123Label(name)) namespaces.add(name);
}

/** A `kubectl patch` the session would carry out (one it refuses changes nothing: null). */
function patchStep(cmd: KubectlCommand): PlanStep | null {
  const parsed = parsePatch(cmd);
  return typeof parsed === "string" ? null : { kind: "patch", ...parsed };
}

/**
 * A `kubectl logs -f job/NAME` (the one form whose pod a run can find: pod names differ from
 * run to run), which takes simulated time; any other logs command takes none.
 */
function followStep(cmd: KubectlCommand): PlanStep | null {
  if (!boolFlag(cmd, "follow") || boolFlag(cmd, "previous") || flag(cmd, "selector") !== undefined)
    return null;
  // A command kubectl refuses (logs-options.ts) reads nothing and lets no time pass.
  const args = parseLogsArgs(cmd);
  if (typeof args === "string" || validateLogs(cmd, args) !== null || args.resource === undefined)
    return null;
  let named: { kind: string; name: string }[];
  try {
    named = resolveResourceArgs([args.resource]).named;
  } catch {
    return null; // a bare POD name
  }
  if (named.length !== 1 || named[0].kind !== "jobs") return null;
  return {
    kind: "follow",
    namespace: namespaceOf(cmd),
    name: named[0].name,
    container: args.container,
    allContainers: boolFlag(cmd, "all-containers"),
    allPods: boolFlag(cmd, "all-pods"),
    refused: sinceRefusedByServer(args),
    ignoreErrors: boolFlag(cmd, "ignore-errors"),
    maxRequests: args.maxRequests,
    podTimeoutMs: args.podRunningTimeoutMs,
  };
}
