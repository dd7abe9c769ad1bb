import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
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

/** Writes a file whole or not at all: a temporary sibling, then an atomic rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create directory ${dir}: ${(e as Error).message}`);
  }
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(
      `cannot write ${path}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such directory" : (e as Error).message}`,
    );
  }
}

/** A temporary sibling of `path` (same directory, so the final rename is atomic); creates the directory. */
export function tempFor(path: string): string {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create directory ${dir}: ${(e as Error).message}`);
  }
  return `${path}.tmp-${process.pid}`;
}

/** Puts a finished temporary file in place (or removes it and reports). */
export function moveInto(tmp: string, path: string): void {
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

/** Parses --seed: an integer, else the text itself (seeds may be strings). */
export function parseSeed(value: unknown): number | string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
}
