import type { InvolvedObject } from "./events.js";
import type { JobRecord, NodeRecord, PodRecord } from "./objects.js";

/** The involvedObject references events carry (ObjectReference with the object's state). */

export function jobRef(job: JobRecord): InvolvedObject {
  return {
    kind: "Job",
    namespace: job.namespace,
    name: job.name,
    uid: job.uid,
    apiVersion: "batch/v1",
    resourceVersion: String(job.resourceVersion),
    fieldPath: "",
  };
}

/** A pod, or one of its containers (`init`: an init container): pkg/kubelet/container/ref.go
 * fieldPath gives `spec.containers{name}` or `spec.initContainers{name}`. */
export function podRef(pod: PodRecord, containerName = "", init = false): InvolvedObject {
  return {
    kind: "Pod",
    namespace: pod.namespace,
    name: pod.name,
    uid: pod.uid,
    apiVersion: "v1",
    resourceVersion: String(pod.resourceVersion),
    fieldPath: containerName ? `spec.${init ? "initContainers" : "containers"}{${containerName}}` : "",
  };
}

export function nodeRef(node: NodeRecord): InvolvedObject {
  return {
    kind: "Node",
    namespace: "",
    name: node.name,
    uid: node.name,
    apiVersion: "v1",
    resourceVersion: "",
    fieldPath: "",
  };
}
