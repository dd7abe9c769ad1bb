/**
 * Cases ported as data from kubernetes/kubernetes `pkg/printers/internalversion/printers_test.go`, stored index
 * version ≈ v1.33 (find_string id 100530230: TestPrintJob ends at job9 "Terminating"), plus job10 from PR #132832
 * (server 1.34, "add SuccessCriteriaMet status for kubectl get job"). Go's `time.Now()` is NOW; objects are
 * written as their JSON (what the API serves), so Go zero values are absent fields.
 *
 * Ported: TestPrintJob (job1–job9, job10), TestPrintJobList, TestPrintPod (test1–test20),
 * TestPrintPodWithRestartableInitContainer (all 5), TestPrintPodwide (all 3), TestPrintPodConditions (cells of
 * all 3), TestPrintEvent (all 8), TestPrintEventsResultSorted, TestPrintNodeStatus (all 9),
 * TestPrintNodeRole (all 3), TestPrintNodeOSImage, TestPrintNodeKernelVersion,
 * TestPrintNodeContainerRuntimeVersion, TestPrintNodeName, TestPrintNodeExternalIP, TestPrintNodeInternalIP (all
 * cases). Skipped: the TableRow `Conditions` (podSuccessConditions / podFailedConditions) that TestPrintPod and
 * TestPrintPodConditions also compare — our Table has no row conditions (kubectl only uses them to hide
 * completed rows in some modes); the Go-only handler plumbing tests (TestAllHandlers, TestFormatResourceName);
 * TestPrintPodList was not read — the "a list keeps its order" case below is ours.
 */
import type { Job } from "kubernetes-types/batch/v1.js";
import type { Event, Node, Pod } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { eventTable } from "../../../src/kubectl/printers/events.js";
import { jobTable } from "../../../src/kubectl/printers/jobs.js";
import { nodeTable } from "../../../src/kubectl/printers/nodes.js";
import { podTable } from "../../../src/kubectl/printers/pods.js";
import { addDate, DAY, type Loose, MINUTE, micro, NOW, SECOND, t, visibleCells } from "./helpers.js";

const J135 = { statusColumn: true, successCriteriaMet: true };

function jobRow(job: Loose<Job>, wide: boolean, o = J135): string[] {
  return visibleCells(jobTable([job as Job], NOW, o), 0, wide);
}

describe("printJob (TestPrintJob)", () => {
  const twoContainers = {
    spec: {
      containers: [
        { name: "fake-job-container1", image: "fake-job-image1" },
        { name: "fake-job-container2", image: "fake-job-image2" },
      ],
    },
  };
  const cases: { name: string; job: Loose<Job>; wide?: boolean; expected: string[] }[] = [
    {
      name: "job1: no generate options",
      job: {
        metadata: { name: "job1", creationTimestamp: t(1.9 * SECOND) },
        spec: {
          completions: 2,
          template: twoContainers,
          selector: { matchLabels: { "job-label": "job-lable-value" } },
        },
        status: { succeeded: 1 },
      },
      expected: ["job1", "Running", "1/2", "", "0s"],
    },
    {
      name: "job1: wide",
      wide: true,
      job: {
        metadata: { name: "job1", creationTimestamp: t(1.9 * SECOND) },
        spec: {
          completions: 2,
          template: twoContainers,
          selector: { matchLabels: { "job-label": "job-label-value" } },
        },
        status: { succeeded: 1 },
      },
      expected: [
        "job1",
        "Running",
        "1/2",
        "",
        "0s",
        "fake-job-container1,fake-job-container2",
        "fake-job-image1,fake-job-image2",
        "job-label=job-label-value",
      ],
    },
    {
      name: "job2: ten-year age",
      job: { metadata: { name: "job2", creationTimestamp: addDate(-10, 0, 0) }, spec: {}, status: {} },
      expected: ["job2", "Running", "0/1", "", "10y"],
    },
    {
      name: "job3: duration from start to completion",
      job: {
        metadata: { name: "job3", creationTimestamp: t(-10 * 365 * DAY) },
        spec: {},
        status: { startTime: t(MINUTE), completionTime: t(31 * MINUTE) },
      },
      expected: ["job3", "Running", "0/1", "30m", "10y"],
    },
    {
      name: "job4: duration while running",
      job: {
        metadata: { name: "job4", creationTimestamp: t(-10 * 365 * DAY) },
        spec: {},
        status: { startTime: t(-20 * MINUTE) },
      },
      expected: ["job4", "Running", "0/1", "20m", "10y"],
    },
    {
      name: "job5: Complete",
      job: {
        metadata: { name: "job5", creationTimestamp: t(1.9 * SECOND) },
        spec: {},
        status: { conditions: [{ type: "Complete", status: "True" }] },
      },
      expected: ["job5", "Complete", "0/1", "", "0s"],
    },
    {
      name: "job6: Failed",
      job: {
        metadata: { name: "job6", creationTimestamp: t(1.9 * SECOND) },
        spec: {},
        status: { conditions: [{ type: "Failed", status: "True" }] },
      },
      expected: ["job6", "Failed", "0/1", "", "0s"],
    },
    {
      name: "job7: Suspended",
      job: {
        metadata: { name: "job7", creationTimestamp: t(1.9 * SECOND) },
        spec: {},
        status: { conditions: [{ type: "Suspended", status: "True" }] },
      },
      expected: ["job7", "Suspended", "0/1", "", "0s"],
    },
    {
      name: "job8: FailureTarget",
      job: {
        metadata: { name: "job8", creationTimestamp: t(1.9 * SECOND) },
        spec: {},
        status: { conditions: [{ type: "FailureTarget", status: "True" }] },
      },
      expected: ["job8", "FailureTarget", "0/1", "", "0s"],
    },
    {
      name: "job9: Terminating",
      job: {
        metadata: { name: "job9", creationTimestamp: t(1.9 * SECOND), deletionTimestamp: t(1.9 * SECOND) },
        spec: {},
      },
      expected: ["job9", "Terminating", "0/1", "", "0s"],
    },
    {
      name: "job10 (PR #132832): SuccessCriteriaMet",
      job: {
        metadata: { name: "job10", creationTimestamp: t(1.9 * SECOND) },
        spec: {},
        status: { conditions: [{ type: "SuccessCriteriaMet", status: "True" }] },
      },
      expected: ["job10", "SuccessCriteriaMet", "0/1", "", "0s"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(jobRow(c.job, c.wide ?? false)).toEqual(c.expected);
    });
  }

  it("TestPrintJobList", () => {
    const jobs: Loose<Job>[] = [
      {
        metadata: { name: "job1", creationTimestamp: t(1.9 * SECOND) },
        spec: { completions: 2, template: twoContainers },
        status: { succeeded: 1 },
      },
      {
        metadata: { name: "job2", creationTimestamp: t(1.9 * SECOND) },
        spec: { completions: 2, template: twoContainers },
        status: { succeeded: 2, startTime: t(-20 * MINUTE) },
      },
    ];
    const table = jobTable(jobs as Job[], NOW, J135);
    expect([0, 1].map((i) => visibleCells(table, i, false))).toEqual([
      ["job1", "Running", "1/2", "", "0s"],
      ["job2", "Running", "2/2", "20m", "0s"],
    ]);
  });

  it("servers before 1.34 show Running for SuccessCriteriaMet; before 1.30 there is no Status column", () => {
    const job: Loose<Job> = {
      metadata: { name: "job10", creationTimestamp: t(0) },
      spec: {},
      status: { conditions: [{ type: "SuccessCriteriaMet", status: "True" }] },
    };
    expect(jobRow(job, false, { statusColumn: true, successCriteriaMet: false })).toEqual([
      "job10",
      "Running",
      "0/1",
      "",
      "0s",
    ]);
    const table = jobTable([job as Job], NOW, { statusColumn: false, successCriteriaMet: false });
    expect(table.columns.map((c) => c.name)).toEqual([
      "Name",
      "Completions",
      "Duration",
      "Age",
      "Containers",
      "Images",
      "Selector",
    ]);
    expect(visibleCells(table, 0, false)).toEqual(["job10", "0/1", "", "0s"]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

function podRow(pod: Loose<Pod>, wide = false): string[] {
  return visibleCells(podTable([pod as Pod], NOW), 0, wide);
}

/** `make([]api.Container, n)`: n unnamed containers. */
function containers(n: number): { name: string }[] {
  return Array.from({ length: n }, () => ({ name: "" }));
}

const running = { running: {} };
const lastTerminated = (offsetMs: number) => ({ terminated: { exitCode: 0, finishedAt: t(offsetMs) } });
const deleteTime = t(-10 * SECOND);

describe("printPod (TestPrintPod)", () => {
  const cases: { pod: Loose<Pod>; expected: string[] }[] = [
    {
      // name, number of containers, restarts, container ready status
      pod: {
        metadata: { name: "test1" },
        spec: { containers: containers(2) },
        status: {
          phase: "podPhase",
          containerStatuses: [
            { ready: true, restartCount: 3, state: running },
            { restartCount: 3, state: {} },
          ],
        },
      },
      expected: ["test1", "1/2", "podPhase", "6", "<unknown>"],
    },
    {
      // container error overwrites pod phase
      pod: {
        metadata: { name: "test2" },
        spec: { containers: containers(2) },
        status: {
          phase: "podPhase",
          containerStatuses: [
            { ready: true, restartCount: 3, state: running },
            { state: { waiting: { reason: "ContainerWaitingReason" } }, restartCount: 3 },
          ],
        },
      },
      expected: ["test2", "1/2", "ContainerWaitingReason", "6", "<unknown>"],
    },
    {
      // the same with Terminated state: the first container overwrites the rest
      pod: {
        metadata: { name: "test3" },
        spec: { containers: containers(2) },
        status: {
          phase: "podPhase",
          containerStatuses: [
            { state: { waiting: { reason: "ContainerWaitingReason" } }, restartCount: 3 },
            { state: { terminated: { reason: "ContainerTerminatedReason", exitCode: 0 } }, restartCount: 3 },
          ],
        },
      },
      expected: ["test3", "0/2", "ContainerWaitingReason", "6", "<unknown>"],
    },
    {
      // ready is not enough for reporting running
      pod: {
        metadata: { name: "test4" },
        spec: { containers: containers(2) },
        status: {
          phase: "podPhase",
          containerStatuses: [
            { ready: true, restartCount: 3, state: running },
            { ready: true, restartCount: 3, state: {} },
          ],
        },
      },
      expected: ["test4", "1/2", "podPhase", "6", "<unknown>"],
    },
    {
      // status.reason overrides the phase
      pod: {
        metadata: { name: "test5" },
        spec: { containers: containers(2) },
        status: {
          reason: "podReason",
          phase: "podPhase",
          containerStatuses: [
            { ready: true, restartCount: 3, state: running },
            { ready: true, restartCount: 3, state: {} },
          ],
        },
      },
      expected: ["test5", "1/2", "podReason", "6", "<unknown>"],
    },
    {
      // one running and one completed container, no Ready condition
      pod: {
        metadata: { name: "test6" },
        spec: { containers: containers(2) },
        status: {
          phase: "Running",
          containerStatuses: [
            { ready: true, restartCount: 3, state: { terminated: { reason: "Completed", exitCode: 0 } } },
            { ready: true, restartCount: 3, state: running },
          ],
        },
      },
      expected: ["test6", "1/2", "NotReady", "6", "<unknown>"],
    },
    {
      // the same with a Ready condition
      pod: {
        metadata: { name: "test6" },
        spec: { containers: containers(2) },
        status: {
          phase: "Running",
          containerStatuses: [
            { ready: true, restartCount: 3, state: { terminated: { reason: "Completed", exitCode: 0 } } },
            { ready: true, restartCount: 3, state: running },
          ],
          conditions: [{ type: "Ready", status: "True", lastProbeTime: t(0) }],
        },
      },
      expected: ["test6", "1/2", "Running", "6", "<unknown>"],
    },
    {
      // one init container restarting, one container not running
      pod: {
        metadata: { name: "test7" },
        spec: { initContainers: containers(1), containers: containers(1) },
        status: {
          phase: "podPhase",
          initContainerStatuses: [
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(-10 * SECOND) },
          ],
          containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
        },
      },
      expected: ["test7", "0/1", "Init:0/1", "3 (10s ago)", "<unknown>"],
    },
    {
      // two init containers, one restarting and one not running
      pod: {
        metadata: { name: "test8" },
        spec: { initContainers: containers(2), containers: containers(1) },
        status: {
          phase: "podPhase",
          initContainerStatuses: [
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(-10 * SECOND) },
            { ready: false, state: { waiting: {} } },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      },
      expected: ["test8", "0/1", "Init:0/2", "3 (10s ago)", "<unknown>"],
    },
    {
      // two init containers, one completed without restarts, the other restarting
      pod: {
        metadata: { name: "test9" },
        spec: { initContainers: containers(2), containers: containers(1) },
        status: {
          phase: "podPhase",
          initContainerStatuses: [
            { ready: false, state: { terminated: { exitCode: 0 } } },
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(-10 * SECOND) },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      },
      expected: ["test9", "0/1", "Init:1/2", "3 (10s ago)", "<unknown>"],
    },
    {
      // two init containers, one completed with restarts, the other restarting
      pod: {
        metadata: { name: "test10" },
        spec: { initContainers: containers(2), containers: containers(1) },
        status: {
          phase: "podPhase",
          initContainerStatuses: [
            {
              ready: false,
              restartCount: 2,
              state: { terminated: { exitCode: 0 } },
              lastState: lastTerminated(-2 * MINUTE),
            },
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(-10 * SECOND) },
          ],
          containerStatuses: [{ ready: false, state: { waiting: {} } }],
        },
      },
      expected: ["test10", "0/1", "Init:1/2", "5 (10s ago)", "<unknown>"],
    },
    {
      // one init container completed with restarts, one container restarting
      pod: {
        metadata: { name: "test11" },
        spec: { initContainers: containers(1), containers: containers(1) },
        status: {
          phase: "Running",
          initContainerStatuses: [
            {
              ready: false,
              restartCount: 2,
              state: { terminated: { exitCode: 0 } },
              lastState: lastTerminated(-2 * MINUTE),
            },
          ],
          containerStatuses: [
            { ready: false, restartCount: 4, state: running, lastState: lastTerminated(-20 * SECOND) },
          ],
        },
      },
      expected: ["test11", "0/1", "Running", "4 (20s ago)", "<unknown>"],
    },
    {
      // one container that restarted 5d ago
      pod: {
        metadata: { name: "test12" },
        spec: { containers: containers(1) },
        status: {
          phase: "Running",
          containerStatuses: [
            { ready: true, restartCount: 3, state: running, lastState: lastTerminated(-5 * DAY) },
          ],
        },
      },
      expected: ["test12", "1/1", "Running", "3 (5d ago)", "<unknown>"],
    },
    {
      // two containers, one never restarted, the other restarted 10d ago
      pod: {
        metadata: { name: "test13" },
        spec: { containers: containers(2) },
        status: {
          phase: "Running",
          containerStatuses: [
            { ready: true, restartCount: 0, state: running },
            { ready: true, restartCount: 3, state: running, lastState: lastTerminated(-10 * DAY) },
          ],
        },
      },
      expected: ["test13", "2/2", "Running", "3 (10d ago)", "<unknown>"],
    },
    {
      // two containers, restarted 5d and 20d ago: the latest restart counts
      pod: {
        metadata: { name: "test14" },
        spec: { containers: containers(2) },
        status: {
          phase: "Running",
          containerStatuses: [
            { ready: true, restartCount: 6, state: running, lastState: lastTerminated(-5 * DAY) },
            { ready: true, restartCount: 3, state: running, lastState: lastTerminated(-20 * DAY) },
          ],
        },
      },
      expected: ["test14", "2/2", "Running", "9 (5d ago)", "<unknown>"],
    },
    {
      // PodScheduled condition with reason SchedulingGated
      pod: {
        metadata: { name: "test15" },
        spec: { containers: containers(2) },
        status: {
          phase: "podPhase",
          conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
        },
      },
      expected: ["test15", "0/2", "SchedulingGated", "0", "<unknown>"],
    },
    {
      // pod condition succeeded
      pod: {
        metadata: { name: "test16" },
        spec: { containers: containers(1) },
        status: {
          phase: "Succeeded",
          containerStatuses: [
            { ready: false, restartCount: 0, state: { terminated: { reason: "Completed", exitCode: 0 } } },
          ],
        },
      },
      expected: ["test16", "0/1", "Completed", "0", "<unknown>"],
    },
    {
      // pod condition failed
      pod: {
        metadata: { name: "test17" },
        spec: { containers: containers(1) },
        status: {
          phase: "Failed",
          containerStatuses: [
            { ready: false, restartCount: 0, state: { terminated: { reason: "Error", exitCode: 1 } } },
          ],
        },
      },
      expected: ["test17", "0/1", "Error", "0", "<unknown>"],
    },
    {
      // succeeded pod being deleted keeps Completed
      pod: {
        metadata: { name: "test18", deletionTimestamp: deleteTime },
        spec: { containers: containers(1) },
        status: {
          phase: "Succeeded",
          containerStatuses: [
            { ready: false, restartCount: 0, state: { terminated: { reason: "Completed", exitCode: 0 } } },
          ],
        },
      },
      expected: ["test18", "0/1", "Completed", "0", "<unknown>"],
    },
    {
      // running pod being deleted
      pod: {
        metadata: { name: "test19", deletionTimestamp: deleteTime },
        spec: { containers: containers(1) },
        status: { phase: "Running", containerStatuses: [{ ready: false, restartCount: 0, state: running }] },
      },
      expected: ["test19", "0/1", "Terminating", "0", "<unknown>"],
    },
    {
      // pending pod being deleted
      pod: {
        metadata: { name: "test20", deletionTimestamp: deleteTime },
        spec: { containers: containers(1) },
        status: { phase: "Pending" },
      },
      expected: ["test20", "0/1", "Terminating", "0", "<unknown>"],
    },
  ];
  cases.forEach((c, i) => {
    it(`case ${i + 1}: ${c.expected[0]} → ${c.expected[2]}`, () => {
      expect(podRow(c.pod)).toEqual(c.expected);
    });
  });
});

describe("printPod with restartable init containers (TestPrintPodWithRestartableInitContainer)", () => {
  const sidecars = [
    { name: "restartable-init-1", restartPolicy: "Always" },
    { name: "restartable-init-2", restartPolicy: "Always" },
  ];
  const cases: { pod: Loose<Pod>; expected: string[] }[] = [
    {
      // first sidecar running but not started
      pod: {
        metadata: { name: "test1" },
        spec: { initContainers: sidecars, containers: containers(1) },
        status: {
          phase: "Pending",
          initContainerStatuses: [
            {
              name: "restartable-init-1",
              ready: false,
              restartCount: 3,
              state: running,
              started: false,
              lastState: lastTerminated(-10 * SECOND),
            },
            { name: "restartable-init-2", ready: false, state: { waiting: {} }, started: false },
          ],
          containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
          conditions: [{ type: "Initialized", status: "False" }],
        },
      },
      expected: ["test1", "0/3", "Init:0/2", "3 (10s ago)", "<unknown>"],
    },
    {
      // first sidecar started, second running but not started
      pod: {
        metadata: { name: "test1" },
        spec: { initContainers: sidecars, containers: containers(1) },
        status: {
          phase: "Pending",
          initContainerStatuses: [
            {
              name: "restartable-init-1",
              ready: false,
              restartCount: 3,
              state: running,
              started: true,
              lastState: lastTerminated(-10 * SECOND),
            },
            { name: "restartable-init-2", ready: false, state: running, started: false },
          ],
          containerStatuses: [{ ready: false, restartCount: 0, state: { waiting: {} } }],
          conditions: [{ type: "Initialized", status: "False" }],
        },
      },
      expected: ["test1", "0/3", "Init:1/2", "3 (10s ago)", "<unknown>"],
    },
    {
      // both sidecars started, the container running
      pod: {
        metadata: { name: "test2" },
        spec: { initContainers: sidecars, containers: containers(1) },
        status: {
          phase: "Running",
          initContainerStatuses: [
            {
              name: "restartable-init-1",
              ready: false,
              restartCount: 3,
              state: running,
              started: true,
              lastState: lastTerminated(-10 * SECOND),
            },
            { name: "restartable-init-2", ready: false, state: running, started: true },
          ],
          containerStatuses: [
            { ready: true, restartCount: 4, state: running, lastState: lastTerminated(-20 * SECOND) },
          ],
          conditions: [{ type: "Initialized", status: "True" }],
        },
      },
      expected: ["test2", "1/3", "Running", "7 (10s ago)", "<unknown>"],
    },
    {
      // sidecars terminated non-zero, the container completed
      pod: {
        metadata: { name: "test3" },
        spec: { initContainers: sidecars, containers: containers(1) },
        status: {
          phase: "Succeeded",
          initContainerStatuses: [
            {
              name: "restartable-init-1",
              ready: false,
              restartCount: 3,
              state: { terminated: { reason: "Error", exitCode: 137 } },
              started: false,
              lastState: lastTerminated(-10 * SECOND),
            },
            {
              name: "restartable-init-2",
              ready: false,
              state: { terminated: { reason: "Error", exitCode: 137 } },
              started: false,
            },
          ],
          containerStatuses: [
            {
              ready: false,
              restartCount: 4,
              state: { terminated: { reason: "Completed", exitCode: 0 } },
              lastState: lastTerminated(-20 * SECOND),
            },
          ],
          conditions: [{ type: "Initialized", status: "True" }],
        },
      },
      expected: ["test3", "0/3", "Completed", "7 (10s ago)", "<unknown>"],
    },
    {
      // statuses for containers the spec does not have
      pod: {
        metadata: { name: "test4" },
        spec: {
          initContainers: [
            { name: "init1", image: "initimage" },
            { name: "sidecar1", image: "sidecarimage", restartPolicy: "Always" },
          ],
          containers: [{ name: "container1", image: "containerimage" }],
        },
        status: {
          phase: "Running",
          initContainerStatuses: [{ name: "initinvalid" }, { name: "init1" }, { name: "sidecar1" }],
          containerStatuses: [{ name: "containerinvalid" }, { name: "container1" }],
        },
      },
      expected: ["test4", "0/2", "Init:0/2", "0", "<unknown>"],
    },
  ];
  cases.forEach((c, i) => {
    it(`case ${i + 1}: ${c.expected[2]}`, () => {
      expect(podRow(c.pod)).toEqual(c.expected);
    });
  });
});

describe("printPod -o wide (TestPrintPodwide)", () => {
  const gates = {
    readinessGates: [
      { conditionType: "condition1" },
      { conditionType: "condition2" },
      { conditionType: "condition3" },
    ],
  };
  const gateConditions = [
    { type: "condition1", status: "False" },
    { type: "condition2", status: "True" },
  ];
  it("node, pod IP, nominated node and readiness gates", () => {
    const pod: Loose<Pod> = {
      metadata: { name: "test1" },
      spec: { containers: containers(2), nodeName: "test1", ...gates },
      status: {
        conditions: gateConditions,
        phase: "podPhase",
        podIPs: [{ ip: "1.1.1.1" }],
        containerStatuses: [
          { ready: true, restartCount: 3, state: running },
          { restartCount: 3, state: {} },
        ],
        nominatedNodeName: "node1",
      },
    };
    expect(podRow(pod, true)).toEqual([
      "test1",
      "1/2",
      "podPhase",
      "6",
      "<unknown>",
      "1.1.1.1",
      "test1",
      "node1",
      "1/3",
    ]);
  });
  it("the first of two pod IPs", () => {
    const pod: Loose<Pod> = {
      metadata: { name: "test1" },
      spec: { containers: containers(2), nodeName: "test1", ...gates },
      status: {
        conditions: gateConditions,
        phase: "podPhase",
        podIPs: [{ ip: "1.1.1.1" }, { ip: "2001:db8::" }],
        containerStatuses: [
          { ready: true, restartCount: 3, state: running },
          { restartCount: 3, state: {} },
        ],
        nominatedNodeName: "node1",
      },
    };
    expect(podRow(pod, true)).toEqual([
      "test1",
      "1/2",
      "podPhase",
      "6",
      "<unknown>",
      "1.1.1.1",
      "test1",
      "node1",
      "1/3",
    ]);
  });
  it("<none> for an empty node, IP, nominated node and no gates", () => {
    const pod: Loose<Pod> = {
      metadata: { name: "test2" },
      spec: { containers: containers(2), nodeName: "" },
      status: {
        phase: "podPhase",
        containerStatuses: [
          { ready: true, restartCount: 3, state: running },
          { state: { waiting: { reason: "ContainerWaitingReason" } }, restartCount: 3 },
        ],
      },
    };
    expect(podRow(pod, true)).toEqual([
      "test2",
      "1/2",
      "ContainerWaitingReason",
      "6",
      "<unknown>",
      "<none>",
      "<none>",
      "<none>",
      "<none>",
    ]);
  });
});

describe("printPod phases (TestPrintPodConditions, TestPrintPodList)", () => {
  const statuses = [
    { ready: true, restartCount: 3, state: running },
    { restartCount: 3, state: {} },
  ];
  it.each([
    ["Running", "test1"],
    ["Succeeded", "test1"],
    ["Failed", "test2"],
  ])("phase %s", (phase, name) => {
    const pod: Loose<Pod> = {
      metadata: { name, labels: { b: "2" } },
      spec: { containers: containers(2) },
      status: { phase, containerStatuses: statuses },
    };
    expect(podRow(pod)).toEqual([name, "1/2", phase, "6", "<unknown>"]);
  });
  it("a list keeps its order", () => {
    const pods: Loose<Pod>[] = [
      {
        metadata: { name: "test1" },
        spec: { containers: containers(2) },
        status: { phase: "podPhase", containerStatuses: statuses },
      },
      {
        metadata: { name: "test2" },
        spec: { containers: containers(1) },
        status: {
          phase: "podPhase",
          containerStatuses: [
            { ready: true, restartCount: 1, state: running, lastState: lastTerminated(-20 * SECOND) },
          ],
        },
      },
    ];
    const table = podTable(pods as Pod[], NOW);
    expect([0, 1].map((i) => visibleCells(table, i, false))).toEqual([
      ["test1", "1/2", "podPhase", "6", "<unknown>"],
      ["test2", "1/1", "podPhase", "1 (20s ago)", "<unknown>"],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("printEvent (TestPrintEvent)", () => {
  const deployment = { kind: "Deployment", name: "Deployment Name", fieldPath: "spec.containers{foo}" };
  const base = {
    reason: "Event Reason",
    message: "Message Data",
    type: "Warning",
    involvedObject: deployment,
  };
  const cases: { name: string; event: Loose<Event>; wide: boolean; expected: string[] }[] = [
    {
      name: "basic event",
      wide: false,
      event: {
        source: { component: "kubelet" },
        involvedObject: { kind: "Pod", name: "Pod Name", fieldPath: "spec.containers{foo}" },
        reason: "Event Reason",
        message: "Message Data",
        firstTimestamp: addDate(0, 0, -3),
        lastTimestamp: addDate(0, 0, -2),
        count: 6,
        type: "Normal",
        metadata: { name: "event1" },
      },
      expected: ["2d", "Normal", "Event Reason", "pod/Pod Name", "Message Data"],
    },
    {
      name: "basic event, wide",
      wide: true,
      event: {
        ...base,
        source: { component: "kubelet", host: "Node1" },
        firstTimestamp: addDate(0, 0, -3),
        lastTimestamp: addDate(0, 0, -2),
        count: 6,
        metadata: { name: "event2" },
      },
      expected: [
        "2d",
        "Warning",
        "Event Reason",
        "deployment/Deployment Name",
        "spec.containers{foo}",
        "kubelet, Node1",
        "Message Data",
        "3d",
        "6",
        "event2",
      ],
    },
    {
      name: "without firstTimestamp: eventTime",
      wide: true,
      event: {
        ...base,
        source: { component: "kubelet", host: "Node1" },
        eventTime: micro(-3 * DAY),
        lastTimestamp: addDate(0, 0, -3),
        count: 1,
        metadata: { name: "event3" },
      },
      expected: [
        "3d",
        "Warning",
        "Event Reason",
        "deployment/Deployment Name",
        "spec.containers{foo}",
        "kubelet, Node1",
        "Message Data",
        "3d",
        "1",
        "event3",
      ],
    },
    {
      name: "without lastTimestamp: first seen",
      wide: true,
      event: {
        ...base,
        source: { component: "kubelet", host: "Node1" },
        eventTime: micro(-3 * DAY),
        firstTimestamp: addDate(0, 0, -3),
        count: 1,
        metadata: { name: "event4" },
      },
      expected: [
        "3d",
        "Warning",
        "Event Reason",
        "deployment/Deployment Name",
        "spec.containers{foo}",
        "kubelet, Node1",
        "Message Data",
        "3d",
        "1",
        "event4",
      ],
    },
    {
      name: "without first and last timestamps",
      wide: true,
      event: {
        ...base,
        source: { component: "kubelet", host: "Node1" },
        eventTime: micro(-3 * DAY),
        count: 1,
        metadata: { name: "event5" },
      },
      expected: [
        "3d",
        "Warning",
        "Event Reason",
        "deployment/Deployment Name",
        "spec.containers{foo}",
        "kubelet, Node1",
        "Message Data",
        "3d",
        "1",
        "event5",
      ],
    },
    {
      name: "series without timestamps and count",
      wide: true,
      event: {
        ...base,
        source: { component: "kubelet", host: "Node1" },
        series: { count: 2, lastObservedTime: micro(-2 * DAY) },
        eventTime: micro(-3 * DAY),
        metadata: { name: "event6" },
      },
      expected: [
        "2d",
        "Warning",
        "Event Reason",
        "deployment/Deployment Name",
        "spec.containers{foo}",
        "kubelet, Node1",
        "Message Data",
        "3d",
        "2",
        "event6",
      ],
    },
    {
      name: "singleton without timestamps and count",
      wide: true,
      event: {
        ...base,
        source: { component: "kubelet", host: "Node1" },
        eventTime: micro(-3 * DAY),
        metadata: { name: "event7" },
      },
      expected: [
        "3d",
        "Warning",
        "Event Reason",
        "deployment/Deployment Name",
        "spec.containers{foo}",
        "kubelet, Node1",
        "Message Data",
        "3d",
        "1",
        "event7",
      ],
    },
    {
      name: "empty source: reportingController and reportingInstance",
      wide: true,
      event: {
        ...base,
        reportingComponent: "kubelet",
        reportingInstance: "test",
        firstTimestamp: addDate(0, 0, -3),
        lastTimestamp: addDate(0, 0, -2),
        count: 6,
        metadata: { name: "event2" },
      },
      expected: [
        "2d",
        "Warning",
        "Event Reason",
        "deployment/Deployment Name",
        "spec.containers{foo}",
        "kubelet, test",
        "Message Data",
        "3d",
        "6",
        "event2",
      ],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(visibleCells(eventTable([c.event as Event], NOW), 0, c.wide)).toEqual(c.expected);
    });
  }

  it("keeps the list order (TestPrintEventsResultSorted: printEventList does not sort)", () => {
    const ev = (message: string, iso: string): Loose<Event> => ({
      source: { component: "kubelet" },
      message,
      firstTimestamp: iso,
      lastTimestamp: iso,
      count: 1,
      type: "Normal",
    });
    const table = eventTable(
      [
        ev("Item 1", "2014-01-15T00:00:00Z"),
        ev("Item 2", "1987-06-17T00:00:00Z"),
        ev("Item 3", "2002-12-25T00:00:00Z"),
      ] as Event[],
      NOW,
    );
    expect(table.rows.map((r) => visibleCells(table, table.rows.indexOf(r), false)[4])).toEqual([
      "Item 1",
      "Item 2",
      "Item 3",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------

function nodeRow(node: Loose<Node>, wide = false): string[] {
  return visibleCells(nodeTable([node as Node], NOW, { serverRoles: "control-plane" }), 0, wide);
}

describe("printNode (TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeName)", () => {
  const ready = (status: string) => ({ conditions: [{ type: "Ready", status }] });
  const cases: { node: Loose<Node>; expected: string[] }[] = [
    {
      node: { metadata: { name: "foo1" }, status: ready("True") },
      expected: ["foo1", "Ready", "<none>", "<unknown>", ""],
    },
    {
      node: { metadata: { name: "foo2" }, spec: { unschedulable: true }, status: ready("True") },
      expected: ["foo2", "Ready,SchedulingDisabled", "<none>", "<unknown>", ""],
    },
    {
      node: {
        metadata: { name: "foo3" },
        status: {
          conditions: [
            { type: "Ready", status: "True" },
            { type: "Ready", status: "True" },
          ],
        },
      },
      expected: ["foo3", "Ready", "<none>", "<unknown>", ""],
    },
    {
      node: { metadata: { name: "foo4" }, status: ready("False") },
      expected: ["foo4", "NotReady", "<none>", "<unknown>", ""],
    },
    {
      node: { metadata: { name: "foo5" }, spec: { unschedulable: true }, status: ready("False") },
      expected: ["foo5", "NotReady,SchedulingDisabled", "<none>", "<unknown>", ""],
    },
    {
      node: {
        metadata: { name: "foo6" },
        status: { conditions: [{ type: "InvalidValue", status: "True" }] },
      },
      expected: ["foo6", "Unknown", "<none>", "<unknown>", ""],
    },
    {
      node: { metadata: { name: "foo7" }, status: { conditions: [{}] } },
      expected: ["foo7", "Unknown", "<none>", "<unknown>", ""],
    },
    {
      node: {
        metadata: { name: "foo8" },
        spec: { unschedulable: true },
        status: { conditions: [{ type: "InvalidValue", status: "True" }] },
      },
      expected: ["foo8", "Unknown,SchedulingDisabled", "<none>", "<unknown>", ""],
    },
    {
      node: { metadata: { name: "foo9" }, spec: { unschedulable: true }, status: { conditions: [{}] } },
      expected: ["foo9", "Unknown,SchedulingDisabled", "<none>", "<unknown>", ""],
    },
    // TestPrintNodeRole
    { node: { metadata: { name: "foo9" } }, expected: ["foo9", "Unknown", "<none>", "<unknown>", ""] },
    {
      node: {
        metadata: {
          name: "foo10",
          labels: {
            "node-role.kubernetes.io/master": "",
            "node-role.kubernetes.io/control-plane": "",
            "node-role.kubernetes.io/proxy": "",
            "kubernetes.io/role": "node",
          },
        },
      },
      expected: ["foo10", "Unknown", "control-plane,master,node,proxy", "<unknown>", ""],
    },
    {
      node: { metadata: { name: "foo11", labels: { "kubernetes.io/role": "node" } } },
      expected: ["foo11", "Unknown", "node", "<unknown>", ""],
    },
    // TestPrintNodeName
    {
      node: { metadata: { name: "127.0.0.1" }, status: {} },
      expected: ["127.0.0.1", "Unknown", "<none>", "<unknown>", ""],
    },
    { node: { metadata: { name: "" }, status: {} }, expected: ["", "Unknown", "<none>", "<unknown>", ""] },
  ];
  cases.forEach((c, i) => {
    it(`case ${i + 1}: ${c.expected[0]} ${c.expected[1]} ${c.expected[2]}`, () => {
      expect(nodeRow(c.node)).toEqual(c.expected);
    });
  });
});

describe("printNode -o wide (TestPrintNodeOSImage, ...KernelVersion, ...ContainerRuntimeVersion, ...ExternalIP, ...InternalIP)", () => {
  const ext = { addresses: [{ type: "ExternalIP", address: "1.1.1.1" }] };
  const int = { addresses: [{ type: "InternalIP", address: "1.1.1.1" }] };
  const cases: { node: Loose<Node>; expected: string[] }[] = [
    {
      node: { metadata: { name: "foo1" }, status: { nodeInfo: { osImage: "fake-os-image" }, ...ext } },
      expected: ["<none>", "1.1.1.1", "fake-os-image", "<unknown>", "<unknown>"],
    },
    {
      node: {
        metadata: { name: "foo2" },
        status: { nodeInfo: { kernelVersion: "fake-kernel-version" }, ...ext },
      },
      expected: ["<none>", "1.1.1.1", "<unknown>", "fake-kernel-version", "<unknown>"],
    },
    {
      node: {
        metadata: { name: "foo1" },
        status: { nodeInfo: { containerRuntimeVersion: "foo://1.2.3" }, ...ext },
      },
      expected: ["<none>", "1.1.1.1", "<unknown>", "<unknown>", "foo://1.2.3"],
    },
    {
      node: { metadata: { name: "foo2" }, status: { nodeInfo: {}, ...ext } },
      expected: ["<none>", "1.1.1.1", "<unknown>", "<unknown>", "<unknown>"],
    },
    {
      node: { metadata: { name: "foo2" }, status: int },
      expected: ["1.1.1.1", "<none>", "<unknown>", "<unknown>", "<unknown>"],
    },
    {
      node: {
        metadata: { name: "foo3" },
        status: {
          addresses: [
            { type: "ExternalIP", address: "2.2.2.2" },
            { type: "InternalIP", address: "3.3.3.3" },
            { type: "ExternalIP", address: "4.4.4.4" },
          ],
        },
      },
      expected: ["3.3.3.3", "2.2.2.2", "<unknown>", "<unknown>", "<unknown>"],
    },
    {
      node: {
        metadata: { name: "foo3" },
        status: {
          addresses: [
            { type: "InternalIP", address: "2.2.2.2" },
            { type: "ExternalIP", address: "3.3.3.3" },
            { type: "InternalIP", address: "4.4.4.4" },
          ],
        },
      },
      expected: ["2.2.2.2", "3.3.3.3", "<unknown>", "<unknown>", "<unknown>"],
    },
  ];
  cases.forEach((c, i) => {
    it(`case ${i + 1}`, () => {
      const name = c.node.metadata?.name ?? "";
      expect(nodeRow(c.node, true)).toEqual([name, "Unknown", "<none>", "<unknown>", "", ...c.expected]);
    });
  });
});
