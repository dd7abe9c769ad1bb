import type { ManifestFile } from "../kubectl/manifests.js";
import { perContainer } from "./template-containers.js";

/**
 * Lifecycle hooks jobsim accepts but does not run. A `sleep` hook is simulated (its seconds are
 * its duration: pkg/kubelet/lifecycle/handlers.go runSleepHandler). An exec or httpGet hook lasts
 * as long as the command or the request takes, and may fail, neither of which a scenario
 * describes: jobsim counts it as over at once and successful. A tcpSocket hook is admitted by
 * validation but a cluster's kubelet cannot run it (handlers.go Run: "invalid handler"), so it
 * always fails there — a failed postStart kills the container (kuberuntime_container.go
 * startContainer: FailedPostStartHook), a failed preStop leaves a FailedPreStopHook event
 * (executePreStopHook) — which jobsim does not simulate either.
 */

const HOOKS = ["postStart", "preStop"] as const;
const UNRUN_ACTIONS = ["exec", "httpGet", "tcpSocket"] as const;

/** The Jobs of a manifest file whose pod template declares such hooks, one entry per container. */
export function unrunHooks(m: ManifestFile): { job: string; hooks: string[] }[] {
  return perContainer(m, (c) => {
    const lifecycle = (c.lifecycle ?? {}) as Record<string, unknown>;
    const found: string[] = [];
    for (const hook of HOOKS) {
      const handler = (lifecycle[hook] ?? {}) as Record<string, unknown>;
      for (const action of UNRUN_ACTIONS) if (handler[action] != null) found.push(`${hook} ${action}`);
    }
    return found;
  }).map(({ job, entries }) => ({ job, hooks: entries }));
}

/** What unrunHooks finds, in words, one line per Job. */
export function hookNotes(m: ManifestFile): string[] {
  return unrunHooks(m).map(({ job, hooks }) => {
    const tcp = hooks.some((h) => h.includes("tcpSocket"))
      ? "; a tcpSocket hook always fails on a cluster (its kubelet cannot run one)"
      : "";
    return `Job "${job}": jobsim does not run exec, httpGet or tcpSocket lifecycle hooks (${hooks.join("; ")}): each counts as over at once and successful, where a cluster waits for it and a failed postStart kills the container${tcp} (docs/fidelity.md)`;
  });
}
