import { describe, expect, it } from "vitest";
import { parseKubectl } from "../../../src/kubectl/parse.js";
import { commandOutput, commandTranscript } from "./session.js";

/**
 * `kubectl drain` (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go RunDrain,
 * deleteOrEvictPodsSimple; pkg/drain/drain.go evictPods, deletePods, waitForDelete;
 * pkg/drain/filters.go) and the eviction API behind it (pkg/registry/core/pod/storage/eviction.go
 * addConditionAndDeletePod). The scenario's one node is node-0; Job `work` runs 30 s. stderr
 * lines are marked "2> ".
 */
const EMPTYDIR_JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: cache}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      volumes: [{name: scratch, emptyDir: {}}]
      restartPolicy: Never
`;
const IGNORE_DISRUPTIONS_JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: tolerant}
spec:
  backoffLimit: 0
  podFailurePolicy:
    rules:
      - action: Ignore
        onPodConditions: [{type: DisruptionTarget}]
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const RUNNING = ["kubectl apply -f job.yaml", "sleep 10s"];

describe("kubectl drain: evictions", () => {
  it("cordons, evicts each pod, prints `evicted` once the pod has left the API, then `drained`", () => {
    expect(commandOutput(RUNNING, "kubectl drain node-0", { terminationSeconds: 3 })).toMatch(
      /^node\/node-0 cordoned\nevicting pod default\/(work-\w{5})\npod\/\1 evicted\nnode\/node-0 drained\n$/,
    );
  });

  it("waits in simulated time until the pod has left the API", () => {
    // Evicted at 10 s; the Job controller counts it failed and drops its finalizer at 11 s; the
    // container stops 3 s after SIGTERM and the kubelet's final DELETE removes the pod at 13 s,
    // which the poll at 13 s sees (time passes to a poll instant inclusive).
    const out = commandTranscript([...RUNNING, "kubectl drain node-0", "kubectl get nodes"], {
      terminationSeconds: 3,
    });
    expect(out).toContain("node-0   Ready,SchedulingDisabled   <none>   13s");
    const longer = commandTranscript([...RUNNING, "kubectl drain node-0", "kubectl get nodes"], {
      terminationSeconds: 7,
    });
    expect(longer).toContain("node-0   Ready,SchedulingDisabled   <none>   17s");
  });

  it("the evicted pod carries DisruptionTarget=True, EvictionByEvictionAPI, 'Eviction API: evicting'", () => {
    const out = commandOutput(
      [...RUNNING, "kubectl drain node-0 --timeout=2s"],
      "kubectl get pods -o jsonpath={.items[0].status.conditions[0]}",
      { terminationSeconds: 10 },
    );
    expect(JSON.parse(out)).toEqual({
      type: "DisruptionTarget",
      status: "True",
      reason: "EvictionByEvictionAPI",
      message: "Eviction API: evicting",
      lastProbeTime: null,
      lastTransitionTime: "2026-01-01T00:00:10Z",
      observedGeneration: 1,
    });
  });

  it("--timeout: the pods still there at the first poll after it, then the trailer; exit 1", () => {
    const out = commandOutput(RUNNING, "kubectl drain node-0 --timeout=2s", { terminationSeconds: 10 });
    const pod = /evicting pod default\/(work-\w{5})/.exec(out)![1];
    const reason = `error when waiting for pod "${pod}" in namespace "default" to terminate: global timeout reached: 2s`;
    expect(out).toBe(
      [
        "node/node-0 cordoned",
        `evicting pod default/${pod}`,
        `2> There are pending pods in node "node-0" when an error occurred: ${reason}`,
        `2> pod/${pod}`,
        `2> error: unable to drain node "node-0" due to error: ${reason}, continuing command...`,
        "2> There are pending nodes to be drained:",
        "2>  node-0",
        `2> ${reason}`,
        "",
      ].join("\n"),
    );
  });

  it("a --timeout already over fails each eviction before it is sent", () => {
    const out = commandOutput(RUNNING, "kubectl drain node-0 --timeout=-1s");
    expect(out).toMatch(
      /2> error when evicting pods\/"work-\w{5}" -n "default": global timeout reached: -1s\n$/,
    );
    expect(commandOutput([...RUNNING, "kubectl drain node-0 --timeout=-1s"], "kubectl get pods")).toContain(
      "1/1     Running",
    );
  });

  it("--grace-period is the eviction's grace: SIGKILL 2 s later (killContainer's minimum), not 30", () => {
    const out = commandTranscript(
      [...RUNNING, "kubectl drain node-0 --grace-period=1", "kubectl get nodes"],
      {
        terminationSeconds: 30,
      },
    );
    expect(out).toContain("evicted\nnode/node-0 drained\n");
    expect(out).toContain("node-0   Ready,SchedulingDisabled   <none>   12s");
  });

  it("without --timeout jobsim waits 24 h of simulated time, then says so in the trailer", () => {
    const slow = `apiVersion: batch/v1
kind: Job
metadata: {name: slow}
spec:
  template:
    spec:
      terminationGracePeriodSeconds: 100000
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
    const out = commandOutput(["kubectl apply -f slow.yaml", "sleep 10s"], "kubectl drain node-0", {
      runSeconds: 200_000,
      terminationSeconds: 90_000,
      files: { "slow.yaml": slow },
    });
    expect(out).toMatch(
      /\n2> error: jobsim stopped waiting for the pods after 24h of simulated time \(kubectl drain without --timeout waits on\)\n$/,
    );
  });

  it("a pod already being deleted is evicted too: the condition is added (last), its deletion stays", () => {
    const out = commandOutput(
      [
        ...RUNNING,
        "kubectl delete pods -l job-name=work --wait=false",
        "sleep 2s",
        "kubectl drain node-0 --timeout=1s",
      ],
      `kubectl get pods -l job-name=work -o jsonpath='{.items[0].metadata.deletionTimestamp} {.items[0].status.conditions[*].type} {.items[0].status.conditions[?(@.type=="DisruptionTarget")].reason}'`,
      { terminationSeconds: 8 },
    );
    expect(out).toBe(
      "2026-01-01T00:00:40Z PodReadyToStartContainers Initialized Ready ContainersReady PodScheduled DisruptionTarget EvictionByEvictionAPI",
    );
  });

  it("a finished pod is evicted too, and goes at once (grace 0, no finalizer left)", () => {
    expect(commandOutput(["kubectl apply -f job.yaml", "sleep 40s"], "kubectl drain node-0")).toMatch(
      /^node\/node-0 cordoned\nevicting pod default\/(work-\w{5})\npod\/\1 evicted\nnode\/node-0 drained\n$/,
    );
  });

  it("an empty node (or a --pod-selector matching nothing): cordoned, drained", () => {
    expect(commandOutput([], "kubectl drain node-0")).toBe("node/node-0 cordoned\nnode/node-0 drained\n");
    expect(
      commandOutput(RUNNING, "kubectl drain -l kubernetes.io/hostname=node-0 --pod-selector=job-name=x"),
    ).toBe("node/node-0 cordoned\nnode/node-0 drained\n");
  });
});

describe("kubectl drain: the Job controller and the scheduler afterwards", () => {
  it("without a podFailurePolicy the evicted pod is a failure; its replacement cannot use the cordoned node", () => {
    const out = commandTranscript(
      [
        ...RUNNING,
        "kubectl drain node-0",
        'kubectl describe job work | grep "Pods Statuses"',
        "sleep 20s",
        "kubectl get pods",
        "kubectl get events --field-selector reason=FailedScheduling -o custom-columns=MESSAGE:.message",
      ],
      { terminationSeconds: 3 },
    );
    expect(out).toContain("Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 1 Failed\n");
    expect(out).toMatch(/work-\w{5} {3}0\/1 {5}Pending {3}0/);
    expect(out).toContain("0/1 nodes are available: 1 node(s) were unschedulable.");
  });

  it("a podFailurePolicy Ignore rule on DisruptionTarget matches the evicted pod: not counted", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f p.yaml",
        "sleep 10s",
        "kubectl drain node-0",
        'kubectl describe job tolerant | grep "Pods Statuses"',
        "kubectl uncordon node-0",
        "sleep 1m",
        "kubectl get jobs",
      ],
      { terminationSeconds: 3, files: { "p.yaml": IGNORE_DISRUPTIONS_JOB } },
    );
    expect(out).toContain("Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 0 Failed\n");
    expect(out).toMatch(/tolerant {3}Complete {3}1\/1/);
  });
});

describe("kubectl drain: a FailJob rule on DisruptionTarget", () => {
  it("fails the Job once the evicted pod has failed (reason PodFailurePolicy)", () => {
    const failJob = IGNORE_DISRUPTIONS_JOB.replace("action: Ignore", "action: FailJob");
    const out = commandOutput(
      ["kubectl apply -f p.yaml", "sleep 10s", "kubectl drain node-0", "sleep 2s"],
      `kubectl get job tolerant -o jsonpath='{.status.conditions[?(@.type=="Failed")].message}'`,
      { terminationSeconds: 3, files: { "p.yaml": failJob } },
    );
    expect(out).toMatch(
      /^Pod default\/tolerant-\w{5} has condition DisruptionTarget matching FailJob rule at index 0$/,
    );
  });
});

describe("kubectl drain: the filters refuse", () => {
  it("emptyDir without --delete-emptydir-data: nothing is evicted, the node stays cordoned", () => {
    const steps = ["kubectl apply -f job.yaml", "kubectl apply -f cache.yaml", "sleep 10s"];
    const opts = { files: { "cache.yaml": EMPTYDIR_JOB } };
    const out = commandOutput(steps, "kubectl drain node-0", opts);
    const pod = /default\/(cache-\w{5})/.exec(out)![1];
    const reason = `cannot delete Pods with local storage (use --delete-emptydir-data to override): default/${pod}`;
    expect(out).toBe(
      [
        "node/node-0 cordoned",
        `2> error: unable to drain node "node-0" due to error: ${reason}, continuing command...`,
        "2> There are pending nodes to be drained:",
        "2>  node-0",
        `2> ${reason}`,
        "",
      ].join("\n"),
    );
    const after = commandOutput([...steps, "kubectl drain node-0"], "kubectl get pods", opts);
    expect(after.match(/Running/g)).toHaveLength(2);
    expect(commandOutput([...steps, "kubectl drain node-0"], "kubectl get nodes", opts)).toContain(
      "Ready,SchedulingDisabled",
    );
    // With the flag the pod goes, and no local-storage warning is printed (unreplicatedFilter's
    // Okay replaces it).
    const allowed = commandOutput(steps, "kubectl drain node-0 --delete-emptydir-data", opts);
    expect(allowed).not.toContain("Warning");
    expect(allowed).toContain(`pod/${pod} evicted\n`);
  });

  it("a pod without a controller (its Job deleted with --cascade=orphan) needs --force", () => {
    const steps = [...RUNNING, "kubectl delete job work --cascade=orphan"];
    const out = commandOutput(steps, "kubectl drain node-0");
    expect(out).toMatch(
      /\n2> cannot delete cannot delete Pods that declare no controller \(use --force to override\): default\/work-\w{5}\n$/,
    );
    expect(commandOutput(steps, "kubectl drain node-0 --force", { terminationSeconds: 3 })).toMatch(
      /^node\/node-0 cordoned\n2> Warning: deleting Pods that declare no controller: default\/(work-\w{5})\nevicting pod default\/\1\npod\/\1 evicted\nnode\/node-0 drained\n$/,
    );
  });
});

describe("kubectl drain --disable-eviction", () => {
  it("DELETEs with no `evicting` line and prints `deleted`; no DisruptionTarget", () => {
    expect(
      commandOutput(RUNNING, "kubectl drain node-0 --disable-eviction", { terminationSeconds: 3 }),
    ).toMatch(/^node\/node-0 cordoned\npod\/work-\w{5} deleted\nnode\/node-0 drained\n$/);
    const conditions = commandOutput(
      [...RUNNING, "kubectl drain node-0 --disable-eviction --timeout=2s"],
      "kubectl get pods -o jsonpath={.items[0].status.conditions[*].type}",
      { terminationSeconds: 10 },
    );
    expect(conditions).not.toContain("DisruptionTarget");
  });

  it("its --timeout is wait.PollImmediate's own: a plain error, `timed out waiting for the condition`", () => {
    const out = commandOutput(RUNNING, "kubectl drain node-0 --disable-eviction --timeout=2500ms", {
      terminationSeconds: 10,
    });
    expect(out).toMatch(
      /^node\/node-0 cordoned\n2> There are pending pods in node "node-0" when an error occurred: timed out waiting for the condition\n2> pod\/work-\w{5}\n2> error: unable to drain node "node-0" due to error: timed out waiting for the condition, continuing command...\n2> There are pending nodes to be drained:\n2> {2}node-0\n2> error: timed out waiting for the condition\n$/,
    );
  });
});

describe("kubectl drain: dry runs", () => {
  it("client: nothing sent, `(dry run)`; server: the evictions are dry-run; nothing changes", () => {
    expect(commandOutput(RUNNING, "kubectl drain node-0 --dry-run=client")).toMatch(
      /^node\/node-0 cordoned \(dry run\)\nevicting pod default\/work-\w{5} \(dry run\)\nnode\/node-0 drained \(dry run\)\n$/,
    );
    expect(commandOutput(RUNNING, "kubectl drain node-0 --dry-run=server")).toMatch(
      /^node\/node-0 cordoned \(server dry run\)\nevicting pod default\/work-\w{5} \(server dry run\)\nnode\/node-0 drained \(server dry run\)\n$/,
    );
    const after = commandTranscript([
      ...RUNNING,
      "kubectl drain node-0 --dry-run=client",
      "kubectl drain node-0 --dry-run=server",
      "kubectl get pods",
      "kubectl get nodes",
    ]);
    expect(after).toMatch(/work-\w{5} {3}1\/1 {5}Running/);
    expect(after).toContain("node-0   Ready    <none>");
  });
});

describe("kubectl drain: bad input", () => {
  it("a missing node: the builder's NotFound", () => {
    expect(commandOutput([], "kubectl drain nope")).toBe(
      '2> Error from server (NotFound): nodes "nope" not found\n',
    );
  });

  it("usage errors, --pod-selector, pflag's value errors, the deprecated alias", () => {
    expect(commandOutput([], "kubectl drain")).toBe(
      "2> error: USAGE: drain NODE [flags]\n2> See 'kubectl drain -h' for help and examples\n",
    );
    expect(commandOutput([], "kubectl drain node-0 -l a=b")).toBe(
      "2> error: cannot specify both a node name and a --selector option\n2> See 'kubectl drain -h' for help and examples\n",
    );
    expect(commandOutput([], "kubectl drain node-0 --pod-selector='a in ('")).toBe(
      "2> error: --pod-selector=<pod_selector> must be a valid label selector\n",
    );
    expect(commandOutput([], "kubectl drain node-0 --grace-period=x")).toBe(
      `2> error: invalid argument "x" for "--grace-period" flag: strconv.ParseInt: parsing "x": invalid syntax\n2> See 'kubectl drain --help' for usage.\n`,
    );
    expect(commandOutput([], "kubectl drain node-0 --timeout=5")).toBe(
      `2> error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n2> See 'kubectl drain --help' for usage.\n`,
    );
    const notice =
      "2> Flag --delete-local-data has been deprecated, This option is deprecated and will be deleted. Use --delete-emptydir-data.\n";
    expect(commandOutput([], "kubectl drain node-0 --delete-local-data")).toBe(
      `${notice}node/node-0 cordoned\nnode/node-0 drained\n`,
    );
    // pflag prints it while parsing, ahead of any later error.
    expect(commandOutput([], "kubectl drain nope --delete-local-data")).toBe(
      `${notice}2> Error from server (NotFound): nodes "nope" not found\n`,
    );
  });

  it("an unknown flag is pflag's error", () => {
    expect(() => parseKubectl(["kubectl", "drain", "node-0", "--all"])).toThrow(
      "error: unknown flag: --all\nSee 'kubectl drain --help' for usage.",
    );
  });
});
