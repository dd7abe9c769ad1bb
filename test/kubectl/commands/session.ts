import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * A small fixed scenario for kubectl command tests: Job `work` runs one container for
 * `runSeconds` (default 30) and exits `exitCode` (0); the image pulls in 2 s, starts in 1 s; it
 * stops `terminationSeconds` (0) after SIGTERM.
 * The transcript marks stderr lines with "2> " so that their place among stdout lines shows.
 */
/** The `files:` entry of a plain Job `work` (one container `c` of image app:1, restartPolicy
 * Never), for scenarios written out in a test. */
export const WORK_JOB_FILE = `  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
`;

export interface CommandScenario {
  runSeconds?: number;
  completions?: number;
  /** The container's exit code (default 0). */
  exitCode?: number;
  restartPolicy?: "Never" | "OnFailure";
  /** How long the container takes to stop after SIGTERM (default 0). */
  terminationSeconds?: number;
  backoffLimit?: number;
  /** More files beside job.yaml, by name. */
  files?: Record<string, string>;
}

export function commandTranscript(steps: string[], opts: CommandScenario = {}): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: cmd}
seed: 1
cluster:
  nodes: [{name: node-0}]
images:
  app:1:
    pullSeconds: 2
    startSeconds: 1
    runSeconds: ${opts.runSeconds ?? 30}
    terminationSeconds: ${opts.terminationSeconds ?? 0}
    outcomes: [{probability: 1, exitCode: ${opts.exitCode ?? 0}, log: ok}]
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      completions: ${opts.completions ?? 1}
      backoffLimit: ${opts.backoffLimit ?? 6}
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: ${opts.restartPolicy ?? "Never"}
${Object.entries(opts.files ?? {})
  .map(([name, content]) => `  ${name}: ${JSON.stringify(content)}`)
  .join("\n")}
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "cmd.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}

/** What `command` printed when run after `steps`: the transcript after its (last) `$ command` line. */
export function commandOutput(steps: string[], command: string, opts: CommandScenario = {}): string {
  const out = commandTranscript([...steps, command], opts);
  return out.slice(out.lastIndexOf(`$ ${command}\n`) + command.length + 3);
}
