import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl logs TYPE/NAME`: Complete hands the argument to the resource builder as
 * `ResourceNames("pods", arg)` (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go), whose
 * splitResourceTypeName (cli-runtime pkg/resource/builder.go) refuses an empty type or name and
 * a second slash, and whose RESTMapper resolves the type as `get` does — fully qualified forms
 * such as `job.v1.batch` included, an unknown one "the server doesn't have a resource type".
 */
const RAN = ["kubectl apply -f job.yaml", "sleep 1m"];
const outputOf = (command: string) => commandOutput(RAN, command);

describe("kubectl logs TYPE/NAME as the resource builder reads it", () => {
  it.each([
    ["kubectl logs job/", "2> error: arguments in resource/name form must have a single resource and name\n"],
    [
      "kubectl logs /work",
      "2> error: arguments in resource/name form must have a single resource and name\n",
    ],
    [
      "kubectl logs job/work/x",
      "2> error: arguments in resource/name form may not have more than one slash\n",
    ],
    ["kubectl logs foo/x", `2> error: the server doesn't have a resource type "foo"\n`],
  ])("%s is refused", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  it.each([
    "kubectl logs job.v1.batch/work",
    "kubectl logs jobs.v1.batch/work",
    "kubectl logs Jobs.Batch/work",
  ])("%s reads the Job's pod", (command) => {
    expect(outputOf(command)).toBe("ok\n");
  });
});
