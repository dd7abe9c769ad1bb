import type { EventHandler } from "../engine/event-queue.js";
import type { Simulation } from "../engine/simulation.js";
import { SeriesCache, type SeriesEntry } from "./event-series.js";
import { apiTime } from "./objects.js";
import { WatchType } from "./store.js";

/**
 * Kubernetes Events as client-go's legacy recorder and the events.k8s.io API produce them
 * (staging/src/k8s.io/client-go/tools/record/event.go, events_cache.go; tools/events):
 * - names `<involvedObject.name>.<hex UnixNano>`;
 * - an identical event (source, object incl. fieldPath, type, reason, message) is patched in
 *   place: count+1, new lastTimestamp;
 * - aggregation: from the 10th distinct message with the same source, object, type and reason
 *   within 10 minutes, the event becomes "(combined from similar events): <msg>", itself
 *   deduplicated;
 * - a spam filter per source+object: a token bucket of 25, refilled 1 per 300 s; events
 *   beyond it are not written, but still counted (the filter runs after the count);
 * - the store deletes an event a TTL after its last write: --event-ttl (1 h) plus the lease
 *   manager's reuse window on k3s's kine (KINE_EVENT_TTL_MS), at least 1 h on etcd.
 * Watchers (`kubectl get events -w`) hear ADDED for a new Event and MODIFIED for each
 * in-place patch, as the API server's watch sends them.
 * Only sessions record events; Monte Carlo runs have no recorder (nothing depends on them).
 */

export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
export const SPAM_BURST = 25;
export const SPAM_QPS = 1 / 300;
/** kube-apiserver --event-ttl (1 h): what an event lives at least, on etcd too. */
export const EVENT_TTL_MS = 3_600_000;
/**
 * What an event lives on kine (k3s with one server: SQLite): the API server's lease manager
 * asks for --event-ttl plus its reuse window, min(5 % of 3600 s, 60 s) = 60 s, so Grant(3660)
 * (apiserver storage/etcd3/lease_manager.go GetLease, getReuseDurationSecondsLocked), whatever
 * lease it then reuses; kine's grant answers with the TTL as the lease ID (server LeaseGrant),
 * and kine deletes each key that many seconds after the write it sees (logstructured.go `ttl`,
 * storeTTLEventKV). On etcd a reused lease expires with its first key: 3600 to 3660 s.
 */
export const KINE_EVENT_TTL_MS = EVENT_TTL_MS + 60_000;

export interface InvolvedObject {
  kind: string;
  namespace: string;
  name: string;
  uid: string;
  apiVersion: string;
  resourceVersion: string;
  fieldPath: string;
}

export class EventRecord {
  count = 1;
  lastMs: number;
  resourceVersion = 0;
  /** events.k8s.io only: series count (0 = no series) and last observation. */
  seriesCount = 0;
  /** events.k8s.io only: the related object (the preemptor of a Preempted event), or null. */
  related: InvolvedObject | null = null;
  seriesLastMs = 0;

  constructor(
    readonly name: string,
    readonly involved: InvolvedObject,
    readonly type: "Normal" | "Warning",
    readonly reason: string,
    public message: string,
    readonly sourceComponent: string,
    readonly sourceHost: string,
    /** Legacy events: firstTimestamp (whole seconds). events.k8s.io: NONE. */
    readonly firstMs: number,
    /** events.k8s.io: eventTime (micro precision); legacy: NONE. */
    readonly eventTimeMs: number,
    readonly reportingController: string,
    readonly reportingInstance: string,
    readonly action: string,
    /** When the object was created (ms), for ordering and expiry. */
    readonly createdMs: number,
  ) {
    this.lastMs = firstMs;
    this.lastWriteMs = createdMs;
  }

  get namespace(): string {
    return this.involved.namespace || "default";
  }

  /** When the API server last wrote it (ms): its TTL runs from there. A series' refresh is a
   * write later than its lastObservedTime, and a patch's lastTimestamp is cut to the second. */
  lastWriteMs: number;
}

interface SpamBucket {
  tokens: number;
  lastMs: number;
}

/** eventLogger's cache entry (events_cache.go `eventLog`): what the next write carries. */
interface Observation {
  name: string;
  count: number;
  firstMs: number;
}

interface AggregateRecord {
  messages: Set<string>;
  lastMs: number;
}

export type EventNamer = (involvedName: string, nowMs: number) => string;

/** A watch on Events: ADDED when one is created, MODIFIED when a repeat patches it. */
export type EventListener = (type: WatchType, event: EventRecord) => void;

export class EventRecorder implements EventHandler {
  private readonly all: EventRecord[] = [];
  private readonly byKey = new Map<string, EventRecord>();
  private readonly spam = new Map<string, SpamBucket>();
  private readonly aggregates = new Map<string, AggregateRecord>();
  private readonly observed = new Map<string, Observation>();
  private readonly listeners: EventListener[] = [];
  /** Pending expiry checks (scheduled only while someone watches), by Event. */
  private readonly expiries = new Map<EventRecord, number>();
  /** The events broadcaster's cache, for events.k8s.io Events. */
  private readonly series: SeriesCache;

  constructor(
    private readonly clock: Simulation,
    private readonly nextResourceVersion: () => number,
    private readonly eventName: EventNamer,
    /** How long the store keeps an event after its last write. */
    private readonly ttlMs = EVENT_TTL_MS,
  ) {
    this.series = new SeriesCache(clock, (entry) => this.writeSeries(entry));
  }

  /**
   * A legacy (core/v1) event, as the kubelet and the job controller record them, through
   * client-go's EventCorrelator (tools/record/events_cache.go `EventCorrelate`): aggregate,
   * then observe (the logger cache counts it), and only then the spam filter — so an event
   * the filter drops still counts, and the next one written carries the whole count. A write
   * (record/event.go `recordEvent`) patches the observed Event, or creates it under its cached
   * name, count and firstTimestamp when the API server no longer has it (expired, or never
   * written because the filter dropped its first occurrence).
   */
  record(
    involved: InvolvedObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    component: string,
    host = "",
  ): void {
    const now = this.clock.now;
    const spamKey = `${component}\u0000${host}\u0000${involvedKey(involved)}`;

    const aggregateKey = `${spamKey}\u0000${type}\u0000${reason}`;
    let agg = this.aggregates.get(aggregateKey);
    if (agg === undefined || now - agg.lastMs > AGGREGATE_INTERVAL_MS) {
      agg = { messages: new Set(), lastMs: now };
      this.aggregates.set(aggregateKey, agg);
    }
    agg.messages.add(message);
    agg.lastMs = now;
    let key = `${aggregateKey}\u0000${involved.fieldPath}\u0000${message}`;
    let text = message;
    // makeEvent sets reportingController/Instance from the source; EventAggregate's combined
    // event copies only name, count, timestamps, object, message, type, reason and source.
    let reporting = component;
    let reportingHost = host;
    if (agg.messages.size >= AGGREGATE_MAX_EVENTS) {
      // Keep the set from growing past the threshold (upstream pops an arbitrary member).
      const first = agg.messages.values().next().value as string;
      agg.messages.delete(first);
      key = aggregateKey;
      text = `(combined from similar events): ${message}`;
      reporting = "";
      reportingHost = "";
    }

    // eventLogger.eventObserve: the cached observation, counted whether or not it is written.
    const seen = this.observed.get(key);
    const observation: Observation =
      seen === undefined
        ? { name: this.eventName(involved.name, now), count: 1, firstMs: apiTime(now) }
        : { name: seen.name, count: seen.count + 1, firstMs: seen.firstMs };
    this.observed.set(key, observation);
    if (!this.allow(spamKey, now)) return;

    const existing = this.byKey.get(key);
    if (
      existing !== undefined &&
      existing.name === observation.name &&
      now - existing.lastWriteMs <= this.ttlMs
    ) {
      existing.count = observation.count;
      existing.lastMs = apiTime(now);
      existing.message = text;
      existing.lastWriteMs = now;
      existing.resourceVersion = this.nextResourceVersion();
      this.notify(WatchType.Modified, existing);
      return;
    }
    if (existing !== undefined) {
      // Gone from the API server (its TTL): the create below replaces it under the same name.
      const i = this.all.indexOf(existing);
      if (i >= 0) this.all.splice(i, 1);
    }
    const ev = new EventRecord(
      observation.name,
      involved,
      type,
      reason,
      text,
      component,
      host,
      observation.firstMs,
      -1,
      reporting,
      reportingHost,
      "",
      now,
    );
    ev.count = observation.count;
    ev.lastMs = apiTime(now);
    ev.resourceVersion = this.nextResourceVersion();
    this.byKey.set(key, ev);
    this.all.push(ev);
    this.notify(WatchType.Added, ev);
  }

  /**
   * An events.k8s.io event (the scheduler's), through client-go's events broadcaster
   * (tools/events/event_broadcaster.go recordToSink): the first of its key is created; the
   * second starts a series of count 2, written at once; later ones only count in the
   * broadcaster's cache until `finishSeries` or `refreshExistingEventSeries` writes them (see
   * SeriesCache). The key (getKey) is the type, action, reason, reporting controller and
   * instance and the regarding object's whole reference, resourceVersion included — not the
   * note: a repeat keeps the first note.
   */
  recordNew(
    involved: InvolvedObject,
    type: "Normal" | "Warning",
    reason: string,
    message: string,
    controller: string,
    instance: string,
    action: string,
    /** Eventf's related object (reference.GetReference), part of the series key (eventKey). */
    related: InvolvedObject | null = null,
  ): void {
    const now = this.clock.now;
    let key = `${controller}\u0000${instance}\u0000${involvedKey(involved)}\u0000${involved.resourceVersion}\u0000${involved.fieldPath}\u0000${type}\u0000${reason}\u0000${action}`;
    if (related !== null) key += `\u0000${involvedKey(related)}\u0000${related.resourceVersion}`;
    const cached = this.series.get(key);
    if (cached !== undefined) {
      if (cached.count > 0) {
        cached.count++;
        cached.lastObservedMs = now;
        return;
      }
      cached.count = 2;
      cached.lastObservedMs = now;
      this.writeSeries(cached);
      return;
    }
    const ev = new EventRecord(
      this.eventName(involved.name, now),
      involved,
      type,
      reason,
      message,
      "",
      "",
      -1,
      now,
      controller,
      instance,
      action,
      now,
    );
    ev.lastMs = -1;
    ev.related = related;
    ev.resourceVersion = this.nextResourceVersion();
    this.series.add(key, ev);
    this.all.push(ev);
    this.notify(WatchType.Added, ev);
  }

  /**
   * recordEvent for a cached series: a PATCH of the Event's series with the cache's count and
   * last observation. (Upstream creates the Event again when the PATCH finds it gone; here
   * nothing deletes Events and a cached series is written at least every 30 minutes, well
   * within the API server's 1 h TTL.)
   */
  private writeSeries(entry: SeriesEntry): void {
    const ev = entry.event;
    ev.seriesCount = entry.count;
    ev.seriesLastMs = entry.lastObservedMs;
    ev.lastWriteMs = this.clock.now;
    ev.resourceVersion = this.nextResourceVersion();
    this.notify(WatchType.Modified, ev);
  }

  watch(l: EventListener): void {
    this.listeners.push(l);
    if (this.listeners.length === 1) for (const e of this.list()) this.scheduleExpiry(e);
  }

  unwatch(l: EventListener): void {
    const i = this.listeners.indexOf(l);
    if (i >= 0) this.listeners.splice(i, 1);
    if (this.listeners.length > 0) return;
    for (const handle of this.expiries.values()) this.clock.cancel(handle);
    this.expiries.clear();
  }

  private notify(type: WatchType, e: EventRecord): void {
    for (const l of this.listeners) l(type, e);
    if (type !== WatchType.Deleted) this.scheduleExpiry(e);
  }

  /**
   * While someone watches, each Event's expiry is a DELETED watch event (the store deletes the
   * key; kine's TTL delete goes out on its watch, as etcd's lease expiry does). Nobody
   * watching, nothing is scheduled: list() leaves expired Events out by itself.
   */
  private scheduleExpiry(e: EventRecord): void {
    if (this.listeners.length === 0) return;
    const handle = this.expiries.get(e);
    if (handle !== undefined) this.clock.cancel(handle);
    this.expiries.set(e, this.clock.scheduleAt(e.lastWriteMs + this.ttlMs + 1, this, 0, e));
  }

  /** An expiry check: the Event has not been written since it was scheduled, so it is gone. */
  handleEvent(_arg: number, ref: unknown): void {
    const e = ref as EventRecord;
    this.expiries.delete(e);
    if (this.clock.now - e.lastWriteMs > this.ttlMs) this.notify(WatchType.Deleted, e);
  }

  /** Events the API server still holds, in creation order. */
  list(): EventRecord[] {
    const now = this.clock.now;
    return this.all.filter((e) => now - e.lastWriteMs <= this.ttlMs);
  }

  /** Events about one object (by kind and uid). */
  about(kind: string, uid: string): EventRecord[] {
    return this.list().filter((e) => e.involved.kind === kind && e.involved.uid === uid);
  }

  private allow(key: string, now: number): boolean {
    let b = this.spam.get(key);
    if (b === undefined) {
      b = { tokens: SPAM_BURST, lastMs: now };
      this.spam.set(key, b);
    }
    b.tokens = Math.min(SPAM_BURST, b.tokens + ((now - b.lastMs) / 1000) * SPAM_QPS);
    b.lastMs = now;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }
}

function involvedKey(o: InvolvedObject): string {
  return `${o.kind}\u0000${o.namespace}\u0000${o.name}\u0000${o.uid}\u0000${o.apiVersion}`;
}
