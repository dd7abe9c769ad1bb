import fc from "fast-check";
import { parseScenario, type Scenario } from "../../src/scenario/load.js";

/** A one-Job scenario with fixed or random timings, for analysis tests. */
export function scenario(opts: {
  p: number;
  backoffLimit: number;
  runSeconds?: string;
  startSeconds?: string;
  pullSeconds?: string;
  extraSpec?: string;
  /** Lines added to the pod template's spec (each indented by 10 spaces). */
  podSpecExtra?: string;
  steps?: string[];
  horizon?: string;
}): Scenario {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: analysis-test
seed: 42${opts.horizon === undefined ? "" : `\nhorizon: ${opts.horizon}`}
images:
  app:1:
    pullSeconds: ${opts.pullSeconds ?? "2"}
    startSeconds: ${opts.startSeconds ?? "2"}
    runSeconds: ${opts.runSeconds ?? "3"}
    outcomes:
      - {probability: ${opts.p}, exitCode: 0, log: ok}
      - {probability: ${Number((1 - opts.p).toPrecision(12))}, exitCode: 1, log: failed}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: ${opts.backoffLimit}${opts.extraSpec ?? ""}
      template:
        spec:${opts.podSpecExtra ?? ""}
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${(opts.steps ?? ["kubectl apply -f job.yaml"]).map((s) => `  - ${s}`).join("\n")}
`;
  return parseScenario(text, "analysis-test.yaml", "/nonexistent");
}

/** Random Job specs for property tests: every way a Job can end is reachable. */
export const randomJobSpec = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  p: fc.constantFrom(0.1, 0.4, 0.8),
  exitTwo: fc.constantFrom(0, 0.2),
  backoffLimit: fc.integer({ min: 0, max: 4 }),
  parallelism: fc.integer({ min: 1, max: 3 }),
  completions: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  /** completionMode Indexed (when completions is set: an Indexed Job needs it). */
  indexed: fc.boolean(),
  /** backoffLimitPerIndex (Indexed only), with maxFailedIndexes; FailJob rules become FailIndex. */
  perIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  maxFailedIndexes: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  /** successPolicy (Indexed only): a rule on index 0, or on a count of indexes. */
  successPolicy: fc.constantFrom("none", "index0", "count2"),
  deadline: fc.option(fc.integer({ min: 5, max: 120 }), { nil: undefined }),
  ttl: fc.option(fc.constantFrom(0, 10), { nil: undefined }),
  onFailure: fc.boolean(),
  policy: fc.constantFrom("none", "FailJob", "Ignore", "Count"),
  runSeconds: fc.constantFrom("3", "{exponential: {mean: 8}}", "{uniform: [1, 30]}"),
  waitSeconds: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
  waitFor: fc.constantFrom("condition=complete", "condition=failed", "jsonpath={.status.active}=0"),
  /** The Job's namespace: default, one in cluster.namespaces, one a step creates first, or one
   * a Namespace document ahead of the Job in its file makes. */
  namespace: fc.constantFrom("default", "listed", "created", "document"),
  /** A later apply of the same manifest (unchanged), or of one with higher mutable fields. */
  reapply: fc.constantFrom("none", "same", "raised"),
  reapplyAfterSeconds: fc.integer({ min: 1, max: 200 }),
  /** `kubectl logs -f job/work` after the apply: time passes until the chosen pod's container ends. */
  follow: fc.boolean(),
  /** A later `kubectl patch`: backoffLimit raised by 3, or the Job suspended for a while. */
  patch: fc.constantFrom("none", "raise", "suspend"),
  patchAfterSeconds: fc.integer({ min: 0, max: 90 }),
  /** A second Job, "side" (parallelism 2, backoffLimit 1), applied after the first. */
  side: fc.boolean(),
  /** `kubectl drain` of the agent a while after the Jobs are applied (evicting its pods and
   * waiting for them, or giving up after --timeout=3s), then its uncordon. */
  drain: fc.constantFrom("none", "none", "drain", "timeout"),
  drainAfterSeconds: fc.integer({ min: 0, max: 60 }),
});

export type RandomJobSpec = typeof randomJobSpec extends fc.Arbitrary<infer T> ? T : never;

/** A scenario running one Job of spec `s`: apply, an optional wait, then 2 h. */
export function randomJobScenario(s: RandomJobSpec): Scenario {
  return parseScenario(randomJobScenarioText(s), "random-job.yaml", "/nonexistent");
}

function jobSpecLines(s: RandomJobSpec, raise: number): string {
  const spec = [
    `backoffLimit: ${s.backoffLimit + raise}`,
    `parallelism: ${s.parallelism + raise}`,
    s.completions === undefined ? "" : `completions: ${s.completions}`,
    s.completions === undefined || !s.indexed ? "" : "completionMode: Indexed",
    perIndex(s) ? `backoffLimitPerIndex: ${s.perIndex}` : "",
    s.completions === undefined || !s.indexed || s.successPolicy === "none"
      ? ""
      : s.successPolicy === "index0"
        ? 'successPolicy: {rules: [{succeededIndexes: "0"}]}'
        : `successPolicy: {rules: [{succeededCount: ${Math.min(2, s.completions)}}]}`,
    perIndex(s) && s.maxFailedIndexes !== undefined
      ? `maxFailedIndexes: ${Math.min(s.maxFailedIndexes, s.completions!)}`
      : "",
    s.deadline === undefined ? "" : `activeDeadlineSeconds: ${s.deadline + 60 * raise}`,
    s.ttl === undefined ? "" : `ttlSecondsAfterFinished: ${s.ttl}`,
    // A pod failure policy needs restartPolicy Never (the API server refuses it otherwise).
    s.policy === "none" || s.onFailure
      ? ""
      : `podFailurePolicy: {rules: [{action: ${s.policy === "FailJob" && perIndex(s) ? "FailIndex" : s.policy}, onExitCodes: {operator: In, values: [2]}}]}`,
  ].filter((l) => l !== "");
  const namespaceDoc =
    s.namespace === "document"
      ? "    apiVersion: v1\n    kind: Namespace\n    metadata: {name: work-ns}\n    ---\n"
      : "";
  return `${namespaceDoc}    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
${spec.map((l) => `      ${l}`).join("\n")}
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: ${s.onFailure ? "OnFailure" : "Never"}`;
}

/** backoffLimitPerIndex applies: an Indexed Job (completions set) with a per-index limit. */
function perIndex(s: RandomJobSpec): boolean {
  return s.completions !== undefined && s.indexed && s.perIndex !== undefined;
}

function drainSteps(s: RandomJobSpec): string[] {
  if (s.drain === "none") return [];
  const agent = "k3d-my-cluster-agent-0";
  const timeout = s.drain === "timeout" ? " --timeout=3s" : "";
  return [
    `sleep ${s.drainAfterSeconds}s`,
    `kubectl drain ${agent} --ignore-daemonsets${timeout}`,
    `kubectl uncordon ${agent}`,
  ];
}

function patchSteps(s: RandomJobSpec, ns: string): string[] {
  if (s.patch === "none") return [];
  const patch = (json: string) => `kubectl patch job work${ns} -p '${json}'`;
  const sleep = `sleep ${s.patchAfterSeconds}s`;
  if (s.patch === "raise") return [sleep, patch(`{"spec":{"backoffLimit":${s.backoffLimit + 3}}}`)];
  return [sleep, patch('{"spec":{"suspend":true}}'), "sleep 45s", patch('{"spec":{"suspend":false}}')];
}

function randomJobScenarioText(s: RandomJobSpec): string {
  const fail = Number((1 - s.p - s.exitTwo).toFixed(6));
  const ns = s.namespace === "default" ? "" : " -n work-ns";
  const steps = [
    s.namespace === "created" ? "kubectl create namespace work-ns" : "",
    `kubectl apply -f job.yaml${ns}`,
    s.side ? `kubectl apply -f side.yaml${ns}` : "",
    s.follow ? `kubectl logs -f job/work${ns}` : "",
    s.waitSeconds === undefined
      ? ""
      : `kubectl wait --for=${s.waitFor} job/work${ns} --timeout=${s.waitSeconds}s`,
    ...drainSteps(s),
    ...patchSteps(s, ns),
    s.reapply === "none" ? "" : `sleep ${s.reapplyAfterSeconds}s`,
    s.reapply === "none" ? "" : `kubectl apply -f ${s.reapply === "same" ? "job.yaml" : "raised.yaml"}${ns}`,
    "sleep 2h",
  ].filter((l) => l !== "");
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: run-results}
seed: ${s.seed}
${s.namespace === "listed" ? "cluster:\n  namespaces: [work-ns]\n" : ""}images:
  app:1:
    startSeconds: 1
    runSeconds: ${s.runSeconds}
    outcomes:
      - {probability: ${s.p}, exitCode: 0, log: ok}
      - {probability: ${fail}, exitCode: 1, log: failed}
      - {probability: ${s.exitTwo}, exitCode: 2, log: broken}
files:
  job.yaml: |
${jobSpecLines(s, 0)}
  raised.yaml: |
${jobSpecLines(s, 2)}
  side.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: side}
    spec:
      backoffLimit: 1
      parallelism: 2
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((l) => `  - ${l}`).join("\n")}
`;
}
