import { NONE, type PodRecord } from "../objects.js";

/**
 * An image's log text as its process prints it: `$JOB_COMPLETION_INDEX` (or `${…}`) is the pod's
 * completion index — the variable the Job controller sets in every container of an Indexed Job's
 * pod (addCompletionIndexEnvVariables) — and empty elsewhere, as a shell expands an unset one.
 */
export function withIndex(s: string, pod: PodRecord): string {
  if (!s.includes("JOB_COMPLETION_INDEX")) return s;
  const index = pod.completionIndex === NONE ? "" : String(pod.completionIndex);
  return s.replace(/\$(\{JOB_COMPLETION_INDEX\}|JOB_COMPLETION_INDEX(?![A-Za-z0-9_]))/g, index);
}

export function withNewline(s: string): string {
  return s === "" || s.endsWith("\n") ? s : `${s}\n`;
}
