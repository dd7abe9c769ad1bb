import type { ManifestFile } from "./manifests.js";
import { flag, type KubectlCommand } from "./parse.js";

/**
 * `-f FILE` on commands that read objects rather than send them (`get`, `describe`, `wait`): the
 * resource builder visits the file's objects by kind and name (cli-runtime FilenameParam). Here
 * that is the file's Jobs, in file order, in the namespace each names (else -n, else default).
 */

export interface FileJob {
  namespace: string;
  name: string;
}

/** The Jobs the files name, or kubectl's error text. */
export function jobsInFiles(
  files: readonly string[],
  manifests: ReadonlyMap<string, ManifestFile>,
  namespaceFlag: string | undefined,
): FileJob[] | string {
  const out: FileJob[] = [];
  for (const f of files) {
    const m = manifests.get(f);
    if (m === undefined) return `error: the path "${f}" does not exist`;
    if (m.clientError !== null) return `error: ${m.clientError}`;
    if (m.namespaces.length > 0)
      return `jobsim does not simulate reading a Namespace by file (${f} holds Namespace "${m.namespaces[0].name}"): name its Jobs instead`;
    for (const d of m.docs) {
      const meta = d.object.metadata as { namespace?: unknown } | undefined;
      const namespace = typeof meta?.namespace === "string" ? meta.namespace : (namespaceFlag ?? "default");
      out.push({ namespace, name: d.name });
    }
  }
  return out;
}

/**
 * The command with `-f FILE` turned into the Jobs it names (`job/NAME` arguments in their
 * namespace); the command itself when it has no -f; or kubectl's error text. Jobs of several
 * namespaces in one command are refused as not simulated.
 */
export function withFileTargets(
  cmd: KubectlCommand,
  manifests: ReadonlyMap<string, ManifestFile>,
): KubectlCommand | string {
  const files = cmd.flags.get("filename") ?? [];
  if (files.length === 0) return cmd;
  // cli-runtime builder.go: files and resource arguments are not taken together.
  if (cmd.positionals.length > 0)
    return "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well";
  const jobs = jobsInFiles(files, manifests, flag(cmd, "namespace"));
  if (typeof jobs === "string") return jobs;
  if (jobs.length === 0)
    return `jobsim does not simulate "kubectl ${cmd.verb} -f" of a file with no Job in it`;
  const namespaces = [...new Set(jobs.map((j) => j.namespace))];
  if (namespaces.length > 1)
    return `jobsim does not simulate -f with Jobs of several namespaces (${namespaces.join(", ")}) in one command`;
  const flags = new Map(cmd.flags);
  flags.delete("filename");
  flags.set("namespace", [namespaces[0]]);
  return { verb: cmd.verb, positionals: jobs.map((j) => `job/${j.name}`), flags };
}
