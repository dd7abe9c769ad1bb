import { describe, expect, it } from "vitest";
import { readLogs } from "../../../src/kubectl/log-lines.js";
import { scenarioProblems } from "../../helpers/session.js";
import { commandOutput, WORK_JOB_FILE } from "./session.js";

/**
 * `kubectl logs --limit-bytes=N` (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go: an Int64 flag,
 * sent as PodLogOptions.LimitBytes when not 0; Validate: "--limit-bytes must be greater than 0"
 * for a negative one). The kubelet's logWriter (pkg/kubelet/kuberuntime/logs/logs.go) writes at
 * most N bytes of the lines it would send — timestamps included, lines before --since skipped —
 * cutting the line that reaches the limit, so the output can end inside a line.
 */
const RAN = ["kubectl apply -f job.yaml", "sleep 2m"];
const opts = { completions: 2 };

describe("kubectl logs --limit-bytes", () => {
  it("cuts the stream after N bytes, inside a line", () => {
    expect(commandOutput(RAN, "kubectl logs job/work --limit-bytes=1", opts)).toBe(
      "2> Found 2 pods, using pod/work-skg54\no",
    );
    expect(commandOutput(RAN, "kubectl logs job/work --limit-bytes=3", opts)).toBe(
      "2> Found 2 pods, using pod/work-skg54\nok\n",
    );
  });

  it("limits each stream on its own, the cut line keeping its prefix", () => {
    expect(commandOutput(RAN, "kubectl logs -l job-name=work --limit-bytes=1 --prefix", opts)).toBe(
      "[pod/work-4qqpf/c] o[pod/work-skg54/c] o",
    );
  });

  it("0 is no limit; a negative one is refused by Validate; a non-number by pflag", () => {
    expect(commandOutput(RAN, "kubectl logs job/work --limit-bytes=0", opts)).toBe(
      "2> Found 2 pods, using pod/work-skg54\nok\n",
    );
    expect(commandOutput(RAN, "kubectl logs job/work --limit-bytes=-1", opts)).toBe(
      "2> error: --limit-bytes must be greater than 0\n",
    );
    expect(commandOutput(RAN, "kubectl logs job/work --limit-bytes=x", opts)).toBe(
      '2> error: invalid argument "x" for "--limit-bytes" flag: strconv.ParseInt: parsing "x": invalid syntax\n2> See \'kubectl logs --help\' for usage.\n',
    );
  });

  it("counts the timestamps and skips lines before --since", () => {
    const lines = [
      { atMs: 1000, text: "first" },
      { atMs: 2000, text: "second" },
    ];
    expect(readLogs(lines, -1, 0, null, 8)).toBe("first\nse");
    expect(readLogs(lines, -1, 1500, null, 3)).toBe("sec");
    expect(readLogs(lines, -1, 0, (ms) => `T${ms}`, 7)).toBe("T1000 f");
  });

  it("with -f is not simulated (the stream's end would hang on the log's bytes)", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: s}
images:
  app:1: {outcomes: [{probability: 1, exitCode: 0}]}
files:
${WORK_JOB_FILE}steps:
  - kubectl apply -f job.yaml
  - kubectl logs -f job/work --limit-bytes=10
`;
    expect(scenarioProblems(text, "s.yaml")).toEqual([
      's.yaml: steps[1]: kubectl logs -f job/work --limit-bytes=10: jobsim does not simulate the --limit-bytes flag of "kubectl logs" with -f',
    ]);
  });
});
