/**
 * kubectl's flags parsed as cobra/pflag parse them (`-o wide`, `-owide`, `-o=wide`, `--output
 * wide`, `--output=wide`, repeated flags), with kubectl's usage errors. The shell words a step is
 * split into first: shell-words.ts.
 */

import { CREATE_JOB_FLAGS, createSubcommandRefusal, createSubcommandWord } from "./create-subcommand.js";
import { GLOBAL_FLAGS, globalFlagMessage, takesNextWord } from "./global-options.js";
import { goQuote } from "./jsonpath-values.js";
import { readAsCsv } from "./string-slice.js";
import { UNSIMULATED_FLAGS } from "./unsimulated-flags.js";

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface FlagSpec {
  long: string;
  short?: string;
  value: boolean;
}

const COMMON: FlagSpec[] = [{ long: "namespace", short: "n", value: true }];

const VERB_FLAGS: Record<string, FlagSpec[]> = {
  get: [
    { long: "output", short: "o", value: true },
    { long: "selector", short: "l", value: true },
    { long: "field-selector", value: true },
    { long: "watch", short: "w", value: false },
    { long: "watch-only", value: false },
    { long: "output-watch-events", value: false },
    { long: "show-labels", value: false },
    { long: "label-columns", short: "L", value: true },
    { long: "no-headers", value: false },
    { long: "all-namespaces", short: "A", value: false },
    { long: "sort-by", value: true },
    { long: "show-kind", value: false },
    { long: "ignore-not-found", value: false },
    { long: "filename", short: "f", value: true },
    { long: "allow-missing-template-keys", value: false },
  ],
  describe: [
    { long: "filename", short: "f", value: true },
    { long: "selector", short: "l", value: true },
    { long: "all-namespaces", short: "A", value: false },
    { long: "show-events", value: false },
    // cmdutil.AddChunkSizeFlag (int64, default 500): the page size of the builder's lists and
    // of searchEvents, followed to the end (FollowContinue), so no value changes the output.
    { long: "chunk-size", value: true },
  ],
  logs: [
    { long: "selector", short: "l", value: true },
    { long: "prefix", value: false },
    { long: "previous", short: "p", value: false },
    { long: "tail", value: true },
    { long: "container", short: "c", value: true },
    { long: "all-containers", value: false },
    { long: "all-pods", value: false },
    { long: "limit-bytes", value: true },
    { long: "follow", short: "f", value: false },
    { long: "timestamps", value: false },
    { long: "since", value: true },
    { long: "since-time", value: true },
    { long: "max-log-requests", value: true },
    { long: "ignore-errors", value: false },
    { long: "pod-running-timeout", value: true },
  ],
  apply: [
    { long: "filename", short: "f", value: true },
    { long: "dry-run", value: true },
  ],
  create: [
    { long: "filename", short: "f", value: true },
    { long: "dry-run", value: true },
  ],
  delete: [
    { long: "filename", short: "f", value: true },
    { long: "dry-run", value: true },
    { long: "selector", short: "l", value: true },
    { long: "all", value: false },
    { long: "cascade", value: true },
    { long: "grace-period", value: true },
    { long: "now", value: false },
    { long: "force", value: false },
    { long: "wait", value: false },
    { long: "ignore-not-found", value: false },
  ],
  wait: [
    { long: "filename", short: "f", value: true },
    { long: "for", value: true },
    { long: "timeout", value: true },
    { long: "selector", short: "l", value: true },
    { long: "all", value: false },
  ],
  events: [
    { long: "for", value: true },
    { long: "watch", short: "w", value: false },
    { long: "all-namespaces", short: "A", value: false },
    { long: "types", value: true },
    { long: "output", short: "o", value: true },
    { long: "no-headers", value: false },
  ],
  patch: [
    { long: "patch", short: "p", value: true },
    { long: "type", value: true },
    { long: "dry-run", value: true },
  ],
  // drain.go NewCmdCordon / NewCmdUncordon: AddLabelSelectorFlagVar and AddDryRunFlag only.
  cordon: [
    { long: "selector", short: "l", value: true },
    { long: "dry-run", value: true },
  ],
  uncordon: [
    { long: "selector", short: "l", value: true },
    { long: "dry-run", value: true },
  ],
  // drain.go NewCmdDrain: its own flags, then AddChunkSizeFlag, AddDryRunFlag and
  // AddLabelSelectorFlagVar (--delete-local-data is the deprecated alias of --delete-emptydir-data).
  drain: [
    { long: "force", value: false },
    { long: "ignore-daemonsets", value: false },
    { long: "delete-local-data", value: false },
    { long: "delete-emptydir-data", value: false },
    { long: "grace-period", value: true },
    { long: "timeout", value: true },
    { long: "pod-selector", value: true },
    { long: "disable-eviction", value: false },
    { long: "skip-wait-for-delete-timeout", value: true },
    { long: "chunk-size", value: true },
    { long: "dry-run", value: true },
    { long: "selector", short: "l", value: true },
  ],
};

export const KUBECTL_VERBS = Object.keys(VERB_FLAGS);

/** `logs -f` with a --limit-bytes other than 0 (0 is no limit: ToLogOptions leaves it unset). */
function followWithByteLimit(cmd: KubectlCommand): boolean {
  const limit = cmd.flags.get("limit-bytes")?.at(-1);
  const follow = cmd.flags.get("follow")?.at(-1);
  return limit !== undefined && limit !== "0" && follow !== undefined && follow !== "false";
}

function unsimulatedFlag(verb: string, name: string, context = ""): UsageError {
  return new UsageError(`jobsim does not simulate the --${name} flag of "kubectl ${verb}"${context}`);
}

/** String flags whose value pflag may omit (`--cascade` means background, `--dry-run` the
 * deprecated "unchanged": see dry-run.ts). */
const OPTIONAL_VALUE: Record<string, string> = {
  cascade: "background",
  "dry-run": "unchanged",
};

export interface KubectlCommand {
  verb: string;
  positionals: string[];
  /** Values by long flag name (booleans as "true"/"false"); repeated flags keep every value. */
  flags: Map<string, string[]>;
  /** How many positionals came before a `--` (cobra ArgsLenAtDash), when there was one. */
  argsLenAtDash?: number;
}

export function flag(cmd: KubectlCommand, name: string): string | undefined {
  const v = cmd.flags.get(name);
  return v === undefined ? undefined : v[v.length - 1];
}

/** `kubectl create namespace NAME` (also `ns`): the one `create` subcommand jobsim simulates. */
export function isCreateNamespace(cmd: KubectlCommand): boolean {
  return cmd.verb === "create" && (cmd.positionals[0] === "namespace" || cmd.positionals[0] === "ns");
}

/** `kubectl create job NAME ...` (create_job.go). */
export function isCreateJob(cmd: KubectlCommand): boolean {
  return cmd.verb === "create" && cmd.positionals[0] === "job";
}

export function boolFlag(cmd: KubectlCommand, name: string): boolean {
  const v = flag(cmd, name);
  return v !== undefined && v !== "false";
}

/**
 * kubectl 1.35's commands (`kubectl --help`; the generated reference at kubernetes.io/docs/reference/kubectl/generated):
 * the ones jobsim lacks are real, not unknown.
 */
const KUBECTL_COMMANDS = [
  "create",
  "expose",
  "run",
  "set",
  "explain",
  "get",
  "edit",
  "delete",
  "rollout",
  "scale",
  "autoscale",
  "certificate",
  "cluster-info",
  "top",
  "cordon",
  "uncordon",
  "drain",
  "taint",
  "describe",
  "logs",
  "attach",
  "exec",
  "port-forward",
  "proxy",
  "cp",
  "auth",
  "debug",
  "events",
  "diff",
  "apply",
  "patch",
  "replace",
  "wait",
  "kustomize",
  "label",
  "annotate",
  "completion",
  "alpha",
  "api-resources",
  "api-versions",
  "config",
  "plugin",
  "version",
  "help",
];

/** Parses `kubectl <verb> ...` (argv[0] is "kubectl"). Throws UsageError with kubectl's text. */
export function parseKubectl(argv: readonly string[]): KubectlCommand {
  if (argv[0] !== "kubectl") throw new UsageError(`not a kubectl command: ${argv.join(" ")}`);
  // Global flags may come before the verb (kubectl -n ns get pods, kubectl --context dev get
  // pods): the verb is the first word that is neither a flag nor a global flag's value.
  const rest = argv.slice(1);
  const verbIndex = rest.findIndex((w, i) => !w.startsWith("-") && !(i > 0 && takesNextWord(rest[i - 1])));
  // kubectl without a command prints its help and exits 0 (the root command runs help); it is
  // not `kubectl get`, whose "You must specify the type of resource to get" would mislead here.
  if (verbIndex < 0)
    throw new UsageError(
      `jobsim does not simulate "kubectl" without a command (kubectl prints its help; jobsim simulates ${Object.keys(VERB_FLAGS).join(", ")})`,
    );
  const verb = rest[verbIndex];
  const specs = VERB_FLAGS[verb];
  if (specs === undefined) {
    if (KUBECTL_COMMANDS.includes(verb))
      throw new UsageError(
        `jobsim does not simulate "kubectl ${verb}" (it simulates ${Object.keys(VERB_FLAGS).join(", ")})`,
      );
    throw new UsageError(`error: unknown command "${verb}" for "kubectl"\n\nRun 'kubectl --help' for usage.`);
  }
  // A create subcommand is named before its flags (--image, ...) are read: `create job` has
  // flags of its own, and pflag names it in its errors (`kubectl create job --help`).
  const sub = verb === "create" ? createSubcommandWord(rest.filter((_, i) => i !== verbIndex)) : undefined;
  const command = sub === "job" ? "create job" : verb;
  const all = [...COMMON, ...(sub === "job" ? CREATE_JOB_FLAGS : specs)];
  const byLong = new Map(all.map((s) => [s.long, s]));
  const byShort = new Map(all.filter((s) => s.short).map((s) => [s.short!, s]));
  const words = [...rest.slice(0, verbIndex), ...rest.slice(verbIndex + 1)];
  const cmd: KubectlCommand = { verb, positionals: [], flags: new Map() };
  const set = (s: FlagSpec, v: string) => {
    const list = cmd.flags.get(s.long) ?? [];
    if (STRING_SLICE_FLAGS.includes(s.long)) {
      // pflag stringSliceValue.Set: a value encoding/csv cannot read is the flag's invalid argument.
      const values = readAsCsv(v);
      if (!Array.isArray(values))
        throw usage(`invalid argument ${goQuote(v)} for "${flagName(s)}" flag: ${values.error}`);
      // -f is a StringSlice too (kubectl cmd/util/helpers.go AddJsonFilenameFlag: StringSliceVarP
      // "filename"): kept as its paths, since every command and the scenario loader read them.
      if (s.long === "filename") list.push(...values);
      else list.push(v);
    } else list.push(v);
    cmd.flags.set(s.long, list);
  };
  const usage = (msg: string) => new UsageError(`error: ${msg}\nSee 'kubectl ${command} --help' for usage.`);
  // A create subcommand other than namespace and job is named before its flags are read.
  if (sub !== undefined) {
    const refused = createSubcommandRefusal(sub);
    if (refused !== null) throw new UsageError(refused);
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") {
      cmd.argsLenAtDash = cmd.positionals.length;
      cmd.positionals.push(...words.slice(i + 1));
      break;
    }
    if (w.startsWith("--")) {
      const eq = w.indexOf("=");
      const name = eq >= 0 ? w.slice(2, eq) : w.slice(2);
      const spec = byLong.get(name);
      if (spec === undefined) {
        if (UNSIMULATED_FLAGS[command]?.[name] !== undefined) throw unsimulatedFlag(command, name);
        if (GLOBAL_FLAGS[name] !== undefined) throw new UsageError(globalFlagMessage(name));
        throw usage(`unknown flag: --${name}`);
      }
      if (eq >= 0) set(spec, spec.value ? w.slice(eq + 1) : boolValue(spec, w.slice(eq + 1), usage));
      else if (!spec.value) set(spec, "true");
      else if (OPTIONAL_VALUE[name] !== undefined) set(spec, OPTIONAL_VALUE[name]);
      else if (i + 1 < words.length) set(spec, words[++i]);
      else throw usage(`flag needs an argument: --${name}`);
      continue;
    }
    if (w.startsWith("-") && w.length > 1) {
      // Shorthand cluster: -Aw, -owide, -o=wide, -l app=x
      for (let j = 1; j < w.length; j++) {
        const c = w[j];
        const spec = byShort.get(c);
        if (spec === undefined) {
          const long = Object.entries(UNSIMULATED_FLAGS[command] ?? {}).find(([, short]) => short === c);
          if (long !== undefined) throw unsimulatedFlag(command, long[0]);
          const global = Object.entries(GLOBAL_FLAGS).find(([, g]) => g.short === c);
          if (global !== undefined) throw new UsageError(globalFlagMessage(global[0]));
          throw usage(`unknown shorthand flag: '${c}' in ${w}`);
        }
        if (!spec.value) {
          // pflag parseSingleShortArg: `-w=false` gives the value after "="; `-w` alone, true.
          if (w[j + 1] === "=" && j + 2 < w.length) {
            set(spec, boolValue(spec, w.slice(j + 2), usage));
            break;
          }
          set(spec, "true");
          continue;
        }
        let value = w.slice(j + 1);
        if (value.startsWith("=")) value = value.slice(1);
        if (value === "") {
          if (i + 1 >= words.length) throw usage(`flag needs an argument: '${c}' in -${c}`);
          value = words[++i];
        }
        set(spec, value);
        break;
      }
      continue;
    }
    cmd.positionals.push(w);
  }
  if (verb === "create" && cmd.positionals.length > 0) {
    const refused = createSubcommandRefusal(cmd.positionals[0]);
    if (refused !== null) throw new UsageError(refused);
  }
  // clientcmd DirectClientConfig.Namespace honours the --namespace override only when it is not
  // empty: `-n ''` is the kubeconfig context's namespace ("default" on k3d), and not enforced.
  const namespaces = cmd.flags.get("namespace");
  if (namespaces !== undefined && namespaces[namespaces.length - 1] === "") cmd.flags.delete("namespace");
  // A followed stream ends once --limit-bytes are written (the kubelet's logWriter): that time
  // needs the log's bytes, which Monte Carlo does not keep, so -f with a limit is not simulated.
  if (verb === "logs" && followWithByteLimit(cmd)) throw unsimulatedFlag("logs", "limit-bytes", " with -f");
  if (isCreateNamespace(cmd) && cmd.positionals.length !== 2)
    // NameFromCommandArgs (kubectl/pkg/cmd/create).
    throw new UsageError(
      `error: exactly one NAME is required, got ${cmd.positionals.length - 1}\nSee 'kubectl create namespace -h' for help and examples`,
    );
  if (isCreateJob(cmd)) {
    // create.go NameFromCommandArgs: the arguments before `--` (ArgsLenAtDash), less "job".
    const named = (cmd.argsLenAtDash ?? cmd.positionals.length) - 1;
    if (named !== 1)
      throw new UsageError(
        `error: exactly one NAME is required, got ${named}\nSee 'kubectl create job -h' for help and examples`,
      );
  }
  return cmd;
}

/** The flags jobsim knows that pflag declares as StringSlice (read by string-slice.ts). */
const STRING_SLICE_FLAGS = ["types", "label-columns", "filename"];

/** How pflag names a flag in its errors: with its shorthand when it has one (flag.go `set`). */
function flagName(spec: FlagSpec): string {
  return spec.short !== undefined ? `-${spec.short}, --${spec.long}` : `--${spec.long}`;
}

/**
 * A boolean flag's `=VALUE`, as pflag's boolValue.Set reads it (strconv.ParseBool): "true" or
 * "false", or pflag's invalid-argument error, which names the flag with its shorthand when it has
 * one (`-p, --previous`) however it was written (spf13/pflag flag.go `set`).
 */
function boolValue(spec: FlagSpec, value: string, usage: (msg: string) => UsageError): string {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return "true";
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return "false";
  throw usage(
    `invalid argument "${value}" for "${flagName(spec)}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
  );
}
