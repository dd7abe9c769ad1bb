/**
 * Whole `kubectl get` outputs, byte for byte, through `tabulate(tableText(...), GET_TABWRITER)` (or a TabWriter
 * kept across flushes for `-w`):
 *  - the rendered examples of /work/shared/reference/kubectl-output.md §3 (jobs), §4 (pods) and §5.1 (events);
 *  - real captures from public material (each named where it is used), reproduced from objects built to match.
 */
import type { Job } from "kubernetes-types/batch/v1.js";
import type { Event, Node, Pod } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { eventTable } from "../../../src/kubectl/printers/events.js";
import { jobTable } from "../../../src/kubectl/printers/jobs.js";
import { nodeTable } from "../../../src/kubectl/printers/nodes.js";
import { podTable } from "../../../src/kubectl/printers/pods.js";
import { type Table, type TableOptions, tableText } from "../../../src/kubectl/printers/table.js";
import { GET_TABWRITER, TabWriter, tabulate } from "../../../src/kubectl/tabwriter.js";
import { rfc3339, rfc3339Micro } from "../../../src/models/api/time-format.js";
import { type Loose, MINUTE, PLAIN, SECOND, WIDE } from "./helpers.js";

const NOW = Date.parse("2025-11-27T17:10:00Z");
const ago = (ms: number) => rfc3339(NOW - ms);
const UID = "3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10";

function render(table: Table, opts: TableOptions = PLAIN): string {
  return tabulate(tableText(table, opts, true), GET_TABWRITER);
}

function lines(...ls: string[]): string {
  return `${ls.join("\n")}\n`;
}

function exampleJob(status: Loose<Job>["status"], created: number): Loose<Job> {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: "example-job", namespace: "default", uid: UID, creationTimestamp: ago(created) },
    spec: {
      parallelism: 1,
      completions: 1,
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": UID } },
      template: {
        spec: { containers: [{ name: "example", image: "busybox:1.36" }], restartPolicy: "Never" },
      },
    },
    status,
  };
}

const K135 = { statusColumn: true, successCriteriaMet: true };
const K133 = { statusColumn: true, successCriteriaMet: false };
const cond = (type: string) => ({ type, status: "True", lastProbeTime: ago(0), lastTransitionTime: ago(0) });

describe("reference §3: kubectl get jobs", () => {
  it("a job with no pods yet: Running, empty DURATION", () => {
    const job = exampleJob({}, 1 * SECOND);
    expect(render(jobTable([job as Job], NOW, K135))).toBe(
      lines(
        "NAME          STATUS    COMPLETIONS   DURATION   AGE",
        "example-job   Running   0/1                      1s",
      ),
    );
  });

  it("Complete: DURATION frozen at completionTime − startTime", () => {
    const job = exampleJob(
      {
        conditions: [cond("SuccessCriteriaMet"), cond("Complete")],
        startTime: ago(19 * SECOND),
        completionTime: ago(12 * SECOND),
        succeeded: 1,
        ready: 0,
        terminating: 0,
        uncountedTerminatedPods: {},
      },
      20 * SECOND,
    );
    expect(render(jobTable([job as Job], NOW, K135))).toBe(
      lines(
        "NAME          STATUS     COMPLETIONS   DURATION   AGE",
        "example-job   Complete   1/1           7s         20s",
      ),
    );
  });

  it("Failed: DURATION keeps growing (no completionTime)", () => {
    const job = exampleJob(
      { conditions: [cond("FailureTarget"), cond("Failed")], startTime: ago(137 * SECOND), failed: 1 },
      137 * SECOND,
    );
    expect(render(jobTable([job as Job], NOW, K135))).toBe(
      lines(
        "NAME          STATUS   COMPLETIONS   DURATION   AGE",
        "example-job   Failed   0/1           2m17s      2m17s",
      ),
    );
  });

  it("-o wide: CONTAINERS IMAGES SELECTOR", () => {
    const job = exampleJob(
      {
        conditions: [cond("Complete")],
        startTime: ago(19 * SECOND),
        completionTime: ago(12 * SECOND),
        succeeded: 1,
      },
      20 * SECOND,
    );
    expect(render(jobTable([job as Job], NOW, K135), WIDE)).toBe(
      lines(
        "NAME          STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES         SELECTOR",
        "example-job   Complete   1/1           7s         20s   example      busybox:1.36   batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
      ),
    );
  });

  it("-w on a 1.31–1.33 server: later, wider rows shift the columns after them", () => {
    const w = new TabWriter(GET_TABWRITER);
    const start = NOW;
    const at = (ms: number, status: Loose<Job>["status"]) => {
      const job = exampleJob(status, 0);
      job.metadata!.creationTimestamp = rfc3339(start);
      return jobTable([job as Job], start + ms, K133);
    };
    let out = "";
    w.write(tableText(at(0, { startTime: rfc3339(start), active: 1 }), PLAIN, true));
    out += w.flush();
    w.write(tableText(at(3 * SECOND, { startTime: rfc3339(start), active: 1, ready: 1 }), PLAIN, false));
    out += w.flush();
    // a ≥1.34 server would show the SuccessCriteriaMet condition; this one shows Running until Complete
    w.write(
      tableText(
        at(8 * SECOND, {
          conditions: [cond("SuccessCriteriaMet"), cond("Complete")],
          startTime: rfc3339(start),
          completionTime: rfc3339(start + 8 * SECOND),
          succeeded: 1,
        }),
        PLAIN,
        false,
      ),
    );
    out += w.flush();
    expect(out).toBe(
      lines(
        "NAME          STATUS    COMPLETIONS   DURATION   AGE",
        "example-job   Running   0/1           0s         0s",
        "example-job   Running   0/1           3s         3s",
        "example-job   Complete   1/1           8s         8s",
      ),
    );
  });

  it("a real capture's width model (public course notes): job-parallel Complete 6/6", () => {
    const job: Loose<Job> = {
      metadata: { name: "job-parallel", creationTimestamp: ago(2 * MINUTE) },
      spec: { completions: 6, parallelism: 2 },
      status: {
        conditions: [cond("Complete")],
        succeeded: 6,
        startTime: ago(110 * SECOND),
        completionTime: ago(80 * SECOND),
      },
    };
    const out = render(jobTable([job as Job], NOW, K135)).split("\n");
    expect(out[0]).toBe("NAME           STATUS     COMPLETIONS   DURATION   AGE");
    expect(out[1].startsWith("job-parallel   Complete   6/6 ")).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

function examplePod(
  status: Loose<Pod>["status"],
  created: number,
  extra: Loose<Pod>["spec"] = {},
): Loose<Pod> {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "example-job-abcde", namespace: "default", creationTimestamp: ago(created) },
    spec: { containers: [{ name: "example", image: "busybox:1.36" }], restartPolicy: "Never", ...extra },
    status,
  };
}

const completedStatus = (finishedAgo: number): Loose<Pod>["status"] => ({
  phase: "Succeeded",
  conditions: [
    { type: "PodReadyToStartContainers", status: "False" },
    { type: "Initialized", status: "True" },
    { type: "Ready", status: "False", reason: "PodCompleted" },
    { type: "ContainersReady", status: "False", reason: "PodCompleted" },
    { type: "PodScheduled", status: "True" },
  ],
  podIP: "10.42.1.5",
  podIPs: [{ ip: "10.42.1.5" }],
  containerStatuses: [
    {
      name: "example",
      ready: false,
      restartCount: 0,
      started: false,
      state: { terminated: { exitCode: 0, reason: "Completed", finishedAt: ago(finishedAgo) } },
      lastState: {},
    },
  ],
});

describe("reference §4: kubectl get pods", () => {
  it("Completed", () => {
    const pod = examplePod(completedStatus(12 * SECOND), 20 * SECOND);
    expect(render(podTable([pod as Pod], NOW))).toBe(
      lines(
        "NAME                READY   STATUS      RESTARTS   AGE",
        "example-job-abcde   0/1     Completed   0          20s",
      ),
    );
  });

  it("CrashLoopBackOff with RESTARTS N (Xs ago)", () => {
    const pod = examplePod(
      {
        phase: "Running",
        containerStatuses: [
          {
            name: "example",
            ready: false,
            restartCount: 3,
            state: {
              waiting: { reason: "CrashLoopBackOff", message: "back-off 40s restarting failed container" },
            },
            lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(25 * SECOND) } },
          },
        ],
      },
      121 * SECOND,
      { restartPolicy: "OnFailure" },
    );
    expect(render(podTable([pod as Pod], NOW))).toBe(
      lines(
        "NAME                READY   STATUS             RESTARTS      AGE",
        "example-job-abcde   0/1     CrashLoopBackOff   3 (25s ago)   2m1s",
      ),
    );
  });

  it("-o wide", () => {
    const pod = examplePod(completedStatus(12 * SECOND), 20 * SECOND, { nodeName: "k3d-my-cluster-agent-0" });
    expect(render(podTable([pod as Pod], NOW), WIDE)).toBe(
      lines(
        "NAME                READY   STATUS      RESTARTS   AGE   IP          NODE                     NOMINATED NODE   READINESS GATES",
        "example-job-abcde   0/1     Completed   0          20s   10.42.1.5   k3d-my-cluster-agent-0   <none>           <none>",
      ),
    );
  });

  it("-w started before the Job: the header comes with the first row; STATUS widens at ContainerCreating", () => {
    const created = NOW;
    const pod = (atMs: number, status: Loose<Pod>["status"], nodeName?: string) => {
      const p = examplePod(status, 0, nodeName ? { nodeName } : {});
      p.metadata!.creationTimestamp = rfc3339(created);
      return podTable([p as Pod], created + atMs);
    };
    const waiting = (reason: string) => ({
      phase: "Pending",
      containerStatuses: [{ name: "example", ready: false, restartCount: 0, state: { waiting: { reason } } }],
    });
    const node = "k3d-my-cluster-agent-0";
    const tables = [
      pod(0, { phase: "Pending" }),
      pod(0, { phase: "Pending", conditions: [{ type: "PodScheduled", status: "True" }] }, node),
      pod(0, waiting("ContainerCreating"), node),
      pod(
        3 * SECOND,
        {
          phase: "Running",
          conditions: [{ type: "Ready", status: "True" }],
          containerStatuses: [
            {
              name: "example",
              ready: true,
              restartCount: 0,
              started: true,
              state: { running: { startedAt: rfc3339(created + 2 * SECOND) } },
            },
          ],
        },
        node,
      ),
      pod(8 * SECOND, completedStatus(0), node),
      pod(9 * SECOND, completedStatus(1 * SECOND), node),
    ];
    const w = new TabWriter(GET_TABWRITER);
    let out = "";
    let headerPrinted = false;
    for (const t of tables) {
      w.write(tableText(t, PLAIN, !headerPrinted));
      headerPrinted = true;
      out += w.flush();
    }
    expect(out).toBe(
      lines(
        "NAME                READY   STATUS    RESTARTS   AGE",
        "example-job-abcde   0/1     Pending   0          0s",
        "example-job-abcde   0/1     Pending   0          0s",
        "example-job-abcde   0/1     ContainerCreating   0          0s",
        "example-job-abcde   1/1     Running             0          3s",
        "example-job-abcde   0/1     Completed           0          8s",
        "example-job-abcde   0/1     Completed           0          9s",
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("reference §5.1: kubectl get events after one successful Job run (k3s ≥1.35 kubelet messages)", () => {
  const kubelet = (reason: string, message: string, agoMs: number, suffix: string): Loose<Event> => ({
    metadata: { name: `example-job-abcde.${suffix}`, namespace: "default" },
    involvedObject: {
      kind: "Pod",
      name: "example-job-abcde",
      namespace: "default",
      fieldPath: "spec.containers{example}",
    },
    reason,
    message,
    type: "Normal",
    source: { component: "kubelet", host: "k3d-my-cluster-agent-0" },
    firstTimestamp: ago(agoMs),
    lastTimestamp: ago(agoMs),
    count: 1,
    reportingComponent: "kubelet",
    reportingInstance: "k3d-my-cluster-agent-0",
  });
  const jobEvent = (reason: string, message: string, agoMs: number, suffix: string): Loose<Event> => ({
    metadata: { name: `example-job.${suffix}`, namespace: "default" },
    involvedObject: { kind: "Job", name: "example-job", namespace: "default", apiVersion: "batch/v1" },
    reason,
    message,
    type: "Normal",
    source: { component: "job-controller" },
    firstTimestamp: ago(agoMs),
    lastTimestamp: ago(agoMs),
    count: 1,
    reportingComponent: "job-controller",
    reportingInstance: "",
  });
  // the scheduler uses the events.k8s.io API: eventTime only, no legacy timestamps or count
  const scheduled: Loose<Event> = {
    metadata: { name: "example-job-abcde.187b1e0a2c3d4e5f", namespace: "default" },
    involvedObject: { kind: "Pod", name: "example-job-abcde", namespace: "default" },
    reason: "Scheduled",
    message: "Successfully assigned default/example-job-abcde to k3d-my-cluster-agent-0",
    type: "Normal",
    source: {},
    firstTimestamp: null as unknown as string,
    lastTimestamp: null as unknown as string,
    eventTime: rfc3339Micro(NOW - 20 * SECOND),
    action: "Binding",
    reportingComponent: "default-scheduler",
    reportingInstance: "default-scheduler-k3d-my-cluster-server-0",
  };
  const events = [
    scheduled,
    kubelet("Pulling", 'Pulling image "busybox:1.36"', 19 * SECOND, "2"),
    kubelet(
      "Pulled",
      'Successfully pulled image "busybox:1.36" in 1.873s (1.873s including waiting). Image size: 2160406 bytes.',
      17 * SECOND,
      "3",
    ),
    kubelet("Created", "Container created", 17 * SECOND, "4"),
    kubelet("Started", "Container started", 17 * SECOND, "5"),
    jobEvent("SuccessfulCreate", "Created pod: example-job-abcde", 20 * SECOND, "1"),
    jobEvent("Completed", "Job completed", 10 * SECOND, "2"),
  ];

  it("LAST SEEN TYPE REASON OBJECT MESSAGE, in API order", () => {
    expect(render(eventTable(events as Event[], NOW))).toBe(
      lines(
        "LAST SEEN   TYPE     REASON             OBJECT                  MESSAGE",
        "20s         Normal   Scheduled          pod/example-job-abcde   Successfully assigned default/example-job-abcde to k3d-my-cluster-agent-0",
        '19s         Normal   Pulling            pod/example-job-abcde   Pulling image "busybox:1.36"',
        '17s         Normal   Pulled             pod/example-job-abcde   Successfully pulled image "busybox:1.36" in 1.873s (1.873s including waiting). Image size: 2160406 bytes.',
        "17s         Normal   Created            pod/example-job-abcde   Container created",
        "17s         Normal   Started            pod/example-job-abcde   Container started",
        "20s         Normal   SuccessfulCreate   job/example-job         Created pod: example-job-abcde",
        "10s         Normal   Completed          job/example-job         Job completed",
      ),
    );
  });

  it("-o wide: SUBOBJECT SOURCE … FIRST SEEN COUNT NAME", () => {
    const out = render(eventTable([events[0], events[3], events[6]] as Event[], NOW), WIDE);
    expect(out).toBe(
      lines(
        "LAST SEEN   TYPE     REASON      OBJECT                  SUBOBJECT                  SOURCE                                                         MESSAGE                                                                     FIRST SEEN   COUNT   NAME",
        "20s         Normal   Scheduled   pod/example-job-abcde                              default-scheduler, default-scheduler-k3d-my-cluster-server-0   Successfully assigned default/example-job-abcde to k3d-my-cluster-agent-0   20s          1       example-job-abcde.187b1e0a2c3d4e5f",
        "17s         Normal   Created     pod/example-job-abcde   spec.containers{example}   kubelet, k3d-my-cluster-agent-0                                Container created                                                           17s          1       example-job-abcde.4",
        "10s         Normal   Completed   job/example-job                                    job-controller                                                 Job completed                                                               10s          1       example-job.2",
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("real captures", () => {
  /**
   * A public lab write-up (find_string id 24511336036; k3s, containerd, 2024): `kubectl get pods` in a namespace
   * with two-container, init-container and crash-looping init pods, and `kubectl get pods/orange -o wide`.
   */
  it("kubectl get pods: Init:1/2 and Init:CrashLoopBackOff with 2 (18s ago)", () => {
    const runningContainer = (name: string) => ({
      name,
      ready: true,
      restartCount: 0,
      started: true,
      state: { running: { startedAt: ago(20 * MINUTE) } },
    });
    const readyConditions = [
      { type: "Initialized", status: "True" },
      { type: "Ready", status: "True" },
    ];
    const pods: Loose<Pod>[] = [
      {
        metadata: { name: "green", creationTimestamp: ago(21 * MINUTE) },
        spec: { containers: [{ name: "green-container-1" }, { name: "green-container-2" }] },
        status: {
          phase: "Running",
          conditions: readyConditions,
          containerStatuses: [runningContainer("green-container-1"), runningContainer("green-container-2")],
        },
      },
      {
        metadata: { name: "blue", creationTimestamp: ago(21 * MINUTE) },
        spec: { initContainers: [{ name: "init-myservice" }], containers: [{ name: "green-container-1" }] },
        status: {
          phase: "Running",
          conditions: readyConditions,
          initContainerStatuses: [
            {
              name: "init-myservice",
              ready: true,
              restartCount: 0,
              state: { terminated: { exitCode: 0, reason: "Completed" } },
            },
          ],
          containerStatuses: [runningContainer("green-container-1")],
        },
      },
      {
        metadata: { name: "purple", creationTimestamp: ago(14 * MINUTE) },
        spec: {
          initContainers: [{ name: "warm-up-1" }, { name: "warm-up-2" }],
          containers: [{ name: "purple-container" }],
        },
        status: {
          phase: "Pending",
          conditions: [{ type: "Initialized", status: "False", reason: "ContainersNotInitialized" }],
          initContainerStatuses: [
            {
              name: "warm-up-1",
              ready: true,
              restartCount: 0,
              state: { terminated: { exitCode: 0, reason: "Completed" } },
            },
            {
              name: "warm-up-2",
              ready: false,
              restartCount: 0,
              started: true,
              state: { running: { startedAt: ago(4 * MINUTE) } },
            },
          ],
          containerStatuses: [
            {
              name: "purple-container",
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: "PodInitializing" } },
            },
          ],
        },
      },
      {
        metadata: { name: "red", creationTimestamp: ago(43 * SECOND) },
        spec: { containers: [{ name: "red-container" }] },
        status: {
          phase: "Running",
          conditions: readyConditions,
          containerStatuses: [runningContainer("red-container")],
        },
      },
      {
        metadata: { name: "orange", creationTimestamp: ago(38 * SECOND) },
        spec: { initContainers: [{ name: "init-myservice" }], containers: [{ name: "orange-container-1" }] },
        status: {
          phase: "Pending",
          conditions: [{ type: "Initialized", status: "False", reason: "ContainersNotInitialized" }],
          initContainerStatuses: [
            {
              name: "init-myservice",
              ready: false,
              restartCount: 2,
              state: {
                waiting: { reason: "CrashLoopBackOff", message: "back-off 20s restarting failed container" },
              },
              lastState: { terminated: { exitCode: 127, reason: "Error", finishedAt: ago(18 * SECOND) } },
            },
          ],
          containerStatuses: [
            {
              name: "orange-container-1",
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: "PodInitializing" } },
            },
          ],
        },
      },
    ];
    expect(render(podTable(pods as Pod[], NOW))).toBe(
      lines(
        "NAME     READY   STATUS                  RESTARTS      AGE",
        "green    2/2     Running                 0             21m",
        "blue     1/1     Running                 0             21m",
        "purple   0/1     Init:1/2                0             14m",
        "red      1/1     Running                 0             43s",
        "orange   0/1     Init:CrashLoopBackOff   2 (18s ago)   38s",
      ),
    );
    const orange: Loose<Pod> = {
      metadata: { name: "orange", creationTimestamp: ago(13 * SECOND) },
      spec: { containers: [{ name: "orange-container-1" }], nodeName: "controlplane" },
      status: {
        phase: "Running",
        conditions: readyConditions,
        podIP: "10.42.0.15",
        podIPs: [{ ip: "10.42.0.15" }],
        containerStatuses: [runningContainer("orange-container-1")],
      },
    };
    expect(render(podTable([orange as Pod], NOW), WIDE)).toBe(
      lines(
        "NAME     READY   STATUS    RESTARTS   AGE   IP           NODE           NOMINATED NODE   READINESS GATES",
        "orange   1/1     Running   0          13s   10.42.0.15   controlplane   <none>           <none>",
      ),
    );
  });

  /** k3d v1.31.5 nodes (find_string ids 52115823776 and 18496797543): `kubectl get nodes [-o wide]`. */
  function k3dNode(name: string, server: boolean, createdAgo: number, ip: string): Loose<Node> {
    const labels: Record<string, string> = {
      "beta.kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": name,
      "node.kubernetes.io/instance-type": "k3s",
    };
    if (server) {
      labels["node-role.kubernetes.io/control-plane"] = "true";
      labels["node-role.kubernetes.io/master"] = "true";
    }
    return {
      metadata: { name, labels, creationTimestamp: ago(createdAgo) },
      status: {
        conditions: [{ type: "Ready", status: "True", reason: "KubeletReady" }],
        addresses: [
          { type: "InternalIP", address: ip },
          { type: "Hostname", address: name },
        ],
        nodeInfo: {
          kubeletVersion: "v1.31.5+k3s1",
          osImage: "K3s v1.31.5+k3s1",
          kernelVersion: "6.10.14-linuxkit",
          containerRuntimeVersion: "containerd://1.7.23-k3s2",
        },
      },
    };
  }

  it("kubectl get nodes -o wide on k3d", () => {
    const nodes = [
      k3dNode("k3d-mycluster-agent-0", false, 21 * SECOND, "172.18.0.4"),
      k3dNode("k3d-mycluster-agent-1", false, 24 * SECOND, "172.18.0.5"),
      k3dNode("k3d-mycluster-agent-2", false, 21 * SECOND, "172.18.0.6"),
      k3dNode("k3d-mycluster-server-0", true, 33 * SECOND, "172.18.0.3"),
    ];
    expect(render(nodeTable(nodes as Node[], NOW, { serverRoles: "control-plane,master" }), WIDE)).toBe(
      lines(
        "NAME                     STATUS   ROLES                  AGE   VERSION        INTERNAL-IP   EXTERNAL-IP   OS-IMAGE           KERNEL-VERSION     CONTAINER-RUNTIME",
        "k3d-mycluster-agent-0    Ready    <none>                 21s   v1.31.5+k3s1   172.18.0.4    <none>        K3s v1.31.5+k3s1   6.10.14-linuxkit   containerd://1.7.23-k3s2",
        "k3d-mycluster-agent-1    Ready    <none>                 24s   v1.31.5+k3s1   172.18.0.5    <none>        K3s v1.31.5+k3s1   6.10.14-linuxkit   containerd://1.7.23-k3s2",
        "k3d-mycluster-agent-2    Ready    <none>                 21s   v1.31.5+k3s1   172.18.0.6    <none>        K3s v1.31.5+k3s1   6.10.14-linuxkit   containerd://1.7.23-k3s2",
        "k3d-mycluster-server-0   Ready    control-plane,master   33s   v1.31.5+k3s1   172.18.0.3    <none>        K3s v1.31.5+k3s1   6.10.14-linuxkit   containerd://1.7.23-k3s2",
      ),
    );
  });

  it("kubectl get nodes on k3d", () => {
    const nodes = [
      k3dNode("k3d-mycluster-agent-0", false, (3 * 60 + 58) * SECOND, "172.18.0.4"),
      k3dNode("k3d-mycluster-agent-1", false, (3 * 60 + 58) * SECOND, "172.18.0.5"),
      k3dNode("k3d-mycluster-server-0", true, (4 * 60 + 7) * SECOND, "172.18.0.3"),
    ];
    expect(render(nodeTable(nodes as Node[], NOW, { serverRoles: "control-plane,master" }))).toBe(
      lines(
        "NAME                     STATUS   ROLES                  AGE     VERSION",
        "k3d-mycluster-agent-0    Ready    <none>                 3m58s   v1.31.5+k3s1",
        "k3d-mycluster-agent-1    Ready    <none>                 3m58s   v1.31.5+k3s1",
        "k3d-mycluster-server-0   Ready    control-plane,master   4m7s    v1.31.5+k3s1",
      ),
    );
  });

  /** `kubectl get all -n kafka` (find_string id 52115823776): the pods table of a multi-kind get, `pod/` names. */
  it("multi-kind get: pod/NAME prefixes and widths of their own", () => {
    const pod = (name: string, n: number, createdAgo: number): Loose<Pod> => ({
      metadata: { name, namespace: "kafka", creationTimestamp: ago(createdAgo) },
      spec: { containers: Array.from({ length: n }, (_, i) => ({ name: `c${i}` })) },
      status: {
        phase: "Running",
        conditions: [{ type: "Ready", status: "True" }],
        containerStatuses: Array.from({ length: n }, (_, i) => ({
          name: `c${i}`,
          ready: true,
          restartCount: 0,
          state: { running: {} },
        })),
      },
    });
    const pods = [
      pod("my-cluster-dual-role-0", 1, (3 * 60 + 7) * SECOND),
      pod("my-cluster-dual-role-1", 1, (3 * 60 + 7) * SECOND),
      pod("my-cluster-dual-role-2", 1, (3 * 60 + 7) * SECOND),
      pod("my-cluster-entity-operator-687d45c589-7gnpz", 2, 25 * SECOND),
      pod("strimzi-cluster-operator-7c88589497-xfb2t", 1, (5 * 60 + 14) * SECOND),
    ];
    expect(render(podTable(pods as Pod[], NOW), { ...PLAIN, withKind: true })).toBe(
      lines(
        "NAME                                              READY   STATUS    RESTARTS   AGE",
        "pod/my-cluster-dual-role-0                        1/1     Running   0          3m7s",
        "pod/my-cluster-dual-role-1                        1/1     Running   0          3m7s",
        "pod/my-cluster-dual-role-2                        1/1     Running   0          3m7s",
        "pod/my-cluster-entity-operator-687d45c589-7gnpz   2/2     Running   0          25s",
        "pod/strimzi-cluster-operator-7c88589497-xfb2t     1/1     Running   0          5m14s",
      ),
    );
  });
});
