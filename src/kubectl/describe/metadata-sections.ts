/**
 * The object-metadata sections every describer prints: `Labels:`, `Annotations:` (with its 140-byte folding rule)
 * and the `Controlled By:` owner.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes
 * `staging/src/k8s.io/kubectl/pkg/describe/describe.go` @ 0176276b223e95ba7b43b76f45fb6d535c4fe1ac
 * (`printLabelsMultilineWithIndent`, `printAnnotationsMultiline`, `shorten`, `printController`).
 */
import type { ObjectMeta } from "kubernetes-types/meta/v1.js";
import { goSortStrings } from "./go-sort.js";
import { byteLength, byteSlice, LEVEL_0, type Writer } from "./writer.js";

/** A string map as the API carries labels, annotations, node selectors and CSI attributes. */
export type StringMap = Readonly<Record<string, string>> | undefined;

/** Annotations describe never shows (`skipAnnotations`). */
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
/** The byte width past which an annotation (or a CSI volume attribute) is folded or cut. */
export const MAX_ANNOTATION_LEN = 140;

export function printLabelsMultiline(w: Writer, title: string, labels: StringMap): void {
  printLabelsMultilineWithIndent(w, "", title, "\t", labels, new Set());
}

export function printLabelsMultilineWithIndent(
  w: Writer,
  initialIndent: string,
  title: string,
  innerIndent: string,
  labels: StringMap,
  skip: ReadonlySet<string>,
): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = goSortStrings(Object.keys(labels ?? {}).filter((k) => !skip.has(k)));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

function shorten(s: string, maxLength: number): string {
  return byteLength(s) > maxLength ? `${byteSlice(s, maxLength)}...` : s;
}

export function printAnnotationsMultiline(w: Writer, title: string, annotations: StringMap): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = goSortStrings(Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)));
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    let value = annotations![key];
    if (value.endsWith("\n")) value = value.slice(0, -1);
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n"))
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** `printController`: `Kind/name` of the controlling owner reference, or "". */
export function controllerOf(meta: ObjectMeta | undefined): string {
  const ref = (meta?.ownerReferences ?? []).find((r) => r.controller === true);
  return ref === undefined ? "" : `${ref.kind}/${ref.name}`;
}
