import { describe, expect, it } from "vitest";
import { commandOutput } from "../commands/session.js";

/**
 * `kubectl describe TYPE NAME -n NS` where NS does not exist. The builder fetches each name with
 * cli-runtime resource/visitor.go Info.Get: on a NotFound in a namespace other than "default"
 * (and not all namespaces) it asks for the namespace, and when that is NotFound too it returns
 * the namespace's error instead. describe.go Run then tries DescribeMatchingResources (it is a
 * NotFound), which lists nothing there and returns that original error. Objects read from a
 * file skip Info.Get (already loaded): the describer's own Get gives the object's NotFound.
 */
const START = ["kubectl apply -f job.yaml", "sleep 5s"];
const out = (command: string) => commandOutput(START, command);
const NS_NOT_FOUND = '2> Error from server (NotFound): namespaces "typo" not found\n';

describe("describe by name in a namespace that does not exist", () => {
  it.each([
    ["kubectl describe job work -n typo", NS_NOT_FOUND],
    ["kubectl describe pods wo -n typo", NS_NOT_FOUND],
    ["kubectl describe job/work -n typo", NS_NOT_FOUND],
    ["kubectl describe jobs work other -n typo", NS_NOT_FOUND + NS_NOT_FOUND],
  ])("%s", (command, expected) => {
    expect(out(command)).toBe(expected);
  });

  it("an existing namespace keeps the object's NotFound", () => {
    expect(out("kubectl describe job nope -n kube-system")).toBe(
      '2> Error from server (NotFound): jobs.batch "nope" not found\n',
    );
  });

  it("a Job named by -f is fetched by the describer: the Job's NotFound", () => {
    expect(out("kubectl describe -f job.yaml -n typo")).toBe(
      '2> Error from server (NotFound): jobs.batch "work" not found\n',
    );
  });
});
