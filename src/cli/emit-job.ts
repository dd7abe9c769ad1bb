import { basename, isAbsolute } from "node:path";
import type { Job } from "kubernetes-types/batch/v1.js";
import { stringify } from "yaml";
import { kubectlInvalidMessage } from "../models/api/field-errors.js";
import { defaultJob } from "../models/api/job-defaults.js";
import { validateJob } from "../models/api/job-validation.js";
import type { Scenario } from "../scenario/load.js";
import { CliError } from "./output.js";

/**
 * `mc --emit-job FILE`: a ConfigMap holding the scenario and an Indexed Job whose pod i runs
 * shard i+1 of n (JOB_COMPLETION_INDEX selects it) and prints the shard's JSON; collect the
 * logs into files and `jobsim merge` them (README, "Monte Carlo on a cluster").
 */

/** A UID for validating the emitted Job as the API server would once it has one. */
const EMITTED_UID = "00000000-0000-4000-8000-000000000000";

/** Runs per shard on a cluster: about a minute of work for one pod. */
const RUNS_PER_SHARD = 2_000_000;

/** A pod's pace assumed for the wait's timeout: well under one core's (about 100,000 runs/s). */
const SLOW_RUNS_PER_SECOND = 25_000;

/** Hours to wait for the Job: the largest shard at the slow pace, at least 1. */
function waitHours(runs: number, shards: number): number {
  return Math.max(1, Math.ceil(Math.ceil(runs / shards) / SLOW_RUNS_PER_SECOND / 3600));
}

/** The default number of shards for `runs` (at most 100). */
export function defaultShards(runs: number): number {
  return Math.max(1, Math.min(100, Math.ceil(runs / RUNS_PER_SHARD)));
}

/** A word for `sh -c`, in single quotes: nothing in it is expanded (a seed may hold `$` or `"`). */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A ConfigMap key must match [-._a-zA-Z0-9]+ (apimachinery IsConfigMapKey). */
function configMapKey(fileName: string): string {
  return /^[-._a-zA-Z0-9]+$/.test(fileName) && fileName !== "." && fileName !== ".."
    ? fileName
    : "scenario.yaml";
}

/**
 * The ConfigMap's data and, when the scenario reads manifests from beside it, the volume's
 * items placing each at the path the steps name (relative to the scenario, as on this machine).
 * Such a path must stay inside the mount: a volume item path may be neither absolute nor hold
 * a ".." element (ValidateKeyToPath).
 */
function volumeFiles(
  scenario: Pick<Scenario, "text" | "filesOnDisk" | "manifests">,
  file: string,
): { data: Record<string, string>; items: { key: string; path: string }[] | undefined } {
  const data: Record<string, string> = { [file]: scenario.text };
  if (scenario.filesOnDisk.length === 0) return { data, items: undefined };
  const items = [{ key: file, path: file }];
  for (const path of scenario.filesOnDisk) {
    if (isAbsolute(path) || path.split(/[/\\]/).includes(".."))
      throw new CliError(
        `--emit-job: the scenario reads "${path}", outside its own directory, which the Job's scenario volume cannot hold there: move the file beside the scenario or under files:`,
      );
    const base = path.replace(/[^-._a-zA-Z0-9]/g, "-");
    let key = base;
    for (let n = 2; key in data || key === "." || key === ".."; n++) key = `${base}-${n}`;
    data[key] = scenario.manifests.get(path)?.text ?? "";
    items.push({ key, path: path.replace(/^(\.\/)+/, "") });
  }
  return { data, items };
}

export function emitJob(
  scenarioPath: string,
  scenario: Pick<Scenario, "name" | "text" | "filesOnDisk" | "manifests">,
  runs: number,
  seed: number | string,
  shards: number,
  image = "jobsim:0.1.0",
): string {
  const name = scenario.name;
  const file = configMapKey(basename(scenarioPath));
  const { data, items } = volumeFiles(scenario, file);
  // A DNS label: lower-case alphanumerics and '-', ending in an alphanumeric.
  const jobName = `jobsim-mc-${name}`
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .slice(0, 50)
    .replace(/-+$/, "");
  const configMap = {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: `${jobName}-scenario` },
    data,
  };
  const job = {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: jobName, labels: { "app.kubernetes.io/name": "jobsim" } },
    spec: {
      completionMode: "Indexed",
      completions: shards,
      parallelism: shards,
      backoffLimitPerIndex: 2,
      template: {
        metadata: { labels: { "app.kubernetes.io/name": "jobsim" } },
        spec: {
          restartPolicy: "Never",
          containers: [
            {
              name: "mc",
              image,
              // kubectl logs returns the container's stdout and stderr as one stream, and that
              // stream is the shard file merge reads: a note on stderr (a step mc does not
              // replay, say) would make it not JSON. stderr goes to the termination message
              // instead, which the pod's status shows (kubectl describe pod: Message).
              command: [
                "sh",
                "-c",
                `exec jobsim mc /scenario/${file} --runs ${runs} --seed ${shellQuote(String(seed))} --shard $((JOB_COMPLETION_INDEX + 1))/${shards} --json 2>/dev/termination-log`,
              ],
              resources: { requests: { cpu: "1", memory: "512Mi" }, limits: { memory: "1Gi" } },
              volumeMounts: [{ name: "scenario", mountPath: "/scenario", readOnly: true }],
            },
          ],
          volumes: [
            {
              name: "scenario",
              configMap: { name: `${jobName}-scenario`, ...(items === undefined ? {} : { items }) },
            },
          ],
        },
      },
    },
  };
  // The API server's own checks (e.g. an Indexed Job takes at most 100,000 completions and
  // parallelism): a manifest it would refuse is not written.
  const errors = validateJob(defaultJob(structuredClone(job) as Job, EMITTED_UID));
  if (errors.length > 0)
    throw new CliError(
      `--emit-job: the API server would refuse this Job: ${kubectlInvalidMessage("Job", jobName, errors).trimEnd()}`,
      2,
    );
  const header = [
    `# ${runs.toLocaleString("en-US")} runs of ${file} (seed ${seed}) as ${shards} shard(s) of an Indexed Job.`,
    `#   kubectl apply -f <this file> && kubectl wait --for=condition=complete job/${jobName} --timeout=${waitHours(runs, shards)}h`,
    // Only the pod that succeeded: an index retried after a failure has other pods too.
    `#   for i in $(seq 0 ${shards - 1}); do kubectl logs "$(kubectl get pods -l job-name=${jobName},batch.kubernetes.io/job-completion-index=$i --field-selector=status.phase=Succeeded -o name)" > shard-$i.json; done`,
    "#   jobsim merge shard-*.json",
  ].join("\n");
  // The scenario as a literal block, line for line as the user wrote it (no folding).
  const opts = { blockQuote: "literal", lineWidth: 0 } as const;
  return `${header}\n${stringify(configMap, opts)}---\n${stringify(job, opts)}`;
}
