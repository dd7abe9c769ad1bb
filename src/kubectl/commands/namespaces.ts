import { kubectlInvalidMessage } from "../../models/api/field-errors.js";
import { dns1123LabelProblems } from "../../models/api/names.js";
import type { CommandResult, KubectlContext } from "../context.js";
import { type DryRun, dryRunSuffix } from "../dry-run.js";
import { lastAppliedConfiguration } from "../last-applied.js";

/**
 * Namespaces as names Jobs may be created in: `kubectl create namespace NAME` and Namespace
 * documents in `apply -f`/`create -f`. There is no Namespace object to get, describe or delete.
 */

/** kubectl apply's warning for an object it did not make (apply.go
 * warningNoLastAppliedConfigAnnotation, with info.ObjectName(): `jobs/NAME`). */
export function missingAnnotationWarning(resource: string, name: string): string {
  return `Warning: resource ${resource}/${name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;
}

/** ValidateNamespace: the name is a DNS-1123 label (apimachinery ValidateNamespaceName); the
 * API server's Invalid message, or null. */
export function invalidNamespaceName(name: string): string | null {
  const invalid = dns1123LabelProblems(name);
  if (invalid.length === 0) return null;
  const errors = invalid.map((detail) => ({
    field: "metadata.name",
    type: "Invalid value" as const,
    value: name,
    detail,
  }));
  return kubectlInvalidMessage("Namespace", name, errors);
}

/** `kubectl create namespace NAME` (a client dry run sends nothing for the server to judge). */
export function createNamespace(ctx: KubectlContext, name: string, dryRun: DryRun = "none"): CommandResult {
  const created = { stdout: `namespace/${name} created${dryRunSuffix(dryRun)}\n`, stderr: "", exitCode: 0 };
  if (dryRun === "client") return created;
  const invalid = invalidNamespaceName(name);
  if (invalid !== null) return { stdout: "", stderr: invalid, exitCode: 1 };
  if (ctx.cluster.hasNamespace(name) || (dryRun === "none" && !ctx.cluster.createNamespace(name)))
    return {
      stdout: "",
      stderr: `Error from server (AlreadyExists): namespaces "${name}" already exists\n`,
      exitCode: 1,
    };
  return created;
}

/** A Namespace document of `file` sent by `kubectl apply -f` (or `create -f` when `create`). */
export function applyNamespace(
  ctx: KubectlContext,
  file: string,
  doc: { name: string; object: Record<string, unknown> },
  create: boolean,
  dryRun: DryRun = "none",
): CommandResult {
  const cluster = ctx.cluster;
  const name = doc.name;
  const suffix = dryRunSuffix(dryRun);
  const lastApplied = lastAppliedConfiguration(doc.object, null);
  // A client dry run: create sends nothing; apply reads the namespace and says `configured`.
  if (dryRun === "client") {
    const op = !create && cluster.hasNamespace(name) ? "configured" : "created";
    return { stdout: `namespace/${name} ${op}${suffix}\n`, stderr: "", exitCode: 0 };
  }
  if (!cluster.hasNamespace(name)) {
    const invalid = invalidNamespaceName(name);
    if (invalid !== null) return { stdout: "", stderr: invalid, exitCode: 1 };
    if (dryRun === "none") cluster.createNamespace(name, create ? null : lastApplied);
    return { stdout: `namespace/${name} created${suffix}\n`, stderr: "", exitCode: 0 };
  }
  if (create)
    return {
      stdout: "",
      stderr: `Error from server (AlreadyExists): error when creating "${file}": namespaces "${name}" already exists\n`,
      exitCode: 1,
    };
  // Made by apply before: nothing to change. Otherwise apply adds its annotation, with a warning.
  const madeByApply =
    dryRun === "none" ? !cluster.applyNamespace(name, lastApplied) : cluster.appliedNamespace(name);
  if (madeByApply) return { stdout: `namespace/${name} unchanged${suffix}\n`, stderr: "", exitCode: 0 };
  // (The warning is printed before the PATCH is sent, so before kubectl prints the result line.)
  return {
    stdout: `namespace/${name} configured${suffix}\n`,
    stderr: "",
    stderrBefore: missingAnnotationWarning("namespaces", name),
    exitCode: 0,
  };
}
