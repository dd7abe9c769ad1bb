/**
 * What `kubectl create job NAME --image=IMAGE [-- COMMAND [args...]]` sends: the Job kubectl
 * builds itself (kubectl/pkg/cmd/create/create_job.go createJob), read from the command line.
 * The session's command (commands/create-job.ts), the scenario loader's image checks and Monte
 * Carlo's plan all build it here, so the three agree on the object.
 */
import type { Job } from "kubernetes-types/batch/v1.js";
import { boolFlag, flag, type KubectlCommand } from "./parse.js";

/** The options create_job.go's Complete reads from the command line. */
export interface CreateJobOptions {
  name: string;
  /** --image ("" when not given: Validate refuses that without --from). */
  image: string;
  /** --from ("" when not given). */
  from: string;
  /** The words after the NAME (create_job.go Complete: args[1:]), or null without any. */
  command: string[] | null;
  /** The -n namespace: create_job.go sets metadata.namespace only when it was given
   * (EnforceNamespace). */
  namespace: string | undefined;
  saveConfig: boolean;
}

/** The options of a command parseKubectl accepted as `create job` (its NAME counted there). */
export function createJobOptions(cmd: KubectlCommand): CreateJobOptions {
  // positionals[0] is "job"; NameFromCommandArgs took the one NAME before any `--`.
  const args = cmd.positionals.slice(1);
  return {
    name: args[0] ?? "",
    image: flag(cmd, "image") ?? "",
    from: flag(cmd, "from") ?? "",
    command: args.length > 1 ? args.slice(1) : null,
    namespace: flag(cmd, "namespace"),
    saveConfig: boolFlag(cmd, "save-config"),
  };
}

/**
 * create_job.go Validate: exactly one of --image and --from, and no command with --from; the
 * message or null.
 */
export function createJobOptionsProblem(o: CreateJobOptions): string | null {
  if ((o.image === "") === (o.from === "")) return "either --image or --from must be specified";
  if (o.command !== null && o.from !== "") return "cannot specify --from and command";
  return null;
}

/**
 * create_job.go createJob: apiVersion batch/v1, kind Job, the name, one container named after
 * the Job with the image and the command, restartPolicy Never; the namespace only when -n was
 * given. Keys are in the Go structs' field order (batchv1.Job, ObjectMeta, JobSpec,
 * PodTemplateSpec, PodSpec, Container), which `-o json` of this typed object keeps; the empty
 * structs encoding/json still writes (`omitempty` does not drop a struct) are here too: the
 * template's metadata, the container's resources and the Job's status. creationTimestamp is
 * left out: zero, it is omitted from Kubernetes 1.34 on (kubernetes PR #130989, `omitzero` on
 * metav1.Time); see version-profile.ts for the versions that print `creationTimestamp: null`.
 */
export function clientBuiltJob(o: CreateJobOptions): Job {
  const container: Record<string, unknown> = { name: o.name, image: o.image };
  if (o.command !== null) container.command = o.command;
  container.resources = {};
  const metadata: Record<string, unknown> = { name: o.name };
  if (o.namespace !== undefined) metadata.namespace = o.namespace;
  return {
    kind: "Job",
    apiVersion: "batch/v1",
    metadata,
    spec: {
      template: {
        metadata: {},
        spec: { containers: [container], restartPolicy: "Never" },
      },
    },
    status: {},
  } as unknown as Job;
}

/**
 * The Job as kubectl's encoders write it: before Kubernetes 1.34 a zero creationTimestamp is
 * `null` in metadata and in the pod template's metadata (ObjectMeta field order: after the
 * namespace, before the annotations). From 1.34 the object as it is.
 */
export function asKubectlEncodes(job: Job, nullCreationTimestamp: boolean): Job {
  if (!nullCreationTimestamp) return job;
  const withNull = (meta: Record<string, unknown> | undefined) => {
    const { annotations, ...rest } = meta ?? {};
    return annotations === undefined
      ? { ...rest, creationTimestamp: null }
      : { ...rest, creationTimestamp: null, annotations };
  };
  const template = job.spec?.template;
  return {
    ...job,
    metadata: withNull(job.metadata as Record<string, unknown>),
    spec: {
      ...job.spec,
      template: { ...template, metadata: withNull(template?.metadata as Record<string, unknown>) },
    },
  } as unknown as Job;
}
