import type { PodRecord } from "../models/objects.js";

/**
 * The container `kubectl logs` reads when neither -c nor --all-containers names one
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/logsforobject.go, the Pod case, with
 * pkg/cmd/util/podcmd AllContainerNames): the one the pod's
 * `kubectl.kubernetes.io/default-container` annotation names, when the pod has a container of
 * that name (podcmd.FindContainerByName looks at init containers too); else, after
 * `Default container name "x" not found in pod p` on stderr, the first container, with
 * `Defaulted container "a" out of: a, b, setup (init)` when the pod has more than one container
 * or any init container — unless --all-pods (allPods), which leaves that notice out.
 */

/** podcmd.DefaultContainerAnnotationName. */
export const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

export function defaultLogContainer(pod: PodRecord, allPods: boolean): { name: string; notice: string } {
  const inits = (pod.template.spec?.initContainers ?? []).map((c) => c.name);
  const wanted = pod.template.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION] ?? "";
  let notice = "";
  if (wanted !== "") {
    if (pod.containers.some((c) => c.name === wanted) || inits.includes(wanted))
      return { name: wanted, notice };
    notice += `Default container name "${wanted}" not found in pod ${pod.name}\n`;
  }
  const first = pod.containers[0].name;
  if (!allPods && (pod.containers.length > 1 || inits.length > 0)) {
    // AllContainerNames: regular containers, then ephemeral ones (a Job's pods have none), then
    // init containers, each marked.
    const names = [...pod.containers.map((c) => c.name), ...inits.map((n) => `${n} (init)`)];
    notice += `Defaulted container "${first}" out of: ${names.join(", ")}\n`;
  }
  return { name: first, notice };
}
