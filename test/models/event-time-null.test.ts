import { describe, expect, it } from "vitest";
import { commandOutput } from "../kubectl/commands/session.js";

/**
 * core/v1 Event.EventTime is `metav1.MicroTime json:"eventTime,omitempty"`: omitempty does not
 * omit a struct, and a zero MicroTime marshals as null — so an event recorded through the legacy
 * API (kubelet, job-controller) shows `eventTime: null`, as real `kubectl get events -o yaml`
 * captures do, while the scheduler's events.k8s.io event has its time.
 */
describe("eventTime of core/v1 events", () => {
  const out = commandOutput(["kubectl apply -f job.yaml", "sleep 5"], "kubectl get events -o yaml");
  const items = out.split("\n- ").slice(1);
  const byReason = (reason: string) => items.find((i) => i.includes(`\n  reason: ${reason}\n`)) ?? "";

  it("is null on a legacy event", () => {
    expect(byReason("SuccessfulCreate")).toMatch(
      /\n {2}count: 1\n {2}eventTime: null\n {2}firstTimestamp: "/,
    );
    expect(byReason("Pulling")).toContain("\n  eventTime: null\n");
  });

  it("is the event's time on the scheduler's", () => {
    expect(byReason("Scheduled")).toMatch(/\n {2}eventTime: "2026-01-01T00:00:00\.\d{6}Z"\n/);
  });
});
