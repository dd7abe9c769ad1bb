import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { stringify } from "yaml";

/**
 * `mc --emit-job FILE`: a ConfigMap holding the scenario and an Indexed Job whose pod i runs
 * shard i+1 of n (JOB_COMPLETION_INDEX selects it) and prints the shard's JSON; collect the
 * logs into files and `jobsim merge` them (README, "Monte Carlo on a cluster").
 */

/** Runs per shard on a cluster: about a minute of work for one pod. */
const RUNS_PER_SHARD = 2_000_000;

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

export function emitJob(
  scenarioPath: string,
  name: string,
  runs: number,
  seed: number | string,
  shards: number,
  image = "jobsim:0.1.0",
): string {
  const file = configMapKey(basename(scenarioPath));
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
    data: { [file]: readFileSync(scenarioPath, "utf8") },
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
              command: [
                "sh",
                "-c",
                `exec jobsim mc /scenario/${file} --runs ${runs} --seed ${shellQuote(String(seed))} --shard $((JOB_COMPLETION_INDEX + 1))/${shards} --json`,
              ],
              resources: { requests: { cpu: "1", memory: "512Mi" }, limits: { memory: "1Gi" } },
              volumeMounts: [{ name: "scenario", mountPath: "/scenario", readOnly: true }],
            },
          ],
          volumes: [{ name: "scenario", configMap: { name: `${jobName}-scenario` } }],
        },
      },
    },
  };
  const header = [
    `# ${runs.toLocaleString("en-US")} runs of ${file} (seed ${seed}) as ${shards} shard(s) of an Indexed Job.`,
    `#   kubectl apply -f <this file> && kubectl wait --for=condition=complete job/${jobName} --timeout=1h`,
    // Only the pod that succeeded: an index retried after a failure has other pods too.
    `#   for i in $(seq 0 ${shards - 1}); do kubectl logs "$(kubectl get pods -l job-name=${jobName},batch.kubernetes.io/job-completion-index=$i --field-selector=status.phase=Succeeded -o name)" > shard-$i.json; done`,
    "#   jobsim merge shard-*.json",
  ].join("\n");
  // The scenario as a literal block, line for line as the user wrote it (no folding).
  const opts = { blockQuote: "literal", lineWidth: 0 } as const;
  return `${header}\n${stringify(configMap, opts)}---\n${stringify(job, opts)}`;
}
