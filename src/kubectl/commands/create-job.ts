import type { Job } from "kubernetes-types/batch/v1.js";
import { apiServerInvalidMessage } from "../../models/api/field-errors.js";
import { Cluster } from "../../models/cluster.js";
import { NONE } from "../../models/objects.js";
import { type CommandResult, fail, type KubectlContext } from "../context.js";
import {
  asKubectlEncodes,
  type CreateJobOptions,
  clientBuiltJob,
  createJobOptions,
  createJobOptionsProblem,
} from "../create-job-object.js";
import { CRONJOB_TYPE, createJobUnsimulated } from "../create-job-unsimulated.js";
import { type DryRun, dryRunOf, dryRunSuffix } from "../dry-run.js";
import { jobCreateWarnings } from "../job-warnings.js";
import {
  asApiJson,
  executeJsonPath,
  JsonPathError,
  type JsonPathTemplate,
  printerExecErrorMessage,
} from "../jsonpath.js";
import { LAST_APPLIED } from "../last-applied.js";
import { allowMissingTemplateKeys, jsonPathOutput, PRINT_FLAGS_FORMATS } from "../output-formats.js";
import { flag, type KubectlCommand } from "../parse.js";
import { compactJsonInFieldOrder, toJsonInFieldOrder, toYaml } from "../printers/output.js";
import {
  lookupResource,
  qualifiedResource,
  RESOURCE_INFO,
  ResourceError,
  resolveResourceArgs,
} from "../resources.js";

/**
 * `kubectl create job NAME --image=IMAGE [-- COMMAND [args...]]`, in create_job.go's order:
 * Complete (the NAME, counted when the command line was parsed; the dry-run strategy; the
 * printer; the validation directive), Validate (--image or --from), Run (the Job built by
 * create-job-object.ts, the last-applied annotation with --save-config, the API server's create
 * unless a client dry run, then the printer). Run wraps the API server's error in "failed to
 * create job: %v", which makes it a plain error to CheckErr: `error: failed to create job: …`.
 */

/** The printer PrintFlags.ToPrinter makes for -o (with the --template flags), or its error. */
type Printer =
  | { format: "" | "name" | "yaml" | "json" }
  | { format: "jsonpath"; template: JsonPathTemplate; allowMissingKeys: boolean };

function printerFor(cmd: KubectlCommand): Printer | string {
  const output = flag(cmd, "output") ?? "";
  if (output === "" || output === "name" || output === "yaml" || output === "json") return { format: output };
  const jsonPath = jsonPathOutput(output);
  if (typeof jsonPath === "string") return jsonPath;
  if (jsonPath !== null)
    return { format: "jsonpath", template: jsonPath, allowMissingKeys: allowMissingTemplateKeys(cmd) };
  // genericclioptions PrintFlags.ToPrinter: NoCompatiblePrinterError with PrintFlags' formats.
  return `error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINT_FLAGS_FORMATS.join(",")}`;
}

/** cmdutil GetValidationDirective: strict, warn, ignore or a Go boolean; its error, or null. */
function validationProblem(cmd: KubectlCommand): string | null {
  const v = flag(cmd, "validate");
  const accepted = [
    "strict",
    "warn",
    "ignore",
    "1",
    "t",
    "T",
    "TRUE",
    "true",
    "True",
    "0",
    "f",
    "F",
    "FALSE",
  ];
  if (v === undefined || accepted.includes(v) || v === "false" || v === "False") return null;
  return `error: invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`;
}

export function createJobCommand(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const options = createJobOptions(cmd);
  const dryRun = dryRunOf(cmd);
  if (typeof dryRun === "object") return fail(dryRun.error);
  const unsimulated = createJobUnsimulated(cmd);
  if (unsimulated !== null) return fail(unsimulated);
  const printer = printerFor(cmd);
  if (typeof printer === "string") return fail(printer);
  const invalidDirective = validationProblem(cmd);
  if (invalidDirective !== null) return fail(invalidDirective);
  const problem = createJobOptionsProblem(options);
  if (problem !== null) return fail(`error: ${problem}`);
  if (options.from !== "") return fail(fromError(ctx, options));
  let job = clientBuiltJob(options);
  if (options.saveConfig) job = withLastApplied(job, ctx.profile.nullCreationTimestamp);
  if (dryRun === "client")
    return printed(asKubectlEncodes(job, ctx.profile.nullCreationTimestamp), printer, dryRun);
  const created = serverCreate(ctx, job, dryRun);
  if (typeof created === "string") return fail(`error: failed to create job: ${created}`);
  const result = printed(created.object, printer, dryRun);
  return created.warnings === "" ? result : { ...result, stderrBefore: created.warnings };
}

/**
 * util.CreateOrUpdateAnnotation (kubectl/pkg/util/apply.go) with --save-config: the Job encoded
 * without the annotation (GetModifiedConfiguration; an empty annotations map is omitted) by
 * scheme.DefaultJSONEncoder — a typed object, so its fields in declaration order, compact, with
 * a newline — set as the last-applied-configuration annotation.
 */
function withLastApplied(job: Job, nullCreationTimestamp: boolean): Job {
  const encoded = compactJsonInFieldOrder(asKubectlEncodes(job, nullCreationTimestamp));
  return { ...job, metadata: { ...job.metadata, annotations: { [LAST_APPLIED]: encoded } } };
}

/**
 * The Job sent to the API server, as `kubectl create -f` sends one (apply.ts): the namespace's
 * existence (NamespaceLifecycle admission), validation, the create warnings, AlreadyExists;
 * then, unless a server dry run, the Job made. Its status's message when refused.
 */
function serverCreate(
  ctx: KubectlContext,
  job: Job,
  dryRun: DryRun,
): { object: unknown; warnings: string } | string {
  const namespace = job.metadata?.namespace ?? "default";
  const name = job.metadata?.name ?? "";
  if (!ctx.cluster.hasNamespace(namespace)) return `namespaces "${namespace}" not found`;
  const manifest = structuredClone(job);
  manifest.metadata = { ...manifest.metadata, namespace };
  let prepared = Cluster.prepareJob(manifest, ctx.profile);
  if (Array.isArray(prepared)) {
    // Judged again with the UID the Job would get, which the errors of its selector name.
    const worded = Cluster.prepareJob(manifest, ctx.profile, ctx.cluster.nextJobUid(namespace, name));
    if (Array.isArray(worded)) prepared = worded;
    return apiServerInvalidMessage("Job", "batch", name, prepared);
  }
  const warnings = jobCreateWarnings(prepared.object);
  const existing = ctx.cluster.store.findJob(namespace, name);
  if (existing !== undefined && !existing.removed) {
    // registry store.go Create: prefixed when the Job holding the name is being deleted.
    const deleting = existing.deletionMs !== NONE ? "object is being deleted: " : "";
    return `${deleting}jobs.batch "${name}" already exists`;
  }
  // A server dry run stores nothing; jobsim prints only its name (createJobUnsimulated).
  if (dryRun === "server") return { object: manifest, warnings };
  const record = ctx.cluster.createJob(prepared, manifest.metadata?.annotations);
  return { object: ctx.materializer.job(record), warnings };
}

/** The printer's output for the Job (the name printer's line carries the dry-run suffix). */
function printed(object: unknown, printer: Printer, dryRun: DryRun): CommandResult {
  const name = (object as Job).metadata?.name ?? "";
  switch (printer.format) {
    case "":
      return { stdout: `job.batch/${name} created${dryRunSuffix(dryRun)}\n`, stderr: "", exitCode: 0 };
    case "name":
      return { stdout: `job.batch/${name}\n`, stderr: "", exitCode: 0 };
    case "yaml":
      return { stdout: toYaml(object), stderr: "", exitCode: 0 };
    case "json":
      // (Only the object kubectl built: -o json of a server's is refused, createJobUnsimulated.)
      return { stdout: toJsonInFieldOrder(object), stderr: "", exitCode: 0 };
    default: {
      const data = asApiJson(object);
      try {
        const stdout = executeJsonPath(printer.template, data, {
          allowMissingKeys: printer.allowMissingKeys,
        });
        return { stdout, stderr: "", exitCode: 0 };
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        return fail(`error: ${printerExecErrorMessage(printer.template.source, e, data)}`);
      }
    }
  }
}

/**
 * create_job.go Run with --from: the builder fetches the object (ResourceTypeOrNameArgs, the
 * command's namespace). jobsim has no CronJobs, so a cronjob is the API server's NotFound; an
 * object of another kind is NotFound too when missing, else Run's "unknown object type %T".
 */
function fromError(ctx: KubectlContext, o: CreateJobOptions): string {
  const namespace = o.namespace ?? "default";
  const slash = o.from.split("/");
  if (slash.length === 2 && CRONJOB_TYPE.test(slash[0]) && slash[1] !== "")
    return `Error from server (NotFound): cronjobs.batch "${slash[1]}" not found`;
  // builder.go visitorResult: a resource type without a name (jobsim models no cronjob, but a
  // cluster serves the type, so this is the builder's answer for it too).
  if (slash.length === 1 && lookupResource(o.from) !== "unknown")
    return "error: resource(s) were provided, but no name was specified";
  let named: { kind: keyof typeof RESOURCE_INFO; name: string }[];
  try {
    named = resolveResourceArgs([o.from]).named;
  } catch (e) {
    if (e instanceof ResourceError) return e.message;
    throw e;
  }
  // builder.go visitorResult: a resource type without a name.
  if (named.length === 0) return "error: resource(s) were provided, but no name was specified";
  const { kind, name } = named[0];
  const store = ctx.cluster.store;
  const found =
    kind === "jobs"
      ? store.findJob(namespace, name)
      : kind === "pods"
        ? store.findPod(namespace, name)
        : kind === "nodes"
          ? store.findNode(name)
          : kind === "namespaces"
            ? store.findNamespace(name)
            : undefined;
  if (found === undefined || (found as { removed?: boolean }).removed === true)
    return `Error from server (NotFound): ${qualifiedResource(kind)} "${name}" not found`;
  return `error: unknown object type *v1.${RESOURCE_INFO[kind].kind}`;
}
