import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type EventHandler, EventQueue, type PoppedEvent } from "../../src/engine/event-queue.js";

const handler: EventHandler = { handleEvent() {} };

function drain(q: EventQueue): { time: number; id: number }[] {
  const out: { time: number; id: number }[] = [];
  const sink: PoppedEvent = { time: 0, handler, arg: 0, ref: null };
  while (q.popInto(sink)) out.push({ time: sink.time, id: sink.arg });
  return out;
}

type Op =
  | { kind: "push"; time: number; priority: number }
  | { kind: "cancel"; which: number }
  | { kind: "pop" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("push" as const),
      time: fc.integer({ min: 0, max: 20 }),
      priority: fc.integer({ min: -2, max: 2 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancel" as const), which: fc.nat(200) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("pop" as const) }) },
);

describe("EventQueue", () => {
  it("pops in (time, priority, insertion) order for any sequence of pushes, cancels and pops", () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const q = new EventQueue(4);
        // Reference model: a list of live entries, popped by sorting on (time, priority, seq).
        const model: { time: number; priority: number; seq: number; handle: number }[] = [];
        const handles: { handle: number; seq: number }[] = [];
        let seq = 0;
        const sink: PoppedEvent = { time: 0, handler, arg: 0, ref: null };
        for (const op of ops) {
          if (op.kind === "push") {
            const h = q.push(op.time, op.priority, handler, seq, null);
            model.push({ time: op.time, priority: op.priority, seq, handle: h });
            handles.push({ handle: h, seq });
            seq++;
          } else if (op.kind === "cancel") {
            if (handles.length === 0) continue;
            const target = handles[op.which % handles.length];
            const idx = model.findIndex((m) => m.seq === target.seq);
            const ok = q.cancel(target.handle);
            expect(ok).toBe(idx >= 0);
            if (idx >= 0) model.splice(idx, 1);
          } else {
            model.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
            const expected = model.shift();
            const got = q.popInto(sink);
            expect(got).toBe(expected !== undefined);
            if (expected) {
              expect(sink.time).toBe(expected.time);
              expect(sink.arg).toBe(expected.seq);
            }
          }
          expect(q.size).toBe(model.length);
        }
        model.sort((a, b) => a.time - b.time || a.priority - b.priority || a.seq - b.seq);
        expect(drain(q).map((e) => e.id)).toEqual(model.map((m) => m.seq));
      }),
      { numRuns: 300, seed: 20261127 },
    );
  });

  it("is exactly FIFO among equal (time, priority)", () => {
    const q = new EventQueue(2);
    for (let i = 0; i < 1000; i++) q.push(5, 0, handler, i, null);
    expect(drain(q).map((e) => e.id)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it("never lets a stale handle cancel the event that reuses its slot", () => {
    const q = new EventQueue(4);
    const first = q.push(1, 0, handler, 1, null);
    drain(q);
    const second = q.push(2, 0, handler, 2, null);
    expect(q.cancel(first)).toBe(false);
    expect(q.size).toBe(1);
    expect(q.cancel(second)).toBe(true);
    expect(q.cancel(second)).toBe(false);
    expect(q.size).toBe(0);
    expect(q.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });

  it("keeps its order across growth and clear", () => {
    const q = new EventQueue(4);
    for (let i = 0; i < 100; i++) q.push(100 - i, 0, handler, i, null);
    q.clear();
    expect(q.size).toBe(0);
    for (let i = 0; i < 100; i++) q.push(i % 10, 0, handler, i, null);
    const out = drain(q);
    for (let i = 1; i < out.length; i++) {
      const a = out[i - 1];
      const b = out[i];
      expect(a.time < b.time || (a.time === b.time && a.id < b.id)).toBe(true);
    }
  });
});
