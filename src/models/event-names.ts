import { fmix32, hashString, mixWord } from "../engine/random/hash.js";
import { eventNameSuffix } from "./api/time-format.js";

const NANOS_PER_MS = 1_000_000;
/** Headroom left above the first event's offset so later events in the same ms stay inside it. */
const FIRST_OFFSET_RANGE = NANOS_PER_MS / 2;
const STEP_RANGE = 997;

/**
 * Names core/v1 Events `<involvedObject.name>.<hex UnixNano>` (client-go record/event.go
 * `makeEvent`). A real clock almost never gives two events the same nanosecond; the simulated
 * clock counts milliseconds, and several events routinely share one (Scheduled and Pulling;
 * Created and Started). The nanoseconds inside the millisecond are therefore drawn from a hash
 * of (seed, object name, ms, ordinal): deterministic for a seed, distinct and increasing within
 * one millisecond for one object, so no two events collide and their names sort by creation.
 */
export class EventNameGenerator {
  private currentMs = Number.NaN;
  /** Object name → last sub-ms offset used in `currentMs`. */
  private readonly lastOffset = new Map<string, number>();

  constructor(
    private readonly epochMs: number,
    seed: number | string,
  ) {
    this.seedHash = typeof seed === "string" ? hashString(seed) : fmix32(seed | 0);
  }

  private readonly seedHash: number;

  readonly name = (involvedName: string, nowMs: number): string => {
    if (nowMs !== this.currentMs) {
      this.currentMs = nowMs;
      this.lastOffset.clear();
    }
    const previous = this.lastOffset.get(involvedName);
    const ordinal = previous === undefined ? 0 : previous + 1;
    const h = fmix32(mixWord(mixWord(hashString(involvedName, this.seedHash), nowMs | 0), ordinal)) >>> 0;
    const offset =
      previous === undefined
        ? h % FIRST_OFFSET_RANGE
        : Math.min(previous + 1 + (h % STEP_RANGE), NANOS_PER_MS - 1);
    this.lastOffset.set(involvedName, offset);
    return `${involvedName}.${eventNameSuffix(this.epochMs + nowMs, offset)}`;
  };
}
