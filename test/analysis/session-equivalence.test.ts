import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Fingerprint } from "../../src/analysis/fingerprint.js";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { Materializer } from "../../src/models/materialize.js";
import { type TraceLine, TraceRecorder } from "../../src/models/trace.js";
import type { Scenario } from "../../src/scenario/load.js";
import { loadScenario, parseScenario } from "../../src/scenario/load.js";
import { Session } from "../../src/session/session.js";
import { randomJobScenario, randomJobSpec, scenario } from "./helpers.js";

/**
 * Monte Carlo's lean cluster (no event text, no logs, lazy names) and `jobsim run`'s detailed one
 * are the same model: run r of seed s writes the same Job and Pod history, field for field, in
 * both. So a figure from `jobsim mc` can be opened and read as a session with
 * `jobsim run --seed s --run r`.
 */

const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** Without what `kubectl apply` adds on the client side (Monte Carlo creates the Job directly). */
function withoutLastApplied(line: TraceLine): TraceLine {
  const metadata = (line.object as { metadata?: { annotations?: Record<string, string> } } | undefined)
    ?.metadata;
  if (metadata?.annotations !== undefined) {
    delete metadata.annotations[LAST_APPLIED];
    if (Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  }
  return line;
}

function sessionTrace(sc: Scenario, seed: number | string, run: number): string[] {
  const lines: string[] = [];
  const session = new Session(sc, {
    seed,
    run,
    trace: (l) => lines.push(JSON.stringify(withoutLastApplied(l))),
  });
  session.run({ prompt() {}, stdout() {}, stderr() {} });
  return lines;
}

function monteCarloTrace(mc: MonteCarlo, run: number): { lines: string[]; outcome: string } {
  const lines: string[] = [];
  const materializer = new Materializer(mc.scenario.epochMs, mc.cluster.identities, mc.scenario.profile);
  const recorder = new TraceRecorder(mc.cluster.store, materializer, (l) => lines.push(JSON.stringify(l)));
  const outcome = mc.runOne(run)[0].outcome;
  mc.cluster.store.unwatch(recorder);
  return { lines, outcome };
}

/** The scenario with steps added at the end. */
function withSteps(sc: Scenario, ...steps: Scenario["steps"]): Scenario {
  return { ...sc, steps: [...sc.steps, ...steps] };
}

/** A Job named by the API server (generateName), created by `steps`. */
function generateNameScenario(steps: string[]): Scenario {
  return parseScenario(
    `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: gen}
images:
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: {exponential: {mean: 5}}, outcomes: [{probability: 0.4, exitCode: 0}, {probability: 0.6, exitCode: 1}]}
files:
  gen.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {generateName: work-}
    spec:
      backoffLimit: 2
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((x) => `  - ${JSON.stringify(x)}`).join("\n")}
`,
    "gen.yaml",
    "/nonexistent",
  );
}

/** A Job whose pods run two init containers (the first one flaky) before a flaky main container. */
function initContainerScenario(restartPolicy: "Never" | "OnFailure", sidecar = false): Scenario {
  return parseScenario(
    `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: inits}
images:
  fetch:1: {pullSeconds: 2, startSeconds: 1, runSeconds: {exponential: {mean: 4}}, outcomes: [{probability: 0.7, exitCode: 0}, {probability: 0.3, exitCode: 2}]}
  setup:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: 2, outcomes: [{probability: 1, exitCode: 0}]}
  app:1: {pullSeconds: 2, startSeconds: 1, runSeconds: {exponential: {mean: 5}}, outcomes: [{probability: 0.6, exitCode: 0}, {probability: 0.4, exitCode: 1}]}
  proxy:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: {exponential: {mean: 8}}, terminationSeconds: {uniform: [0.5, 3]}, outcomes: [{probability: 0.5, exitCode: 0}, {probability: 0.5, exitCode: 1}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: 2
      template:
        spec:
          initContainers: [${sidecar ? '{name: proxy, image: "proxy:1", restartPolicy: Always}, ' : ""}{name: fetch, image: "fetch:1"}, {name: setup, image: "setup:1"}]
          containers: [{name: c, image: "app:1"}]
          restartPolicy: ${restartPolicy}
steps:
  - kubectl apply -f job.yaml
  - sleep 2h
`,
    "inits.yaml",
    "/nonexistent",
  );
}

const CASES: { name: string; sc: Scenario; seed: number | string; oneEnding?: boolean }[] = [
  {
    name: "random timings, backoffLimit 4",
    sc: scenario({
      p: 0.3,
      backoffLimit: 4,
      runSeconds: "{lognormal: {median: 4, sigma: 0.5}}",
      pullSeconds: "{uniform: [1, 3]}",
      steps: ["kubectl apply -f job.yaml", "sleep 2h"],
    }),
    seed: 42,
  },
  {
    name: "parallelism 3, completions 5",
    sc: scenario({
      p: 0.5,
      backoffLimit: 6,
      runSeconds: "{exponential: {mean: 5}}",
      extraSpec: "\n      parallelism: 3\n      completions: 5",
      steps: ["kubectl apply -f job.yaml", "sleep 2h"],
    }),
    seed: "crn",
  },
  {
    // The API server names the Job (generateName): both paths draw the same name per run.
    name: "kubectl create of a generateName Job",
    sc: generateNameScenario(["kubectl create -f gen.yaml", "sleep 2h"]),
    seed: 5,
  },
  {
    // A server dry run shows a generated name but stores nothing, not even the draw: the create
    // after it gets the name Monte Carlo's create gets (which skips the dry run).
    name: "a server dry run before a generateName create",
    sc: generateNameScenario([
      "kubectl create -f gen.yaml --dry-run=server",
      "kubectl create -f gen.yaml",
      "sleep 2h",
    ]),
    seed: 5,
  },
  {
    // logs -f --all-pods follows every pod of the Job (logsforobject.go, allPods), not only the
    // one GetFirstPod picks: the next step comes when the last of them ends, in both paths.
    name: "logs -f --all-pods of three pods",
    sc: parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: allpods}
images:
  app:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: {exponential: {mean: 20}}, outcomes: [{probability: 0.5, exitCode: 0}, {probability: 0.5, exitCode: 1}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      completions: 3
      parallelism: 3
      backoffLimit: 1
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
  other.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: other}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 5s
  - kubectl logs -f job/work --all-pods
  - kubectl apply -f other.yaml
  - sleep 2h
`,
      "allpods.yaml",
      "/nonexistent",
    ),
    seed: 2,
  },
  {
    // logs -f follows each container's run of the moment it asks: container a's restart is not
    // waited for, so the next step comes when b's run ends, in both paths.
    name: "logs -f of two containers while one restarts",
    sc: parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: follow2}
images:
  crash:1: {pullSeconds: 1, startSeconds: 0.5, outcomes: [{probability: 1, exitCode: 1, runSeconds: 10}]}
  slow:1: {pullSeconds: 1, startSeconds: 0.5, outcomes: [{probability: 1, exitCode: 0, runSeconds: 35}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: two}
    spec:
      backoffLimit: 6
      template:
        spec:
          containers: [{name: a, image: "crash:1"}, {name: b, image: "slow:1"}]
          restartPolicy: OnFailure
  other.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: other}
    spec:
      template:
        spec:
          containers: [{name: c, image: "slow:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 3s
  - kubectl logs -f job/two --all-containers
  - kubectl apply -f other.yaml
  - sleep 2h
`,
      "follow2.yaml",
      "/nonexistent",
    ),
    seed: 1,
    oneEnding: true,
  },
  {
    // A wait on pods (by selector, for a transient state) decides when the second Job starts.
    name: "kubectl wait on pods: a selector, a JSONPath on a state that comes and goes, --all",
    sc: parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: podwait}
images:
  app:1: {pullSeconds: 1, startSeconds: 0.3, runSeconds: {uniform: [1, 4]}, outcomes: [{probability: 0.3, exitCode: 0}, {probability: 0.7, exitCode: 1}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: w}
    spec:
      backoffLimit: 3
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: OnFailure
  job2.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: w2}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - kubectl wait --for=jsonpath={.status.containerStatuses[0].state.waiting.reason}=CrashLoopBackOff pod -l job-name=w --timeout=2m
  - kubectl apply -f job2.yaml
  - kubectl wait --for=condition=Ready pods --all --timeout=1m
  - kubectl patch job w -p '{"spec":{"backoffLimit":5}}'
  - sleep 1h
`,
      "podwait.yaml",
      "/nonexistent",
    ),
    seed: 4,
  },
  {
    // Pod deletes are replayed: by selector (waiting for the pods to go, with a grace period the
    // container takes part of), by name (found only in the run the name was copied from).
    name: "kubectl delete of pods: by selector with --wait and a grace period, by name, --all --now",
    sc: parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: poddelete}
images:
  app:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: {uniform: [2, 8]}, terminationSeconds: 3, outcomes: [{probability: 0.5, exitCode: 0}, {probability: 0.5, exitCode: 1}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: d}
    spec:
      backoffLimit: 4
      parallelism: 2
      completions: 3
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 3s
  - kubectl delete pods -l job-name=d --grace-period=5
  - sleep 4s
  - kubectl delete pod d-xxxxx --ignore-not-found
  - kubectl delete pods --all --now --wait=false
  - sleep 1h
`,
      "poddelete.yaml",
      "/nonexistent",
    ),
    seed: 2,
  },
  {
    // kubectl apply's three-way merge (apply-three-way.ts): the deadline set by `patch` is not in
    // either manifest, so the re-apply keeps it; backoffLimit, in both, is sent.
    name: "a re-apply after kubectl patch keeps the patched activeDeadlineSeconds",
    sc: parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: reapply}
images:
  app:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: {uniform: [2, 8]}, outcomes: [{probability: 0.3, exitCode: 0}, {probability: 0.7, exitCode: 1}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: r}
    spec:
      backoffLimit: 6
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - kubectl patch job r -p '{"spec":{"activeDeadlineSeconds":12,"backoffLimit":2}}'
  - sleep 2s
  - kubectl apply -f job.yaml
  - sleep 1h
`,
      "reapply.yaml",
      "/nonexistent",
    ),
    seed: 3,
  },
  {
    // A re-apply whose manifest carries a stale resourceVersion is refused (a Conflict), so the
    // backoffLimit it would lower stays: Monte Carlo leaves the Job as the session does.
    name: "a re-apply with a stale resourceVersion changes nothing",
    sc: parseScenario(
      `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: stale}
images:
  app:1: {pullSeconds: 1, startSeconds: 0.5, runSeconds: {uniform: [2, 8]}, outcomes: [{probability: 0.3, exitCode: 0}, {probability: 0.7, exitCode: 1}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: r}
    spec:
      backoffLimit: 6
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
  stale.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: r, resourceVersion: "1"}
    spec:
      backoffLimit: 0
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 1s
  - kubectl apply -f stale.yaml
  - sleep 1h
`,
      "stale.yaml",
      "/nonexistent",
    ),
    seed: 3,
  },
  {
    // Init containers run one after another before the regular one, each may fail: under Never
    // a failed init container fails the pod; under OnFailure it restarts with the crash back-off.
    name: "init containers that may fail, restartPolicy Never",
    sc: initContainerScenario("Never"),
    seed: 11,
  },
  {
    name: "init containers that may fail, restartPolicy OnFailure",
    sc: initContainerScenario("OnFailure"),
    seed: 11,
  },
  {
    // A sidecar that may crash (restarted under the crash back-off, whatever the policy) and is
    // stopped once the main container is done.
    name: "a sidecar beside init containers, restartPolicy Never",
    sc: initContainerScenario("Never", true),
    seed: 13,
  },
  { name: "the tutorial", sc: loadScenario("scenarios/flaky-job.yaml"), seed: 7, oneEnding: true },
  {
    // kubectl drain mid-run (cordon, evictions, the wait for the pods to go), then the steps
    // after it; the session sleeps on until both Jobs are done, as a Monte Carlo run goes on.
    name: "a drain (scenarios/drain.yaml)",
    sc: withSteps(loadScenario("scenarios/drain.yaml"), { kind: "sleep", line: "sleep 1h", ms: 3_600_000 }),
    seed: 3,
  },
  // docker stop of the agent: its pods evicted and Terminating for ever, the Job never finished.
  {
    name: "a node stopped mid-run",
    sc: loadScenario("scenarios/node-failure.yaml"),
    seed: 3,
    oneEnding: true,
  },
];

describe("Monte Carlo run r = session run r", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const mc = new MonteCarlo(c.sc, c.seed);
      const outcomes = new Set<string>();
      for (let run = 0; run < 12; run++) {
        const { lines, outcome } = monteCarloTrace(mc, run);
        outcomes.add(outcome);
        const full = sessionTrace(c.sc, c.seed, run);
        expect(lines.length).toBeGreaterThan(3);
        // Monte Carlo stops once every Job finished; the session goes on with its steps. (The
        // lean cluster writes no human-readable messages: a CrashLoopBackOff's is left out.)
        expect(full.slice(0, lines.length).map(withoutMessages)).toEqual(lines.map(withoutMessages));
      }
      // The runs compared include both endings where the model allows them.
      if (c.oneEnding !== true) expect(outcomes.size).toBe(2);
    });
  }
});

/**
 * A trace line without the changed fields that are human-readable messages — the lean cluster
 * leaves out text no result depends on (a CrashLoopBackOff waiting message, a pod failure
 * policy's condition message), as the file comment of monte-carlo.ts says — or kubectl's
 * last-applied record (Monte Carlo creates and updates Jobs without kubectl).
 */
function withoutMessages(line: string): string {
  const l = JSON.parse(line) as TraceLine;
  if (l.changed !== undefined)
    for (const k of Object.keys(l.changed))
      if (k.endsWith(".message") || k.startsWith("metadata.annotations")) delete l.changed[k];
  return JSON.stringify(l);
}

describe("Monte Carlo run r = session run r, over random Job specs", () => {
  it("parallelism, completions, Indexed, backoffLimitPerIndex, successPolicy, deadline, TTL, OnFailure, pod failure policy, kubectl wait, logs -f, patch, namespaces, re-apply, two Jobs, kubectl drain", () => {
    fc.assert(
      fc.property(randomJobSpec, (s) => {
        const sc = randomJobScenario(s);
        const mc = new MonteCarlo(sc, s.seed);
        for (let run = 0; run < 3; run++) {
          const { lines } = monteCarloTrace(mc, run);
          // (Every generated scenario creates a Job: an empty trace would compare nothing.)
          expect(lines.length).toBeGreaterThan(0);
          const full = sessionTrace(sc, s.seed, run).slice(0, lines.length);
          expect(full.map(withoutMessages)).toEqual(lines.map(withoutMessages));
        }
      }),
      { numRuns: 40, seed: 35 },
    );
  });
});

describe("first run of each outcome", () => {
  it("names a run that, replayed as a session, ends that way", () => {
    const sc = scenario({ p: 0.5, backoffLimit: 1, steps: ["kubectl apply -f job.yaml", "sleep 1h"] });
    const mc = new MonteCarlo(sc, 9);
    const stats = mc.newStats();
    mc.runRange(0, 200, stats, new Fingerprint());
    const firsts = stats[0].firstRuns;
    expect([...firsts.keys()].sort()).toEqual(["Complete", "Failed"]);
    for (const [outcome, run] of firsts) {
      const session = new Session(sc, { seed: 9, run });
      session.run({ prompt() {}, stdout() {}, stderr() {} });
      const job = session.cluster.store.jobs[0];
      expect(job.status.conditions.some((c) => c.type === outcome && c.status === "True")).toBe(true);
      // No earlier run ended this way.
      for (let r = 0; r < run; r++) expect(mc.runOne(r)[0].outcome).not.toBe(outcome);
    }
  });
});
