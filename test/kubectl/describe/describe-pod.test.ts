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

function scheduledPod(): Pod {
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
}): Pod {
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
