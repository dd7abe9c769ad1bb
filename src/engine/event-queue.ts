/**
 * The future-event set: a binary min-heap of pending events.
 *
 * Ordering — an event A comes out before B when
 *   1. A.time < B.time, or
 *   2. the times are equal and A.priority < B.priority, or
 *   3. both are equal and A was inserted first (insertion sequence).
 * So events that share (time, priority) come out in exactly FIFO order; nothing is left to the
 * heap's internal layout.
 *
 * Cancellation is lazy and O(1): `cancel` marks the entry dead and it is discarded when it
 * reaches the top. A handle is `slot + generation · 2^24`; the slot's generation advances
 * every time the slot is freed, so a stale handle (of an event already run or cancelled)
 * never cancels the event that now occupies the slot.
 *
 * Performance notes (the only place in the engine where speed shaped the code):
 * - the heap holds its sort keys in parallel typed arrays (`heapTime`, `heapKey`) and moves
 *   them during sifts, so a comparison touches no object and no indirection;
 * - `heapKey` packs priority and sequence into one float64, exact below 2^53:
 *   key = (priority + PRIORITY_OFFSET) · 2^42 + seq, hence one comparison breaks both ties;
 * - payloads (handler, numeric argument, reference) live in slot arrays that never move;
 * - deferred head removal: a pop only marks the head as taken (`headTaken`). If the next
 *   operation is a push — the usual pattern, a handler scheduling its successor — the new entry
 *   replaces the head and sifts down once, instead of a sift-down for the pop plus a sift-up
 *   for the push. Any other operation first completes the removal (`settleHead`).
 */

/** Something that runs when its event comes out of the queue. Implemented by long-lived
 * objects (controllers, kubelets), so scheduling allocates no closure. */
export interface EventHandler {
  handleEvent(arg: number, ref: unknown): void;
}

/** Lowest and highest priority accepted. Lower values run first among equal times. */
export const MIN_PRIORITY = -1024;
export const MAX_PRIORITY = 1023;
const PRIORITY_OFFSET = 1024;
const SEQ_SPAN = 2 ** 42; // insertion sequences above this would lose exactness in the key
const SLOT_BITS_SPAN = 2 ** 24; // at most 16,777,216 pending events
const INITIAL_CAPACITY = 64;

export class EventQueue {
  // Fields without `private` are read by Simulation.run, which pops inline (see there); no
  // other code touches them.
  heapTime: Float64Array;
  private heapKey: Float64Array;
  heapSlot: Int32Array;
  heapSize = 0;
  /** The entry at heap[0] was popped; its removal is deferred (see the file comment). */
  headTaken = false;

  slotHandler: (EventHandler | null)[];
  slotArg: Float64Array;
  slotRef: unknown[];
  private slotGen: Float64Array;
  slotDead: Uint8Array;
  private freeSlots: Int32Array;
  private freeCount: number;
  private capacity: number;

  private seq = 0;
  private live = 0;

  constructor(initialCapacity = INITIAL_CAPACITY) {
    const cap = Math.max(4, initialCapacity | 0);
    this.capacity = cap;
    this.heapTime = new Float64Array(cap);
    this.heapKey = new Float64Array(cap);
    this.heapSlot = new Int32Array(cap);
    this.slotHandler = new Array(cap).fill(null);
    this.slotArg = new Float64Array(cap);
    this.slotRef = new Array(cap).fill(null);
    this.slotGen = new Float64Array(cap);
    this.slotDead = new Uint8Array(cap);
    this.freeSlots = new Int32Array(cap);
    for (let i = 0; i < cap; i++) this.freeSlots[i] = cap - 1 - i;
    this.freeCount = cap;
  }

  /** Number of pending, not cancelled events. */
  get size(): number {
    return this.live;
  }

  /** Number of events ever inserted (the next insertion sequence). */
  get inserted(): number {
    return this.seq;
  }

  /** Time of the next live event, or Infinity when none is pending. Discards dead entries. */
  peekTime(): number {
    this.settleHead();
    this.dropDeadTop();
    return this.heapSize > 0 ? this.heapTime[0] : Number.POSITIVE_INFINITY;
  }

  /**
   * Inserts an event and returns its handle. `time` must be a finite number; `priority` an
   * integer in [MIN_PRIORITY, MAX_PRIORITY]. Validation of time against a clock belongs to the
   * simulation, not to the queue.
   */
  push(time: number, priority: number, handler: EventHandler, arg: number, ref: unknown): number {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    this.slotHandler[slot] = handler;
    this.slotArg[slot] = arg;
    this.slotRef[slot] = ref;
    this.slotDead[slot] = 0;
    const seq = this.seq++;
    if (seq >= SEQ_SPAN) throw new RangeError("event queue: insertion sequence exhausted");
    const key = (priority + PRIORITY_OFFSET) * SEQ_SPAN + seq;
    if (this.headTaken) {
      this.headTaken = false;
      this.siftDown(0, time, key, slot);
    } else {
      this.siftUp(this.heapSize++, time, key, slot);
    }
    this.live++;
    return slot + this.slotGen[slot] * SLOT_BITS_SPAN;
  }

  /** Cancels a pending event. Returns false when the handle is stale (already run or cancelled). */
  cancel(handle: number): boolean {
    const slot = handle % SLOT_BITS_SPAN;
    const gen = (handle - slot) / SLOT_BITS_SPAN;
    if (slot >= this.capacity || this.slotGen[slot] !== gen || this.slotHandler[slot] === null) return false;
    if (this.slotDead[slot] === 1) return false;
    this.slotDead[slot] = 1;
    this.slotRef[slot] = null;
    this.live--;
    return true;
  }

  /**
   * Removes the next live event if its time is ≤ `limit` and hands it to `sink`. Returns false
   * when there is none (queue empty or next event later than `limit`). One call per event in
   * the simulation loop: the head is inspected once.
   */
  popIfDue(limit: number, sink: PoppedEvent): boolean {
    this.settleHead();
    this.dropDeadTop();
    if (this.heapSize === 0 || this.heapTime[0] > limit) return false;
    const slot = this.heapSlot[0];
    sink.time = this.heapTime[0];
    sink.handler = this.slotHandler[slot]!;
    sink.arg = this.slotArg[slot];
    sink.ref = this.slotRef[slot];
    this.headTaken = true;
    this.freeSlot(slot);
    this.live--;
    return true;
  }

  /**
   * Removes the next live event and hands it to `sink` (time, handler, arg, ref).
   * Returns false when the queue is empty. The slot is freed before the sink runs, so the
   * handler may schedule freely.
   */
  popInto(sink: PoppedEvent): boolean {
    this.settleHead();
    this.dropDeadTop();
    if (this.heapSize === 0) return false;
    const slot = this.heapSlot[0];
    sink.time = this.heapTime[0];
    sink.handler = this.slotHandler[slot]!;
    sink.arg = this.slotArg[slot];
    sink.ref = this.slotRef[slot];
    this.removeTop();
    this.freeSlot(slot);
    this.live--;
    return true;
  }

  /** Drops every pending event and restarts the insertion sequence; keeps the storage. */
  clear(): void {
    this.settleHead();
    for (let i = 0; i < this.heapSize; i++) this.freeSlot(this.heapSlot[i]);
    this.heapSize = 0;
    this.live = 0;
    this.seq = 0;
  }

  /** Simulation.run's pop, after it read the head's payload: popIfDue's last steps. */
  takeHead(slot: number): void {
    this.headTaken = true;
    this.freeSlot(slot);
    this.live--;
  }

  /** Discards the head, a cancelled event (Simulation.run's pop; dropDeadTop's step). */
  dropHead(): void {
    const slot = this.heapSlot[0];
    this.removeTop();
    this.freeSlot(slot);
  }

  /** Completes a deferred head removal (the slot was already freed by the pop). */
  settleHead(): void {
    if (this.headTaken) {
      this.headTaken = false;
      this.removeTop();
    }
  }

  private dropDeadTop(): void {
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0];
      if (this.slotDead[slot] === 0) return;
      this.removeTop();
      this.freeSlot(slot);
    }
  }

  private freeSlot(slot: number): void {
    this.slotHandler[slot] = null;
    this.slotRef[slot] = null;
    this.slotGen[slot]++;
    this.freeSlots[this.freeCount++] = slot;
  }

  private removeTop(): void {
    const last = --this.heapSize;
    if (last > 0) this.siftDown(0, this.heapTime[last], this.heapKey[last], this.heapSlot[last]);
  }

  private siftUp(pos: number, time: number, key: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapKey = this.heapKey;
    const heapSlot = this.heapSlot;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = heapTime[parent];
      if (pt < time || (pt === time && heapKey[parent] < key)) break;
      heapTime[pos] = pt;
      heapKey[pos] = heapKey[parent];
      heapSlot[pos] = heapSlot[parent];
      pos = parent;
    }
    heapTime[pos] = time;
    heapKey[pos] = key;
    heapSlot[pos] = slot;
  }

  private siftDown(pos: number, time: number, key: number, slot: number): void {
    const heapTime = this.heapTime;
    const heapKey = this.heapKey;
    const heapSlot = this.heapSlot;
    const size = this.heapSize;
    const half = size >> 1;
    while (pos < half) {
      let child = 2 * pos + 1;
      let ct = heapTime[child];
      let ck = heapKey[child];
      const right = child + 1;
      if (right < size) {
        const rt = heapTime[right];
        const rk = heapKey[right];
        if (rt < ct || (rt === ct && rk < ck)) {
          child = right;
          ct = rt;
          ck = rk;
        }
      }
      if (time < ct || (time === ct && key < ck)) break;
      heapTime[pos] = ct;
      heapKey[pos] = ck;
      heapSlot[pos] = heapSlot[child];
      pos = child;
    }
    heapTime[pos] = time;
    heapKey[pos] = key;
    heapSlot[pos] = slot;
  }

  private grow(): void {
    const oldCap = this.capacity;
    const cap = oldCap * 2;
    if (cap > SLOT_BITS_SPAN) throw new RangeError("event queue: more than 16,777,216 pending events");
    const growF = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.heapTime = growF(this.heapTime);
    this.heapKey = growF(this.heapKey);
    const hs = new Int32Array(cap);
    hs.set(this.heapSlot);
    this.heapSlot = hs;
    this.slotArg = growF(this.slotArg);
    this.slotGen = growF(this.slotGen);
    const dead = new Uint8Array(cap);
    dead.set(this.slotDead);
    this.slotDead = dead;
    for (let i = oldCap; i < cap; i++) {
      this.slotHandler.push(null);
      this.slotRef.push(null);
    }
    const free = new Int32Array(cap);
    free.set(this.freeSlots.subarray(0, this.freeCount));
    for (let i = cap - 1; i >= oldCap; i--) free[this.freeCount++] = i;
    this.freeSlots = free;
    this.capacity = cap;
  }
}

/** Receives a popped event; reused by the simulation loop so popping allocates nothing. */
export interface PoppedEvent {
  time: number;
  handler: EventHandler;
  arg: number;
  ref: unknown;
}
