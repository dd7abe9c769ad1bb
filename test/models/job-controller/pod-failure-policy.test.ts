import type { PodFailurePolicy } from "kubernetes-types/batch/v1.js";
import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import {
  countsAsFailure,
  failJobMessage,
  matchPodFailurePolicy,
  type PolicyAction,
} from "../../../src/models/job-controller/pod-failure-policy.js";
import {
  ContainerRun,
  ContainerState,
  type PodIdentitySource,
  PodPhase,
  PodRecord,
  RestartPolicy,
} from "../../../src/models/objects.js";
import { podConditions } from "../../../src/models/pod-status.js";

/**
 * podFailurePolicy matching, table-driven from upstream. Each row states what upstream's
 * matchPodFailurePolicy returns: the FailJob message (or none), whether the failure counts
 * toward backoffLimit, and the matched action (or none). Ours returns a PolicyMatch; the message
 * comes from failJobMessage and the count from countsAsFailure.
 */

const T = 1_000_000_000;

// `behaviours` resolves image behaviours for the kubelet; these tests never run a container.
const identity = {
  podName: () => "mypod",
  podUid: () => "uid",
  behaviours: () => [],
} as PodIdentitySource;

/** A container status: terminated with an exit code, or still running / waiting (no terminated state). */
type C = { name: string; exit: number } | { name: string; state: "running" | "waiting" };

interface PodRow {
  containers: C[];
  /** Pod conditions as the kubelet writes them (pod-status.ts podConditions); default: a pod that ran and failed. */
  status?: "ranAndFailed" | "unschedulable";
}

function failedPod(row: PodRow): PodRecord {
  const template: PodTemplateSpec = {
    spec: {
      containers: row.containers.map((c) => ({ name: c.name, image: "busybox" })),
      restartPolicy: "Never",
    },
  };
  const p = new PodRecord(1, "default", "mypod-", null, 0, -1, template, RestartPolicy.Never, T, identity);
  p.name = "mypod";
  row.containers.forEach((c, i) => {
    const s = p.containers[i];
    if ("exit" in c) {
      s.state = ContainerState.Terminated;
      s.current = new ContainerRun(T + 1000, 0);
      s.current.exitCode = c.exit;
      s.current.finishedMs = T + 2000;
    } else if (c.state === "running") {
      s.state = ContainerState.Running;
      s.current = new ContainerRun(T + 1000, 0);
    }
  });
  if ((row.status ?? "ranAndFailed") === "ranAndFailed") {
    p.phase = PodPhase.Failed;
    p.scheduledMs = T;
    p.startTimeMs = T;
    p.initialized = true;
    p.initializedMs = T;
    p.ready = false;
    p.readyMs = T + 2000;
  } else {
    p.unschedulableMs = T;
  }
  return p;
}

interface Row {
  name: string;
  policy: PodFailurePolicy | null;
  pod: PodRow;
  wantMessage: string | null;
  wantCountFailed: boolean;
  wantAction: PolicyAction | null;
}

function check(row: Row): void {
  const pod = failedPod(row.pod);
  const m = matchPodFailurePolicy(row.policy, pod);
  expect(m.action).toBe(row.wantAction);
  expect(countsAsFailure(m)).toBe(row.wantCountFailed);
  expect(m.action === "FailJob" ? failJobMessage(m, pod) : null).toBe(row.wantMessage);
}

const main = (exit: number): C => ({ name: "main-container", exit });

// Ported from kubernetes/kubernetes pkg/controller/job/pod_failure_policy_test.go
// @ 14db660660c845bf9b7cb11f497c090a3884daad, TestMatchPodFailurePolicy (the version where the
// JobBackoffLimitPerIndex gate is GA; its older copy @ 1892e4de has the same rows plus gate-off variants).
// Container statuses without a name upstream get "main-container" (the name only shows in messages).
//
// Skipped rows (our model cannot express them, or they fail — see the report):
// - "unknown action for rule matching by exit codes - skip rule with unknown action": src bug,
//   matchPodFailurePolicy returns the unknown action of rule 0 instead of skipping to rule 1.
// - Rows whose pod carries a DisruptionTarget condition (our kubelet never writes it; pod-status.ts
//   podConditions): "unknown action for rule matching by pod conditions", "FailIndex rule matched
//   for pod conditions", "ignore rule matched for pod conditions", "ignore rule matches by the
//   status=False", "ignore rule matches by the status=Unknown", "ignore rule does not match when
//   status for pattern is False, but actual True", "ignore rule does not match when status for
//   pattern is True, but actual False", "default - do not match condition with status=False",
//   "job fail rule matched for pod conditions", "count rule matched for pod conditions",
//   "expected matching rule returned" (also uses rule names, which PolicyMatch does not carry).
//   Their matching semantics are ported below onto the conditions our pods do carry.
// - The init-container status of "successful containers are skipped by the rules" is dropped
//   (our pods have no init containers); it exited 0, so it could not match anyway.
const upstreamRows: Row[] = [
  {
    name: "unknown operator - rule with unknown action is skipped for onExitCodes",
    policy: {
      rules: [
        { action: "Ignore", onExitCodes: { operator: "UnknownOperator", values: [1, 2] } },
        { action: "FailJob", onExitCodes: { operator: "In", values: [2, 3] } },
      ],
    },
    pod: { containers: [main(2)] },
    wantMessage:
      "Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "no policy rules",
    policy: null,
    pod: { containers: [main(2)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: null,
  },
  {
    name: "ignore rule matched for exit codes",
    policy: { rules: [{ action: "Ignore", onExitCodes: { operator: "In", values: [1, 2, 3] } }] },
    pod: { containers: [main(2)] },
    wantMessage: null,
    wantCountFailed: false,
    wantAction: "Ignore",
  },
  {
    name: "ignore rule matched on negative exit codes - needed for Windows support",
    policy: {
      rules: [{ action: "Ignore", onExitCodes: { operator: "In", values: [-1073741676, -1073741510] } }],
    },
    pod: { containers: [main(-1073741510)] },
    wantMessage: null,
    wantCountFailed: false,
    wantAction: "Ignore",
  },
  {
    name: "FailJob rule matched for exit codes",
    policy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [1, 2, 3] } }] },
    pod: { containers: [main(2)] },
    wantMessage:
      "Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 0",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "successful containers are skipped by the rules",
    policy: { rules: [{ action: "FailJob", onExitCodes: { operator: "NotIn", values: [111] } }] },
    pod: { containers: [main(111), { name: "suppport-container", exit: 0 }] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: null,
  },
  {
    name: "FailIndex rule matched for exit codes",
    policy: { rules: [{ action: "FailIndex", onExitCodes: { operator: "In", values: [1, 2, 3] } }] },
    pod: { containers: [main(2)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: "FailIndex",
  },
  {
    name: "pod failure policy with NotIn operator and value 0",
    policy: { rules: [{ action: "FailJob", onExitCodes: { operator: "NotIn", values: [0] } }] },
    pod: { containers: [main(1), { name: "suppport-container", exit: 0 }] },
    wantMessage:
      "Container main-container for pod default/mypod failed with exit code 1 matching FailJob rule at index 0",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "second jobfail rule matched for exit codes",
    policy: {
      rules: [
        { action: "Count", onExitCodes: { operator: "In", values: [1, 2, 3] } },
        { action: "FailJob", onExitCodes: { operator: "In", values: [4, 5, 6] } },
      ],
    },
    pod: { containers: [main(6)] },
    wantMessage:
      "Container main-container for pod default/mypod failed with exit code 6 matching FailJob rule at index 1",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "count rule matched for exit codes",
    policy: { rules: [{ action: "Count", onExitCodes: { operator: "In", values: [1, 2, 3] } }] },
    pod: {
      containers: [
        { name: "foo", state: "waiting" },
        { name: "bar", exit: 2 },
      ],
    },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: "Count",
  },
  {
    name: "no rule matched",
    policy: {
      rules: [
        { action: "Count", onExitCodes: { operator: "NotIn", values: [8] } },
        { action: "Ignore", onExitCodes: { operator: "In", values: [1, 2, 3] } },
        { action: "FailJob", onExitCodes: { operator: "NotIn", values: [5, 6, 7] } },
        { action: "Count", onPodConditions: [{ type: "ResourceLimitExceeded", status: "True" }] },
        { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] },
      ],
    },
    pod: { containers: [main(32)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: "Count",
  },
];

describe("matchPodFailurePolicy (TestMatchPodFailurePolicy, pod_failure_policy_test.go @ 14db6606)", () => {
  it.each(upstreamRows)("$name", (row) => check(row));
});

// `podFailurePolicy: {}` passes validation (no Required error for rules) and decodes to a nil
// Rules slice, over which upstream's loop runs zero times: the default handling applies.
describe("matchPodFailurePolicy: a policy without rules", () => {
  it.each([
    { name: "rules absent ({})", policy: {} as PodFailurePolicy },
    { name: "rules empty", policy: { rules: [] } },
  ])("$name: no match, the failure counts", ({ name, policy }) =>
    check({
      name,
      policy,
      pod: { containers: [main(1)] },
      wantMessage: null,
      wantCountFailed: true,
      wantAction: null,
    }),
  );
});

// onPodConditions over the conditions our pods carry. A pod that ran and failed has (podConditions,
// pod-status.ts): PodReadyToStartContainers=False, Initialized=True, Ready=False,
// ContainersReady=False, PodScheduled=True; an unschedulable pod only PodScheduled=False.
// Each row mirrors the upstream DisruptionTarget row named in brackets, with the matching rule of
// pod_failure_policy.go matchOnPodConditions (type and status equal; pod conditions scanned in
// order, patterns inside; the first matching pod condition names the message).
const conditionRows: Row[] = [
  {
    name: "[ignore rule matched for pod conditions] Initialized=True",
    policy: { rules: [{ action: "Ignore", onPodConditions: [{ type: "Initialized", status: "True" }] }] },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: false,
    wantAction: "Ignore",
  },
  {
    name: "[ignore rule matches by the status=False] Ready=False",
    policy: { rules: [{ action: "Ignore", onPodConditions: [{ type: "Ready", status: "False" }] }] },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: false,
    wantAction: "Ignore",
  },
  {
    name: "[does not match when status for pattern is False, but actual True] Initialized",
    policy: { rules: [{ action: "Ignore", onPodConditions: [{ type: "Initialized", status: "False" }] }] },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: null,
  },
  {
    name: "[does not match when status for pattern is True, but actual False] Ready",
    policy: { rules: [{ action: "Ignore", onPodConditions: [{ type: "Ready", status: "True" }] }] },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: null,
  },
  {
    name: "[job fail rule matched for pod conditions] PodScheduled=True",
    policy: { rules: [{ action: "FailJob", onPodConditions: [{ type: "PodScheduled", status: "True" }] }] },
    pod: { containers: [main(1)] },
    wantMessage: "Pod default/mypod has condition PodScheduled matching FailJob rule at index 0",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "[count rule matched for pod conditions] ContainersReady=False",
    policy: { rules: [{ action: "Count", onPodConditions: [{ type: "ContainersReady", status: "False" }] }] },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: "Count",
  },
  {
    name: "[FailIndex rule matched for pod conditions] PodReadyToStartContainers=False",
    policy: {
      rules: [
        { action: "FailIndex", onPodConditions: [{ type: "PodReadyToStartContainers", status: "False" }] },
      ],
    },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: "FailIndex",
  },
  {
    name: "[default - do not match] a condition type the pod does not carry (DisruptionTarget)",
    policy: {
      rules: [{ action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] }],
    },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: null,
  },
  {
    name: "the first matching pod condition (in the pod's order) names the message, not the first pattern",
    policy: {
      rules: [
        {
          action: "FailJob",
          onPodConditions: [
            { type: "PodScheduled", status: "True" },
            { type: "Initialized", status: "True" },
          ],
        },
      ],
    },
    pod: { containers: [main(1)] },
    wantMessage: "Pod default/mypod has condition Initialized matching FailJob rule at index 0",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "pattern status omitted: matches True (defaults.go sets it to True)",
    policy: { rules: [{ action: "Ignore", onPodConditions: [{ type: "PodScheduled" } as never] }] },
    pod: { containers: [main(1)] },
    wantMessage: null,
    wantCountFailed: false,
    wantAction: "Ignore",
  },
  {
    name: "unschedulable pod: only PodScheduled=False",
    policy: {
      rules: [
        { action: "Ignore", onPodConditions: [{ type: "Ready", status: "False" }] },
        { action: "FailJob", onPodConditions: [{ type: "PodScheduled", status: "False" }] },
      ],
    },
    pod: { containers: [{ name: "main-container", state: "waiting" }], status: "unschedulable" },
    wantMessage: "Pod default/mypod has condition PodScheduled matching FailJob rule at index 1",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
];

describe("matchPodFailurePolicy: onPodConditions over podConditions()", () => {
  it("the failed pod used below carries the kubelet's five conditions", () => {
    expect(podConditions(failedPod({ containers: [main(1)] }))).toEqual([
      ["PodReadyToStartContainers", "False"],
      ["Initialized", "True"],
      ["Ready", "False"],
      ["ContainersReady", "False"],
      ["PodScheduled", "True"],
    ]);
  });
  it.each(conditionRows)("$name", (row) => check(row));
});

// onExitCodes with containerName and status order: pod_failure_policy.go getMatchingContainerFromList
// (containers scanned in status order; a container must be terminated with a non-zero code, and
// named containerName when that is set). Not upstream rows: the upstream table has no containerName case.
const containerRows: Row[] = [
  {
    name: "without containerName the first matching container in status order names the message",
    policy: { rules: [{ action: "FailJob", onExitCodes: { operator: "In", values: [2, 42] } }] },
    pod: {
      containers: [
        { name: "a", exit: 3 },
        { name: "b", exit: 42 },
        { name: "c", exit: 2 },
      ],
    },
    wantMessage:
      "Container b for pod default/mypod failed with exit code 42 matching FailJob rule at index 0",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "containerName restricts the match to that container",
    policy: {
      rules: [{ action: "FailJob", onExitCodes: { containerName: "c", operator: "In", values: [2, 42] } }],
    },
    pod: {
      containers: [
        { name: "a", exit: 3 },
        { name: "b", exit: 42 },
        { name: "c", exit: 2 },
      ],
    },
    wantMessage: "Container c for pod default/mypod failed with exit code 2 matching FailJob rule at index 0",
    wantCountFailed: true,
    wantAction: "FailJob",
  },
  {
    name: "containerName of a container that exited 0 never matches, even with NotIn",
    policy: {
      rules: [
        { action: "Ignore", onExitCodes: { containerName: "sidecar", operator: "NotIn", values: [1] } },
      ],
    },
    pod: { containers: [main(1), { name: "sidecar", exit: 0 }] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: null,
  },
  {
    name: "a running container has no exit code to match",
    policy: { rules: [{ action: "Ignore", onExitCodes: { operator: "NotIn", values: [1] } }] },
    pod: { containers: [main(1), { name: "other", state: "running" }] },
    wantMessage: null,
    wantCountFailed: true,
    wantAction: null,
  },
  {
    name: "rules are tried in order: an earlier Ignore wins over a later FailJob",
    policy: {
      rules: [
        { action: "Ignore", onExitCodes: { operator: "In", values: [137] } },
        { action: "FailJob", onExitCodes: { operator: "NotIn", values: [0] } },
      ],
    },
    pod: { containers: [main(137)] },
    wantMessage: null,
    wantCountFailed: false,
    wantAction: "Ignore",
  },
];

describe("matchPodFailurePolicy: containerName and status order", () => {
  it.each(containerRows)("$name", (row) => check(row));
});

describe("failJobMessage texts (reference §3.9)", () => {
  it("the match records rule index, container and exit code", () => {
    const pod = failedPod({ containers: [main(5)] });
    const m = matchPodFailurePolicy(
      {
        rules: [
          { action: "Count", onExitCodes: { operator: "In", values: [1] } },
          { action: "Ignore", onPodConditions: [{ type: "DisruptionTarget", status: "True" }] },
          { action: "FailJob", onExitCodes: { operator: "In", values: [5] } },
        ],
      },
      pod,
    );
    expect(m).toMatchObject({
      action: "FailJob",
      ruleIndex: 2,
      containerName: "main-container",
      exitCode: 5,
    });
    expect(failJobMessage(m, pod)).toBe(
      "Container main-container for pod default/mypod failed with exit code 5 matching FailJob rule at index 2",
    );
  });
});
