import type { ClusterConfig } from "../models/cluster-setup.js";
import type { Scenario } from "./load.js";

/** The cluster a scenario describes, for a session (detailed) or for Monte Carlo. */
export function clusterConfig(scenario: Scenario, seed: number | string, detailed: boolean): ClusterConfig {
  return {
    nodes: scenario.nodes,
    namespaces: scenario.namespaces,
    priorityClasses: scenario.priorityClasses,
    workload: scenario.workload,
    profile: scenario.profile,
    epochMs: scenario.epochMs,
    seed,
    detailed,
  };
}
