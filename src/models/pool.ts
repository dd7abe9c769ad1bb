import { objectList } from "./object-basics.js";

/**
 * Recycled objects of a Monte Carlo cluster (pods, Jobs, controller and kubelet states): the
 * objects handed out since the last `releaseAll` are `items[0, used)`, the rest are spare. A
 * new run releases them all by resetting one counter, where moving each object from an
 * in-use list to a free list cost a pop and a push per object per run. Which spare object a
 * caller gets is of no consequence: each is returned to a new one's state (its `reuse`).
 */
export class Pool<T> {
  private readonly items: T[] = objectList();
  private used = 0;

  /** A spare object, now in use; undefined when none is spare (then make one and `add` it). */
  take(): T | undefined {
    return this.used < this.items.length ? this.items[this.used++] : undefined;
  }

  /** A newly made object, now in use (called when `take` found none spare); returns it. */
  add(item: T): T {
    this.items.push(item);
    this.used = this.items.length;
    return item;
  }

  /** Every object is spare again (a new run: the previous one's objects are unreachable). */
  releaseAll(): void {
    this.used = 0;
  }
}
