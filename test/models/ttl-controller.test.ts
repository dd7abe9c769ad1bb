import { describe, expect, it } from "vitest";
import { commandTranscript } from "../kubectl/commands/session.js";

/**
 * ttlSecondsAfterFinished is mutable, and the TTL controller reads it again: updateJob
 * re-queues a finished Job, and processJob checks a fresh copy before deleting
 * (pkg/controller/ttlafterfinished). The command scenario's Job completes at 33 s.
 */

function jobsAt(ttl: number, patch: string, waits: string[]): string[] {
  const job = `apiVersion: batch/v1
kind: Job
metadata: {name: t}
spec:
  ttlSecondsAfterFinished: ${ttl}
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
  const steps = [
    "kubectl apply -f t.yaml",
    "kubectl wait --for=condition=complete job/t --timeout=1m",
    `kubectl patch job t --type merge -p '{"spec":{"ttlSecondsAfterFinished":${patch}}}'`,
  ];
  for (const w of waits) steps.push(`sleep ${w}`, "kubectl get jobs -o name");
  const out = commandTranscript(steps, { files: { "t.yaml": job } });
  return out
    .split("$ kubectl get jobs -o name\n")
    .slice(1)
    .map((part) => (part.startsWith("job.batch/t\n") ? "present" : "gone"));
}

describe("TTL after finished, patched", () => {
  it.each([
    {
      name: "shortened to 0: deleted at once",
      ttl: 3600,
      patch: "0",
      waits: ["1s", "1h"],
      expected: ["gone", "gone"],
    },
    {
      name: "shortened to 10 s: deleted 10 s after finishing",
      ttl: 3600,
      patch: "10",
      waits: ["1s", "15s"],
      expected: ["present", "gone"],
    },
    {
      name: "lengthened: the old expiry passes",
      ttl: 30,
      patch: "600",
      waits: ["1m", "10m"],
      expected: ["present", "gone"],
    },
    {
      name: "removed (null): never deleted",
      ttl: 30,
      patch: "null",
      waits: ["1m", "2h"],
      expected: ["present", "present"],
    },
    {
      name: "unchanged: deleted when it expires",
      ttl: 30,
      patch: "30",
      waits: ["10s", "30s"],
      expected: ["present", "gone"],
    },
  ])("$name", ({ ttl, patch, waits, expected }) => {
    expect(jobsAt(ttl, patch, waits)).toEqual(expected);
  });
});
