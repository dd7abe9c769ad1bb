import type { Job } from "kubernetes-types/batch/v1.js";
import { clientBuiltJob, createJobOptions, createJobOptionsProblem } from "../kubectl/create-job-object.js";
import { createJobUnsimulated } from "../kubectl/create-job-unsimulated.js";
import { dockerStepProblem } from "../kubectl/docker.js";
import { deprecatedDryRun } from "../kubectl/dry-run.js";
import { eventsOutputRefused, eventsOutputUnsupported } from "../kubectl/events-output.js";
import { unrenderedOutput } from "../kubectl/output-formats.js";
import { flag, isCreateJob, type KubectlCommand, parseKubectl, type UsageError } from "../kubectl/parse.js";
import { JSON_PATCH_UNSUPPORTED } from "../kubectl/patch-args.js";
import { kindNotActedOn, ResourceError, resolveResourceArgs } from "../kubectl/resources.js";
import { splitPipeline } from "../kubectl/shell-words.js";
import { parseFor, type WaitCondition, waitTimeout } from "../kubectl/wait-condition.js";
import { parseScenarioDuration } from "./durations.js";
import { lineCountProblem, parseGrep } from "./pipe-args.js";
import { type Problems, shown } from "./problems.js";

/**
 * The `steps:` of a session. A step is a command line — `kubectl ...` (optionally piped into
 * grep/head/tail), `docker stop <node>...`, `sleep <duration>` or `at <time>` — or a mapping
 * {at: <time>, run: <line>}.
 * Each kubectl command takes no simulated time except `wait` (until its condition or timeout)
 * and `logs -f` (until the container ends).
 */

export type PipeStage = { program: "grep" | "head" | "tail"; argv: string[] };

/** A `kubectl wait` whose --for and --timeout were understood when the scenario loaded. */
export interface WaitPlan {
  condition: WaitCondition;
  timeoutMs: number;
}

export type Step =
  | {
      kind: "kubectl";
      line: string;
      command: KubectlCommand;
      pipe: PipeStage[];
      files: string[];
      wait: WaitPlan | null;
      /** The Job a `kubectl create job NAME --image=IMAGE` step sends (create-job-object.ts),
       * when its options pass create_job.go's Validate; the loader checks its image and applies
       * `--set spec.…` to it, and Monte Carlo creates it. */
      job?: Job;
    }
  | { kind: "sleep"; line: string; ms: number }
  | { kind: "at"; line: string; ms: number }
  /** `docker stop <node>…` (docker.ts): the words after `docker`. */
  | { kind: "docker"; line: string; argv: string[] };

const PIPE_PROGRAMS = ["grep", "head", "tail"];

export function parseStepLine(line: string, path: string, problems: Problems): Step | null {
  // An empty step (`- ""`) would otherwise read "empty command in pipeline: ", naming nothing.
  if (line.trim() === "") {
    problems.add(
      path,
      'empty step: expected a command line ("kubectl ...", "sleep <duration>" or "at <time>")',
    );
    return null;
  }
  let stages: string[][];
  try {
    stages = splitPipeline(line.trim());
  } catch (e) {
    problems.add(path, (e as Error).message);
    return null;
  }
  const [first, ...rest] = stages;
  const word = first[0];
  if (word === "sleep" || word === "at") {
    if (stages.length > 1 || first.length !== 2) {
      problems.add(path, `expected "${word} <duration>", got "${line}"`);
      return null;
    }
    const ms = parseScenarioDuration(first[1]);
    if (typeof ms === "string") {
      problems.add(path, `${word}: ${ms}`);
      return null;
    }
    return { kind: word, line, ms };
  }
  if (word === "docker") {
    const problem = stages.length > 1 ? "only kubectl steps may be piped" : dockerStepProblem(first.slice(1));
    if (problem !== null) {
      problems.add(path, `${line}: ${problem.replace(/\n+/g, " ")}`);
      return null;
    }
    return { kind: "docker", line, argv: first.slice(1) };
  }
  if (word !== "kubectl") {
    problems.add(
      path,
      `unknown step "${line}": steps are "kubectl ...", "docker stop <node>", "sleep <duration>" or "at <time>"`,
    );
    return null;
  }
  let command: KubectlCommand;
  try {
    command = parseKubectl(first);
  } catch (e) {
    problems.add(path, `${line}: ${(e as UsageError).message.replace(/\n/g, " ")}`);
    return null;
  }
  const pipe: PipeStage[] = [];
  for (const s of rest) {
    if (!PIPE_PROGRAMS.includes(s[0])) {
      problems.add(path, `${line}: only grep, head and tail can follow a pipe, got "${s[0]}"`);
      return null;
    }
    const program = s[0] as PipeStage["program"];
    const grep = program === "grep" ? parseGrep(s.slice(1)) : null;
    const problem =
      program === "grep" ? (typeof grep === "string" ? grep : null) : lineCountProblem(program, s.slice(1));
    if (problem !== null) {
      problems.add(path, `${line}: ${problem}`);
      return null;
    }
    pipe.push({ program, argv: s.slice(1) });
  }
  // kubectl has --type json, jobsim does not apply it: a scenario using it is refused up front
  // (any other bad patch argument is kubectl's to refuse in the session).
  if (command.verb === "patch" && flag(command, "type")?.toLowerCase() === "json") {
    problems.add(path, `${line}: ${JSON_PATCH_UNSUPPORTED}`);
    return null;
  }
  if (command.verb === "events" && eventsOutputRefused(flag(command, "output"))) {
    problems.add(path, `${line}: ${eventsOutputUnsupported(flag(command, "output") ?? "")}`);
    return null;
  }
  // drain writes its lines as its evictions go on in simulated time (drain.ts), not as one
  // output a pipe could read.
  if (command.verb === "drain" && pipe.length > 0) {
    problems.add(path, `${line}: jobsim does not simulate a pipe after "kubectl drain"`);
    return null;
  }
  const unsimulated =
    unsimulatedResourceStep(command) ??
    deprecatedDryRun(command) ??
    (isCreateJob(command) ? createJobUnsimulated(command) : null);
  if (unsimulated !== null) {
    problems.add(path, `${line}: ${unsimulated}`);
    return null;
  }
  const files = command.flags.get("filename") ?? [];
  let wait: WaitPlan | null = null;
  if (command.verb === "wait") {
    // A --for or --timeout kubectl refuses is its error in the session (wait.ts), where no time
    // passes: such a step is no wait to replay.
    const condition = parseFor(flag(command, "for"));
    const t = waitTimeout(flag(command, "timeout"));
    if (typeof condition !== "string" && typeof t !== "string") wait = { condition, timeoutMs: t.timeoutMs };
  }
  if (isCreateJob(command)) {
    const options = createJobOptions(command);
    // (Options Validate refuses are the command's error in the session, which creates nothing.)
    if (createJobOptionsProblem(options) === null && options.from === "")
      return { kind: "kubectl", line, command, pipe, files, wait, job: clientBuiltJob(options) };
  }
  return { kind: "kubectl", line, command, pipe, files, wait };
}

/** Verbs whose arguments name resources (TYPE NAME..., TYPE/NAME...). */
const RESOURCE_VERBS = new Set(["get", "describe", "delete", "wait", "patch"]);

/**
 * What a kubectl step asks for that jobsim does not simulate — a resource type a cluster has
 * and jobsim does not model (`get all`, `get deploy`), a `get -o` format it does not render, a
 * `describe` of a kind it lists but does not describe (nodes, events, namespaces) —
 * said when the scenario loads, as the session would say it when the step runs. Errors a real
 * kubectl would print (an unknown type) are left to the session.
 */
function unsimulatedResourceStep(command: KubectlCommand): string | null {
  if (command.verb === "get") {
    const output = flag(command, "output");
    const unrendered = output === undefined ? null : unrenderedOutput(output);
    if (unrendered !== null) return unrendered;
  }
  if (!RESOURCE_VERBS.has(command.verb)) return null;
  try {
    const args = resolveResourceArgs(command.positionals);
    return kindNotActedOn(command.verb, args.kinds);
  } catch (e) {
    if (e instanceof ResourceError && e.message.startsWith("jobsim does not simulate")) return e.message;
  }
  return null;
}

export function parseSteps(value: unknown, problems: Problems): Step[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.add("steps", "expected a non-empty list of steps (kubectl commands, sleep, at)");
    return [];
  }
  const out: Step[] = [];
  value.forEach((v, i) => {
    const path = `steps[${i}]`;
    if (typeof v === "string") {
      const s = parseStepLine(v, path, problems);
      if (s) out.push(s);
      return;
    }
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.some((k) => k !== "at" && k !== "run") || o.at === undefined) {
        // A command with ": " in it reads as a mapping in YAML: say so, rather than list its "keys".
        const command = keys.length === 1 && /^(kubectl|sleep|at)\b/.test(keys[0]);
        problems.add(
          path,
          command
            ? `"${keys[0]}: ..." reads as a YAML mapping: ${QUOTE_HINT}`
            : `expected {at: <time>} or {at: <time>, run: "kubectl ..."}, got keys ${keys.join(", ")}`,
        );
        return;
      }
      const ms = parseScenarioDuration(o.at);
      if (typeof ms === "string") {
        problems.add(`${path}.at`, ms);
        return;
      }
      out.push({ kind: "at", line: `at ${o.at}`, ms });
      if (o.run !== undefined) {
        if (typeof o.run !== "string") problems.add(`${path}.run`, "expected a command line");
        else {
          const s = parseStepLine(o.run, `${path}.run`, problems);
          if (s) out.push(s);
        }
      }
      return;
    }
    problems.add(path, `expected a command line, got ${shown(v)}`);
  });
  return out;
}

/** How to write a step YAML would otherwise take apart. */
export const QUOTE_HINT =
  'a step holding ": ", " #" or starting with "{" needs quotes, e.g. - \'kubectl get pods -o jsonpath={.items[*].metadata.name}\'';
