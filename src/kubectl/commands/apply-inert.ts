import { apiServerInvalidMessage, kubectlInvalidMessage } from "../../models/api/field-errors.js";
import { InertStore } from "../../models/inert-store.js";
import { type CommandError, fromPrinted } from "../command-errors.js";
import type { KubectlContext } from "../context.js";
import { type DryRun, dryRunSuffix } from "../dry-run.js";
import { alwaysPatched, groupResource, inertNameErrors, kindWord } from "../inert-objects.js";
import { lastAppliedConfiguration } from "../last-applied.js";
import type { InertDoc } from "../manifests.js";
import { missingAnnotationWarning } from "./namespaces.js";

/**
 * `kubectl apply -f` / `create -f` of an inert object (inert-objects.ts): the same steps as for
 * a Job in apply.ts — RequireNamespace, the API server's decoding, the live object's lookup,
 * NamespaceLifecycle, then validation — with nothing to simulate once it is stored.
 */

export interface InertApplied {
  stdout: string;
  /** Printed on stderr before the result (apply's missing-annotation warning). */
  warning: string;
  /** The error, and whether the resource builder (not the request) raised it. */
  error: { error: CommandError; builder: boolean } | null;
}

/** The namespace the object goes to: "" when cluster-scoped, else as written, -n, or default. */
export function inertNamespace(doc: InertDoc, nsFlag: string | undefined): string {
  return doc.type.namespaced ? (doc.namespace ?? nsFlag ?? "default") : "";
}

export function applyInert(
  ctx: KubectlContext,
  file: string,
  doc: InertDoc,
  create: boolean,
  nsFlag: string | undefined,
  dryRun: DryRun,
): InertApplied {
  const k = doc.type;
  const ok = (op: string, warning = ""): InertApplied => ({
    stdout: `${kindWord(k)}/${doc.name} ${op}${dryRunSuffix(dryRun)}\n`,
    warning,
    error: null,
  });
  const failed = (error: CommandError, builder = false): InertApplied => ({
    stdout: "",
    warning: "",
    error: { error, builder },
  });
  // (A message written out as kubectl prints it alone: command-errors.ts fromPrinted.)
  const server = (text: string) => failed(fromPrinted(text));
  // cli-runtime resource/visitor.go RequireNamespace: only a namespaced mapping is checked, and
  // before any request.
  if (k.namespaced && nsFlag !== undefined && doc.namespace !== null && doc.namespace !== nsFlag)
    return failed(
      {
        kind: "plain",
        text: `the namespace from the provided object "${doc.namespace}" does not match the namespace "${nsFlag}". You must pass '--namespace=${doc.namespace}' to perform this operation.`,
      },
      true,
    );
  // apply.go applyOneObject: apply needs the name to find the live object.
  if (doc.generateName && !create) {
    const generate = (doc.object.metadata as { generateName: string }).generateName;
    return server(`error: from ${generate}: cannot use generate name with apply\n`);
  }
  // Then its info.Get(): client-go refuses an empty name before any request, an error that is
  // no NotFound, so apply does not go on to create (the request the server would judge).
  if (doc.name === "" && !create) return failed({ kind: "plain", text: unnamedGetError(file, doc, nsFlag) });
  if (doc.decodeError !== null)
    return server(`Error from server (BadRequest): error when creating "${file}": ${doc.decodeError}\n`);
  // (The name the API server would generate is not worth simulating for an object nothing uses.)
  if (doc.generateName)
    return failed({
      kind: "plain",
      text: `jobsim does not simulate generateName for ${k.kind} objects (${file}): give it a name`,
    });
  const namespace = inertNamespace(doc, nsFlag);
  const store = ctx.cluster.store;
  const key = InertStore.key(k.resource, namespace, doc.name);
  const live = store.inert.get(key);
  // What apply records (kubectl's annotation carries the namespace it sent: last-applied.ts).
  const lastApplied = lastAppliedConfiguration(doc.object, k.namespaced ? namespace : null);
  if (live !== undefined) {
    if (create) {
      // A client dry run sends no POST, so nothing answers AlreadyExists.
      if (dryRun === "client") return ok("created");
      return server(
        `Error from server (AlreadyExists): error when creating "${file}": ${groupResource(k)} "${doc.name}" already exists\n`,
      );
    }
    // apply.go applyOneObject: a client dry run computes no patch and says `configured`.
    if (dryRun === "client") return ok("configured");
    // An empty three-way patch (the same content applied again, stored as applied) changes nothing.
    if (live.lastApplied === lastApplied && !alwaysPatched(k, doc.object)) return ok("unchanged");
    const warning = live.lastApplied === null ? missingAnnotationWarning(k.resource, doc.name) : "";
    if (dryRun === "none") live.lastApplied = lastApplied;
    return ok("configured", warning);
  }
  if (dryRun === "client") return ok("created");
  // NamespaceLifecycle admission answers before validation, as for a Job (apply.ts).
  if (k.namespaced && !ctx.cluster.hasNamespace(namespace))
    return server(
      `Error from server (NotFound): error when creating "${file}": namespaces "${namespace}" not found\n`,
    );
  const invalid = inertNameErrors(k, doc.name);
  if (invalid.length > 0)
    return failed({
      kind: "invalid",
      alone: kubectlInvalidMessage(k.kind, doc.name, invalid),
      line: `Error from server (Invalid): error when creating "${file}": ${apiServerInvalidMessage(k.kind, k.group, doc.name, invalid)}`,
    });
  if (dryRun === "none")
    store.inert.set(key, {
      resource: k.resource,
      namespace,
      name: doc.name,
      lastApplied: create ? null : lastApplied,
    });
  return ok("created");
}

/**
 * apply.go's failed info.Get() through cmdutil.AddSourceToErr("retrieving current configuration
 * of:\n" + info.String() + "\nfrom server for:", ...): Info.String (cli-runtime resource/visitor.go)
 * quotes the mapping's GroupVersionResource and GroupVersionKind, then the name and namespace ("" for
 * a cluster-scoped kind, as FilterNamespace leaves it).
 */
function unnamedGetError(file: string, doc: InertDoc, nsFlag: string | undefined): string {
  const k = doc.type;
  const gv = k.group === "" ? `/${k.apiVersion}` : k.apiVersion;
  const info = `Resource: "${gv}, Resource=${k.resource}", GroupVersionKind: "${gv}, Kind=${k.kind}"\nName: "", Namespace: "${inertNamespace(doc, nsFlag)}"`;
  return `error when retrieving current configuration of:\n${info}\nfrom server for: "${file}": resource name may not be empty`;
}
