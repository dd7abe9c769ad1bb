import { type EventHandler, EventQueue, MAX_PRIORITY, MIN_PRIORITY } from "./event-queue.js";

/**
 * The simulation clock and its event loop.
 *
 * Time is an integer number of milliseconds since the simulation started (0). It only moves
 * forward, and only to the time of the event being run or to the `until` bound of `run`.
 *
 * Ordering: events run in (time, priority, insertion order). Two events scheduled for the same
 * millisecond with the same priority run in the order they were scheduled — including events
 * scheduled by a handler for "now" (delay 0): they run after everything already pending for
 * this millisecond at that priority.
 *
 * `run({ until })`: runs every event whose time is ≤ `until` (inclusive: the state at `until`
 * includes everything that happens at `until`), then sets the clock to `until`. This differs
 * from SimPy, whose `run(until)` stops before events at `until`; we need "what does the cluster
 * look like at 2m" to include what happened at 2m.
 *
 * `run({ stopWhen })`: the predicate is tested before the first event and after each event;
 * the loop stops as soon as it holds, with the clock at the time of the last event run.
 *
 * `run({ maxEvents })`: a guard against runaway models: running more than `maxEvents` events
 * in one call throws EventLimitError.
 *
 * A handler that schedules before `now` throws ScheduleInPastError: an event may not change
 * the past.
 */

export type { EventHandler } from "./event-queue.js";

export class ScheduleInPastError extends Error {
  constructor(now: number, time: number) {
    super(`cannot schedule an event at ${time} ms: the clock is already at ${now} ms`);
    this.name = "ScheduleInPastError";
  }
}

export class EventLimitError extends Error {
  constructor(limit: number, now: number) {
    super(`event limit reached: ${limit} events run without finishing (simulated time ${now} ms)`);
    this.name = "EventLimitError";
  }
}

export interface RunOptions {
  /** Run events with time ≤ until, then set the clock to until. */
  until?: number;
  /** Stop as soon as this returns true (tested before the first event and after each). */
  stopWhen?: () => boolean;
  /** Throw EventLimitError after this many events in this call. */
  maxEvents?: number;
}

/** Why `run` returned. */
export type RunOutcome = "until" | "stopped" | "empty";

/** Called for each event just before its handler; `null` (the default) costs one comparison. */
export type TraceHook = (time: number, handler: EventHandler, arg: number, ref: unknown) => void;

export const DEFAULT_PRIORITY = 0;

export class Simulation {
  private readonly queue: EventQueue;
  private clock = 0;
  private events = 0;
  /** Optional per-event hook for tracing and debugging. */
  traceHook: TraceHook | null = null;

  constructor(initialCapacity?: number) {
    this.queue = new EventQueue(initialCapacity);
  }

  /** Current simulated time in milliseconds. */
  get now(): number {
    return this.clock;
  }

  /** Events run since construction or the last reset. */
  get eventCount(): number {
    return this.events;
  }

  /** Pending (not cancelled) events. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next pending event, or Infinity. */
  nextEventTime(): number {
    return this.queue.peekTime();
  }

  /** Schedules `handler.handleEvent(arg, ref)` after `delay` ms (an integer ≥ 0). Returns a handle for cancel. */
  schedule(
    delay: number,
    handler: EventHandler,
    arg = 0,
    ref: unknown = null,
    priority = DEFAULT_PRIORITY,
  ): number {
    return this.scheduleAt(this.clock + delay, handler, arg, ref, priority);
  }

  /** Schedules at an absolute time (an integer ≥ now). Returns a handle for cancel. */
  scheduleAt(
    time: number,
    handler: EventHandler,
    arg = 0,
    ref: unknown = null,
    priority = DEFAULT_PRIORITY,
  ): number {
    // One comparison chain on the common path; the precise diagnosis only when it fails.
    if (
      !(time >= this.clock && time - Math.floor(time) === 0) ||
      (priority !== 0 && !validPriority(priority))
    ) {
      this.rejectSchedule(time, priority);
    }
    return this.queue.push(time, priority, handler, arg, ref);
  }

  private rejectSchedule(time: number, priority: number): never {
    if (Number.isNaN(time)) throw new RangeError("cannot schedule an event at NaN");
    if (time < this.clock) throw new ScheduleInPastError(this.clock, time);
    if (!validPriority(priority)) {
      throw new RangeError(
        `priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`,
      );
    }
    throw new RangeError(`event times are whole milliseconds, got ${time}`);
  }

  /** Cancels a pending event in O(1). Returns false if it already ran or was cancelled. */
  cancel(handle: number): boolean {
    return this.queue.cancel(handle);
  }

  /** Runs events; see the class comment for the exact meaning of each bound. */
  run(options: RunOptions = {}): RunOutcome {
    const until = options.until ?? Number.POSITIVE_INFINITY;
    if (until < this.clock) throw new ScheduleInPastError(this.clock, until);
    const stopWhen = options.stopWhen;
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    const queue = this.queue;
    let ran = 0;
    if (stopWhen?.()) return "stopped";
    for (;;) {
      if (ran >= maxEvents && queue.peekTime() <= until) throw new EventLimitError(maxEvents, this.clock);
      // EventQueue.popIfDue written out, step for step: this pop is the one call per event
      // every model pays, so it is not left to the compiler's inlining budget (which the
      // handlers inlined below may use up).
      if (queue.headTaken) queue.settleHead();
      while (queue.heapSize > 0 && queue.slotDead[queue.heapSlot[0]] === 1) queue.dropHead();
      if (queue.heapSize === 0 || queue.heapTime[0] > until) {
        if (until === Number.POSITIVE_INFINITY) return "empty";
        this.clock = until;
        return "until";
      }
      const slot = queue.heapSlot[0];
      const time = queue.heapTime[0];
      const handler = queue.slotHandler[slot]!;
      const arg = queue.slotArg[slot];
      const ref = queue.slotRef[slot];
      queue.takeHead(slot);
      this.clock = time;
      this.events++;
      ran++;
      if (this.traceHook !== null) this.traceHook(time, handler, arg, ref);
      handler.handleEvent(arg, ref);
      if (stopWhen?.()) return "stopped";
    }
  }

  /** Forgets every pending event and returns the clock to 0, keeping allocated storage. */
  reset(): void {
    this.queue.clear();
    this.clock = 0;
    this.events = 0;
  }
}

function validPriority(p: number): boolean {
  return p >= MIN_PRIORITY && p <= MAX_PRIORITY && p === Math.trunc(p);
}
