import { fstatSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CliError, fsReason, kindOf, renameTarget, writtenInPlace } from "./output.js";

/**
 * Checks made before a command runs, so that a bad output path fails at once with a clear
 * message rather than after minutes of simulation: each output file's directory exists (or can
 * be made) and is writable, no two outputs (nor an output and an input) are one file.
 */

/**
 * Checks, before any work, that `path` can become an output file: refused when it is a
 * directory (the run would otherwise end by failing to put its result in place).
 */
export function checkOutputFile(option: string, path: string): void {
  if (path === "") throw new CliError(`${option} needs a file name`, 2);
  if (kindOf(path) === "directory")
    throw new CliError(`${option} ${path}: it is a directory, expected a file name`);
  checkParents(option, path);
}

/**
 * The nearest existing ancestor of `path` must be a directory (the rest will be created) that
 * this process may write in — found now, not after the runs.
 */
function checkParents(option: string, path: string): void {
  if (writtenInPlace(path)) return;
  // The file lands where a symbolic link points (also a dangling one): its directories are made
  // from the nearest existing one, which must take new files.
  let target: string;
  try {
    target = renameTarget(path);
  } catch (e) {
    throw new CliError(`${option} ${path}: ${fsReason(e)}`);
  }
  let dir = dirname(target);
  while (kindOf(dir) === "none" && dirname(dir) !== dir) dir = dirname(dir);
  if (kindOf(dir) === "file") throw new CliError(`${option} ${path}: ${dir} is a file, not a directory`);
  probeWritable(option, path, dir);
}

/**
 * Whether this process can create files in `dir`, found by creating (and removing) one: a
 * permission check alone misses read-only mounts and pseudo-filesystems such as /proc and /sys.
 */
function probeWritable(option: string, path: string, dir: string): void {
  const probe = join(dir, `.jobsim-probe-${process.pid}`);
  try {
    writeFileSync(probe, "", { flag: "wx" });
  } catch (e) {
    // ENOENT for a file in an existing directory: a pseudo-filesystem that makes no new files.
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "it takes no new files" : fsReason(e);
    throw new CliError(`${option} ${path}: cannot write in ${dir}: ${reason}`);
  }
  rmSync(probe, { force: true });
}

/** A path's identity for comparing outputs and inputs: its real path where it exists. */
function identity(path: string): string {
  try {
    return resolve(renameTarget(path));
  } catch {
    return resolve(path);
  }
}

/**
 * The files a scenario run reads: the scenario and the manifests its steps name on disk (beside
 * it), which an output must not replace either.
 */
export function scenarioInputs(scenarioPath: string, filesOnDisk: readonly string[]): string[] {
  const dir = dirname(resolve(scenarioPath));
  return [scenarioPath, ...filesOnDisk.map((f) => resolve(dir, f))];
}

/**
 * Before any work: no output may be one of the inputs (the scenario would be lost), and no
 * two outputs may be the same file (the second would replace the first, or fail half-way).
 * `outputs` pairs each file with the option that names it (an option not given: undefined).
 */
export function checkDistinctOutputs(
  inputs: readonly string[],
  outputs: readonly [option: string, path: string | undefined][],
): void {
  const ins = new Map(inputs.map((p) => [identity(p), p]));
  const seen = new Map<string, string>();
  for (const [option, path] of outputs) {
    if (path === undefined || writtenInPlace(path)) continue; // a pipe: written through, never replaced
    const id = identity(path);
    const input = ins.get(id);
    if (input !== undefined)
      throw new CliError(`${option} ${path} is the input file ${input}: refusing to overwrite it`, 2);
    for (const [otherId, otherOption] of seen)
      if (id.startsWith(`${otherId}/`) || otherId.startsWith(`${id}/`))
        throw new CliError(
          `${otherOption} and ${option} need ${path} and ${otherId} as a file and a directory at once`,
          2,
        );
    const other = seen.get(id);
    if (other !== undefined)
      throw new CliError(`${other} and ${option} both write ${path}: give them different files`, 2);
    seen.set(id, option);
  }
}

/**
 * Checks, before any work, that `dir` can hold a report: a directory, or nothing yet, with no
 * directory in the way of the `files` it will hold.
 */
export function checkOutputDir(option: string, dir: string, files: readonly string[]): void {
  if (dir === "") throw new CliError(`${option} needs a directory name`, 2);
  if (kindOf(dir) === "file") throw new CliError(`${option} ${dir}: it is a file, expected a directory`);
  checkParents(option, dir);
  // The files go inside: an existing directory must itself take new files.
  if (kindOf(dir) === "directory") probeWritable(option, dir, dir);
  for (const f of files)
    if (kindOf(join(dir, f)) === "directory")
      throw new CliError(`${option} ${dir}: ${join(dir, f)} is a directory, expected room for a file`);
}

/** The files a `--report DIR` writes, each named by the option (for checkDistinctOutputs). */
export function reportOutputs(
  dir: string | undefined,
  files: readonly string[],
): [string, string | undefined][] {
  return dir === undefined ? [] : files.map((f) => [`--report ${dir}`, join(dir, f)]);
}

/**
 * Whether `path` is this process's standard output (`--csv -` is /dev/stdout; /dev/fd/1 and a
 * path to the file stdout was redirected to are too): the same device and inode.
 */
export function isStandardOutput(path: string): boolean {
  try {
    const out = fstatSync(1);
    const file = statSync(path);
    return out.dev === file.dev && out.ino === file.ino;
  } catch {
    return false;
  }
}

/**
 * Where a command's report goes when `--csv` writes the per-run rows to standard output: the
 * text report to stderr, so stdout holds the CSV alone. A JSON report (`--json`, or a shard's)
 * cannot give way — `jsonOption` names the option that asks for it — so that combination is
 * refused before any work.
 */
export function reportStream(
  csv: string | undefined,
  jsonOption: string | null,
  out: NodeJS.WriteStream,
): NodeJS.WriteStream {
  if (csv === undefined || !isStandardOutput(csv)) return out;
  if (jsonOption !== null)
    throw new CliError(
      `--csv writes the rows to standard output, where ${jsonOption} writes its JSON: give --csv a file`,
      2,
    );
  return process.stderr;
}
