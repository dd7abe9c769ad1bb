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

/**
 * `-n` with `-f` (delete.go Complete: FilenameParam(enforceNamespace, …)): the builder's
 * RequireNamespace (cli-runtime resource/visitor.go) puts a Job whose manifest names no namespace
 * into the -n one, and refuses one that names another. The refusal is a plain error: alone,
 * cmdutil.CheckErr prints it after "error: "; beside others, MultipleErrors prints each as it is.
 */
describe("kubectl delete -f with -n", () => {
  const files = {
    "foo.yaml": `apiVersion: batch/v1
kind: Job
metadata: {name: other, namespace: foo}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`,
  };
  const mismatch =
    'the namespace from the provided object "foo" does not match the namespace "default". You must pass \'--namespace=foo\' to perform this operation.';

  it("a Job with no namespace in the file is looked for in the -n namespace", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "kubectl delete -f job.yaml -n other"],
      "kubectl get jobs -o name",
    );
    expect(out).toBe("job.batch/work\n");
    expect(commandOutput(["kubectl apply -f job.yaml"], "kubectl delete -f job.yaml -n other")).toBe(
      '2> Error from server (NotFound): error when deleting "job.yaml": jobs.batch "work" not found\n',
    );
  });

  it("a Job of another namespace is refused", () => {
    expect(commandOutput([], "kubectl delete -f foo.yaml -n default", { files })).toBe(
      `2> error: ${mismatch}\n`,
    );
  });

  it("beside another error, each is printed as it is", () => {
    expect(commandOutput([], "kubectl delete -f foo.yaml -f job.yaml -n default", { files })).toBe(
      `2> ${mismatch}\n2> Error from server (NotFound): error when deleting "job.yaml": jobs.batch "work" not found\n`,
    );
  });

  it("a Job the namespace check lets through is deleted", () => {
    expect(
      commandOutput(["kubectl apply -f job.yaml"], "kubectl delete -f foo.yaml -f job.yaml -n default", {
        files,
      }),
    ).toBe(`job.batch "work" deleted from default namespace\n2> error: ${mismatch}\n`);
  });
});

/**
 * `--force --grace-period=0` does not stop kubectl waiting: delete.go DeleteResult waits for every
 * deleted object to be gone unless --wait=false, whatever the grace period (the warning is about
 * the kubelet, which may still be running the container). A Job's pod keeps its job-tracking
 * finalizer until the Job controller has counted it, so the wait lasts until that sync.
 */
describe("kubectl delete --force --grace-period=0 still waits", () => {
  it("the pod is gone when the command returns", () => {
    const out = commandOutput(
      ["kubectl apply -f job.yaml", "sleep 10", "kubectl delete pod work-skg54 --force --grace-period=0"],
      "kubectl get pods -o name",
      { terminationSeconds: 20, runSeconds: 300 },
    );
    expect(out).not.toContain("pod/work-skg54");
  });

  it("--wait=false returns at once: the pod is still held by its finalizer", () => {
    const out = commandOutput(
      [
        "kubectl apply -f job.yaml",
        "sleep 10",
        "kubectl delete pod work-skg54 --force --grace-period=0 --wait=false",
      ],
      "kubectl get pods -o name",
      { terminationSeconds: 20, runSeconds: 300 },
    );
    expect(out).toBe("pod/work-skg54\n");
  });
});

/**
 * Names are not looked up before deleting: each visited name is one DELETE (RequireObject(false)),
 * in order, and its answer says whether it existed. A name given twice meets what the first
 * DELETE left: a Job deleted in the background is gone (NotFound); one held by a finalizer
 * (foreground, orphan) or a pod in its grace period is still there and is deleted again.
 */
describe("kubectl delete: a name given twice", () => {
  const steps = ["kubectl apply -f job.yaml", "sleep 10"];
  const opts = { terminationSeconds: 20, runSeconds: 300 };

  it("a Job deleted in the background: the second DELETE is NotFound", () => {
    expect(commandOutput(steps, "kubectl delete job work work", opts)).toBe(
      'job.batch "work" deleted from default namespace\n2> Error from server (NotFound): jobs.batch "work" not found\n',
    );
  });

  it("a Job held by foreground deletion: deleted twice", () => {
    expect(commandOutput(steps, "kubectl delete job work work --cascade=foreground --wait=false", opts)).toBe(
      'job.batch "work" deleted from default namespace\njob.batch "work" deleted from default namespace\n',
    );
  });

  it("a file given twice", () => {
    expect(commandOutput(steps, "kubectl delete -f job.yaml -f job.yaml", opts)).toBe(
      'job.batch "work" deleted from default namespace\n2> Error from server (NotFound): error when deleting "job.yaml": jobs.batch "work" not found\n',
    );
  });

  it("a pod in its grace period: deleted twice", () => {
    expect(commandOutput(steps, "kubectl delete pod work-skg54 work-skg54 --wait=false", opts)).toBe(
      'pod "work-skg54" deleted from default namespace\npod "work-skg54" deleted from default namespace\n',
    );
  });
});
