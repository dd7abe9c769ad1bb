import type { Container, Event, Pod } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { describePod } from "../../../src/kubectl/describe/describe-pod.js";
import { describeProbe } from "../../../src/kubectl/describe/sections.js";
import { rfc3339 } from "../../../src/models/api/time-format.js";
import {
  DOCKER_DESKTOP_POD,
  MINIKUBE_POST_INSTALL,
  MINIKUBE_PRE_INSTALL,
  normalizeCapture,
} from "./captures.js";
import {
  at,
  condition,
  containerStatus,
  event,
  examplePod,
  jobLabels,
  K132,
  K134,
  K135,
  lines,
  type TestPod,
} from "./fixtures.js";

const RUNNING_CONDITIONS = [
  condition("PodReadyToStartContainers", "True"),
  condition("Initialized", "True"),
  condition("Ready", "True"),
  condition("ContainersReady", "True"),
  condition("PodScheduled", "True"),
];
const COMPLETED_CONDITIONS = [
  condition("PodReadyToStartContainers", "False"),
  condition("Initialized", "True"),
  condition("Ready", "False"),
  condition("ContainersReady", "False"),
  condition("PodScheduled", "True"),
];

/** The kubelet's events for one successful container start (kubelet ≥1.35 wording), relative to t0. */
function startEvents(t0: number): Event[] {
  const fp = "spec.containers{example}";
  return [
    event({
      name: "example-job-abcde.187b1c0a00000000",
      reason: "Scheduled",
      message: "Successfully assigned default/example-job-abcde to k3d-my-cluster-agent-0",
      eventTime: t0,
      reportingController: "default-scheduler",
    }),
    event({
      name: "example-job-abcde.187b1c0a40000000",
      reason: "Pulling",
      message: 'Pulling image "busybox:1.36"',
      first: t0 + 1000,
      component: "kubelet",
      host: "k3d-my-cluster-agent-0",
      fieldPath: fp,
    }),
    event({
      name: "example-job-abcde.187b1c0ab0000000",
      reason: "Pulled",
      message:
        'Successfully pulled image "busybox:1.36" in 1.873s (1.873s including waiting). Image size: 2160406 bytes.',
      first: t0 + 3000,
      component: "kubelet",
      host: "k3d-my-cluster-agent-0",
      fieldPath: fp,
    }),
    event({
      name: "example-job-abcde.187b1c0ab1000000",
      reason: "Created",
      message: "Container created",
      first: t0 + 3000,
      component: "kubelet",
      host: "k3d-my-cluster-agent-0",
      fieldPath: fp,
    }),
    event({
      name: "example-job-abcde.187b1c0ab2000000",
      reason: "Started",
      message: "Container started",
      first: t0 + 3000,
      component: "kubelet",
      host: "k3d-my-cluster-agent-0",
      fieldPath: fp,
    }),
  ];
}

function scheduledPod(): TestPod {
  const pod = examplePod();
  pod.status = {
    phase: "Running",
    conditions: RUNNING_CONDITIONS,
    hostIP: "172.18.0.3",
    hostIPs: [{ ip: "172.18.0.3" }],
    podIP: "10.42.1.5",
    podIPs: [{ ip: "10.42.1.5" }],
    startTime: "2025-11-27T17:00:03Z",
    containerStatuses: [
      containerStatus({
        containerID: "containerd://4b0c6f1d…",
        ready: true,
        started: true,
        state: { running: { startedAt: "2025-11-27T17:00:06Z" } },
      }),
    ],
    qosClass: "BestEffort",
  };
  return pod;
}

describe("describe pod: the reference's rendered examples (kubectl-output.md §6.2)", () => {
  it("running Job pod on k3d, kubectl ≥1.35 / kubelet ≥1.35", () => {
    const out = describePod(
      scheduledPod(),
      startEvents(at("2025-11-27T17:00:03Z")),
      at("2025-11-27T17:00:08Z"),
      K135,
    );
    expect(out).toBe(
      lines(
        "Name:             example-job-abcde",
        "Namespace:        default",
        "Priority:         0",
        "Service Account:  default",
        "Node:             k3d-my-cluster-agent-0/172.18.0.3",
        "Start Time:       Thu, 27 Nov 2025 17:00:03 +0000",
        "Labels:           batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                  batch.kubernetes.io/job-name=example-job",
        "                  controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                  job-name=example-job",
        "Annotations:      <none>",
        "Status:           Running",
        "IP:               10.42.1.5",
        "IPs:",
        "  IP:           10.42.1.5",
        "Controlled By:  Job/example-job",
        "Containers:",
        "  example:",
        "    Container ID:  containerd://4b0c6f1d…",
        "    Image:         busybox:1.36",
        "    Image ID:      docker.io/library/busybox@sha256:<digest>",
        "    Port:          <none>",
        "    Host Port:     <none>",
        "    Command:",
        "      sh",
        "      -c",
        "      echo hello; sleep 5",
        "    State:          Running",
        "      Started:      Thu, 27 Nov 2025 17:00:06 +0000",
        "    Ready:          True",
        "    Restart Count:  0",
        "    Environment:    <none>",
        "    Mounts:",
        "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)",
        "Conditions:",
        "  Type                        Status",
        "  PodReadyToStartContainers   True ",
        "  Initialized                 True ",
        "  Ready                       True ",
        "  ContainersReady             True ",
        "  PodScheduled                True ",
        "Volumes:",
        "  kube-api-access-x7k2p:",
        "    Type:                    Projected (a volume that contains injected data from multiple sources)",
        "    TokenExpirationSeconds:  3607",
        "    ConfigMapName:           kube-root-ca.crt",
        "    Optional:                false",
        "    DownwardAPI:             true",
        "QoS Class:                   BestEffort",
        "Node-Selectors:              <none>",
        "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
        "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
        "Events:",
        "  Type    Reason     Age   From               Message",
        "  ----    ------     ----  ----               -------",
        "  Normal  Scheduled  5s    default-scheduler  Successfully assigned default/example-job-abcde to k3d-my-cluster-agent-0",
        '  Normal  Pulling    4s    kubelet            spec.containers{example}: Pulling image "busybox:1.36"',
        '  Normal  Pulled     2s    kubelet            spec.containers{example}: Successfully pulled image "busybox:1.36" in 1.873s (1.873s including waiting). Image size: 2160406 bytes.',
        "  Normal  Created    2s    kubelet            spec.containers{example}: Container created",
        "  Normal  Started    2s    kubelet            spec.containers{example}: Container started",
      ),
    );
  });
});

/** A succeeded Helm-hook Job pod on minikube (docker runtime), the objects behind the §1.4 capture. */
function minikubePod(o: {
  name: string;
  jobName: string;
  jobUid: string;
  container: string;
  echo: string;
  containerId: string;
  volume: string;
  ip: string;
  start: string;
  ran: string;
}): TestPod {
  const c: Container = {
    name: o.container,
    image: "busybox",
    command: ["/bin/sh", "-c", o.echo],
    imagePullPolicy: "Always",
    resources: {},
  };
  const pod = examplePod({
    name: o.name,
    jobName: o.jobName,
    jobUid: o.jobUid,
    volume: o.volume,
    nodeName: "minikube",
    container: c,
  });
  pod.status = {
    phase: "Succeeded",
    conditions: COMPLETED_CONDITIONS,
    hostIP: "192.168.49.2",
    podIP: o.ip,
    podIPs: [{ ip: o.ip }],
    startTime: o.start,
    containerStatuses: [
      containerStatus({
        name: o.container,
        image: "busybox:latest",
        imageID:
          "docker-pullable://busybox@sha256:498a000f370d8c37927118ed80afe8adc38d1edcbfc071627d17b25c88efcab0",
        containerID: o.containerId,
        state: {
          terminated: {
            exitCode: 0,
            reason: "Completed",
            startedAt: o.ran,
            finishedAt: o.ran,
            containerID: o.containerId,
          },
        },
      }),
    ],
    qosClass: "BestEffort",
  };
  return pod;
}

/** kubelet ≤1.34 / kubectl ≤1.34 events of one pull-and-run, no fieldPath prefix in the output. */
function minikubeEvents(pod: string, container: string, t0: number, pull: string): Event[] {
  const fp = `spec.containers{${container}}`;
  const base = { involvedName: pod, component: "kubelet", host: "minikube", fieldPath: fp };
  return [
    event({
      ...base,
      name: `${pod}.3`,
      reason: "Pulled",
      message: `Successfully pulled image "busybox" in ${pull} (${pull} including waiting). Image size: 4269694 bytes.`,
      first: t0 + 2000,
    }),
    event({ ...base, name: `${pod}.2`, reason: "Pulling", message: 'Pulling image "busybox"', first: t0 }),
    event({
      name: `${pod}.1`,
      involvedName: pod,
      reason: "Scheduled",
      message: `Successfully assigned default/${pod} to minikube`,
      eventTime: t0,
      reportingController: "default-scheduler",
    }),
    event({
      ...base,
      name: `${pod}.5`,
      reason: "Started",
      message: `Started container ${container}`,
      first: t0 + 2000,
    }),
    event({
      ...base,
      name: `${pod}.4`,
      reason: "Created",
      message: `Created container: ${container}`,
      first: t0 + 2000,
    }),
  ];
}

describe("describe pod: real captures", () => {
  const msk = { ...K132, utcOffsetMinutes: 180 };

  it("reproduces the §1.4 minikube capture of a Completed Job pod byte for byte (kubectl ≈1.32, +0300)", () => {
    const pod = minikubePod({
      name: "app-python-pre-install-zvhg6",
      jobName: "app-python-pre-install",
      jobUid: "6e01c750-2f2b-4de0-bce4-1788360c7c29",
      container: "pre-install-job",
      echo: "echo Pre-install job running",
      containerId: "docker://e102655ae105e766af86a772f87d2c4818694aaac1b346fccd13f08e856862be",
      volume: "kube-api-access-r7ms2",
      ip: "10.244.0.63",
      start: "2025-02-26T17:34:17Z",
      ran: "2025-02-26T17:34:19Z",
    });
    const events = minikubeEvents(
      "app-python-pre-install-zvhg6",
      "pre-install-job",
      at("2025-02-26T17:34:17Z"),
      "1.661s",
    );
    expect(describePod(pod, events, at("2025-02-26T17:51:40Z"), msk)).toBe(MINIKUBE_PRE_INSTALL);
  });

  it("reproduces the second pod of the same capture", () => {
    const pod = minikubePod({
      name: "app-python-post-install-zbddx",
      jobName: "app-python-post-install",
      jobUid: "36814b9e-e7a2-46a5-a967-fc12d27a1e1f",
      container: "post-install-job",
      echo: "echo Post-install job completed",
      containerId: "docker://ffa289c85adab440cdf39f33e1a71c00e242e72a374818bcb118590843d2291d",
      volume: "kube-api-access-ndlqb",
      ip: "10.244.0.67",
      start: "2025-02-26T17:34:22Z",
      ran: "2025-02-26T17:34:24Z",
    });
    const events = minikubeEvents(
      "app-python-post-install-zbddx",
      "post-install-job",
      at("2025-02-26T17:34:22Z"),
      "1.595s",
    );
    expect(describePod(pod, events, at("2025-02-26T17:51:00Z"), msk)).toBe(MINIKUBE_POST_INSTALL);
  });

  it("reproduces a Docker Desktop capture (kubectl 1.33/1.34, −0500) of a CronJob pod with a hostPath volume", () => {
    const uid = "b49e44de-881b-4459-998d-8daadd455727";
    const jobName = "demo-cronjob-minute-29457780";
    const name = "demo-cronjob-minute-29457780-n7fd9";
    const c: Container = {
      name: "busybox",
      image: "busybox",
      command: ["/bin/sh", "-c"],
      args: [
        'echo "$(date) CronJob message";\necho "$(date) CronJob message" >> /data/message.txt;\nsleep 30;\n',
      ],
      volumeMounts: [{ name: "local-storage", mountPath: "/data" }],
      resources: {},
    };
    const pod = examplePod({
      name,
      jobName,
      jobUid: uid,
      volume: "kube-api-access-sd879",
      nodeName: "docker-desktop",
      container: c,
    });
    pod.metadata.labels = { app: "busybox", ...jobLabels(jobName, uid) };
    pod.spec!.volumes = [
      { name: "local-storage", hostPath: { path: "/tmp/data", type: "DirectoryOrCreate" } },
      ...pod.spec!.volumes!,
    ];
    const cid = "docker://5c4f643661177a4842aa77c3ea458be22d43a93d9f555b0b35db34c29ab900db";
    pod.status = {
      phase: "Succeeded",
      conditions: COMPLETED_CONDITIONS,
      hostIP: "192.168.65.3",
      podIP: "10.1.4.196",
      podIPs: [{ ip: "10.1.4.196" }],
      startTime: "2026-01-03T19:00:00Z",
      containerStatuses: [
        containerStatus({
          name: "busybox",
          imageID:
            "docker-pullable://busybox@sha256:d80cd694d3e9467884fcb94b8ca1e20437d8a501096cdf367a5a1918a34fc2fd",
          containerID: cid,
          state: {
            terminated: {
              exitCode: 0,
              reason: "Completed",
              startedAt: "2026-01-03T19:00:03Z",
              finishedAt: "2026-01-03T19:00:33Z",
            },
          },
        }),
      ],
      qosClass: "BestEffort",
    };
    const t0 = at("2026-01-03T19:00:00Z");
    const fp = "spec.containers{busybox}";
    const k = { involvedName: name, component: "kubelet", host: "docker-desktop", fieldPath: fp };
    const events = [
      event({
        name: `${name}.1`,
        involvedName: name,
        reason: "Scheduled",
        message: `Successfully assigned default/${name} to docker-desktop`,
        eventTime: t0 + 200,
        reportingController: "default-scheduler",
      }),
      event({
        ...k,
        name: `${name}.2`,
        reason: "Pulling",
        message: 'Pulling image "busybox"',
        first: t0 + 1000,
      }),
      event({
        ...k,
        name: `${name}.3`,
        reason: "Pulled",
        message:
          'Successfully pulled image "busybox" in 1.383s (1.383s including waiting). Image size: 2224358 bytes.',
        first: t0 + 2000,
      }),
      event({
        ...k,
        name: `${name}.4`,
        reason: "Created",
        message: "Created container: busybox",
        first: t0 + 3000,
      }),
      event({
        ...k,
        name: `${name}.5`,
        reason: "Started",
        message: "Started container busybox",
        first: t0 + 3000,
      }),
    ];
    const out = describePod(pod, events, at("2026-01-03T19:03:31.500Z"), { ...K134, utcOffsetMinutes: -300 });
    expect(normalizeCapture(out)).toBe(normalizeCapture(DOCKER_DESKTOP_POD));
  });
});

describe("describe pod: lifecycle states", () => {
  it("a Pending pod the scheduler could not place: Node <none>, IPs <none>, FailedScheduling with a series", () => {
    const pod = examplePod({ nodeName: null });
    pod.status = {
      phase: "Pending",
      conditions: [
        {
          type: "PodScheduled",
          status: "False",
          lastProbeTime: null as unknown as string,
          lastTransitionTime: "2025-11-27T17:00:02Z",
          reason: "Unschedulable",
          message: "0/2 nodes are available: 2 Insufficient cpu.",
        },
      ],
      qosClass: "BestEffort",
    };
    const t0 = at("2025-11-27T17:00:02Z");
    const events = [
      event({
        name: "example-job-abcde.187b1c0a00000000",
        type: "Warning",
        reason: "FailedScheduling",
        message:
          "0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
        eventTime: t0,
        series: { count: 2, last: t0 + 60_000 },
        reportingController: "default-scheduler",
      }),
    ];
    expect(describePod(pod, events, t0 + 70_000, K135)).toBe(
      lines(
        "Name:             example-job-abcde",
        "Namespace:        default",
        "Priority:         0",
        "Service Account:  default",
        "Node:             <none>",
        "Labels:           batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                  batch.kubernetes.io/job-name=example-job",
        "                  controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                  job-name=example-job",
        "Annotations:      <none>",
        "Status:           Pending",
        "IP:               ",
        "IPs:              <none>",
        "Controlled By:    Job/example-job",
        "Containers:",
        "  example:",
        "    Image:      busybox:1.36",
        "    Port:       <none>",
        "    Host Port:  <none>",
        "    Command:",
        "      sh",
        "      -c",
        "      echo hello; sleep 5",
        "    Environment:  <none>",
        "    Mounts:",
        "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)",
        "Conditions:",
        "  Type           Status",
        "  PodScheduled   False ",
        "Volumes:",
        "  kube-api-access-x7k2p:",
        "    Type:                    Projected (a volume that contains injected data from multiple sources)",
        "    TokenExpirationSeconds:  3607",
        "    ConfigMapName:           kube-root-ca.crt",
        "    Optional:                false",
        "    DownwardAPI:             true",
        "QoS Class:                   BestEffort",
        "Node-Selectors:              <none>",
        "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
        "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
        "Events:",
        "  Type     Reason            Age                From               Message",
        "  ----     ------            ----               ----               -------",
        "  Warning  FailedScheduling  10s (x2 over 70s)  default-scheduler  0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
      ),
    );
  });

  it("a container restarting after an Error (OnFailure): Waiting CrashLoopBackOff plus Last State Terminated", () => {
    const pod = scheduledPod();
    pod.spec!.restartPolicy = "OnFailure";
    pod.status!.conditions = [
      condition("PodReadyToStartContainers", "True"),
      condition("Initialized", "True"),
      condition("Ready", "False"),
      condition("ContainersReady", "False"),
      condition("PodScheduled", "True"),
    ];
    pod.status!.containerStatuses = [
      containerStatus({
        containerID: "containerd://8d1f0c3b9a7e",
        restartCount: 3,
        state: {
          waiting: {
            reason: "CrashLoopBackOff",
            message:
              "back-off 40s restarting failed container=example pod=example-job-abcde_default(9d2f4c1e-5a6b-4c7d-8e9f-0a1b2c3d4e5f)",
          },
        },
        lastState: {
          terminated: {
            exitCode: 1,
            reason: "Error",
            startedAt: "2025-11-27T17:01:10Z",
            finishedAt: "2025-11-27T17:01:15Z",
            containerID: "containerd://8d1f0c3b9a7e",
          },
        },
      }),
    ];
    const out = describePod(pod, null, at("2025-11-27T17:01:30Z"), K135);
    expect(out).toContain(
      lines(
        "Containers:",
        "  example:",
        "    Container ID:  containerd://8d1f0c3b9a7e",
        "    Image:         busybox:1.36",
        "    Image ID:      docker.io/library/busybox@sha256:<digest>",
        "    Port:          <none>",
        "    Host Port:     <none>",
        "    Command:",
        "      sh",
        "      -c",
        "      echo hello; sleep 5",
        "    State:          Waiting",
        "      Reason:       CrashLoopBackOff",
        "    Last State:     Terminated",
        "      Reason:       Error",
        "      Exit Code:    1",
        "      Started:      Thu, 27 Nov 2025 17:01:10 +0000",
        "      Finished:     Thu, 27 Nov 2025 17:01:15 +0000",
        "    Ready:          False",
        "    Restart Count:  3",
        "    Environment:    <none>",
        "    Mounts:",
      ),
    );
    expect(out).toContain("  Ready                       False \n  ContainersReady             False \n");
    // `null` events: --show-events=false prints no Events section at all.
    expect(
      out.endsWith(
        "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n",
      ),
    ).toBe(true);
  });

  it("an Error pod (restartPolicy Never, phase Failed): State Terminated with reason, message and signal", () => {
    const pod = scheduledPod();
    pod.status!.phase = "Failed";
    pod.status!.conditions = COMPLETED_CONDITIONS;
    pod.status!.containerStatuses = [
      containerStatus({
        containerID: "containerd://77aa",
        state: {
          terminated: {
            exitCode: 137,
            signal: 9,
            reason: "OOMKilled",
            message: "killed\nby the kernel",
            startedAt: "2025-11-27T17:00:06Z",
            finishedAt: "2025-11-27T17:00:09Z",
          },
        },
      }),
    ];
    const out = describePod(pod, [], at("2025-11-27T17:00:20Z"), K135);
    expect(out).toContain("Status:           Failed\n");
    expect(out).toContain(
      lines(
        // The message's second line has no tab, so it ends the column block: State, Reason, Message align
        // on their own.
        "    State:      Terminated",
        "      Reason:   OOMKilled",
        "      Message:  killed",
        "by the kernel",
        "      Exit Code:    137",
        "      Signal:       9",
        "      Started:      Thu, 27 Nov 2025 17:00:06 +0000",
        "      Finished:     Thu, 27 Nov 2025 17:00:09 +0000",
        "    Ready:          False",
      ),
    );
    expect(
      out.endsWith(
        "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:                      <none>\n",
      ),
    ).toBe(true);
  });

  it("a Completed pod on k3s (kubectl 1.35): Succeeded, Terminated/Completed, events with the fieldPath prefix", () => {
    const pod = scheduledPod();
    pod.status!.phase = "Succeeded";
    pod.status!.conditions = COMPLETED_CONDITIONS;
    pod.status!.containerStatuses = [
      containerStatus({
        containerID: "containerd://4b0c6f1d…",
        state: {
          terminated: {
            exitCode: 0,
            reason: "Completed",
            startedAt: "2025-11-27T17:00:06Z",
            finishedAt: "2025-11-27T17:00:11Z",
          },
        },
      }),
    ];
    const out = describePod(pod, startEvents(at("2025-11-27T17:00:03Z")), at("2025-11-27T17:00:23Z"), K135);
    expect(out).toContain("Status:           Succeeded\nIP:               10.42.1.5\n");
    expect(out).toContain(
      lines(
        "    State:          Terminated",
        "      Reason:       Completed",
        "      Exit Code:    0",
        "      Started:      Thu, 27 Nov 2025 17:00:06 +0000",
        "      Finished:     Thu, 27 Nov 2025 17:00:11 +0000",
        "    Ready:          False",
        "    Restart Count:  0",
        "    Environment:    <none>",
      ),
    );
    expect(out).toContain(
      lines(
        "Conditions:",
        "  Type                        Status",
        "  PodReadyToStartContainers   False ",
        "  Initialized                 True ",
        "  Ready                       False ",
        "  ContainersReady             False ",
        "  PodScheduled                True ",
      ),
    );
    expect(out).toContain(
      "  Normal  Started    17s   kubelet            spec.containers{example}: Container started\n",
    );
  });

  it("a Terminating pod: `Terminating (lasts …)` and the grace period widen the top block", () => {
    const pod = scheduledPod();
    // Graceful deletion sets deletionTimestamp to deletion time + grace period, so until then its age is negative.
    pod.metadata.deletionTimestamp = "2025-11-27T17:00:40Z";
    pod.metadata.deletionGracePeriodSeconds = 30;
    const out = describePod(pod, [], at("2025-11-27T17:00:12Z"), K135);
    expect(out).toContain(
      lines(
        "Name:                      example-job-abcde",
        "Namespace:                 default",
        "Priority:                  0",
        "Service Account:           default",
        "Node:                      k3d-my-cluster-agent-0/172.18.0.3",
        "Start Time:                Thu, 27 Nov 2025 17:00:03 +0000",
        "Labels:                    batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                           batch.kubernetes.io/job-name=example-job",
        "                           controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        "                           job-name=example-job",
        "Annotations:               <none>",
        "Status:                    Terminating (lasts <invalid>)",
        "Termination Grace Period:  30s",
        "IP:                        10.42.1.5",
        "IPs:",
        "  IP:           10.42.1.5",
        "Controlled By:  Job/example-job",
      ),
    );
    expect(describePod(pod, [], at("2025-11-27T17:02:40Z"), K135)).toContain(
      "Status:                    Terminating (lasts 2m)\n",
    );
    // A terminal pod being deleted keeps its phase.
    pod.status!.phase = "Succeeded";
    expect(describePod(pod, [], at("2025-11-27T17:00:12Z"), K135)).toContain(
      "Annotations:      <none>\nStatus:           Succeeded\n",
    );
  });

  it("a pod waiting for its container: Container ID empty (trailing padding), Waiting ContainerCreating", () => {
    const pod = scheduledPod();
    pod.status!.phase = "Pending";
    pod.status!.podIP = undefined;
    pod.status!.podIPs = undefined;
    pod.status!.containerStatuses = [
      containerStatus({ imageID: "", state: { waiting: { reason: "ContainerCreating" } } }),
    ];
    const out = describePod(pod, [], at("2025-11-27T17:00:04Z"), K135);
    expect(out).toContain("    Container ID:  \n    Image:         busybox:1.36\n    Image ID:      \n");
    expect(out).toContain(
      "    State:          Waiting\n      Reason:       ContainerCreating\n    Ready:          False\n",
    );
    expect(out).toContain(
      "IP:               \nIPs:              <none>\nControlled By:    Job/example-job\n",
    );
  });
});

/**
 * Ported from kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe_test.go
 * @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac: TestDescribePod, TestDescribePodNode, TestDescribePodTolerations,
 * TestDescribePodVolumes (the one with a full expected text), TestDescribeTopologySpreadConstraints,
 * TestDescribePodPriority, TestDescribePodRuntimeClass, TestDescribePodServiceAccount.
 */
describe("upstream describe_test.go pod cases", () => {
  const bare = (spec: Pod["spec"] = { containers: [] }, status: Pod["status"] = {}): TestPod => ({
    metadata: { name: "bar", namespace: "foo" },
    spec,
    status,
  });
  const now = at("2025-11-27T17:00:00Z");

  it("TestDescribePodVolumes: the whole text for a pod with one image volume", () => {
    const pod = bare({
      containers: [],
      volumes: [{ name: "image", image: { reference: "image", pullPolicy: "IfNotPresent" } } as never],
    });
    expect(describePod(pod, [], now, K135)).toBe(
      lines(
        "Name:         bar",
        "Namespace:    foo",
        "Node:         <none>",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Status:       ",
        "IP:           ",
        "IPs:          <none>",
        "Containers: <none>",
        "Volumes:",
        "  image:",
        "    Type:        Image (a container image or OCI artifact)",
        "    Reference:   image",
        "    PullPolicy:  IfNotPresent",
        "QoS Class:       BestEffort",
        "Node-Selectors:  <none>",
        "Tolerations:     <none>",
        "Events:          <none>",
      ),
    );
  });

  it("TestDescribePod: Terminating (lasts 10y) with the grace period while not terminal", () => {
    const deletion = rfc3339(now - 10 * 365.25 * 86_400_000);
    for (const [phase, want] of [
      ["Running", ["bar", "Status:", "Terminating (lasts 10y)", "Termination Grace Period", "1234s"]],
      ["Pending", ["Terminating (lasts 10y)", "Termination Grace Period", "1234s"]],
      ["Succeeded", ["Succeeded"]],
      ["Failed", ["Failed"]],
    ] as const) {
      const pod = bare(
        {
          containers: [],
          readinessGates: [{ conditionType: "condition1" }, { conditionType: "condition2" }],
        },
        { phase, conditions: [{ type: "condition1", status: "True" }] },
      );
      pod.metadata.deletionTimestamp = deletion;
      pod.metadata.deletionGracePeriodSeconds = 1234;
      const out = describePod(pod, [], now, K135);
      for (const s of want) expect(out).toContain(s);
      if (phase === "Succeeded" || phase === "Failed") expect(out).not.toContain("Terminating");
      // The condition column ends with a space (`"%v \t%v \n"`), which widens it by one.
      expect(out).toContain(
        "Readiness Gates:\n  Type         Status\n  condition1   True \n  condition2   <none> \n",
      );
    }
  });

  it("TestDescribePodNode, Priority, RuntimeClass, ServiceAccount", () => {
    const pod = bare(
      {
        containers: [],
        nodeName: "all-in-one",
        priority: 1000,
        priorityClassName: "high-priority",
        runtimeClassName: "test1",
        serviceAccountName: "fooaccount",
      },
      { hostIP: "127.0.0.1", nominatedNodeName: "nodeA" },
    );
    const out = describePod(pod, [], now, K135);
    for (const s of [
      "all-in-one/127.0.0.1",
      "NominatedNodeName:",
      "nodeA",
      "high-priority",
      "1000",
      "Runtime Class Name:",
      "test1",
      "Service Account:",
      "fooaccount",
    ]) {
      expect(out).toContain(s);
    }
    pod.spec!.runtimeClassName = "";
    expect(describePod(pod, [], now, K135)).not.toContain("Runtime Class Name");
  });

  it("TestDescribePodTolerations: the special Exists forms, values, effects and seconds, sorted by key", () => {
    const pod = bare({
      containers: [],
      tolerations: [
        { operator: "Exists" },
        { effect: "NoSchedule", operator: "Exists" },
        { key: "key0", operator: "Exists" },
        { key: "key1", value: "value1" },
        { key: "key2", operator: "Equal", value: "value2", effect: "NoSchedule" },
        { key: "key3", value: "value3", effect: "NoExecute", tolerationSeconds: 300 },
        { key: "key4", effect: "NoExecute", tolerationSeconds: 60 },
      ],
    });
    const out = describePod(pod, [], now, K135);
    for (const s of [
      "  op=Exists\n",
      ":NoSchedule op=Exists\n",
      "key0 op=Exists\n",
      "key1=value1\n",
      "key2=value2:NoSchedule\n",
      "key3=value3:NoExecute for 300s\n",
      "key4:NoExecute for 60s\n",
      "Tolerations:",
    ]) {
      expect(out).toContain(s);
    }
    expect(out).toContain(
      lines(
        "Tolerations:     op=Exists",
        "                 :NoSchedule op=Exists",
        "                 key0 op=Exists",
        "                 key1=value1",
        "                 key2=value2:NoSchedule",
        "                 key3=value3:NoExecute for 300s",
        "                 key4:NoExecute for 60s",
      ),
    );
  });

  it("TestDescribeTopologySpreadConstraints", () => {
    const pod = bare({
      containers: [],
      topologySpreadConstraints: [
        {
          maxSkew: 3,
          topologyKey: "topology.kubernetes.io/test1",
          whenUnsatisfiable: "DoNotSchedule",
          labelSelector: { matchLabels: { key1: "val1", key2: "val2" } },
        },
        { maxSkew: 1, topologyKey: "topology.kubernetes.io/test2", whenUnsatisfiable: "ScheduleAnyway" },
      ],
    });
    const out = describePod(pod, null, now, K135);
    expect(out).toContain(
      "topology.kubernetes.io/test1:DoNotSchedule when max skew 3 is exceeded for selector key1=val1,key2=val2\n",
    );
    expect(out).toContain("topology.kubernetes.io/test2:ScheduleAnyway when max skew 1 is exceeded\n");
  });
});

describe("describe pod: container details", () => {
  const now = at("2025-11-27T17:00:10Z");

  it("ports with names (kubectl ≥1.35), host ports, env (value, multi-line, fieldRef, secret, configMap, resource), envFrom", () => {
    const c: Container = {
      name: "example",
      image: "busybox:1.36",
      ports: [
        { containerPort: 8080, name: "http" },
        { containerPort: 9090, protocol: "UDP", hostPort: 9091 },
      ],
      env: [
        { name: "PLAIN", value: "hello" },
        { name: "MULTI", value: "a\nb" },
        { name: "POD_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "metadata.name" } } },
        { name: "POD_IP", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "status.podIP" } } },
        { name: "PASSWORD", valueFrom: { secretKeyRef: { name: "db", key: "password" } } },
        { name: "MODE", valueFrom: { configMapKeyRef: { name: "cfg", key: "mode", optional: true } } },
        { name: "CPU_LIMIT", valueFrom: { resourceFieldRef: { resource: "limits.cpu" } } },
        {
          name: "MEM_REQUEST",
          valueFrom: { resourceFieldRef: { resource: "requests.memory", divisor: "1Mi" } },
        },
      ],
      envFrom: [
        { configMapRef: { name: "common" } },
        { secretRef: { name: "creds", optional: true }, prefix: "DB_" },
      ],
      resources: { limits: { memory: "128Mi" }, requests: { memory: "64Mi", cpu: "0.1" } },
    };
    const pod = examplePod({ container: c });
    const out = describePod(pod, [], now, K135);
    expect(out).toContain(
      lines(
        "  example:",
        "    Image:       busybox:1.36",
        "    Ports:       8080/TCP (http), 9090/UDP",
        "    Host Ports:  0/TCP (http), 9091/UDP",
        // Lines without a tab (Limits:, Requests:, ...) end a column block: each group aligns on its own.
        "    Limits:",
        "      memory:  128Mi",
        "    Requests:",
        "      cpu:     100m",
        "      memory:  64Mi",
        "    Environment Variables from:",
        "      common  ConfigMap                 Optional: false",
        "      creds   Secret with prefix 'DB_'  Optional: true",
        "    Environment:",
        "      PLAIN:        hello",
        "      MULTI:        a",
        "                    b",
        "      POD_NAME:     example-job-abcde (v1:metadata.name)",
        "      POD_IP:        (v1:status.podIP)",
        // The third cell of consecutive secret/configMap rows forms a column of its own.
        "      PASSWORD:     <set to the key 'password' in secret 'db'>   Optional: false",
        "      MODE:         <set to the key 'mode' of config map 'cfg'>  Optional: true",
        "      CPU_LIMIT:    node allocatable (limits.cpu)",
        "      MEM_REQUEST:  64 (requests.memory)",
        "    Mounts:",
      ),
    );
  });

  it("probes, seccomp profile, sub-path mounts sorted by path", () => {
    const c: Container = {
      name: "example",
      image: "busybox:1.36",
      args: ["--verbose"],
      livenessProbe: { httpGet: { path: "/healthz", port: "http" }, initialDelaySeconds: 5 },
      readinessProbe: {
        exec: { command: ["cat", "/tmp/ready"] },
        periodSeconds: 2,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
      startupProbe: { tcpSocket: { port: 8080 } },
      securityContext: { seccompProfile: { type: "Localhost", localhostProfile: "profiles/audit.json" } },
      volumeMounts: [{ name: "data", mountPath: "/data", subPath: "job 1" }],
    };
    const out = describePod(examplePod({ container: c }), [], now, K135);
    expect(out).toContain(
      lines(
        // LocalhostProfile (level 3) is in the same column block as Image..SeccompProfile.
        "    Image:               busybox:1.36",
        "    Port:                <none>",
        "    Host Port:           <none>",
        "    SeccompProfile:      Localhost",
        "      LocalhostProfile:  profiles/audit.json",
        "    Args:",
        "      --verbose",
        "    Liveness:     http-get http://:http/healthz delay=5s timeout=1s period=10s #success=1 #failure=3",
        "    Readiness:    exec [cat /tmp/ready] delay=0s timeout=1s period=2s #success=1 #failure=3",
        "    Startup:      tcp-socket :8080 delay=0s timeout=1s period=10s #success=1 #failure=3",
        "    Environment:  <none>",
        "    Mounts:",
        '      /data from data (rw,path="job 1")',
        "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)",
      ),
    );
    expect(describeProbe({ grpc: { port: 9000 } })).toBe(
      "grpc <pod>:9000  delay=0s timeout=1s period=10s #success=1 #failure=3",
    );
  });

  it("volume sources: secret, configMap, PVC, downwardAPI, CSI attributes; projected before kubectl 1.33", () => {
    const pod = examplePod();
    pod.spec!.volumes = [
      { name: "s", secret: { secretName: "creds", defaultMode: 420 } },
      { name: "c", configMap: { name: "cfg", optional: true } },
      { name: "p", persistentVolumeClaim: { claimName: "data" } },
      { name: "d", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }] } },
      { name: "x", csi: { driver: "inline.csi.example.com", volumeAttributes: { b: "2", a: "1" } } },
      ...pod.spec!.volumes!,
    ];
    const out = describePod(pod, [], now, K132);
    expect(out).toContain(
      lines(
        "Volumes:",
        "  s:",
        "    Type:        Secret (a volume populated by a Secret)",
        "    SecretName:  creds",
        "    Optional:    false",
        "  c:",
        "    Type:      ConfigMap (a volume populated by a ConfigMap)",
        "    Name:      cfg",
        "    Optional:  true",
        "  p:",
        "    Type:       PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
        "    ClaimName:  data",
        "    ReadOnly:   false",
        "  d:",
        "    Type:  DownwardAPI (a volume populated by information about the pod)",
        "    Items:",
        "      metadata.labels -> labels",
        "  x:",
        "    Type:              CSI (a Container Storage Interface (CSI) volume source)",
        "    Driver:            inline.csi.example.com",
        "    FSType:            ",
        "    ReadOnly:          false",
        "    VolumeAttributes:      a=1",
        "                           b=2",
        "  kube-api-access-x7k2p:",
        "    Type:                    Projected (a volume that contains injected data from multiple sources)",
        "    TokenExpirationSeconds:  3607",
        "    ConfigMapName:           kube-root-ca.crt",
        "    ConfigMapOptional:       <nil>",
        "    DownwardAPI:             true",
      ),
    );
  });

  it("QoS: status.qosClass when set, else computed from requests and limits", () => {
    const pod = examplePod({
      container: { name: "example", image: "busybox", resources: { limits: { cpu: "1", memory: "1Gi" } } },
    });
    expect(describePod(pod, null, now, K135)).toContain("QoS Class:                   BestEffort\n");
    pod.status = {};
    expect(describePod(pod, null, now, K135)).toContain("QoS Class:                   Guaranteed\n");
    pod.spec!.containers[0].resources = { requests: { cpu: "500m" } };
    expect(describePod(pod, null, now, K135)).toContain("QoS Class:                   Burstable\n");
  });

  it("escapes terminal control characters in object data (ESC → ^[, CR → \\r)", () => {
    const pod = examplePod();
    pod.metadata.labels = { app: "x\x1b[31mred\r" };
    expect(describePod(pod, null, now, K135)).toContain("Labels:           app=x^[[31mred\\r\n");
  });
});
