import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";

/**
 * The race behind `mc --workers 2 --csv` ending with status 0, no output and no message under
 * `ulimit -f` (seen about once in 50 runs under load): both workers fail their writes; the
 * first failure rejects the run and the pool closes (terminate() refs each thread until it
 * exits), then the second worker's error message arrives — and handling it unref'd that
 * thread again. With no live handle left, Node ended the process while close() still waited for
 * the 'exit' event, before the command could report anything. Threads stand in here for
 * worker_threads' Worker, so the messages arrive in exactly that order.
 */

const made: FakeWorker[] = [];

class FakeWorker extends EventEmitter {
  referenced = true;
  terminated = false;
  constructor() {
    super();
    made.push(this);
  }
  ref() {
    this.referenced = true;
  }
  unref() {
    this.referenced = false;
  }
  postMessage() {}
  terminate(): Promise<number> {
    this.ref(); // as Node's Worker.terminate does
    this.terminated = true;
    return new Promise((resolve) => this.once("exit", resolve));
  }
}

vi.mock("node:worker_threads", () => ({ Worker: FakeWorker }));

const { WorkerPool } = await import("../../src/analysis/worker-pool.js");

/** Lets the pool attach its listeners (it acquires a thread asynchronously). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const task = (from: number) => ({ scenarioPath: "x.yaml", overrides: [], seed: 1, from, to: from + 4096 });
const efbig = { kind: "error", message: "EFBIG: file too large, write", code: "EFBIG", syscall: "write" };

describe("closing the pool after a worker's failure", () => {
  it("keeps every thread being terminated referenced until it exits, whatever message comes after", async () => {
    made.length = 0;
    const pool = new WorkerPool(2);
    const run = pool.run([task(0), task(4096)]);
    await settle();
    const [a, b] = made;
    a.emit("message", efbig);
    await expect(run).rejects.toThrow("EFBIG");
    const closing = pool.close();
    expect(a.terminated && b.terminated).toBe(true);
    // The second worker's own failure, delivered after close() began.
    b.emit("message", efbig);
    expect(b.referenced).toBe(true);
    expect(a.referenced).toBe(true);
    a.emit("exit", 1);
    b.emit("exit", 1);
    await closing;
  });

  it("still lets a thread that finished its task go idle without holding the process", async () => {
    made.length = 0;
    const pool = new WorkerPool(1);
    const run = pool.runTask(task(0));
    await settle();
    made[0].emit("message", { kind: "done", stats: [], lanes: [] });
    await run;
    expect(made[0].referenced).toBe(false);
    const closing = pool.close();
    made[0].emit("exit", 0);
    await closing;
  });
});
