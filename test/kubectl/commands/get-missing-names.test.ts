import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * Names `kubectl get` cannot fetch (get.go Run, its builder visiting each name with cli-runtime
 * visitor.go Info.Get): an empty name is client-go rest Request.Name's "resource name may not be
 * empty" (a plain error: `error: ` when alone, a bare line among others, never ignored as a
 * NotFound); a name in a namespace that does not exist is the namespace's NotFound.
 */
function output(command: string): string {
  return commandOutput(["kubectl apply -f job.yaml"], command);
}

describe("kubectl get of names it cannot fetch", () => {
  it.each([
    ["kubectl get job ''", "2> error: resource name may not be empty\n"],
    ["kubectl get job '' --ignore-not-found", "2> error: resource name may not be empty\n"],
    [
      "kubectl get job '' nope",
      '2> resource name may not be empty\n2> Error from server (NotFound): jobs.batch "nope" not found\n',
    ],
    ["kubectl get job work -n typo", '2> Error from server (NotFound): namespaces "typo" not found\n'],
    [
      "kubectl get job/work pod/x -n typo",
      '2> Error from server (NotFound): namespaces "typo" not found\n2> Error from server (NotFound): namespaces "typo" not found\n',
    ],
    ["kubectl get job work -n typo --ignore-not-found", ""],
    ["kubectl get job nope -n kube-system", '2> Error from server (NotFound): jobs.batch "nope" not found\n'],
    ["kubectl get jobs -n typo", "2> No resources found in typo namespace.\n"],
  ])("%s", (command, expected) => {
    expect(output(command)).toBe(expected);
  });

  it("an empty name beside a found one: the table, then the error, alone, so with error: ", () => {
    expect(output("kubectl get job work ''")).toMatch(
      /^NAME +STATUS +COMPLETIONS +DURATION +AGE\nwork .*\n2> error: resource name may not be empty\n$/,
    );
  });
});
