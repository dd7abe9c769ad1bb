/**
 * Builders for the API objects describe receives, shaped as src/models/materialize.ts produces them (defaulted
 * pod spec, the projected kube-api-access volume, the two default tolerations, containerd:// ids, ...).
 */
import type { Job } from "kubernetes-types/batch/v1.js";
import type { Container, ContainerStatus, Event, Pod, PodCondition } from "kubernetes-types/core/v1.js";
import type { ObjectMeta } from "kubernetes-types/meta/v1.js";
import type { DescribeOptions } from "../../../src/kubectl/describe/options.js";
import { rfc3339, rfc3339Micro } from "../../../src/models/api/time-format.js";

export const K135: DescribeOptions = { eventFieldPathPrefix: true, projectedOptional: true };
export const K134: DescribeOptions = { eventFieldPathPrefix: false, projectedOptional: true };
export const K132: DescribeOptions = { eventFieldPathPrefix: false, projectedOptional: false };

export const UID = "3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10";
export const POD_UID = "9d2f4c1e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

/** Epoch ms of an ISO instant. */
export function at(iso: string): number {
  return Date.parse(iso);
}

export function jobLabels(jobName: string, uid: string): Record<string, string> {
  return {
    "batch.kubernetes.io/controller-uid": uid,
    "batch.kubernetes.io/job-name": jobName,
    "controller-uid": uid,
    "job-name": jobName,
  };
}

export function exampleContainer(): Container {
  return {
    name: "example",
    image: "busybox:1.36",
    command: ["sh", "-c", "echo hello; sleep 5"],
    imagePullPolicy: "IfNotPresent",
    resources: {},
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
  };
}

export function exampleJob(overrides: { status?: Job["status"] } = {}): Job {
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: {
      name: "example-job",
      namespace: "default",
      uid: UID,
      labels: jobLabels("example-job", UID),
      creationTimestamp: "2025-11-27T17:00:02Z",
    },
    spec: {
      parallelism: 1,
      completions: 1,
      completionMode: "NonIndexed",
      suspend: false,
      backoffLimit: 4,
      podReplacementPolicy: "TerminatingOrFailed",
      manualSelector: false,
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": UID } },
      template: {
        metadata: { labels: jobLabels("example-job", UID) },
        spec: {
          containers: [exampleContainer()],
          restartPolicy: "Never",
          terminationGracePeriodSeconds: 30,
          dnsPolicy: "ClusterFirst",
          securityContext: {},
          schedulerName: "default-scheduler",
        },
      },
    },
    status: overrides.status ?? {
      startTime: "2025-11-27T17:00:03Z",
      completionTime: "2025-11-27T17:00:10Z",
      succeeded: 1,
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
  };
}

export function condition(type: string, status: string): PodCondition {
  return {
    type,
    status,
    lastProbeTime: null as unknown as string,
    lastTransitionTime: "2025-11-27T17:00:03Z",
  };
}

export interface PodSpecOptions {
  name?: string;
  uid?: string;
  jobName?: string;
  jobUid?: string;
  volume?: string;
  nodeName?: string | null;
  container?: Container;
}

/** kubernetes-types marks fields readonly; tests edit their objects. */
export type Mutable<T> = T extends (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
export type TestPod = Mutable<Pod> & { metadata: Mutable<ObjectMeta> };

/** A Job pod as materialize.ts shapes it, before any status. */
export function examplePod(o: PodSpecOptions = {}): TestPod {
  const jobName = o.jobName ?? "example-job";
  const jobUid = o.jobUid ?? UID;
  const volume = o.volume ?? "kube-api-access-x7k2p";
  const container: Container = {
    ...(o.container ?? exampleContainer()),
    volumeMounts: [
      ...((o.container ?? exampleContainer()).volumeMounts ?? []),
      { name: volume, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" },
    ],
  };
  const pod: TestPod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: o.name ?? "example-job-abcde",
      generateName: `${jobName}-`,
      namespace: "default",
      uid: o.uid ?? POD_UID,
      creationTimestamp: "2025-11-27T17:00:02Z",
      labels: jobLabels(jobName, jobUid),
      ownerReferences: [
        {
          apiVersion: "batch/v1",
          kind: "Job",
          name: jobName,
          uid: jobUid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
      finalizers: ["batch.kubernetes.io/job-tracking"],
    },
    spec: {
      containers: [container],
      restartPolicy: "Never",
      terminationGracePeriodSeconds: 30,
      dnsPolicy: "ClusterFirst",
      securityContext: {},
      schedulerName: "default-scheduler",
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
      priority: 0,
      serviceAccount: "default",
      serviceAccountName: "default",
      tolerations: [
        {
          key: "node.kubernetes.io/not-ready",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
        {
          key: "node.kubernetes.io/unreachable",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
      ],
      volumes: [
        ...((o.container as unknown as { extraVolumes?: [] })?.extraVolumes ?? []),
        {
          name: volume,
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
              {
                downwardAPI: {
                  items: [
                    { path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } },
                  ],
                },
              },
            ],
          },
        },
      ],
    },
    status: { phase: "Pending", qosClass: "BestEffort" },
  };
  if (o.nodeName !== null) pod.spec!.nodeName = o.nodeName ?? "k3d-my-cluster-agent-0";
  return pod;
}

export function containerStatus(
  s: Partial<ContainerStatus> & Pick<ContainerStatus, "state">,
): ContainerStatus {
  return {
    name: "example",
    image: "docker.io/library/busybox:1.36",
    imageID: "docker.io/library/busybox@sha256:<digest>",
    ready: false,
    restartCount: 0,
    started: false,
    lastState: {},
    ...s,
  };
}

export interface EventSpec {
  name: string;
  reason: string;
  message: string;
  type?: "Normal" | "Warning";
  /** Legacy event: first/last timestamps (ms) and count. */
  first?: number;
  last?: number;
  count?: number;
  component?: string;
  host?: string;
  fieldPath?: string;
  kind?: string;
  involvedName?: string;
  /** events.k8s.io event: eventTime (ms) and optional series. */
  eventTime?: number;
  series?: { count: number; last: number };
  reportingController?: string;
}

/** An Event as materialize.ts shapes it (legacy: first/lastTimestamp, count, source; new: eventTime, series). */
export function event(e: EventSpec): Event {
  const involvedObject: Event["involvedObject"] = {
    kind: e.kind ?? "Pod",
    namespace: "default",
    name: e.involvedName ?? "example-job-abcde",
    uid: (e.kind ?? "Pod") === "Pod" ? POD_UID : UID,
    apiVersion: e.kind === "Job" ? "batch/v1" : "v1",
  };
  if (e.fieldPath) involvedObject.fieldPath = e.fieldPath;
  const out: Event = {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: e.name, namespace: "default" },
    involvedObject,
    reason: e.reason,
    message: e.message,
    type: e.type ?? "Normal",
    source: e.component
      ? e.host
        ? { component: e.component, host: e.host }
        : { component: e.component }
      : {},
    firstTimestamp: e.first !== undefined ? rfc3339(e.first) : (null as unknown as string),
    lastTimestamp: e.first !== undefined ? rfc3339(e.last ?? e.first) : (null as unknown as string),
    reportingComponent: e.reportingController ?? e.component ?? "",
    reportingInstance: e.host ?? "",
  };
  if (e.first !== undefined) out.count = e.count ?? 1;
  if (e.eventTime !== undefined) {
    out.eventTime = rfc3339Micro(e.eventTime);
    out.action = "Binding";
    if (e.series) out.series = { count: e.series.count, lastObservedTime: rfc3339Micro(e.series.last) };
  }
  return out;
}

/** Lines joined with "\n" plus the final newline — keeps trailing spaces visible in test sources. */
export function lines(...ls: string[]): string {
  return `${ls.join("\n")}\n`;
}
