import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Distribution } from "../../src/engine/random/distributions.js";
import { backoffDurationMs } from "../../src/models/job-controller/backoff.js";
import { Materializer } from "../../src/models/materialize.js";
import { apiTime } from "../../src/models/objects.js";
import { TraceRecorder } from "../../src/models/trace.js";
import { versionProfile } from "../../src/models/version-profile.js";
import { behaviour, cluster, EPOCH, jobManifest, prepare, record } from "./harness.js";

/**
 * Invariants of the Job controller over random specs and outcome sequences (fast-check, fixed
 * seeds so the suite is deterministic).
 */

const HORIZON = 6 * 3_600_000;

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  backoffLimit: fc.integer({ min: 0, max: 8 }),
  // Spread evenly over (0, 1): fc.double picks evenly among doubles, so nearly every draw
  // would be below 1e-6 and every Job would fail.
  p: fc.integer({ min: 1, max: 99 }).map((x) => x / 100),
  runSeconds: fc.double({ min: 0.1, max: 120, noNaN: true }),
  lognormal: fc.boolean(),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

function simulate(
  s: Scenario,
  backoffLimit = s.backoffLimit,
  extra: Record<string, unknown> = {},
  podSpec: Record<string, unknown> = {},
) {
  const b = behaviour({
    runSeconds: s.lognormal ? Distribution.lognormal(s.runSeconds, 0.5) : Distribution.constant(s.runSeconds),
    outcomes: [
      { probability: s.p, exitCode: 0, log: "ok" },
      { probability: 1 - s.p, exitCode: 1, log: "failed" },
    ],
  });
  const c = cluster({ behaviour: b, seed: s.seed });
  const log = record(c);
  const job = c.createJob(prepare(jobManifest({ backoffLimit, ...extra }, podSpec)));
  c.sim.run({ until: HORIZON });
  return { c, log, job };
}

/** Complete, Failed or Running; a Job with both final conditions True fails the test here. */
function outcome(job: ReturnType<typeof simulate>["job"]): string {
  const ends = job.status.conditions.filter(
    (x) => (x.type === "Complete" || x.type === "Failed") && x.status === "True",
  );
  expect(ends.length).toBeLessThanOrEqual(1);
  return ends[0]?.type ?? "Running";
}

/** How often each value came up, to check that a property met the cases it is about. */
function tally(): { add: (k: string) => void; count: (k: string) => number } {
  const m = new Map<string, number>();
  return { add: (k) => m.set(k, (m.get(k) ?? 0) + 1), count: (k) => m.get(k) ?? 0 };
}

describe("Job controller properties", () => {
  it("(1) Never, parallelism 1: pods created ≤ backoffLimit + 1; status.failed ≤ backoffLimit + 1 at every write; the Job fails exactly when backoffLimit + 1 pods have failed", () => {
    const seen = tally();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { c, log, job } = simulate(s);
        const created = log.filter((x) => x.kind === "Pod" && x.type === "ADDED").length;
        expect(created).toBeLessThanOrEqual(s.backoffLimit + 1);
        for (const x of log) if (x.kind === "Job") expect(x.failed!).toBeLessThanOrEqual(s.backoffLimit + 1);
        const failedPods = c.store.pods.filter((p) => p.phase === 3).length;
        const result = outcome(job);
        expect(result === "Failed").toBe(failedPods === s.backoffLimit + 1);
        if (result === "Failed") expect(job.status.failed).toBe(s.backoffLimit + 1);
        if (result === "Complete") expect(job.status.succeeded).toBe(1);
        seen.add(`${result}/${created > 1 ? "retried" : "first"}`);
      }),
      { numRuns: 150, seed: 101 },
    );
    // The runs met each case: first-pod successes, successes after retries, and failures.
    for (const k of ["Complete/first", "Complete/retried", "Failed/retried"])
      expect(seen.count(k), k).toBeGreaterThan(0);
  });

  it("(2) each replacement is created no earlier than the last failure's finish + backoff(n), and within the 1 s sync slack after it", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { log } = simulate({ ...s, p: Math.min(s.p, 0.5) });
        const pods = log.filter((x) => x.kind === "Pod" && x.type === "ADDED");
        for (let n = 1; n < pods.length; n++) {
          const prev = pods[n - 1].pod!;
          const finished = apiTime(prev.containers[0].current!.finishedMs);
          const observed = log.find((x) => x.kind === "Pod" && x.pod === prev && x.phase === "Failed")!.t;
          const earliest = finished + backoffDurationMs(n);
          expect(pods[n].t).toBeGreaterThanOrEqual(earliest);
          expect(pods[n].t).toBeLessThanOrEqual(Math.max(earliest, observed + 1000));
        }
      }),
      { numRuns: 150, seed: 102 },
    );
  });

  it("(3) at every status write, active + succeeded + failed + uncounted accounts for every pod created and not deleted by the controller", () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.integer({ min: 1, max: 4 }),
        fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
        (s, parallelism, completions) => {
          const extra: Record<string, unknown> = { parallelism };
          if (completions !== undefined) extra.completions = completions;
          const { log } = simulate(s, s.backoffLimit, extra);
          let created = 0;
          for (const x of log) {
            if (x.kind === "Pod" && x.type === "ADDED") created++;
            if (x.kind === "Job" && x.type === "MODIFIED") {
              // No pod here is deleted without being counted (no scale-down, no suspend), so the
              // Job's accounting is exact at every write.
              expect(x.active! + x.succeeded! + x.failed! + x.uncounted!).toBe(created);
            }
          }
          const job = log[0].job!;
          if (outcome(job) !== "Running") {
            expect(job.status.active + job.status.succeeded + job.status.failed).toBe(created);
          }
        },
      ),
      { numRuns: 150, seed: 103 },
    );
  });

  it("(4) the same seed gives the same trace, byte for byte", () => {
    const trace = (s: Scenario): string => {
      const b = behaviour({
        runSeconds: Distribution.lognormal(s.runSeconds, 0.5),
        outcomes: [
          { probability: s.p, exitCode: 0, log: "ok" },
          { probability: 1 - s.p, exitCode: 1, log: "no" },
        ],
      });
      const c = cluster({ behaviour: b, seed: s.seed, detailed: true });
      const lines: string[] = [];
      const m = new Materializer(EPOCH, c.identities, versionProfile());
      new TraceRecorder(c.store, m, (l) => lines.push(JSON.stringify(l)));
      c.createJob(prepare(jobManifest({ backoffLimit: s.backoffLimit, parallelism: 2 })));
      c.sim.run({ until: HORIZON });
      return lines.join("\n");
    };
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const a = trace(s);
        expect(a.length).toBeGreaterThan(0);
        expect(trace(s)).toBe(a);
      }),
      { numRuns: 40, seed: 104 },
    );
  });

  it("(5) with the same seed (common random numbers), raising backoffLimit never turns a Complete Job into a Failed one: a Complete run is the same run", () => {
    const seen = tally();
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 6 }), (s, more) => {
        const low = simulate(s, s.backoffLimit).job;
        const high = simulate(s, s.backoffLimit + more).job;
        const [a, b] = [outcome(low), outcome(high)];
        seen.add(`${a}->${b}`);
        if (a === "Complete") {
          // Attempt k draws the same outcome and durations whatever the limit: the same pods, the same end.
          expect(b).toBe("Complete");
          expect(high.podsCreated).toBe(low.podsCreated);
          expect(high.status.completionMs).toBe(low.status.completionMs);
        } else {
          expect(a).toBe("Failed");
          // The higher limit made more attempts than the lower one's backoffLimit + 1.
          expect(high.podsCreated).toBeGreaterThan(low.podsCreated);
        }
      }),
      { numRuns: 150, seed: 105 },
    );
    for (const k of ["Complete->Complete", "Failed->Complete", "Failed->Failed"])
      expect(seen.count(k), k).toBeGreaterThan(0);
  });

  it("(6) activeDeadlineSeconds: a Job past its deadline fails at startTime + deadline exactly, and no pod is created from then on", () => {
    const seen = tally();
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 300 }), (s, deadline) => {
        const { log, job } = simulate(s, s.backoffLimit, { activeDeadlineSeconds: deadline });
        const end = job.status.startMs + deadline * 1000;
        for (const x of log) if (x.kind === "Pod" && x.type === "ADDED") expect(x.t).toBeLessThan(end);
        const result = outcome(job);
        const target = job.condition("FailureTarget");
        const reason = target?.reason ?? job.condition("Complete")?.reason ?? "";
        seen.add(`${result}/${reason}`);
        if (reason === "DeadlineExceeded") {
          expect(result).toBe("Failed");
          expect(target!.lastTransitionMs).toBe(end);
        }
        if (result === "Complete") expect(job.status.completionMs).toBeLessThanOrEqual(end + 1000);
      }),
      { numRuns: 150, seed: 106 },
    );
    for (const k of ["Failed/DeadlineExceeded", "Complete/CompletionsReached", "Failed/BackoffLimitExceeded"])
      expect(seen.count(k), k).toBeGreaterThan(0);
  });

  it("(7) restartPolicy OnFailure: one pod, restarted in place; the Job fails once its restarts reach backoffLimit (> 0 when it is 0)", () => {
    const seen = tally();
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { log, job } = simulate(s, s.backoffLimit, {}, { restartPolicy: "OnFailure" });
        const added = log.filter((x) => x.kind === "Pod" && x.type === "ADDED");
        expect(added).toHaveLength(1);
        const restarts = Math.max(...log.filter((x) => x.kind === "Pod").map((x) => x.restarts!));
        const result = outcome(job);
        seen.add(result);
        const limit = s.backoffLimit === 0 ? 1 : s.backoffLimit;
        if (result === "Failed") expect(restarts).toBe(limit);
        else expect(restarts).toBeLessThanOrEqual(limit);
      }),
      { numRuns: 100, seed: 107 },
    );
    for (const k of ["Complete", "Failed"]) expect(seen.count(k), k).toBeGreaterThan(0);
  });
});
