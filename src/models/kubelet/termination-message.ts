import type { ContainerRun } from "../containers.js";

/**
 * The `message` of a container's terminated state (kuberuntime_container.go
 * toKubeContainerStatus and getTerminationMessage). No simulated container writes its
 * terminationMessagePath file, so the message is empty unless the container asks for
 * terminationMessagePolicy FallbackToLogsOnError, exited non-zero and was not a
 * ContainerCannotRun: then the kubelet reads the tail of the run's log instead
 * (readLastStringFromContainerLogs: ReadLogs with TailLines 80 into a 2048-byte circular
 * buffer — kubecontainer.MaxContainerTerminationMessageLogLines / …LogLength).
 */

export const FALLBACK_TO_LOGS_ON_ERROR = "FallbackToLogsOnError";
const MAX_LOG_LINES = 80;
const MAX_LOG_BYTES = 2048;

/** The terminated state's message of `run` for a container with terminationMessagePolicy `policy`. */
export function terminationMessage(run: ContainerRun, policy: unknown): string {
  if (policy !== FALLBACK_TO_LOGS_ON_ERROR || run.exitCode === 0 || run.reason === "ContainerCannotRun")
    return "";
  const lines: string[] = [];
  // What the run wrote: its start output, and its outcome's unless it was killed first (null).
  for (const text of [run.startLog, run.exitLog]) {
    if (text === null || text === "") continue;
    const split = text.split("\n");
    if (split[split.length - 1] === "") split.pop();
    lines.push(...split);
  }
  const tail = lines
    .slice(-MAX_LOG_LINES)
    .map((l) => `${l}\n`)
    .join("");
  const bytes = Buffer.from(tail);
  // circbuf keeps the last bytes written, which may start inside a line.
  return bytes.length <= MAX_LOG_BYTES ? tail : bytes.subarray(bytes.length - MAX_LOG_BYTES).toString();
}
