import type { ManifestFile } from "../kubectl/manifests.js";

/**
 * Per Job of a manifest file, one "<container>: <what>" entry for each container (init containers
 * first) for which `declared` names something; Jobs with none are left out. The walk the notes of
 * things jobsim accepts but does not run share (probes here, hooks in hook-notes.ts).
 */
export function perContainer(
  m: ManifestFile,
  declared: (c: Record<string, unknown>) => string[],
): { job: string; entries: string[] }[] {
  const out: { job: string; entries: string[] }[] = [];
  for (const doc of m.docs) {
    const template = (doc.object.spec as Record<string, unknown> | undefined)?.template as
      | Record<string, unknown>
      | undefined;
    const spec = template?.spec as Record<string, unknown> | undefined;
    const entries: string[] = [];
    for (const key of ["initContainers", "containers"]) {
      const list = spec?.[key];
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        const c = (entry ?? {}) as Record<string, unknown>;
        const found = declared(c);
        if (found.length > 0) entries.push(`${String(c.name ?? "")}: ${found.join(", ")}`);
      }
    }
    if (entries.length > 0) out.push({ job: doc.name, entries });
  }
  return out;
}
