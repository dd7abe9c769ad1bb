import { describe, expect, it } from "vitest";
import { nodeLeaseRenewMs } from "../../src/models/node-lease.js";
import {
  NODE_MONITOR_GRACE_PERIOD_MS,
  noExecuteTaintAtMs,
  noExecuteTaintRate,
  probeTimestampMs,
  readyUnknownAtMs,
  ZoneState,
  zoneState,
} from "../../src/models/node-lifecycle.js";
import type { NodeRecord } from "../../src/models/node-record.js";

/**
 * When the node lifecycle controller notices a stopped kubelet
 * (pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth,
 * processTaintBaseEviction, doNoExecuteTaintingPass): Lease renewals every 10 s, monitor passes
 * every 5 s, Ready Unknown at the first pass with now > probeTimestamp + 50 s (strictly after),
 * the NoExecute taint one pass and one 100 ms tainting period later.
 */
/** A node created at 0 whose kubelet stopped at `stoppedMs`: what the Lease grid reads. */
const stoppedAt = (stoppedMs: number) => ({ creationMs: 0, kubeletStoppedMs: stoppedMs }) as NodeRecord;

describe("node lifecycle timing", () => {
  it("node-monitor-grace-period is 50 s (kubernetes PR #126287, 1.32)", () => {
    expect(NODE_MONITOR_GRACE_PERIOD_MS).toBe(50_000);
  });

  it.each([
    // stoppedMs, last renewal, probe, Ready Unknown, NoExecute taint
    [0, 0, 0, 55_000, 60_100],
    [1, 0, 0, 55_000, 60_100],
    [9_999, 0, 0, 55_000, 60_100],
    [10_000, 10_000, 10_000, 65_000, 70_100],
    [40_000, 40_000, 40_000, 95_000, 100_100],
    [47_300, 40_000, 40_000, 95_000, 100_100],
    [125_000, 120_000, 120_000, 175_000, 180_100],
  ])(
    "stopped at %i ms: renewal %i, probe %i, Unknown %i, NoExecute %i",
    (stopped, renewal, probe, unknown, taint) => {
      // Asked after the stop: the renewals stopped with the kubelet.
      expect(nodeLeaseRenewMs(stoppedAt(stopped), stopped + 600_000)).toBe(renewal);
      expect(probeTimestampMs(renewal)).toBe(probe);
      expect(readyUnknownAtMs(renewal)).toBe(unknown);
      expect(noExecuteTaintAtMs(unknown)).toBe(taint);
    },
  );

  it("a renewal between passes is seen at the next pass", () => {
    expect(probeTimestampMs(12_000)).toBe(15_000);
  });

  it("Ready goes Unknown 45 to 55 s after the stop, whatever its phase against the renewals", () => {
    for (let s = 0; s < 20_000; s += 250) {
      const d = readyUnknownAtMs(nodeLeaseRenewMs(stoppedAt(s), s)) - s;
      expect(d).toBeGreaterThan(45_000);
      expect(d).toBeLessThanOrEqual(55_000);
    }
  });
});

/**
 * The zone's state and the NoExecute tainter's rate (node_lifecycle_controller.go
 * ComputeZoneState, setLimiterInZone, HealthyQPSFunc, ReducedQPSFunc; handleDisruption stops
 * every eviction when all zones are fully disrupted — one zone here).
 */
describe("zone disruption", () => {
  it.each([
    // not ready, total, state, rate
    [0, 2, ZoneState.Normal, 0.1],
    [1, 2, ZoneState.Normal, 0.1],
    [2, 3, ZoneState.Normal, 0.1],
    [2, 2, ZoneState.FullDisruption, 0],
    [3, 4, ZoneState.PartialDisruption, 0],
    [3, 6, ZoneState.Normal, 0.1],
    [4, 7, ZoneState.PartialDisruption, 0],
    [30, 60, ZoneState.Normal, 0.1],
    [33, 60, ZoneState.PartialDisruption, 0.01],
  ])("%i of %i not ready: state %i, rate %f", (notReady, total, state, rate) => {
    expect(zoneState(notReady, total)).toBe(state);
    expect(noExecuteTaintRate(zoneState(notReady, total), total)).toBe(rate);
  });
});
