import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * The errors of `kubectl delete` as delete.go `DeleteResult` meets them: `deleteResource` wraps a
 * failed DELETE with cmdutil.AddSourceToErr("deleting", info.Source, err), so an object read from
 * a file names the file (`error when deleting "job.yaml": …`); an object named on the command
 * line has no source and no prefix. And when the visit returned any error, DeleteResult returns
 * it before waiting: what it did delete is left going.
 */

describe("kubectl delete: a failed DELETE of an object from a file names the file", () => {
  it("-f of a Job that is gone", () => {
    expect(commandOutput([], "kubectl delete -f job.yaml")).toBe(
      '2> Error from server (NotFound): error when deleting "job.yaml": jobs.batch "work" not found\n',
    );
  });

  it("-f with --all and --ignore-not-found=false: the NotFound names the file too", () => {
    expect(commandOutput([], "kubectl delete -f job.yaml --all --ignore-not-found=false")).toBe(
      '2> Error from server (NotFound): error when deleting "job.yaml": jobs.batch "work" not found\n',
    );
  });

  it("a name on the command line has no source", () => {
    expect(commandOutput([], "kubectl delete job work")).toBe(
      '2> Error from server (NotFound): jobs.batch "work" not found\n',
    );
  });
});

describe("kubectl delete: no wait after an error", () => {
  it("a missing name beside a found one: the found one is deleted, nothing is waited for", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 10", "kubectl delete job nope work --cascade=foreground"],
      "kubectl get jobs,pods -o name",
      { terminationSeconds: 20, runSeconds: 300 },
    );
    // Foreground: the Job stays (Terminating) until its pod, still stopping, is gone.
    expect(out).toBe("job.batch/work\npod/work-skg54\n");
  });

  it("without the error, kubectl waits until the Job is gone", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 10", "kubectl delete job work --cascade=foreground"],
      "kubectl get jobs,pods -o name",
      { terminationSeconds: 20, runSeconds: 300 },
    );
    expect(out).toBe("");
  });
});
