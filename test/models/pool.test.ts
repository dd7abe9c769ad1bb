import { describe, expect, it } from "vitest";
import { Pool } from "../../src/models/pool.js";

/** The recycling pool of lean clusters: what is handed out, and when objects are spare again. */
describe("Pool", () => {
  it("hands out nothing until objects are added, then each spare object once per run", () => {
    const pool = new Pool<{ id: number }>();
    expect(pool.take()).toBeUndefined();
    const a = pool.add({ id: 1 });
    const b = pool.add({ id: 2 });
    // Both in use: none spare in this run.
    expect(pool.take()).toBeUndefined();
    pool.releaseAll();
    // A new run: the same objects again, each once, then none.
    const got = [pool.take(), pool.take(), pool.take()];
    expect(got).toEqual([a, b, undefined]);
    expect(got[0]).toBe(a);
    expect(got[1]).toBe(b);
  });

  it("grows when a run needs more objects than any run before", () => {
    const pool = new Pool<number[]>();
    const first = pool.add([1]);
    pool.releaseAll();
    expect(pool.take()).toBe(first);
    expect(pool.take()).toBeUndefined();
    const second = pool.add([2]);
    pool.releaseAll();
    expect([pool.take(), pool.take(), pool.take()]).toEqual([first, second, undefined]);
  });
});
