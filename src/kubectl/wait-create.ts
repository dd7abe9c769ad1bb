import type { KubectlContext } from "./context.js";

/**
 * `kubectl wait --for=create` (kubectl 1.31 to 1.35, staging/src/k8s.io/kubectl/pkg/cmd/wait:
 * wait.go RunWait, create.go IsCreated). Before the usual visit, RunWait polls the resource
 * builder with wait.PollUntilContextTimeout(ctx, 500ms, --timeout, immediate): a first look at
 * once, then one every 500 ms from the start, until the builder's visit finds an object and
 * gives no error. A single NotFound (one named object missing) keeps it polling; any other
 * error ends it (several missing names come back as an aggregate, which apierrors.IsNotFound
 * does not see through). A selector or --all that matches nothing keeps it polling. When the
 * deadline comes first, the error is wait.ErrorInterrupted(nil)'s "timed out waiting for the
 * condition", with no object named. Then the visit prints `<kind>/<name> condition met` for each
 * object (IsCreated).
 */

/** What one look of the poll found: every object, not yet (keep polling), or the errors. */
export type Presence = "found" | "missing" | { errors: string[] };

/** wait.go: `wait.PollUntilContextTimeout(ctx, 500*time.Millisecond, ...)`. */
export const CREATE_POLL_INTERVAL_MS = 500;

/** loopConditionUntilContext's message when the context's deadline ends the poll. */
export const CREATE_TIMEOUT_ERROR = "error: timed out waiting for the condition";

/**
 * Polls `look` as kubectl does, letting simulated time pass: true once it found the objects,
 * "timeout" when the deadline came first, or the errors of the look that ended the poll. Time
 * passes to the first event that makes the objects exist and then on to the poll's next tick,
 * rather than tick by tick, so that a wait of a week costs no more than a short one; the look
 * at that tick decides (an object gone again by then keeps the poll going).
 */
export function pollUntilCreated(
  ctx: KubectlContext,
  look: () => Presence,
  timeoutMs: number,
): true | "timeout" | { errors: string[] } {
  const sim = ctx.cluster.sim;
  const start = sim.now;
  const deadline = start + timeoutMs;
  let lastTick = 0; // the ticks looked at so far (0: the look at once)
  for (;;) {
    const seen = look();
    if (seen === "found") return true;
    if (seen !== "missing") return seen;
    if (sim.now >= deadline) return "timeout";
    // (A clock held short of the deadline with nothing found is Monte Carlo's horizon: the end.)
    if (!ctx.waitUntil(() => look() !== "missing", deadline - sim.now) && sim.now < deadline)
      return "timeout";
    // The first tick at or after now that was not looked at yet: every 500 ms from the start.
    lastTick = Math.max(lastTick + 1, Math.ceil((sim.now - start) / CREATE_POLL_INTERVAL_MS));
    const tick = start + lastTick * CREATE_POLL_INTERVAL_MS;
    // A tick that falls on the deadline loses to it: the loop checks ctx.Done() before each look.
    if (tick >= deadline) {
      if (deadline > sim.now) ctx.waitUntil(() => false, deadline - sim.now);
      return "timeout";
    }
    if (tick > sim.now) ctx.waitUntil(() => false, tick - sim.now);
    if (sim.now < tick) return "timeout"; // the horizon again
  }
}
