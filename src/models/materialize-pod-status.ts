import type {
  ContainerState as ApiContainerState,
  ContainerStatus as ApiContainerStatus,
  PodCondition,
} from "kubernetes-types/core/v1.js";
import { parseImageReference } from "./api/pod-defaults.js";
import type { Identities } from "./identity.js";
import {
  type ContainerRun,
  ContainerState,
  type ContainerStatus,
  NONE,
  POD_PHASE_NAMES,
  type PodRecord,
} from "./objects.js";

/**
 * A Pod's `status` as the API serialises it (conditions, IPs, container statuses, QoS class), for
 * the Materializer. Container IDs are drawn lazily from the identity streams and kept on the run.
 */
export class PodStatusMaterializer {
  constructor(
    private readonly time: (simMs: number) => string,
    private readonly identities: Identities,
  ) {}

  podStatus(pod: PodRecord): Record<string, unknown> {
    const out: Record<string, unknown> = { phase: POD_PHASE_NAMES[pod.phase] };
    const conds: PodCondition[] = [];
    const t = (ms: number) => this.time(ms);
    if (pod.startTimeMs !== NONE) {
      conds.push({
        type: "PodReadyToStartContainers",
        status: pod.readyToStartContainers ? "True" : "False",
        lastProbeTime: null as unknown as string,
        lastTransitionTime: t(pod.readyToStartContainersMs),
      });
      conds.push({
        type: "Initialized",
        status: "True",
        lastProbeTime: null as unknown as string,
        lastTransitionTime: t(pod.initializedMs),
      });
      for (const type of ["Ready", "ContainersReady"]) {
        const c: PodCondition = {
          type,
          status: pod.ready ? "True" : "False",
          lastProbeTime: null as unknown as string,
          lastTransitionTime: t(pod.readyMs),
        };
        if (!pod.ready) {
          c.reason = pod.notReadyReason;
          if (pod.notReadyReason === "ContainersNotReady") {
            const names = pod.containers.filter((x) => !x.ready).map((x) => x.name);
            c.message = `containers with unready status: [${names.join(" ")}]`;
          }
        }
        conds.push(c);
      }
    }
    if (pod.scheduledMs !== NONE)
      conds.push({
        type: "PodScheduled",
        status: "True",
        lastProbeTime: null as unknown as string,
        lastTransitionTime: t(pod.scheduledMs),
      });
    else if (pod.unschedulableMs !== NONE) {
      conds.push({
        type: "PodScheduled",
        status: "False",
        lastProbeTime: null as unknown as string,
        lastTransitionTime: t(pod.unschedulableMs),
        reason: "Unschedulable",
        message: pod.unschedulableMessage,
      });
    }
    if (conds.length > 0) out.conditions = conds;
    if (pod.hostIP !== null) {
      out.hostIP = pod.hostIP;
      out.hostIPs = [{ ip: pod.hostIP }];
    }
    if (pod.podIpHost !== NONE && pod.node !== null) {
      const ip = `10.42.${pod.node.podCidrIndex}.${pod.podIpHost}`;
      out.podIP = ip;
      out.podIPs = [{ ip }];
    }
    if (pod.startTimeMs !== NONE) {
      out.startTime = t(pod.startTimeMs);
      out.containerStatuses = pod.containers.map((c) => this.containerStatus(pod, c));
    }
    out.qosClass = qosClass(pod);
    return out;
  }

  private containerStatus(pod: PodRecord, c: ContainerStatus): ApiContainerStatus {
    const status: ApiContainerStatus = {
      name: c.name,
      image: normalizeImage(c.image),
      imageID: c.imageResolved
        ? `${parseImageReference(normalizeImage(c.image)).repository}@sha256:${c.behaviour.digest}`
        : "",
      ready: c.ready,
      restartCount: c.restartCount,
      started: c.started && c.state === ContainerState.Running,
      state: {},
      lastState: lastRun(c) !== null ? { terminated: this.terminated(pod, c, lastRun(c)!) } : {},
    };
    if (c.current !== null) status.containerID = `containerd://${this.runId(pod, c, c.current)}`;
    if (c.state === ContainerState.Waiting) {
      status.state = {
        waiting: c.waitingMessage
          ? { reason: c.waitingReason, message: c.waitingMessage }
          : { reason: c.waitingReason },
      };
    } else if (c.state === ContainerState.Running) {
      status.state = { running: { startedAt: this.time(c.current!.startedMs) } };
    } else {
      status.state = { terminated: this.terminated(pod, c, c.current!) };
    }
    return status;
  }

  private terminated(
    pod: PodRecord,
    c: ContainerStatus,
    run: ContainerRun,
  ): NonNullable<ApiContainerState["terminated"]> {
    return {
      exitCode: run.exitCode,
      reason: run.reason,
      startedAt: this.time(run.startedMs),
      finishedAt: this.time(run.finishedMs),
      containerID: `containerd://${this.runId(pod, c, run)}`,
    };
  }

  private runId(pod: PodRecord, c: ContainerStatus, run: ContainerRun): string {
    if (run.containerId === null)
      run.containerId = this.identities.containerId(pod, c.specIndex, run.restart);
    return run.containerId;
  }
}

/** lastState.terminated: while waiting to restart it is the latest run, else the one before. */
function lastRun(c: ContainerStatus): ContainerRun | null {
  return c.state === ContainerState.Waiting && c.current !== null ? c.current : c.last;
}

/** containerd's normalised reference: docker.io/library/ for Docker Hub images. */
export function normalizeImage(image: string): string {
  const first = image.split("/")[0];
  const hasRegistry =
    image.includes("/") && (first.includes(".") || first.includes(":") || first === "localhost");
  let ref = image;
  if (!hasRegistry) ref = image.includes("/") ? `docker.io/${image}` : `docker.io/library/${image}`;
  const { tag, digest } = parseImageReference(ref);
  return tag === "" && digest === "" ? `${ref}:latest` : ref;
}

/** QoS class from requests and limits (pkg/apis/core/v1/helper/qos). */
export function qosClass(pod: PodRecord): string {
  let any = false;
  let guaranteed = true;
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r of ["cpu", "memory"]) {
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r])))
        guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
