import { describe, expect, it } from "vitest";
import { commandOutput, commandTranscript } from "./session.js";

/**
 * kubectl wait's --timeout is a time.Duration, in nanoseconds. Only a duration of exactly zero
 * checks once (condition.go getObjAndCheckCondition and delete.go IsDeleted: `o.Timeout == 0`);
 * any negative one is a week (wait.go ToOptions: `effectiveTimeout < 0` → 168h). A timeout
 * under a millisecond is neither: RunWait's context runs out before the watch can sync, so it is
 * the timeout error — even for a condition already met.
 */
describe("kubectl wait --timeout under a millisecond", () => {
  it("a positive one is a wait that runs out at once, not a single check", () => {
    expect(
      commandOutput(
        ["kubectl apply -f job.yaml"],
        "kubectl wait --for=condition=complete job/work --timeout=1us",
      ),
    ).toBe("2> error: timed out waiting for the condition on jobs/work\n");
    expect(
      commandOutput(
        ["kubectl apply -f job.yaml"],
        "kubectl wait --for=condition=complete job/work --timeout=400us",
      ),
    ).toBe("2> error: timed out waiting for the condition on jobs/work\n");
  });

  it("a negative one waits (for a week), as any negative timeout does", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "kubectl wait --for=condition=complete job/work --timeout=-1us",
      "kubectl get jobs",
    ]);
    expect(out).toContain(
      "$ kubectl wait --for=condition=complete job/work --timeout=-1us\njob.batch/work condition met\n",
    );
    expect(out).toMatch(/work {3}Complete {3}1\/1 {11}34s {8}34s\n$/);
  });

  it("a zero written in another unit still checks once", () => {
    expect(
      commandOutput(
        ["kubectl apply -f job.yaml"],
        "kubectl wait --for=condition=complete job/work --timeout=0us",
      ),
    ).toBe("2> error: condition not met for jobs/work\n");
  });
});
