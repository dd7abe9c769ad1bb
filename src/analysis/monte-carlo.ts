import { withMergedTemplate } from "../kubectl/apply-template.js";
import { conflictsWithLive, withMergedLabels, withRetainedSpec } from "../kubectl/apply-three-way.js";
import { updateExistingJob } from "../kubectl/commands/apply.js";
import { cordonCommand } from "../kubectl/commands/cordon.js";
import { deleteCommand } from "../kubectl/commands/delete.js";
import { replayDrain } from "../kubectl/commands/drain.js";
import {
  FOLLOW_LIMIT_MS,
  followedRunEnded,
  followedStreams,
  logContainers,
  podsForLogs,
} from "../kubectl/commands/logs-streams.js";
import { patchJob } from "../kubectl/commands/patch.js";
import { waitCommand } from "../kubectl/commands/wait.js";
import type { KubectlContext } from "../kubectl/context.js";
import { defaultLogContainer } from "../kubectl/default-container.js";
import { dockerCommand } from "../kubectl/docker.js";
import { SelectorError } from "../models/api/label-selector-parse.js";
import { Cluster, type PreparedJob } from "../models/cluster.js";
import { Materializer } from "../models/materialize.js";
import type { ContainerStatus, PodRecord } from "../models/objects.js";
import { clusterConfig } from "../scenario/cluster-config.js";
import type { Scenario } from "../scenario/load.js";
import { JobStats } from "./accumulators.js";
import type { Fingerprint } from "./fingerprint.js";
import { type PlanStep, planFor, type RunPlan } from "./plan.js";
import { type JobRunResult, OUTCOME_CODE, RunCollector } from "./run-collector.js";

export type { JobRunResult } from "./run-collector.js";

/**
 * Monte Carlo over one scenario: run i resets a lean cluster (no event text, no logs, names
 * only when asked) to run i of the seed, replays the plan (plan.ts) and lets the cluster run
 * until every Job finished or the horizon. The same controller, scheduler and kubelet code as
 * `jobsim run`; only what no result depends on is skipped.
 *
 * Results go straight into per-Job accumulators (no per-run objects), and into the
 * fingerprint.
 */

export class MonteCarlo {
  readonly plan: RunPlan;
  readonly cluster: Cluster;
  private readonly collector: RunCollector;
  // Made once (no closure per run): all Jobs finished.
  private readonly allFinished = () =>
    this.collector.created > 0 && this.collector.finished === this.collector.created;
  /** What a `kubectl wait` or pod `delete` step runs against, made at the first one (lazy: most
   * plans have none). */
  private waitContext: KubectlContext | null = null;
  /** Per Job row (PreparedJob.tag), what the live Job's last successful `apply` set (null after
   * `create`): the original of kubectl's three-way merge (apply-three-way.ts). Read only for a
   * Job live in this run, and written when submit created it: no clearing per run. */
  private readonly lastApplied: (PreparedJob | null)[];

  constructor(
    readonly scenario: Scenario,
    readonly seed: number | string,
  ) {
    this.plan = planFor(scenario);
    this.cluster = new Cluster(clusterConfig(scenario, seed, false));
    this.collector = new RunCollector(this.plan.jobKeys);
    this.lastApplied = this.plan.jobKeys.map(() => null);
    this.cluster.store.watchJobs(this.collector);
    this.cluster.store.watchPods(this.collector);
  }

  get jobKeys(): readonly string[] {
    return this.plan.jobKeys;
  }

  /** Runs run `run` and returns its per-Job results (reused between calls: copy to keep). */
  runOne(run: number): readonly JobRunResult[] {
    const c = this.cluster;
    const sim = c.sim;
    c.reset(run);
    this.collector.reset();
    for (const step of this.plan.steps) {
      // As a session does before each step: what is due now happens first — what the step
      // before did (a second apply at the same instant comes after the first Job's pods were
      // bound), and the rest of the millisecond a wait or `logs -f` stopped in.
      sim.run({ until: sim.now });
      if (step.kind === "create") {
        for (const p of step.jobs) this.submit(p, step.apply);
      } else if (step.kind === "follow") {
        this.follow(step);
      } else if (step.kind === "patch") {
        const live = c.store.findJob(step.namespace, step.name);
        if (live !== undefined && !live.removed) patchJob(c, live, step.patch);
      } else if (step.kind === "cordon") {
        // The node state it sets goes with Cluster.reset (NodeRecord.resetState).
        try {
          cordonCommand(this.kubectl(), step.command);
        } catch (e) {
          refusedSelector(e);
        }
      } else if (step.kind === "drain") {
        // Its node and pod state goes with Cluster.reset, as cordon's.
        try {
          replayDrain(this.kubectl(), step.command, step.options);
        } catch (e) {
          refusedSelector(e);
        }
      } else if (step.kind === "docker") {
        // The node state it sets goes with Cluster.reset (NodeRecord.resetState); its output
        // is not read.
        dockerCommand(c, step.argv);
      } else if (step.kind === "deletePods") {
        try {
          deleteCommand(this.kubectl(), step.command);
        } catch (e) {
          refusedSelector(e);
        }
      } else if (step.kind === "advance") {
        const until = step.relative ? sim.now + step.untilMs : Math.max(sim.now, step.untilMs);
        sim.run({ until: Math.min(until, this.plan.horizonMs) });
      } else {
        try {
          waitCommand(this.kubectl(), step.command);
        } catch (e) {
          refusedSelector(e);
        }
      }
    }
    sim.run({ until: sim.now }); // what the last step did
    if (!this.allFinished() && sim.now < this.plan.horizonMs)
      sim.run({ until: this.plan.horizonMs, stopWhen: this.allFinished });
    this.collector.finish(c);
    return this.collector.results;
  }

  /**
   * The context a session gives `kubectl wait` and `delete` (their output is dropped), with time
   * bounded by the horizon. A wait may read a Job or pod as the API shows it (`--for=jsonpath`):
   * the materializer.
   */
  private kubectl(): KubectlContext {
    if (this.waitContext !== null) return this.waitContext;
    const cluster = this.cluster;
    const scenario = this.scenario;
    const horizonMs = this.plan.horizonMs;
    let materializer: Materializer | null = null;
    this.waitContext = {
      cluster,
      get materializer() {
        materializer ??= new Materializer(scenario.epochMs, cluster.identities, scenario.profile);
        return materializer;
      },
      profile: scenario.profile,
      manifests: scenario.manifests,
      nowWallMs: () => scenario.epochMs + cluster.sim.now,
      waitUntil: (done, timeoutMs) => {
        if (done()) return true;
        cluster.sim.run({ until: Math.min(cluster.sim.now + timeoutMs, horizonMs), stopWhen: done });
        return done();
      },
      startWatch: () => {},
      emitWatch: () => {},
    };
    return this.waitContext;
  }

  /** `kubectl logs -f job/NAME` as a session runs it: time passes until the chosen pod's (with
   * --all-pods, every pod's) container(s) end (logs.ts picks them and says when following stops). */
  private follow(step: Extract<PlanStep, { kind: "follow" }>): void {
    const sim = this.cluster.sim;
    const limit = this.plan.horizonMs;
    const job = this.cluster.store.findJob(step.namespace, step.name);
    if (job === undefined) return;
    // With no pod yet, GetFirstPod takes the first one created (logs.ts).
    const watched = job.pods.length === 0;
    if (watched)
      sim.run({ until: Math.min(sim.now + step.podTimeoutMs, limit), stopWhen: () => job.pods.length > 0 });
    if (step.refused) return;
    const pods = watched ? job.pods.slice(0, 1) : podsForLogs(job.pods, step.allPods).pods;
    const streams: { pod: PodRecord; c: ContainerStatus }[] = [];
    for (const pod of pods) {
      const name =
        step.container ?? (step.allContainers ? undefined : defaultLogContainer(pod, step.allPods).name);
      const containers = logContainers(pod, name, step.allContainers);
      if (containers === undefined) return; // the session's "container x is not valid": no wait
      for (const c of containers) streams.push({ pod, c });
    }
    // Each stream follows the run current at the request, until it ends (logs.ts).
    const followed = followedStreams(streams, step.ignoreErrors, step.maxRequests).map(({ pod, c }) => ({
      pod,
      c,
      run: c.current!,
    }));
    for (const { pod, c, run } of followed)
      if (!followedRunEnded(pod, c, run))
        sim.run({
          until: Math.min(sim.now + FOLLOW_LIMIT_MS, limit),
          stopWhen: () => followedRunEnded(pod, c, run),
        });
  }

  /**
   * A manifest submitted as the session's kubectl would: a new Job, or — when one of that name
   * is live (applied by an earlier step) — `apply`'s update of it (unchanged, or configured with
   * new mutable fields) and `create`'s AlreadyExists, which changes nothing.
   */
  private submit(p: PreparedJob, apply: boolean): void {
    const c = this.cluster;
    const live = c.store.findJob(p.namespace, p.name);
    // (A Job named only at creation is never found live, so never applied over.)
    if (live === undefined || live.removed) {
      c.createJob(p);
      // (what the session's last-applied-configuration annotation would hold: `create` makes none)
      this.lastApplied[p.tag] = apply ? p : null;
    } else if (apply) {
      // A stale resourceVersion in the manifest: the session's apply is refused (Conflict).
      if (conflictsWithLive(p.resourceVersion, live.resourceVersion)) return;
      // kubectl's three-way merge keeps live fields neither this manifest nor the last one set.
      const written = p.specKeys ?? new Set(Object.keys(p.object.spec ?? {}));
      const last = this.lastApplied[p.tag];
      const original = last === null ? null : (last.specKeys ?? new Set(Object.keys(last.object.spec ?? {})));
      const merged = withMergedLabels(
        withMergedTemplate(
          withRetainedSpec(p.object, written, live.object, original),
          p.writtenTemplate,
          live.object,
          last?.writtenTemplate,
        ),
        p.labels,
        live.object,
        last?.labels,
      );
      if (updateExistingJob(c, live, merged).error === undefined) this.lastApplied[p.tag] = p;
    }
  }

  /** Runs [from, to) into `stats` (one per Job key) and `fp`; `onRun` sees each run's results. */
  runRange(
    from: number,
    to: number,
    stats: JobStats[],
    fp: Fingerprint,
    onRun?: (run: number, results: readonly JobRunResult[]) => void,
  ): void {
    for (let run = from; run < to; run++) {
      const results = this.runOne(run);
      if (onRun !== undefined) onRun(run, results);
      fp.beginRun(run);
      for (let j = 0; j < results.length; j++) {
        const r = results[j];
        stats[j].add(run, r.outcome, r.reason, r.pods, r.failedPods, r.durationMs, r.podMs, r.wastedMs);
        fp.word(OUTCOME_CODE[r.outcome]);
        fp.word(r.durationMs);
        fp.word(r.pods);
        fp.word(r.failedPods);
        fp.word(r.podMs);
      }
    }
  }

  newStats(): JobStats[] {
    return this.plan.jobKeys.map(() => new JobStats());
  }
}

/**
 * What a replayed `wait` or `delete` threw: a `-l` kubectl refuses (the server's BadRequest),
 * which changes nothing, as runKubectl turns it into kubectl's error in a session (runKubectl is
 * not used here: it loads every command and the printers, which a worker thread does without);
 * anything else is rethrown.
 */
function refusedSelector(e: unknown): void {
  if (!(e instanceof SelectorError)) throw e;
}
