import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EventLimitError, ScheduleInPastError, Simulation } from "../../src/engine/simulation.js";

class Recorder {
  readonly log: string[] = [];
  constructor(private readonly sim: Simulation) {}
  handleEvent(arg: number, ref: unknown): void {
    this.log.push(`${this.sim.now}:${arg}${ref ? `:${String(ref)}` : ""}`);
  }
}

describe("Simulation", () => {
  it("runs events in time order and advances the clock to each", () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    sim.schedule(30, r, 3);
    sim.schedule(10, r, 1);
    sim.schedule(20, r, 2);
    expect(sim.run()).toBe("empty");
    expect(r.log).toEqual(["10:1", "20:2", "30:3"]);
    expect(sim.now).toBe(30);
    expect(sim.eventCount).toBe(3);
  });

  it("run({until}) includes events at `until` and leaves the clock there", () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    sim.schedule(100, r, 1);
    sim.schedule(101, r, 2);
    expect(sim.run({ until: 100 })).toBe("until");
    expect(r.log).toEqual(["100:1"]);
    expect(sim.now).toBe(100);
    expect(sim.run({ until: 500 })).toBe("until");
    expect(sim.now).toBe(500);
    expect(r.log).toEqual(["100:1", "101:2"]);
  });

  it("breaks ties by priority, then by scheduling order — including events scheduled for now", () => {
    const sim = new Simulation();
    const log: string[] = [];
    const chain = {
      handleEvent(arg: number) {
        log.push(`a${arg}`);
        if (arg === 0) sim.schedule(0, chain, 9);
      },
    };
    const other = { handleEvent: (arg: number) => log.push(`b${arg}`) };
    sim.schedule(5, chain, 0);
    sim.schedule(5, other, 1);
    sim.schedule(5, other, 2, null, -1);
    sim.run();
    expect(log).toEqual(["b2", "a0", "b1", "a9"]);
  });

  it("stops when the predicate holds, with the clock at the last event", () => {
    const sim = new Simulation();
    let n = 0;
    const h = {
      handleEvent() {
        n++;
        sim.schedule(7, h);
      },
    };
    sim.schedule(7, h);
    expect(sim.run({ stopWhen: () => n === 5 })).toBe("stopped");
    expect(sim.now).toBe(35);
    expect(sim.run({ stopWhen: () => true })).toBe("stopped");
    expect(n).toBe(5);
  });

  it("throws a clear error when the event limit is hit", () => {
    const sim = new Simulation();
    const h = { handleEvent: () => sim.schedule(1, h) };
    sim.schedule(0, h);
    expect(() => sim.run({ maxEvents: 100 })).toThrow(EventLimitError);
    expect(() => sim.run({ maxEvents: 100 })).toThrow(/event limit reached: 100 events/);
  });

  it("rejects scheduling into the past, fractional times and bad priorities", () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    sim.schedule(10, r);
    sim.run();
    expect(() => sim.scheduleAt(5, r)).toThrow(ScheduleInPastError);
    expect(() => sim.schedule(-1, r)).toThrow(/clock is already at 10 ms/);
    expect(() => sim.schedule(0.5, r)).toThrow(/whole milliseconds/);
    expect(() => sim.schedule(1, r, 0, null, 5000)).toThrow(/priority/);
    expect(() => sim.run({ until: 3 })).toThrow(ScheduleInPastError);
  });

  it("cancel removes an event in O(1) and reports stale handles", () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    const a = sim.schedule(10, r, 1);
    sim.schedule(20, r, 2);
    expect(sim.cancel(a)).toBe(true);
    expect(sim.cancel(a)).toBe(false);
    expect(sim.pending).toBe(1);
    sim.run();
    expect(r.log).toEqual(["20:2"]);
  });

  it("calls the trace hook once per event, before the handler", () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    const seen: number[] = [];
    sim.traceHook = (t, _h, arg) => seen.push(t * 10 + arg);
    sim.schedule(1, r, 1);
    sim.schedule(2, r, 2);
    sim.run();
    expect(seen).toEqual([11, 22]);
  });

  it("reset returns to time 0 with nothing pending", () => {
    const sim = new Simulation();
    const r = new Recorder(sim);
    sim.schedule(10, r);
    sim.schedule(20, r);
    sim.run({ until: 15 });
    sim.reset();
    expect(sim.now).toBe(0);
    expect(sim.pending).toBe(0);
    expect(sim.run()).toBe("empty");
  });

  it("for any schedule of delays, handlers observe non-decreasing time and every event runs once", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 80,
        }),
        (specs) => {
          const sim = new Simulation();
          const times: number[] = [];
          let ran = 0;
          const h = {
            handleEvent(arg: number) {
              ran++;
              times.push(sim.now);
              if (arg > 0) sim.schedule(arg * 3, h, arg - 1);
            },
          };
          let expected = 0;
          for (const [d, depth] of specs) {
            sim.schedule(d, h, depth);
            expected += depth + 1;
          }
          sim.run();
          expect(ran).toBe(expected);
          for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });
});
