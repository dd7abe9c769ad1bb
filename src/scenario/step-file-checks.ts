import { unsimulatedFileRead } from "../kubectl/file-targets.js";
import type { ManifestFile } from "../kubectl/manifests.js";
import type { Problems } from "./problems.js";
import type { Step } from "./steps.js";

/**
 * Checks of the steps against the manifest files they name, made when the scenario loads: what
 * a session would refuse at the step, said up front so that Monte Carlo never replays it.
 */

/**
 * `kubectl apply` refuses a Job that has only metadata.generateName (apply.go: "from <prefix>:
 * cannot use generate name with apply"). A session would print that, but Monte Carlo's plan
 * would create the Job all the same: the scenario is refused instead, pointing at create.
 */
export function checkGenerateNameApplies(
  steps: readonly Step[],
  manifests: ReadonlyMap<string, ManifestFile>,
  problems: Problems,
): void {
  for (const s of steps) {
    if (s.kind !== "kubectl" || s.command.verb !== "apply") continue;
    for (const f of s.files) {
      for (const d of manifests.get(f)?.docs ?? []) {
        const meta = d.object.metadata as { name?: unknown; generateName?: unknown } | undefined;
        if (d.name !== "" || typeof meta?.generateName !== "string" || meta.generateName === "") continue;
        problems.add(
          "steps",
          `${s.line}: error: from ${meta.generateName}: cannot use generate name with apply (kubectl create -f gives the Job a generated name)`,
        );
      }
    }
  }
}

/** Verbs whose `-f` names objects to read rather than to send (file-targets.ts). */
const READING_VERBS = new Set(["get", "describe", "wait"]);

/**
 * `get`/`describe`/`wait -f` of a file holding a Namespace, or of files holding no Job, is
 * something the session refuses as not simulated: said when the scenario loads, like the other
 * unsimulated steps (steps.ts), so that Monte Carlo never replays a step the session refuses.
 */
export function checkFileReads(
  steps: readonly Step[],
  manifests: ReadonlyMap<string, ManifestFile>,
  problems: Problems,
): void {
  for (const s of steps) {
    if (s.kind !== "kubectl" || !READING_VERBS.has(s.command.verb)) continue;
    // Resource arguments beside -f are kubectl's usage error, printed by the session.
    if (s.command.positionals.length > 0) continue;
    const refusal = unsimulatedFileRead(s.command.verb, s.files, manifests);
    if (refusal !== null) problems.add("steps", `${s.line}: ${refusal}`);
  }
}
