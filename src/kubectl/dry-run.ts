import { flag, type KubectlCommand } from "./parse.js";

/**
 * kubectl's `--dry-run` on apply, create, delete and patch (staging/src/k8s.io/kubectl/pkg/cmd/util
 * helpers.go `GetDryRunStrategy`, `PrintFlagsWithDryRunStrategy`):
 *  - `client`: kubectl sends nothing that changes the cluster. apply and patch still read the
 *    live object (so `configured`, a NotFound); create and a new object's apply send nothing,
 *    so the API server neither validates nor refuses them.
 *  - `server`: every request goes to the API server with dryRun=All: defaulting, admission and
 *    validation run and refuse as usual, and nothing is stored.
 *  - `none` (the default): a normal request.
 * The result line carries ` (dry run)` or ` (server dry run)` after the operation; delete, which
 * prints its own line, puts it at the end (delete.go PrintObj; kubernetes#126619 placed the
 * namespace before it in 1.34). Nothing waits after a dry-run delete.
 */

export type DryRun = "none" | "client" | "server";

/** AddDryRunFlag's NoOptDefVal: what pflag sets for a bare `--dry-run`. */
export const DRY_RUN_NO_VALUE = "unchanged";

/** strconv.ParseBool's words: kubectl 1.35 still reads these as the deprecated boolean flag. */
const GO_BOOLEANS = ["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"];

/** The step's strategy, or kubectl's error for a value it does not know. */
export function dryRunOf(cmd: KubectlCommand): DryRun | { error: string } {
  const value = flag(cmd, "dry-run");
  if (value === undefined || value === "none") return "none";
  if (value === "client" || value === "server") return value;
  return { error: `error: Invalid dry-run value (${value}). Must be "none", "server", or "client".` };
}

/** Whether the step changes the cluster as far as its dry-run flag goes (an invalid value: no). */
export function changesCluster(cmd: KubectlCommand): boolean {
  return dryRunOf(cmd) === "none";
}

/**
 * The deprecated forms — a bare `--dry-run`, `--dry-run=true|false` — which kubectl 1.35 takes
 * with a klog warning whose header (time, process ID, source line) no simulation can match:
 * jobsim's words refusing them, or null.
 */
export function deprecatedDryRun(cmd: KubectlCommand): string | null {
  const value = flag(cmd, "dry-run");
  if (value === undefined) return null;
  if (value !== DRY_RUN_NO_VALUE && !GO_BOOLEANS.includes(value)) return null;
  const given = value === DRY_RUN_NO_VALUE ? "--dry-run without a value" : `--dry-run=${value}`;
  return `jobsim does not simulate ${given} (deprecated: kubectl logs a warning jobsim cannot reproduce); write --dry-run=client, --dry-run=server or --dry-run=none`;
}

/** The words after the operation (`created (server dry run)`). */
export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
}
