import { nodeArgsUsageError } from "../kubectl/commands/cordon.js";
import { drainReplayOptions } from "../kubectl/drain-options.js";
import { boolFlag, type KubectlCommand } from "../kubectl/parse.js";
import type { Step } from "./steps.js";

/**
 * jobsim lists none of the cluster's own pods (docs/fidelity.md). A k3d cluster has one on every
 * node that drain cannot evict: k3s's ServiceLB runs a DaemonSet `svclb-traefik-<8 chars of the
 * Service UID>` in kube-system for traefik's LoadBalancer Service (k3s
 * pkg/cloudprovider/servicelb.go newDaemonSet), server included. Without --ignore-daemonsets a
 * real drain is therefore refused by daemonSetFilter (kubectl pkg/drain/filters.go
 * daemonSetFatal) after cordoning, where jobsim's drain goes on. The kubectl output stays what
 * jobsim's cluster would print; the commands that run the scenario say so, as they do for
 * other assumptions (reference-checks.ts).
 */
export function drainNotes(steps: readonly Step[]): string[] {
  const notes: string[] = [];
  for (const s of steps)
    if (
      s.kind === "kubectl" &&
      s.command.verb === "drain" &&
      !boolFlag(s.command, "ignore-daemonsets") &&
      !refusedBeforeCordon(s.command)
    )
      notes.push(
        `${s.line}: on a k3d cluster every node runs a svclb-traefik DaemonSet pod (k3s ServiceLB), which jobsim does not list: without --ignore-daemonsets a real drain would cordon the node and then stop with "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/svclb-traefik-…"`,
      );
  return notes;
}

/** kubectl refuses the drain before it cordons or lists anything (its node arguments, its flags:
 * cordon.ts readNodes, drain-options.ts), so the filters that would stop it are never reached. */
function refusedBeforeCordon(cmd: KubectlCommand): boolean {
  return nodeArgsUsageError(cmd) !== null || drainReplayOptions(cmd) === null;
}
