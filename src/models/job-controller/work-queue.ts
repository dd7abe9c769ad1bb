import type { EventHandler, Simulation } from "../../engine/simulation.js";
import { type JobRecord, NONE } from "../objects.js";
import type { JobSyncState } from "./sync-state.js";

/**
 * The Job controller's work queue (client-go util/workqueue, delaying_queue.go and queue.go, as
 * job_controller.go uses it), one Job's part of it kept in its JobSyncState:
 *  - Add (enqueueSyncJobImmediately, or an AddAfter whose delay is not positive) puts the Job in
 *    the ready queue, where it is held once (the dirty set) until its sync;
 *  - AddAfter (enqueueSyncJobBatched, enqueueSyncJobWithDelay, the deadline) puts it in the
 *    waiting heap, which keeps its earliest ready time: a later AddAfter never postpones it.
 * The two are apart: an Add leaves a waiting entry in place (waitingLoop moves an entry to the
 * queue only when its readyAt passes; Add never touches the heap), so a spec change synced at
 * once does not cancel a batched sync already waiting — that sync still runs at its time. When
 * both are due at one instant they are one key in the queue: one sync.
 */

/** The event argument of a ready-queue entry (a waiting-heap entry has 0). */
const READY = 1;

export function queueAdd(
  sim: Simulation,
  handler: EventHandler,
  st: JobSyncState,
  job: JobRecord,
  delayMs: number,
): void {
  const now = sim.now;
  const at = now + Math.max(0, Math.ceil(delayMs));
  if (at === now) {
    if (st.readyHandle === NONE) st.readyHandle = sim.scheduleAt(now, handler, READY, job);
    return;
  }
  if (st.queuedAt !== NONE && st.queuedAt <= at) return;
  if (st.queueHandle !== NONE) sim.cancel(st.queueHandle);
  st.queuedAt = at;
  st.queueHandle = sim.scheduleAt(at, handler, 0, job);
}

/** The entry `arg` fired: the Job leaves the queue, with its other entry if that is due now too. */
export function queueTake(sim: Simulation, st: JobSyncState, arg: number): void {
  if (arg === READY) st.readyHandle = NONE;
  else {
    st.queuedAt = NONE;
    st.queueHandle = NONE;
  }
  if (st.readyHandle !== NONE) {
    sim.cancel(st.readyHandle);
    st.readyHandle = NONE;
  }
  if (st.queuedAt === sim.now) {
    sim.cancel(st.queueHandle);
    st.queuedAt = NONE;
    st.queueHandle = NONE;
  }
}

/** The Job is gone: its entries are dropped. */
export function queueDrop(sim: Simulation, st: JobSyncState): void {
  if (st.queueHandle !== NONE) sim.cancel(st.queueHandle);
  if (st.readyHandle !== NONE) sim.cancel(st.readyHandle);
}
