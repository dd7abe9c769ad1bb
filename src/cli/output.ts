import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Errors the CLI reports as one clear message and exit status 1 (never a stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/** Why a file operation failed, in words (the code, not Node's text with its syscall). */
function fsReason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case "ENOENT":
      return "no such directory";
    case "EISDIR":
      return "it is a directory";
    case "EEXIST":
    case "ENOTDIR":
      return "a file is in the way";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOSPC":
      return "no space left on the device";
    default:
      return (e as Error).message;
  }
}

function kindOf(path: string): "file" | "directory" | "none" {
  try {
    return statSync(path).isDirectory() ? "directory" : "file";
  } catch {
    return "none";
  }
}

/**
 * Checks, before any work, that `path` can become an output file: refused when it is a
 * directory (the run would otherwise end by failing to put its result in place).
 */
export function checkOutputFile(option: string, path: string): void {
  if (kindOf(path) === "directory")
    throw new CliError(`${option} ${path}: it is a directory, expected a file name`);
  checkParents(option, path);
}

/** The nearest existing ancestor of `path` must be a directory (the rest will be created). */
function checkParents(option: string, path: string): void {
  let dir = dirname(path);
  while (kindOf(dir) === "none" && dirname(dir) !== dir) dir = dirname(dir);
  if (kindOf(dir) === "file") throw new CliError(`${option} ${path}: ${dir} is a file, not a directory`);
}

/** Checks, before any work, that `dir` can hold a report: a directory, or nothing yet. */
export function checkOutputDir(option: string, dir: string): void {
  if (kindOf(dir) === "file") throw new CliError(`${option} ${dir}: it is a file, expected a directory`);
  checkParents(option, dir);
}

/** Writes a file whole or not at all: a temporary sibling, then an atomic rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create directory ${dir}: ${fsReason(e)}`);
  }
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`);
  }
}

/** A temporary sibling of `path` (same directory, so the final rename is atomic); creates the directory. */
export function tempFor(path: string): string {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create directory ${dir}: ${fsReason(e)}`);
  }
  return `${path}.tmp-${process.pid}`;
}

/** Puts a finished temporary file in place (or removes it and reports). */
export function moveInto(tmp: string, path: string): void {
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`);
  }
}

/** Why a whole number is still refused: run indexes must stay exact in a double. */
export function tooLarge(n: number): string {
  return Number.isInteger(n) && n > Number.MAX_SAFE_INTEGER ? " (at most 2^53 − 1 = 9007199254740991)" : "";
}

/** Parses --seed: an integer, else the text itself (seeds may be strings). */
export function parseSeed(value: unknown): number | string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
}
