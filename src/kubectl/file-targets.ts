import type { ManifestFile } from "./manifests.js";
import { boolFlag, flag, type KubectlCommand } from "./parse.js";

/**
 * `-f FILE` on commands that read objects rather than send them (`get`, `describe`, `wait`): the
 * resource builder visits the file's objects by kind and name (cli-runtime FilenameParam). Here
 * that is the file's Jobs, in file order, in the namespace each names (else -n, else default).
 */

export interface FileJob {
  namespace: string;
  name: string;
}

/** The Jobs the files name, or kubectl's error text. `namespaceFlag` "" (all namespaces) leaves
 * a Job whose manifest names none with namespace "". */
export function jobsInFiles(
  files: readonly string[],
  manifests: ReadonlyMap<string, ManifestFile>,
  namespaceFlag: string | undefined,
): FileJob[] | string {
  const out: FileJob[] = [];
  for (const f of files) {
    const m = manifests.get(f);
    if (m === undefined) return `error: the path "${f}" does not exist`;
    // An empty file visits nothing (cli-runtime StreamVisitor decodes no object); its
    // clientError is apply's and create's "no objects passed to ...", not a reader's.
    if (m.empty) continue;
    if (m.clientError !== null) return `error: ${m.clientError}`;
    if (m.namespaces.length > 0 || m.inert.length > 0) return namespaceReadRefusal(f, m);
    for (const d of m.docs) {
      const meta = d.object.metadata as { namespace?: unknown } | undefined;
      const written = typeof meta?.namespace === "string" && meta.namespace !== "" ? meta.namespace : null;
      // An explicit -n is enforced (FilenameParam(ExplicitNamespace) → the builder's
      // RequireNamespace, cli-runtime visitor.go): an object written for another namespace is
      // refused, not read where it says.
      if (
        written !== null &&
        namespaceFlag !== undefined &&
        namespaceFlag !== "" &&
        written !== namespaceFlag
      )
        return `error: the namespace from the provided object "${written}" does not match the namespace "${namespaceFlag}". You must pass '--namespace=${written}' to perform this operation.`;
      out.push({ namespace: written ?? namespaceFlag ?? "default", name: d.name });
    }
  }
  return out;
}

/**
 * A file holding a Namespace or an inert object (inert-objects.ts): jobsim lists, describes and
 * waits for Jobs and pods only, so it refuses rather than answer for part of the file. The
 * refusal names the file's first such object.
 */
function namespaceReadRefusal(file: string, m: ManifestFile): string {
  const first = [
    ...m.namespaces.map((n) => ({ at: n.at, kind: "Namespace", name: n.name })),
    ...m.inert.map((d) => ({ at: d.at, kind: d.type.kind, name: d.name })),
  ].sort((a, b) => a.at - b.at)[0];
  return `jobsim does not simulate reading a ${first.kind} by file (${file} holds ${first.kind} "${first.name}"): name its Jobs instead`;
}

function noJobReadRefusal(verb: string): string {
  return `jobsim does not simulate "kubectl ${verb} -f" of a file with no Job in it`;
}

/**
 * What a reading command's `-f` asks for that jobsim does not simulate, known before the session
 * runs: a file holding a Namespace or an inert object, or files holding no Job. The scenario loader refuses such a
 * step up front with the words the session would print (files kubectl itself cannot read are
 * kubectl's errors, left to the session).
 */
export function unsimulatedFileRead(
  verb: string,
  files: readonly string[],
  manifests: ReadonlyMap<string, ManifestFile>,
): string | null {
  if (files.length === 0) return null;
  let docs = 0;
  for (const f of files) {
    const m = manifests.get(f);
    if (m === undefined || (m.clientError !== null && !m.empty)) return null;
    if (m.namespaces.length > 0 || m.inert.length > 0) return namespaceReadRefusal(f, m);
    docs += m.docs.length;
  }
  return docs === 0 ? noJobReadRefusal(verb) : null;
}

/**
 * The command with `-f FILE` turned into the Jobs it names (`job/NAME` arguments in their
 * namespace); the command itself when it has no -f; or kubectl's error text. Jobs of several
 * namespaces in one command are refused as not simulated.
 */
export function withFileTargets(
  cmd: KubectlCommand,
  manifests: ReadonlyMap<string, ManifestFile>,
  unnamespaced?: string[],
): KubectlCommand | string {
  const files = cmd.flags.get("filename") ?? [];
  if (files.length === 0) return cmd;
  // cli-runtime builder.go: files and resource arguments are not taken together.
  if (cmd.positionals.length > 0)
    return "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well";
  // With `unnamespaced` (get -A: the builder's namespace is "", all namespaces), a Job whose
  // manifest names no namespace keeps none, and RetrieveLatest (cli-runtime visitor.go) refuses
  // it; its name goes there instead of into the command.
  const allNs = unnamespaced !== undefined;
  let jobs = jobsInFiles(files, manifests, allNs ? "" : flag(cmd, "namespace"));
  if (typeof jobs === "string") return jobs;
  if (jobs.length === 0) return noJobReadRefusal(cmd.verb);
  if (allNs) {
    for (const j of jobs) if (j.namespace === "") unnamespaced.push(j.name);
    jobs = jobs.filter((j) => j.namespace !== "");
  }
  const namespaces = [...new Set(jobs.map((j) => j.namespace))];
  if (namespaces.length > 1)
    return `jobsim does not simulate -f with Jobs of several namespaces (${namespaces.join(", ")}) in one command`;
  const flags = new Map(cmd.flags);
  flags.delete("filename");
  if (namespaces.length > 0) flags.set("namespace", [namespaces[0]]);
  return { verb: cmd.verb, positionals: jobs.map((j) => `job/${j.name}`), flags };
}

/**
 * The labels each Job of the files carries as written there, by name. A builder without
 * Latest() (describe's) keeps the objects it decoded from the files, so its label selector
 * (cli-runtime builder.go visitByPaths, FilterByLabelSelector) tests these, not the server's.
 */
export function fileJobLabels(
  files: readonly string[],
  manifests: ReadonlyMap<string, ManifestFile>,
): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  for (const f of files) {
    for (const d of manifests.get(f)?.docs ?? []) {
      const labels = (d.object.metadata as { labels?: unknown } | undefined)?.labels;
      const written = typeof labels === "object" && labels !== null ? labels : {};
      if (!out.has(d.name)) out.set(d.name, written as Record<string, string>);
    }
  }
  return out;
}

/** RetrieveLatest's refusal of a namespaced object with no namespace (GroupVersionResource's String). */
export function noNamespaceError(jobName: string): string {
  return `no namespace set on resource batch/v1, Resource=jobs "${jobName}"`;
}

/**
 * How the errors of visiting -f's objects reach stderr (cmdutil.CheckErr unwraps one aggregate
 * of one error, then prints an aggregate a line per error, a plain error with "error: "). The
 * table path (get.go Run) wraps the visit's aggregate in one more, so its errors never get the
 * prefix; printGeneric (and `watch`) return it — at once, printing nothing, when one path was
 * given (singleItemImplied), else Flatten+Reduce'd after the list.
 */
export function fileErrorsText(cmd: KubectlCommand, errors: string[]): { text: string; fatal: boolean } {
  if (errors.length === 0) return { text: "", fatal: false };
  const output = flag(cmd, "output") ?? "";
  const table =
    (output === "" || output === "wide") && !boolFlag(cmd, "watch") && !boolFlag(cmd, "watch-only");
  const text = !table && errors.length === 1 ? `error: ${errors[0]}` : errors.join("\n");
  return { text, fatal: !table && (cmd.flags.get("filename") ?? []).length === 1 };
}
