/**
 * `kubectl get jobs` rows as the API server's printer computes them.
 *
 * Behaviour ported (no code copied) from kubernetes/kubernetes `pkg/printers/internalversion/printers.go`
 * (`jobColumnDefinitions`, `printJob`, `hasJobCondition`, `layoutContainerCells`), stored index version ≈ v1.33
 * (find_string id 59882936: STATUS column, no SuccessCriteriaMet), plus PR #132832 (server 1.34, "add
 * SuccessCriteriaMet status for kubectl get job"), whose test case job10 expects `SuccessCriteriaMet`; the branch
 * sits after FailureTarget, before the Running fallback (reference §3 rule 6). Before PR #123226 (server 1.30) the
 * table had no Status column: NAME COMPLETIONS DURATION AGE.
 */
import type { Job, JobCondition } from "kubernetes-types/batch/v1.js";
import { humanDuration } from "../durations.js";
import { apiTime, formatLabelSelector, layoutContainerCells, since } from "./format.js";
import type { Column, Row, Table } from "./table.js";

export interface JobTableOptions {
  /** Server ≥ 1.30: the Status column exists. */
  statusColumn: boolean;
  /** Server ≥ 1.34: STATUS can read `SuccessCriteriaMet`. */
  successCriteriaMet: boolean;
}

/** `hasJobCondition`: the status of the *first* condition of that type is True. */
export function hasJobCondition(conditions: readonly JobCondition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c !== undefined && c.status === "True";
}

/** STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, (SuccessCriteriaMet), else Running. */
export function jobStatus(job: Job, successCriteriaMet: boolean): string {
  const conds = job.status?.conditions;
  if (hasJobCondition(conds, "Complete")) return "Complete";
  if (hasJobCondition(conds, "Failed")) return "Failed";
  if (job.metadata?.deletionTimestamp) return "Terminating";
  if (hasJobCondition(conds, "Suspended")) return "Suspended";
  if (hasJobCondition(conds, "FailureTarget")) return "FailureTarget";
  if (successCriteriaMet && hasJobCondition(conds, "SuccessCriteriaMet")) return "SuccessCriteriaMet";
  return "Running";
}

/** COMPLETIONS: `s/c` with completions set, `s/1 of p` for parallelism > 1, else `s/1`. */
export function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (completions !== undefined && completions !== null) return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: empty before startTime; `now − start` while there is no completionTime (running, and Failed jobs,
 * which never get one); `completion − start` once complete. */
export function jobDuration(job: Job, nowWallMs: number): string {
  const start = apiTime(job.status?.startTime);
  if (start === null) return "";
  const completion = apiTime(job.status?.completionTime);
  return humanDuration((completion ?? nowWallMs) - start);
}

export function jobColumns(statusColumn: boolean): Column[] {
  const cols: Column[] = [{ name: "Name", priority: 0 }];
  if (statusColumn) cols.push({ name: "Status", priority: 0 });
  cols.push(
    { name: "Completions", priority: 0 },
    { name: "Duration", priority: 0 },
    { name: "Age", priority: 0 },
    { name: "Containers", priority: 1 },
    { name: "Images", priority: 1 },
    { name: "Selector", priority: 1 },
  );
  return cols;
}

/** The table `kubectl get jobs` prints; the wide cells are always computed (kubectl hides priority-1 columns). */
export function jobTable(jobs: Job[], nowWallMs: number, o: JobTableOptions): Table {
  const rows: Row[] = jobs.map((job) => {
    const name = job.metadata?.name ?? "";
    const cells = [name];
    if (o.statusColumn) cells.push(jobStatus(job, o.successCriteriaMet));
    const [names, images] = layoutContainerCells(job.spec?.template?.spec?.containers);
    cells.push(
      jobCompletions(job),
      jobDuration(job, nowWallMs),
      since(job.metadata?.creationTimestamp, nowWallMs),
      names,
      images,
      formatLabelSelector(job.spec?.selector),
    );
    return {
      cells,
      name,
      namespace: job.metadata?.namespace ?? "",
      labels: { ...(job.metadata?.labels ?? {}) },
    };
  });
  return { kind: "Job", group: "batch", columns: jobColumns(o.statusColumn), rows };
}
