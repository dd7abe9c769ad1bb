import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `--cascade` as kubectl's delete_flags.go `parseCascadingFlag` reads it: a value
 * strconv.ParseBool accepts is the deprecated boolean form (true → background, false → orphan),
 * taken with a warning written to stderr (`warning: --cascade=false is deprecated (boolean value)
 * and can be replaced with --cascade=orphan.`) before anything else; other values must name a
 * propagation.
 */

const deprecation = (v: string, r: string) =>
  `2> warning: --cascade=${v} is deprecated (boolean value) and can be replaced with --cascade=${r}.\n`;
const deleted = 'job.batch "work" deleted from default namespace\n';

describe("kubectl delete --cascade with a boolean", () => {
  it.each([
    ["false", "orphan"],
    ["0", "orphan"],
    ["F", "orphan"],
    ["true", "background"],
    ["1", "background"],
    ["TRUE", "background"],
  ])("--cascade=%s: warning, then the deletion (%s)", (v, r) => {
    expect(
      commandOutput(["kubectl apply -f job.yaml", "sleep 10"], `kubectl delete job work --cascade=${v}`),
    ).toBe(`${deprecation(v, r)}${deleted}`);
  });

  it("--cascade=0 orphans the pods: the Job is gone, its pod stays", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 10", "kubectl delete job work --cascade=0"],
      "kubectl get jobs,pods -o name",
    );
    expect(out).toBe("pod/work-skg54\n");
  });

  it("the warning comes before an error found later", () => {
    expect(commandOutput([], "kubectl delete job nope --cascade=false")).toBe(
      `${deprecation("false", "orphan")}2> Error from server (NotFound): jobs.batch "nope" not found\n`,
    );
  });

  it("a value that is neither is refused", () => {
    expect(commandOutput([], "kubectl delete job work --cascade=yes")).toBe(
      '2> error: invalid cascade value (yes). Must be "background", "foreground", or "orphan"\n',
    );
  });
});
