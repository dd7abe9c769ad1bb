import { describe, expect, it } from "vitest";
import { planFor } from "../../../src/analysis/plan.js";
import { scenario } from "../../analysis/helpers.js";
import { commandOutput } from "./session.js";

/**
 * `kubectl logs --all-pods` (kubectl 1.32+; staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go:
 * the flag "Get logs from all pod(s). Sets prefix to true.", Complete sets Prefix, RunLogs calls
 * AllPodLogsForObject; polymorphichelpers/logsforobject.go: for a Job with several pods,
 * GetPodList replaces GetFirstPod's one pod and no "Found N pods" notice is written, and
 * logsForObjectWithClient writes no "Defaulted container" notice when allPods).
 */

const TWO = `apiVersion: batch/v1
kind: Job
metadata: {name: two}
spec:
  template:
    spec:
      containers: [{name: a, image: "app:1"}, {name: b, image: "app:1"}]
      restartPolicy: Never
`;
const opts = { completions: 2, files: { "two.yaml": TWO } };
const RAN = ["kubectl apply -f job.yaml", "kubectl apply -f two.yaml", "sleep 2m"];

describe("kubectl logs --all-pods", () => {
  it("job/NAME reads every pod, prefixed, with no Found notice", () => {
    expect(commandOutput(RAN, "kubectl logs job/work", opts)).toBe(
      "2> Found 2 pods, using pod/work-skg54\nok\n",
    );
    expect(commandOutput(RAN, "kubectl logs job/work --all-pods", opts)).toBe(
      "[pod/work-skg54/c] ok\n[pod/work-4qqpf/c] ok\n",
    );
  });

  it("no Defaulted container notice for a pod of several containers", () => {
    expect(commandOutput(RAN, "kubectl logs job/two --all-pods", opts)).toBe("[pod/two-44bhz/a] ok\n");
    expect(commandOutput(RAN, "kubectl logs -l job-name=two --all-pods", opts)).toBe(
      "[pod/two-44bhz/a] ok\n",
    );
  });

  it("-f follows them all, within --max-log-requests", () => {
    expect(commandOutput(RAN, "kubectl logs -f job/work --all-pods --max-log-requests=1", opts)).toBe(
      "2> error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n",
    );
  });

  it("a Monte Carlo plan's logs -f keeps it", () => {
    const steps = planFor(
      scenario({
        p: 1,
        backoffLimit: 6,
        steps: ["kubectl apply -f job.yaml", "kubectl logs -f job/work --all-pods"],
      }),
    ).steps;
    expect(steps.find((s) => s.kind === "follow")).toMatchObject({
      kind: "follow",
      name: "work",
      allPods: true,
    });
  });
});
