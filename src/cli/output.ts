import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  readSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { integerSeed } from "../scenario/seed.js";

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

/**
 * A pipe we write an output into (`--csv /dev/stdout | head`) was closed by its reader: stop
 * quietly with status 0, as a Unix tool does and as jobsim does on its own stdout.
 */
export class PipeClosed extends CliError {
  constructor() {
    super("", 0);
    this.name = "PipeClosed";
  }
}

/**
 * A device or pipe opened for appending. The process's own standard output is written through
 * its descriptor: a second one opened on /dev/stdout would have an offset of its own (over a
 * file redirected with `>`, the report and the CSV would overwrite each other), and cannot be
 * opened at all when standard output is a socket (ENXIO).
 */
function openOutput(path: string): number {
  if (path === "/dev/stdout" || path === "/dev/fd/1" || path === "/proc/self/fd/1") return 1;
  return openSync(path, "a");
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `buf[0, n)`; a non-blocking descriptor that is full (EAGAIN) is waited for. */
function writeAll(fd: number, buf: Uint8Array, n: number): void {
  for (let off = 0; off < n; ) {
    try {
      off += writeSync(fd, buf, off, n - off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

function isPipeClosed(e: unknown): boolean {
  return (e as NodeJS.ErrnoException).code === "EPIPE";
}

/** Why a file operation failed, in words (the code, not Node's text with its syscall). */
export function fsReason(e: unknown): string {
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
    case "EROFS":
      return "read-only file system";
    case "EFBIG":
      return "file too large";
    case "ELOOP":
      return "too many levels of symbolic links";
    default:
      return (e as Error).message;
  }
}

export function kindOf(path: string): "file" | "directory" | "none" {
  try {
    return statSync(path).isDirectory() ? "directory" : "file";
  } catch {
    return "none";
  }
}

/**
 * Whether an output path is written through rather than replaced: a device, FIFO or socket
 * (`/dev/null`, `/dev/stdout` on a terminal or pipe, a named pipe), or anything under /dev or
 * /proc (`/dev/stdout` and `/proc/self/fd/N` name an open descriptor even when it is a file).
 * Replacing one by a rename would swap the device for a regular file.
 */
export function writtenInPlace(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return true;
  } catch {
    return false; // nothing there yet: a new regular file
  }
  return /^\/(dev|proc)\//.test(resolve(path));
}

/** Links followed at most, as the kernel's path walk does (ELOOP beyond). */
const MAX_SYMLINKS = 40;

/**
 * Where a rename must land: a symbolic link's target, so the link itself survives — also when
 * the target does not exist yet (a dangling link: the file is created where it points). A
 * relative link is read from the link's real directory, as the kernel reads it. Throws ELOOP
 * after MAX_SYMLINKS links.
 */
export function renameTarget(path: string): string {
  let p = path;
  for (let i = 0; i <= MAX_SYMLINKS; i++) {
    try {
      return realpathSync(p);
    } catch {
      // fall through: p, or a directory above it, does not exist (or the links loop)
    }
    let link: string;
    try {
      if (!lstatSync(p).isSymbolicLink()) return p;
      link = readlinkSync(p);
    } catch {
      return p;
    }
    p = resolve(realDirectory(dirname(p)), link);
  }
  throw Object.assign(new Error(`${path}: too many levels of symbolic links`), { code: "ELOOP" });
}

/** A directory's real path where it exists, else the path as given. */
function realDirectory(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/**
 * `mkdir -p`: makes `dir` and the missing directories above it, and returns the first one made
 * (undefined when `dir` existed). Made one level at a time: Node's recursive mkdirSync never
 * returns where the kernel answers ENOENT and EEXIST by turns, as /proc does.
 */
function makeDirectories(dir: string): string | undefined {
  const missing: string[] = [];
  let d = resolve(dir);
  for (; kindOf(d) === "none" && dirname(d) !== d; d = dirname(d)) missing.push(d);
  if (kindOf(d) === "file") throw Object.assign(new Error(`${d} is a file`), { code: "ENOTDIR" });
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]);
  return missing.length > 0 ? missing[missing.length - 1] : undefined;
}

/** Writes a file whole or not at all: a temporary sibling, then an atomic rename. A device
 * or pipe (writtenInPlace) is written in one go instead. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  if (writtenInPlace(path)) {
    try {
      const fd = openOutput(path);
      try {
        const buf = typeof content === "string" ? Buffer.from(content) : content;
        writeAll(fd, buf, buf.length);
      } finally {
        if (fd !== 1) closeSync(fd);
      }
    } catch (e) {
      if (isPipeClosed(e)) throw new PipeClosed();
      throw new CliError(`cannot write ${path}: ${fsReason(e)}`);
    }
    return;
  }
  const target = renameTarget(path);
  const dir = dirname(target);
  try {
    makeDirectories(dir);
  } catch (e) {
    throw new CliError(`cannot create directory ${dir}: ${fsReason(e)}`);
  }
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`);
  }
}

/**
 * A temporary file that becomes `path` when finished (moveInto): a sibling of the real target,
 * so the final rename is atomic (the directory is created); for a device or pipe, a file in
 * the system's temporary directory, copied through at the end.
 */
export function tempFor(path: string): string {
  if (writtenInPlace(path)) return join(tmpdir(), `jobsim-${process.pid}-${basename(path)}`);
  const target = renameTarget(path);
  const dir = dirname(target);
  try {
    const made = makeDirectories(dir);
    if (made !== undefined) createdDirectories.push({ top: made, leaf: resolve(dir) });
  } catch (e) {
    throw new CliError(`cannot create directory ${dir}: ${fsReason(e)}`);
  }
  return `${target}.tmp-${process.pid}`;
}

/** Starts a temporary file with `content` (see tempFor). */
export function writeTemp(tmp: string, path: string, content: string): void {
  try {
    writeFileSync(tmp, content);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`);
  }
}

/** Directories tempFor made for outputs not yet in place: `top` the first it created, `leaf` the deepest. */
const createdDirectories: { top: string; leaf: string }[] = [];

/** The outputs are in place: the directories made for them stay. */
export function keepCreatedDirectories(): void {
  createdDirectories.length = 0;
}

/** A failure or an interrupt: the directories made for outputs go again, where still empty. */
export function removeCreatedDirectories(): void {
  for (const { top, leaf } of createdDirectories.splice(0).reverse()) {
    for (let d = leaf; ; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break; // not empty (or gone): leave it and what holds it
      }
      if (d === top || dirname(d) === d) break;
    }
  }
}

const COPY_CHUNK_BYTES = 1 << 20;

/** Puts a finished temporary file in place (or removes it and reports). */
export function moveInto(tmp: string, path: string): void {
  try {
    if (writtenInPlace(path)) copyThrough(tmp, path);
    else renameSync(tmp, renameTarget(path));
  } catch (e) {
    if (isPipeClosed(e)) throw new PipeClosed();
    throw new CliError(`cannot write ${path}: ${fsReason(e)}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Copies a file into a device or pipe, a chunk at a time (it may be larger than memory allows). */
function copyThrough(from: string, to: string): void {
  const src = openSync(from, "r");
  try {
    const dst = openOutput(to);
    try {
      const buf = Buffer.allocUnsafe(COPY_CHUNK_BYTES);
      for (;;) {
        const n = readSync(src, buf, 0, buf.length, null);
        if (n === 0) break;
        writeAll(dst, buf, n);
      }
    } finally {
      if (dst !== 1) closeSync(dst);
    }
  } finally {
    closeSync(src);
  }
}

/**
 * A numeric option's value as the user gave it, for an error message: yargs turns a word that
 * is not a number into NaN, which would say nothing ("got NaN"); the word itself is shown then.
 */
export function shownValue(value: number, option: string): string {
  let given: string | undefined;
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length && given === undefined; i++) {
    if (args[i] === `--${option}` && i + 1 < args.length) given = args[i + 1];
    else if (args[i].startsWith(`--${option}=`)) given = args[i].slice(option.length + 3);
  }
  // Digits past 2^53 − 1 are shown as typed, not as the double they were rounded to.
  if (Number.isFinite(value)) return given !== undefined && /^-?\d+$/.test(given) ? given : String(value);
  return given === undefined ? "a value that is not a number" : JSON.stringify(given);
}

/** Why a whole number is still refused: run indexes must stay exact in a double. */
export function tooLarge(n: number): string {
  return Number.isInteger(n) && n > Number.MAX_SAFE_INTEGER ? " (at most 2^53 − 1 = 9007199254740991)" : "";
}

/** Parses --seed: an integer, else the text itself (seeds may be strings). */
export function parseSeed(value: unknown): number | string | undefined {
  if (value === undefined) return undefined;
  const s = String(value);
  if (s.trim() === "") throw new CliError("--seed must not be empty: give a number or a word", 2);
  // A seed is its exact text, as in a scenario's seed: spaces around it are a typing slip to
  // point out, not a different seed to run silently.
  if (s.trim() !== s)
    throw new CliError(`--seed ${JSON.stringify(s)}: spaces around a seed are part of it; leave them out`, 2);
  return integerSeed(s);
}
