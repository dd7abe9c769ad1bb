/**
 * The pod-spec sections `describe pod` and a job's `Pod Template:` share — tolerations, topology spread
 * constraints — plus the template itself and the pod's QoS class.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`printTolerationsMultilineWithIndent`, `describeTopologySpreadConstraints`, `DescribePodTemplate`) and kubectl
 * `pkg/util/qos` (`GetPodQOS`).
 */
import type { Pod, PodTemplateSpec, Toleration, TopologySpreadConstraint } from "kubernetes-types/core/v1.js";
import { computePodQOS } from "../../models/api/qos.js";
import { describeContainers } from "./container-sections.js";
import { goSort, goStringLess } from "./go-sort.js";
import { formatLabelSelector } from "./label-selector.js";
import { printAnnotationsMultiline, printLabelsMultiline } from "./metadata-sections.js";
import type { DescribeOptions } from "./options.js";
import { describeVolumes } from "./volume-sections.js";
import { LEVEL_0, LEVEL_1, type Writer } from "./writer.js";

export function printTolerationsMultiline(
  w: Writer,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (tolerations === undefined || tolerations.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const sorted = goSort([...tolerations], (a, b) => goStringLess(a.key ?? "", b.key ?? ""));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let line = t.key ?? "";
    if (t.value) line += `=${t.value}`;
    if (t.effect) line += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) line += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      line += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

export function describeTopologySpreadConstraints(
  tscs: readonly TopologySpreadConstraint[] | undefined,
  w: Writer,
  space: string,
): void {
  if (tscs === undefined || tscs.length === 0) return;
  const sorted = goSort([...tscs], (a, b) => goStringLess(a.topologyKey, b.topologyKey));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, "\t");
    }
    let line = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${line}\n`);
  });
}

/** `DescribePodTemplate`, as `describe job` prints `Pod Template:`. */
export function describePodTemplate(
  template: PodTemplateSpec | undefined,
  w: Writer,
  opts: DescribeOptions,
): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (template === undefined || template === null) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const meta = template.metadata;
  const spec = template.spec ?? { containers: [] };
  printLabelsMultiline(w, "  Labels", meta?.labels);
  if (Object.keys(meta?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, "  Annotations", meta?.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers("Init Containers", spec.initContainers!, undefined, null, w, "  ", opts);
  }
  describeContainers("Containers", spec.containers ?? [], undefined, null, w, "  ", opts);
  describeVolumes(spec.volumes, w, "  ", opts);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}

/**
 * `qos.GetPodQOS`: status.qosClass when the server has set it, otherwise computed from the containers' cpu and
 * memory requests and limits (ComputePodQOS; unset requests default to the limits, as API defaulting does).
 */
export function podQOS(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  return computePodQOS(pod.spec);
}
