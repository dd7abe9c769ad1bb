import type { ManifestFile } from "../kubectl/manifests.js";
import type { Cluster } from "../models/cluster.js";
import type { Materializer } from "../models/materialize.js";
import type { VersionProfile } from "../models/version-profile.js";

/**
 * What a kubectl command runs against: the simulated cluster (the API server and its clock),
 * the manifests it may read (`-f`), and a way to let simulated time pass — `wait`, `delete`
 * (which waits for the object to go) and `logs -f` block, as in a terminal.
 */
export interface KubectlContext {
  readonly cluster: Cluster;
  readonly materializer: Materializer;
  readonly profile: VersionProfile;
  readonly manifests: ReadonlyMap<string, ManifestFile>;
  /** Unix ms of the current simulated instant (the server's clock, the client's clock). */
  nowWallMs(): number;
  /**
   * Lets time pass until `done()` holds (checked after every event) or `timeoutMs` has passed.
   * Returns whether `done()` held.
   */
  waitUntil(done: () => boolean, timeoutMs: number): boolean;
  /** Starts a `get -w` watch that prints through `emit` until the next command. */
  startWatch(stop: () => void): void;
  /** Writes watch rows (they appear under the `get -w` command). */
  emitWatch(stdout: string, stderr?: string): void;
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * Notices kubectl writes to stderr before any output (`Found 3 pods, using pod/x`,
   * `Defaulted container ...`); `stderr` is what it writes after.
   */
  stderrBefore?: string;
}

export function ok(stdout: string, stderr = ""): CommandResult {
  return { stdout, stderr, exitCode: 0 };
}

export function fail(stderr: string, stdout = ""): CommandResult {
  return { stdout, stderr: stderr.endsWith("\n") ? stderr : `${stderr}\n`, exitCode: 1 };
}
