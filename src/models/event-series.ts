import type { EventHandler, Simulation } from "../engine/simulation.js";
import type { EventRecord } from "./events.js";

/**
 * The cache of client-go's events broadcaster (staging/src/k8s.io/client-go/tools/events/
 * event_broadcaster.go), which the scheduler's events.k8s.io Events go through: one entry per
 * event key, holding the series count and last observation that are not yet written.
 *
 * Two loops run from the broadcaster's start (StartRecordingToSinkWithContext: wait.Until,
 * first at once, then every period):
 * - finishSeries every finishTime (6 min): a series last observed more than 6 min ago is
 *   written with its final count and forgotten; a singleton Event older than 6 min is
 *   forgotten (a repeat after that creates a new Event);
 * - refreshExistingEventSeries every refreshTime (30 min): every cached series is written.
 * The scheduler starts with the cluster, at simulated time 0, so the loops tick at multiples
 * of their periods; at a common tick the refresh runs first (upstream: two goroutines, order
 * unspecified). Ticks are scheduled only while the cache holds something, so an idle
 * cluster's event queue stays empty.
 */

/** finishTime. */
export const SERIES_FINISH_MS = 6 * 60_000;
/** refreshTime. */
export const SERIES_REFRESH_MS = 30 * 60_000;

export class SeriesEntry {
  /** Series count (0: a singleton, no series yet). */
  count = 0;
  lastObservedMs = 0;

  constructor(
    /** The Event as the API server has it. */
    readonly event: EventRecord,
  ) {}
}

export class SeriesCache implements EventHandler {
  private readonly entries = new Map<string, SeriesEntry>();
  private tickPending = false;

  constructor(
    private readonly sim: Simulation,
    /** recordEvent: writes an entry's series to its Event. */
    private readonly write: (entry: SeriesEntry) => void,
  ) {}

  get(key: string): SeriesEntry | undefined {
    return this.entries.get(key);
  }

  add(key: string, event: EventRecord): void {
    this.entries.set(key, new SeriesEntry(event));
    if (!this.tickPending) {
      // The next tick strictly after now: one at now finds nothing of this entry to do.
      const now = this.sim.now;
      this.sim.scheduleAt((Math.floor(now / SERIES_FINISH_MS) + 1) * SERIES_FINISH_MS, this);
      this.tickPending = true;
    }
  }

  handleEvent(): void {
    this.tickPending = false;
    const now = this.sim.now;
    if (now % SERIES_REFRESH_MS === 0)
      for (const entry of this.entries.values()) if (entry.count > 0) this.write(entry);
    const horizon = now - SERIES_FINISH_MS;
    for (const [key, entry] of this.entries) {
      if (entry.count > 0) {
        if (entry.lastObservedMs < horizon) {
          this.write(entry);
          this.entries.delete(key);
        }
      } else if (entry.event.eventTimeMs < horizon) this.entries.delete(key);
    }
    if (this.entries.size > 0) {
      this.sim.schedule(SERIES_FINISH_MS, this);
      this.tickPending = true;
    }
  }
}
