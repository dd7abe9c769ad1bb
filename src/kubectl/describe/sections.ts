/**
 * The pieces describe.go shares between describers: labels, annotations, tolerations, containers, volumes, the
 * pod template, selectors, QoS.
 *
 * This module is the entry the describers (and tests) import from; each concept lives in its own module:
 * metadata-sections.ts (labels, annotations, controller), label-selector.ts, container-sections.ts,
 * volume-sections.ts, pod-spec-sections.ts (tolerations, topology spread, pod template, QoS), and the Writer
 * interface in writer.ts.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (kubectl with the 1.35 changes: port names, the event fieldPath prefix); compared with kubernetes/kubectl
 * `pkg/describe/describe.go` @ 365ecee227e9a8a77c6677471d7dae80c36133fe (1.33/1.34 era, same shapes).
 */
export {
  describeContainers,
  describeProbe,
  describeResources,
  type EnvResolver,
  envValueRetriever,
} from "./container-sections.js";
export { formatLabelSelector, labelSelectorString } from "./label-selector.js";
export {
  controllerOf,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printLabelsMultilineWithIndent,
} from "./metadata-sections.js";
export {
  describePodTemplate,
  describeTopologySpreadConstraints,
  podQOS,
  printTolerationsMultiline,
} from "./pod-spec-sections.js";
export { describeVolumes } from "./volume-sections.js";
export { NestedWriter, type Writer } from "./writer.js";
