import { describe, expect, it } from "vitest";
import { intervalsTotal, parseIndexIntervals } from "../../../src/models/job-controller/indexed.js";
import { Materializer } from "../../../src/models/materialize.js";
import { NONE, PodPhase } from "../../../src/models/objects.js";
import { versionProfile } from "../../../src/models/version-profile.js";
import { behaviour, type Change, cluster, exits, IMAGE, jobManifest, prepare, record } from "../harness.js";

/**
 * Indexed Jobs end to end (reference §3.7; indexed_job_utils.go, job_controller.go manageJob and
 * trackJobStatusAndRemoveFinalizers): each pod carries one completion index; a failed index gets
 * a new pod of the same index; the Job counts distinct succeeded indexes, written as
 * .status.completedIndexes; it is Complete when every index below completions succeeded.
 */

const HOUR = 3_600_000;
const INDEX = "batch.kubernetes.io/job-completion-index";

function indexedJob(spec: Record<string, unknown>) {
  return prepare(jobManifest({ completionMode: "Indexed", ...spec }));
}

/** The Job's writes, in order. */
function jobWrites(log: Change[]): Change[] {
  return log.filter((c) => c.kind === "Job");
}

describe("Indexed Jobs", () => {
  it("completions 4, parallelism 2, exits 0,1,0,0,0: index 1 is retried as index 1; completedIndexes grows to 0-3; Complete", () => {
    const c = cluster({ behaviour: behaviour({ script: exits(0, 1, 0, 0, 0) }) });
    const log = record(c);
    c.createJob(indexedJob({ completions: 4, parallelism: 2, backoffLimit: 6 }));
    const job = c.store.jobs[0];
    c.sim.run({ until: HOUR });

    const added = log.filter((x) => x.kind === "Pod" && x.type === "ADDED").map((x) => x.pod!);
    // The first sync creates the two lowest indexes. Index 0 succeeds and index 1 fails at once;
    // after the back-off the lowest pending indexes, 1 then 2, get pods; 3 follows a success.
    expect(added.map((p) => p.completionIndex)).toEqual([0, 1, 1, 2, 3]);
    for (const p of added)
      expect(p.name).toMatch(
        new RegExp(`^example-job-${p.completionIndex}-[bcdfghjklmnpqrstvwxz2456789]{5}$`),
      );

    expect(job.status.conditions.map((x) => `${x.type}/${x.reason}`)).toEqual([
      "SuccessCriteriaMet/CompletionsReached",
      "Complete/CompletionsReached",
    ]);
    expect([job.status.succeeded, job.status.failed, job.status.active]).toEqual([4, 1, 0]);
    expect(job.status.completedIndexes).toBe("0-3");
    expect(job.status.uncountedSucceeded).toEqual([]);

    // Written as they succeed (indexes 1 and 2 end together, in one sync): the text only grows,
    // and succeeded counts its indexes.
    const seen: string[] = [];
    for (const w of jobWrites(log)) {
      expect(w.succeeded).toBe(intervalsTotal(parseIndexIntervals(w.completedIndexes!, 4)));
      if (seen[seen.length - 1] !== w.completedIndexes) seen.push(w.completedIndexes!);
    }
    expect(seen).toEqual(["", "0", "0-2", "0-3"]);
  });

  it("never runs two active pods of one index, and gives each index at most one success", () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const c = cluster({ seed, behaviour: behaviour() }); // p = 0.4 per attempt
      c.createJob(indexedJob({ completions: 5, parallelism: 3, backoffLimit: 20 }));
      const job = c.store.jobs[0];
      let worst = 0;
      const watch = () => {
        const active = job.pods.filter(
          (p) => p.phase !== PodPhase.Succeeded && p.phase !== PodPhase.Failed && p.deletionMs === NONE,
        );
        const ix = active.map((p) => p.completionIndex);
        worst = Math.max(worst, ix.length - new Set(ix).size);
        expect(active.length).toBeLessThanOrEqual(3);
      };
      c.store.watchPods({ onPod: watch });
      c.sim.run({ until: 4 * HOUR });
      expect(worst).toBe(0);
      const succeededIndexes = job.pods
        .filter((p) => p.phase === PodPhase.Succeeded)
        .map((p) => p.completionIndex);
      expect(new Set(succeededIndexes).size).toBe(succeededIndexes.length);
      const done = job.status.conditions.find((x) => x.type === "Complete" || x.type === "Failed");
      expect(done).toBeDefined();
      if (done!.type === "Complete") {
        expect(job.status.completedIndexes).toBe("0-4");
        expect(job.status.succeeded).toBe(5);
      } else {
        expect(done!.reason).toBe("BackoffLimitExceeded");
        expect(job.status.succeeded).toBe(succeededIndexes.length);
      }
      expect(job.status.failed).toBe(job.pods.filter((p) => p.phase === PodPhase.Failed).length);
    }
  });

  it("as the API shows them: index annotation and label, hostname <job>-<index>, JOB_COMPLETION_INDEX from the label; completedIndexes omitted while empty", () => {
    const c = cluster({ detailed: true, behaviour: behaviour({ script: exits(0, 0, 0, 0) }) });
    c.createJob(
      indexedJob({
        completions: 2,
        parallelism: 2,
        template: {
          metadata: { labels: { app: "shards" } },
          spec: {
            hostname: "ignored",
            restartPolicy: "Never",
            containers: [
              { name: "a", image: IMAGE, env: [{ name: "X", value: "1" }] },
              {
                name: "b",
                image: IMAGE,
                env: [{ name: "JOB_COMPLETION_INDEX", value: "mine" }],
              },
            ],
          },
        },
      }),
    );
    c.sim.run({ until: 1 });
    const m = new Materializer(0, c.identities, versionProfile());
    const job = c.store.jobs[0];
    expect(m.job(job).status).not.toHaveProperty("completedIndexes");
    const pods = [...c.store.pods].sort((a, b) => a.completionIndex - b.completionIndex);
    expect(pods.map((p) => p.completionIndex)).toEqual([0, 1]);
    const api = m.pod(pods[1]);
    expect(api.metadata!.generateName).toBe("example-job-1-");
    expect(api.metadata!.annotations).toEqual({ [INDEX]: "1" });
    expect(api.metadata!.labels).toMatchObject({ app: "shards", [INDEX]: "1" });
    expect(api.spec!.hostname).toBe("example-job-1");
    expect(api.spec!.containers[0].env).toEqual([
      { name: "X", value: "1" },
      {
        name: "JOB_COMPLETION_INDEX",
        valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: `metadata.labels['${INDEX}']` } },
      },
    ]);
    // A container that sets the variable itself keeps its own.
    expect(api.spec!.containers[1].env).toEqual([{ name: "JOB_COMPLETION_INDEX", value: "mine" }]);
    // The Job's own template is as written: the index is the pods' alone.
    const template = m.job(job).spec!.template;
    expect(template.spec!.containers[0].env).toEqual([{ name: "X", value: "1" }]);
    expect(template.spec!.hostname).toBe("ignored");
    expect(template.metadata!.annotations).toBeUndefined();

    c.sim.run({ until: HOUR });
    expect(m.job(job).status!.completedIndexes).toBe("0,1");
  });
});
