import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { keepCreatedDirectories, moveInto, removeCreatedDirectories, tempFor, writeTemp } from "./output.js";

/**
 * A command's output files, put in place all together or not at all. Each file is written to a
 * temporary sibling first (stage, or open for content appended while the runs go on); only when
 * every one is complete does commit() rename them into place. A failure before that (discard)
 * or an interrupt (SIGINT, SIGQUIT, SIGTERM, SIGHUP) removes the temporaries — and the `.partN` files
 * worker threads write beside a CSV — so an interrupted or failed command leaves no half-written
 * or stray file.
 */
export class StagedOutputs {
  private readonly staged: { tmp: string; path: string }[] = [];

  /** Starts `path` with `content` and returns the temporary file to append the rest to. */
  open(path: string, content: string): string {
    // Armed before tempFor makes any directory: until a handler is installed a signal kills
    // the process at once (its default action) and the directories would stay. Once armed, a
    // signal waits for this synchronous code to finish, and finds the directories recorded.
    armSignalCleanup();
    const tmp = tempFor(path);
    liveTemporaries.add(tmp);
    this.staged.push({ tmp, path });
    writeTemp(tmp, path, content);
    return tmp;
  }

  /** Stages `path` whole. */
  stage(path: string, content: string): void {
    this.open(path, content);
  }

  /** Puts every staged file in place, in the order staged. */
  commit(): void {
    try {
      for (const { tmp, path } of this.staged) {
        moveInto(tmp, path);
        liveTemporaries.delete(tmp);
      }
      keepCreatedDirectories();
    } finally {
      this.discard();
    }
  }

  /** Removes whatever is still staged, and the directories made for it that stayed empty. */
  discard(): void {
    for (const { tmp } of this.staged) removeTemporary(tmp);
    this.staged.length = 0;
    removeCreatedDirectories();
  }
}

const liveTemporaries = new Set<string>();
let armed = false;

/** A temporary file and the per-worker parts written beside it (execute.ts names them TMP.partN). */
function removeTemporary(tmp: string): void {
  rmSync(tmp, { force: true });
  liveTemporaries.delete(tmp);
  const prefix = `${basename(tmp)}.part`;
  let siblings: string[];
  try {
    siblings = readdirSync(dirname(tmp));
  } catch {
    return;
  }
  for (const name of siblings) if (name.startsWith(prefix)) rmSync(join(dirname(tmp), name), { force: true });
}

/** Exit statuses after a signal, as a shell reports them (128 + the signal's number). */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 };

function armSignalCleanup(): void {
  if (armed) return;
  armed = true;
  for (const [signal, status] of Object.entries(SIGNAL_EXIT)) {
    process.once(signal, () => {
      for (const tmp of [...liveTemporaries]) removeTemporary(tmp);
      removeCreatedDirectories();
      process.exit(status);
    });
  }
}
