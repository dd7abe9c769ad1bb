import type { LabelSelector } from "../../models/api/labels.js";
import { InertStore } from "../../models/inert-store.js";
import type { KubectlContext } from "../context.js";
import { groupResource, kindWord } from "../inert-objects.js";
import type { InertDoc } from "../manifests.js";
import { inertNamespace } from "./apply-inert.js";

/**
 * `kubectl delete -f` of a file's inert objects (inert-objects.ts), visited in their place among
 * its Jobs. Nothing holds them (no finalizers, no dependents jobsim models): a DELETE removes
 * one at once, and --wait has nothing to wait for.
 */

/** An inert object to DELETE: its key in the store, and the NotFound the DELETE would answer. */
export interface InertVisit {
  inert: InertDoc;
  key: string;
  namespace: string;
  /** The DELETE's NotFound, before delete.ts adds the file to it. */
  missing: string;
}

/**
 * The visit of one inert object of a file: null when the selector leaves it out, else the visit
 * or RequireNamespace's refusal (cli-runtime resource/visitor.go, namespaced mappings only).
 */
export function inertVisit(
  doc: InertDoc,
  nsFlag: string | undefined,
  selector: LabelSelector | null,
): InertVisit | { mismatch: string } | null {
  if (selector !== null && !selector.matches(doc.labels)) return null;
  if (doc.type.namespaced && nsFlag !== undefined && doc.namespace !== null && doc.namespace !== nsFlag)
    return { mismatch: doc.namespace };
  const namespace = inertNamespace(doc, nsFlag);
  return {
    inert: doc,
    key: InertStore.key(doc.type.resource, namespace, doc.name),
    namespace,
    // (The status names the group resource: `serviceaccounts "x"`, `roles.rbac.authorization.k8s.io "x"`.)
    missing: `Error from server (NotFound): ${groupResource(doc.type)} "${doc.name}" not found\n`,
  };
}

/**
 * Deletes the visited object (unless `dryRun`): its line as delete.go (*DeleteOptions).PrintObj
 * words it — `kind[.group] "name" <word>`, then `from NS namespace` for a namespaced mapping
 * when the version says so — or null when the DELETE would answer NotFound.
 */
export function deleteInert(
  ctx: KubectlContext,
  v: InertVisit,
  word: string,
  suffix: string,
  dryRun: boolean,
): string | null {
  const store = ctx.cluster.store;
  if (!store.inert.has(v.key)) return null;
  if (!dryRun) store.inert.delete(v.key);
  const where =
    v.inert.type.namespaced && ctx.profile.deleteSaysNamespace ? ` from ${v.namespace} namespace` : "";
  return `${kindWord(v.inert.type)} "${v.inert.name}" ${word}${where}${suffix}\n`;
}
