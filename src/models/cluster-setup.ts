import type { PriorityClassSpec } from "./priority-classes.js";
import type { VersionProfile } from "./version-profile.js";
import type { Workload } from "./workload.js";

/**
 * What a Cluster (cluster.ts) is built from: its nodes, namespaces, PriorityClasses, workload
 * and version. src/scenario/cluster-config.ts makes one from a scenario.
 */

export interface NodeSpec {
  name: string;
  role: "server" | "agent";
  milliCpu: number;
  memory: number;
  pods: number;
  systemMilliCpu: number;
  systemMemory: number;
  internalIP: string;
  labels: Record<string, string>;
  /** First host address handed to pods on this node (lower ones are taken by system pods). */
  firstPodIp: number;
  /** Images already on the node. */
  images: string[];
}

/**
 * The namespaces a cluster starts with: kube-apiserver's system namespaces controller creates
 * default, kube-system, kube-public and kube-node-lease (pkg/controlplane/controller/
 * systemnamespaces), in k3s as in any cluster.
 */
export const SYSTEM_NAMESPACES: readonly string[] = [
  "default",
  "kube-node-lease",
  "kube-public",
  "kube-system",
];

export interface ClusterConfig {
  nodes: NodeSpec[];
  /** Namespaces that exist from the start besides SYSTEM_NAMESPACES. */
  namespaces?: readonly string[];
  /** PriorityClasses besides the two system ones. */
  priorityClasses?: readonly PriorityClassSpec[];
  workload: Workload;
  profile: VersionProfile;
  /** Wall-clock instant (Unix ms, a whole second) of simulated time 0. */
  epochMs: number;
  seed: number | string;
  detailed: boolean;
}
