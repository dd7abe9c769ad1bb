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

describe("kubectl logs of a kind with no pods of its own", () => {
  // logsForObjectWithClient (polymorphichelpers/logsforobject.go) asks SelectorsForObject
  // (polymorphichelpers/helpers.go) for the pods of the fetched object; a Node or a Namespace
  // has none: "cannot get the logs from %T: selector for %T not implemented". A missing one is
  // the builder's NotFound, which Complete wraps with the namespace (even for a cluster-scoped kind).
  it.each([
    [
      "kubectl logs node/node-0",
      "2> error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n",
    ],
    [
      "kubectl logs ns/default",
      "2> error: cannot get the logs from *v1.Namespace: selector for *v1.Namespace not implemented\n",
    ],
    [
      "kubectl logs node/nope",
      '2> error: error from server (NotFound): nodes "nope" not found in namespace "default"\n',
    ],
    [
      "kubectl logs namespace/nope",
      '2> error: error from server (NotFound): namespaces "nope" not found in namespace "default"\n',
    ],
  ])("%s", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });
});
