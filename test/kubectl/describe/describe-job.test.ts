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

describe("describe job: a real capture", () => {
  it("reproduces a Docker Desktop capture of a CronJob's Job (kubectl 1.33/1.34, −0500) with Args and hostPath", () => {
    const uid = "c43ac375-388f-452b-b215-204c6816bcb7";
    const name = "demo-cronjob-minute-29457770";
    const job: Job = {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: {
        name,
        namespace: "default",
        uid,
        labels: { app: "busybox" },
        annotations: { "batch.kubernetes.io/cronjob-scheduled-timestamp": "2026-01-03T18:50:00Z" },
        ownerReferences: [
          {
            apiVersion: "batch/v1",
            kind: "CronJob",
            name: "demo-cronjob-minute",
            uid: "0b6e",
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        parallelism: 1,
        completions: 1,
        completionMode: "NonIndexed",
        suspend: false,
        backoffLimit: 6,
        selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
        template: {
          metadata: { labels: { app: "busybox", ...jobLabels(name, uid) } },
          spec: {
            containers: [
              {
                name: "busybox",
                image: "busybox",
                command: ["/bin/sh", "-c"],
                args: [
                  'echo "$(date) CronJob message";\necho "$(date) CronJob message" >> /data/message.txt;\nsleep 30;\n',
                ],
                volumeMounts: [{ name: "local-storage", mountPath: "/data" }],
              },
            ],
            volumes: [{ name: "local-storage", hostPath: { path: "/tmp/data", type: "DirectoryOrCreate" } }],
            restartPolicy: "OnFailure",
          },
        },
      },
      status: {
        startTime: "2026-01-03T18:50:00Z",
        completionTime: "2026-01-03T18:50:34Z",
        succeeded: 1,
        ready: 0,
        terminating: 0,
      },
    };
    const ev = (n: string, reason: string, message: string, t: string) =>
      event({
        name: `${name}.${n}`,
        kind: "Job",
        involvedName: name,
        reason,
        message,
        first: at(t),
        component: "job-controller",
      });
    const events = [
      ev("1", "SuccessfulCreate", `Created pod: ${name}-tfmrj`, "2026-01-03T18:50:00Z"),
      ev("2", "Completed", "Job completed", "2026-01-03T18:50:34Z"),
    ];
    const out = describeJob(job, events, at("2026-01-03T19:02:20Z"), { ...K134, utcOffsetMinutes: -300 });
    expect(normalizeCapture(out)).toBe(normalizeCapture(DOCKER_DESKTOP_JOB));
  });
});

describe("describe job: fields", () => {
  const now = at("2025-11-27T17:00:30Z");

  it("a running job: Start Time only, Active/Ready counts, `Events:  <none>` joining the block above", () => {
    const job = exampleJob({
      status: { startTime: "2025-11-27T17:00:03Z", active: 2, ready: 1, terminating: 0 },
    });
    const out = describeJob(job, [], now, K135);
    expect(out).toContain(
      "Start Time:       Thu, 27 Nov 2025 17:00:03 +0000\nPods Statuses:    2 Active (1 Ready) / 0 Succeeded / 0 Failed\n",
    );
    expect(out).not.toContain("Completed At");
    expect(out).not.toContain("Duration");
    expect(out.endsWith("  Tolerations:     <none>\nEvents:            <none>\n")).toBe(true);
  });

  it("without status.ready prints the short Pods Statuses form; `null` events omit the section (--show-events=false)", () => {
    const job = exampleJob({ status: { active: 1 } });
    const out = describeJob(job, null, now, K135);
    expect(out).toContain("Pods Statuses:    1 Active / 0 Succeeded / 0 Failed\n");
    expect(out).not.toContain("Events");
    expect(out.endsWith("  Tolerations:     <none>\n")).toBe(true);
  });

  it("prints optional spec fields only when set: TTL, Active Deadline Seconds, Completions <unset>", () => {
    const job = exampleJob();
    job.spec!.ttlSecondsAfterFinished = 100;
    job.spec!.activeDeadlineSeconds = 60;
    delete job.spec!.completions;
    delete job.spec!.suspend;
    delete job.spec!.completionMode;
    const out = describeJob(job, [], now, K135);
    expect(out).toContain(
      lines(
        "Parallelism:                 1",
        "Completions:                 <unset>",
        "Backoff Limit:               4",
        "TTL Seconds After Finished:  100",
        "Start Time:                  Thu, 27 Nov 2025 17:00:03 +0000",
        "Completed At:                Thu, 27 Nov 2025 17:00:10 +0000",
        "Duration:                    7s",
        "Active Deadline Seconds:     60s",
        "Pods Statuses:               0 Active (0 Ready) / 1 Succeeded / 0 Failed",
        "Pod Template:",
      ),
    );
    expect(out).not.toContain("Suspend:");
    expect(out).not.toContain("Completion Mode:");
  });

  it("Indexed jobs print Completed Indexes, cut after the first comma at or past 50 bytes", () => {
    const job = exampleJob();
    job.spec!.completionMode = "Indexed";
    job.status!.completedIndexes = "";
    expect(describeJob(job, [], now, K135)).toContain("Completed Indexes:  <none>\n");
    const many = Array.from({ length: 40 }, (_, i) => i * 2).join(",");
    job.status!.completedIndexes = many;
    expect(describeJob(job, [], now, K135)).toContain(
      `Completed Indexes:  ${many.slice(0, many.indexOf(",", 50) + 1)}...\n`,
    );
    expect(capIndexesListOrNone("1-3,7", 50)).toBe("1-3,7");
    expect(capIndexesListOrNone("0-9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41", 50)).toBe(
      "0-9,11,13,15,17,19,21,23,25,27,29,31,33,35,37,39,41",
    );
    expect(capIndexesListOrNone("0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,38,40", 50)).toBe(
      "0,2,4,6,8,10,12,14,16,18,20,22,24,26,28,30,32,34,36,...",
    );
  });

  it("labels and annotations: `<none>`, sorted keys, last-applied-configuration skipped, 140-byte rule", () => {
    const job = exampleJob();
    job.metadata!.labels = {};
    job.metadata!.annotations = {
      "kubectl.kubernetes.io/last-applied-configuration": '{"apiVersion":"batch/v1"}\n',
      "z.example.com/empty": "",
      "a.example.com/multi": "line one\nline two\n",
      "m.example.com/long": "x".repeat(150),
      "b.example.com/short": "ok",
    };
    const out = describeJob(job, [], now, K135);
    expect(out).toContain(
      lines(
        "Labels:           <none>",
        "Annotations:      a.example.com/multi:",
        "                    line one",
        "                    line two",
        "                  b.example.com/short: ok",
        "                  m.example.com/long:",
        `                    ${"x".repeat(138)}...`,
        "                  z.example.com/empty: ",
        "Parallelism:      1",
      ),
    );
    job.metadata!.annotations = { "kubectl.kubernetes.io/last-applied-configuration": "{}" };
    expect(describeJob(job, [], now, K135)).toContain("Annotations:      <none>\n");
  });

  it("an annotation of exactly 140 bytes with its key stays on one line; 141 breaks", () => {
    const job = exampleJob();
    const key = "k";
    job.metadata!.annotations = { [key]: "v".repeat(140 - 2 - key.length) };
    expect(describeJob(job, [], now, K135)).toContain(`Annotations:      k: ${"v".repeat(137)}\n`);
    job.metadata!.annotations = { [key]: "v".repeat(138) };
    expect(describeJob(job, [], now, K135)).toContain(
      `Annotations:      k:\n                    ${"v".repeat(138)}\n`,
    );
  });

  it("selector string: matchLabels and matchExpressions sorted by key; Controlled By", () => {
    const job = exampleJob();
    job.spec!.selector = {
      matchLabels: { zeta: "1" },
      matchExpressions: [
        { key: "env", operator: "In", values: ["prod", "dev"] },
        { key: "tier", operator: "NotIn", values: ["cache"] },
        { key: "alpha", operator: "Exists" },
        { key: "beta", operator: "DoesNotExist" },
      ],
    };
    job.metadata!.ownerReferences = [
      { apiVersion: "batch/v1", kind: "CronJob", name: "nightly", uid: UID, controller: true },
    ];
    const out = describeJob(job, [], now, K135);
    expect(out).toContain("Selector:         alpha,!beta,env in (dev,prod),tier notin (cache),zeta=1\n");
    expect(out).toContain(
      "Annotations:      <none>\nControlled By:    CronJob/nightly\nParallelism:      1\n",
    );
  });

  it("pod template extras: annotations, service account, init containers, volumes, node selector, tolerations", () => {
    const job = exampleJob();
    const spec = job.spec!.template.spec!;
    job.spec!.template.metadata!.annotations = { "sidecar.example.com/inject": "false" };
    spec.serviceAccountName = "runner";
    spec.initContainers = [{ name: "init", image: "busybox:1.36", command: ["true"] }];
    spec.volumes = [{ name: "scratch", emptyDir: { sizeLimit: "1Gi" } }];
    spec.nodeSelector = { "kubernetes.io/os": "linux" };
    spec.tolerations = [{ key: "dedicated", operator: "Equal", value: "batch", effect: "NoSchedule" }];
    spec.priorityClassName = "low";
    const out = describeJob(job, [], now, K135);
    expect(out).toContain(
      lines(
        "Pod Template:",
        "  Labels:           batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                    batch.kubernetes.io/job-name=example-job",
        "                    controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                    job-name=example-job",
        "  Annotations:      sidecar.example.com/inject: false",
        "  Service Account:  runner",
        "  Init Containers:",
        "   init:",
        "    Image:      busybox:1.36",
        "    Port:       <none>",
        "    Host Port:  <none>",
        "    Command:",
        "      true",
        "    Environment:  <none>",
        "    Mounts:       <none>",
        "  Containers:",
        "   example:",
      ),
    );
    expect(out).toContain(
      lines(
        "  Volumes:",
        "   scratch:",
        "    Type:               EmptyDir (a temporary directory that shares a pod's lifetime)",
        "    Medium:             ",
        "    SizeLimit:          1Gi",
        "  Priority Class Name:  low",
        "  Node-Selectors:       kubernetes.io/os=linux",
        "  Tolerations:          dedicated=batch:NoSchedule",
        "Events:                 <none>",
      ),
    );
  });
});
