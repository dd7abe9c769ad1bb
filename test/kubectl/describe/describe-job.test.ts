import type { Job } from "kubernetes-types/batch/v1.js";
import type { Event } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { capIndexesListOrNone, describeJob } from "../../../src/kubectl/describe/describe-job.js";
import { DOCKER_DESKTOP_JOB, normalizeCapture } from "./captures.js";
import { at, event, exampleJob, jobLabels, K134, K135, lines, UID } from "./fixtures.js";

const jobEvent = (
  name: string,
  reason: string,
  message: string,
  t: number,
  type: "Normal" | "Warning" = "Normal",
): Event =>
  event({
    name,
    kind: "Job",
    involvedName: "example-job",
    reason,
    message,
    first: t,
    component: "job-controller",
    type,
  });

const POD_TEMPLATE = [
  "Pod Template:",
  "  Labels:  batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
  "           batch.kubernetes.io/job-name=example-job",
  "           controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
  "           job-name=example-job",
  "  Containers:",
  "   example:",
  "    Image:      busybox:1.36",
  "    Port:       <none>",
  "    Host Port:  <none>",
  "    Command:",
  "      sh",
  "      -c",
  "      echo hello; sleep 5",
  "    Environment:   <none>",
  "    Mounts:        <none>",
  "  Volumes:         <none>",
  "  Node-Selectors:  <none>",
  "  Tolerations:     <none>",
];

const HEADER = [
  "Name:             example-job",
  "Namespace:        default",
  "Selector:         batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
  "Labels:           batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
  "                  batch.kubernetes.io/job-name=example-job",
  "                  controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
  "                  job-name=example-job",
  "Annotations:      <none>",
  "Parallelism:      1",
  "Completions:      1",
  "Completion Mode:  NonIndexed",
  "Suspend:          false",
  "Backoff Limit:    4",
];

describe("describe job: the reference's rendered example (kubectl-output.md §6.1)", () => {
  it("successful job, kubectl ≥1.30, backoffLimit 4, Pod Template with Command lines", () => {
    const t = (s: string) => at(`2025-11-27T17:00:${s}Z`);
    const events = [
      jobEvent("example-job.187b1c0a60000000", "Completed", "Job completed", t("10")),
      jobEvent("example-job.187b1c0a00000000", "SuccessfulCreate", "Created pod: example-job-abcde", t("02")),
    ];
    expect(describeJob(exampleJob(), events, t("14"), K135)).toBe(
      lines(
        ...HEADER,
        "Start Time:       Thu, 27 Nov 2025 17:00:03 +0000",
        "Completed At:     Thu, 27 Nov 2025 17:00:10 +0000",
        "Duration:         7s",
        "Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed",
        ...POD_TEMPLATE,
        "Events:",
        "  Type    Reason            Age   From            Message",
        "  ----    ------            ----  ----            -------",
        "  Normal  SuccessfulCreate  12s   job-controller  Created pod: example-job-abcde",
        "  Normal  Completed         4s    job-controller  Job completed",
      ),
    );
  });
});

describe("describe job: other states", () => {
  it("a failed job has no Completed At and no Duration; Warning widens the Type column", () => {
    const t0 = at("2025-11-27T17:00:02Z");
    const job = exampleJob({
      status: {
        conditions: [
          {
            type: "FailureTarget",
            status: "True",
            reason: "BackoffLimitExceeded",
            message: "Job has reached the specified backoff limit",
            lastProbeTime: "2025-11-27T17:02:09Z",
            lastTransitionTime: "2025-11-27T17:02:09Z",
          },
          {
            type: "Failed",
            status: "True",
            reason: "BackoffLimitExceeded",
            message: "Job has reached the specified backoff limit",
            lastProbeTime: "2025-11-27T17:02:09Z",
            lastTransitionTime: "2025-11-27T17:02:09Z",
          },
        ],
        startTime: "2025-11-27T17:00:03Z",
        failed: 5,
        ready: 0,
        terminating: 0,
        uncountedTerminatedPods: {},
      },
    });
    // Backoff 10 s, 20 s, 40 s, 80 s between pods that each fail after 2 s; the fifth failure exceeds the limit.
    const names = ["vbq2x", "9jzmt", "kf7lq", "w2hc8", "tzn4r"];
    const created = [0, 12, 34, 76, 158];
    const events = [
      jobEvent(
        "example-job.9",
        "BackoffLimitExceeded",
        "Job has reached the specified backoff limit",
        t0 + 160_000,
        "Warning",
      ),
      ...names.map((n, i) =>
        jobEvent(
          `example-job.${i}`,
          "SuccessfulCreate",
          `Created pod: example-job-${n}`,
          t0 + created[i] * 1000,
        ),
      ),
    ];
    expect(describeJob(job, events, t0 + 170_000, K135)).toBe(
      lines(
        ...HEADER,
        "Start Time:       Thu, 27 Nov 2025 17:00:03 +0000",
        "Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 5 Failed",
        ...POD_TEMPLATE,
        "Events:",
        "  Type     Reason                Age    From            Message",
        "  ----     ------                ----   ----            -------",
        "  Normal   SuccessfulCreate      2m50s  job-controller  Created pod: example-job-vbq2x",
        "  Normal   SuccessfulCreate      2m38s  job-controller  Created pod: example-job-9jzmt",
        "  Normal   SuccessfulCreate      2m16s  job-controller  Created pod: example-job-kf7lq",
        "  Normal   SuccessfulCreate      94s    job-controller  Created pod: example-job-w2hc8",
        "  Normal   SuccessfulCreate      12s    job-controller  Created pod: example-job-tzn4r",
        "  Warning  BackoffLimitExceeded  10s    job-controller  Job has reached the specified backoff limit",
      ),
    );
  });
});
