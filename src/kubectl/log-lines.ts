import { type ContainerRun, NONE } from "../models/objects.js";

/**
 * A container's log as the kubelet keeps it: each line with the instant the runtime wrote it
 * (the start output when the container started, the exit output when its process exited), and
 * ReadLogs' --tail / --since / --timestamps over them.
 */

/** A line of a container's log and when the runtime wrote it (simulated ms). */
export interface LogLine {
  atMs: number;
  text: string;
}

function linesOf(text: string | null, atMs: number, out: LogLine[]): void {
  if (text === null || text === "") return;
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  for (const l of lines) out.push({ atMs, text: l });
}

/** The lines a run has written by `now`: its start output when it started, its exit output
 * when the process exited. */
export function runLines(run: ContainerRun, now: number): LogLine[] {
  const out: LogLine[] = [];
  linesOf(run.startLog, run.startedMs, out);
  if (run.finishedMs !== NONE || (run.exitAtMs !== NONE && run.exitAtMs <= now))
    linesOf(run.exitLog, run.exitAtMs !== NONE ? run.exitAtMs : run.finishedMs, out);
  return out;
}

/**
 * The kubelet's ReadLogs (pkg/kubelet/kuberuntime/logs/logs.go): the last `tail` lines
 * (negative: all), then those written before `sinceMs` skipped, each with its timestamp when
 * asked for, and at most `limitBytes` bytes of them (0: no limit): logWriter.write cuts the line
 * that reaches the limit and stops there, so the output may end inside a line, with no newline.
 */
export function readLogs(
  lines: LogLine[],
  tail: number,
  sinceMs: number,
  stamp: ((ms: number) => string) | null,
  limitBytes = 0,
): string {
  const from = tail < 0 ? 0 : Math.max(0, lines.length - tail);
  let s = "";
  let remain = limitBytes > 0 ? limitBytes : Number.POSITIVE_INFINITY;
  for (let i = from; i < lines.length && remain > 0; i++) {
    const l = lines[i];
    if (l.atMs < sinceMs) continue;
    const line = stamp === null ? `${l.text}\n` : `${stamp(l.atMs)} ${l.text}\n`;
    const bytes = Buffer.byteLength(line);
    s += bytes > remain ? Buffer.from(line).subarray(0, remain).toString() : line;
    remain -= bytes;
  }
  return s;
}

/**
 * Where the kubelet starts to read a run's log (ReadLogs, pkg/kubelet/kuberuntime/logs/logs.go:
 * tail.FindTailLineStartIndex over the file as it is at the request). Following, it then reads
 * every line from there on — lines written later included — and only without -f does it stop
 * after `tail` lines (`limitedMode := tail >= 0 && !follow`).
 */
export function tailStart(run: ContainerRun, now: number, tail: number): number {
  return tail < 0 ? 0 : Math.max(0, runLines(run, now).length - tail);
}
