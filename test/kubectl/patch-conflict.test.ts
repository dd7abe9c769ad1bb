import { describe, expect, it } from "vitest";
import { commandOutput } from "./commands/session.js";

/**
 * A patch that carries metadata.resourceVersion is a precondition: the registry's Update
 * (apiserver registry/generic/registry/store.go, in GuaranteedUpdate's tryUpdate, after the patch
 * is applied and before BeforeUpdate validates) refuses a version other than the stored one with
 * NewConflict (OptimisticLockErrorMsg), which kubectl prints as `Error from server (Conflict): …`.
 * The stored version passes; "" or "0" is no version (an unconditional update).
 */

const RV = "kubectl get job work -o jsonpath={.metadata.resourceVersion}";
const BACKOFF = "kubectl get job work -o jsonpath={.spec.backoffLimit}";
const steps = ["kubectl apply -f job.yaml", "sleep 5"];
const patch = (rv: string) =>
  `kubectl patch job work -p '{"metadata":{"resourceVersion":"${rv}"},"spec":{"backoffLimit":2}}'`;

describe("kubectl patch with a resourceVersion", () => {
  it("a stale one: Conflict, and the Job is left as it was", () => {
    expect(commandOutput(steps, patch("1"))).toBe(
      '2> Error from server (Conflict): Operation cannot be fulfilled on jobs.batch "work": the object has been modified; please apply your changes to the latest version and try again\n',
    );
    expect(commandOutput([...steps, patch("1")], BACKOFF)).toBe("6");
  });

  it("a server dry run is judged the same", () => {
    expect(commandOutput(steps, `${patch("1")} --dry-run=server`)).toMatch(
      /^2> Error from server \(Conflict\)/,
    );
  });

  it("the stored one, or none: patched", () => {
    const current = commandOutput(steps, RV);
    expect(current).toMatch(/^\d+$/);
    for (const rv of [current, "", "0"]) {
      expect(commandOutput(steps, patch(rv))).toBe("job.batch/work patched\n");
      expect(commandOutput([...steps, patch(rv)], BACKOFF)).toBe("2");
    }
  });
});

describe("a Job created from a manifest that carries a resourceVersion", () => {
  const files = {
    "rv.yaml": `apiVersion: batch/v1
kind: Job
metadata: {name: work, resourceVersion: "1"}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`,
  };
  it("kubectl cleared it (resource.Helper.Create): a later patch is no conflict", () => {
    expect(
      commandOutput(
        ["kubectl apply -f rv.yaml", "sleep 5"],
        `kubectl patch job work -p '{"spec":{"backoffLimit":2}}'`,
        {
          files,
        },
      ),
    ).toBe("job.batch/work patched\n");
  });
});

describe("kubectl apply of a manifest with a stale resourceVersion to a live Job", () => {
  const files = {
    "rv.yaml": `apiVersion: batch/v1
kind: Job
metadata: {name: work, resourceVersion: "1"}
spec:
  backoffLimit: 2
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`,
  };
  const steps = ["kubectl apply -f job.yaml", "sleep 5"];

  it("is refused (kubectl's Conflict shows the three-way patch it sent), and nothing changes", () => {
    expect(commandOutput(steps, "kubectl apply -f rv.yaml", { files })).toMatch(
      /^2> error: jobsim does not simulate applying a manifest with metadata.resourceVersion "1" to the live Job \(resourceVersion "\d+"\)/,
    );
    expect(commandOutput([...steps, "kubectl apply -f rv.yaml"], BACKOFF, { files })).toBe("6");
  });

  it("a client dry run sends no patch: configured (dry run)", () => {
    expect(commandOutput(steps, "kubectl apply -f rv.yaml --dry-run=client", { files })).toBe(
      "job.batch/work configured (dry run)\n",
    );
  });
});
