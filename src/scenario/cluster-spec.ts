import { isIP } from "node:net";
import {
  dns1123LabelProblems,
  dns1123SubdomainProblems,
  labelKeyProblems,
  labelValueProblems,
} from "../models/api/names.js";
import { parseMilliCpu, parseQuantity } from "../models/api/quantity.js";
import type { NodeSpec } from "../models/cluster-setup.js";
import { SYSTEM_NAMESPACES } from "../models/cluster-setup.js";
import type { PriorityClassSpec } from "../models/priority-classes.js";
import { DEFAULT_VERSION, VERSION_PROFILES, type VersionProfile } from "../models/version-profile.js";
import { parsePriorityClasses } from "./priority-classes-spec.js";
import { checkKnownKeys, type Problems, shown } from "./problems.js";

/**
 * The `cluster:` section. Defaults describe `k3d cluster create my-cluster --servers 1
 * --agents 1`: nodes k3d-my-cluster-server-0 and k3d-my-cluster-agent-0 (k3d names nodes
 * k3d-<cluster>-<role>-<index>), untainted servers (k3s), pod CIDR 10.42.<node>.0/24.
 * Server nodes carry k3s's system pods' requests (coredns and metrics-server: 100m CPU and
 * 70Mi each), which is why the scheduler prefers agents when idle.
 */

const CLUSTER_FIELDS = ["version", "startTime", "nodes", "namespaces", "priorityClasses"];
/** The first startTime refused: simulated times must stay within Go's four-digit years. */
const LATEST_START_MS = Date.UTC(9000, 0, 1);
const NODE_FIELDS = [
  "name",
  "role",
  "cpu",
  "memory",
  "pods",
  "internalIP",
  "labels",
  "images",
  "systemCpu",
  "systemMemory",
];

export const DEFAULT_START_TIME = "2026-01-01T00:00:00Z";
export const DEFAULT_NODE_CPU = "4";
export const DEFAULT_NODE_MEMORY = "8Gi";
export const DEFAULT_NODE_PODS = 110;
const K3S_SERVER_SYSTEM_CPU = "200m";
const K3S_SERVER_SYSTEM_MEMORY = "140Mi";

export interface ClusterSpec {
  profile: VersionProfile;
  epochMs: number;
  nodes: NodeSpec[];
  /** Namespaces that exist from the start besides the system ones (kubectl create namespace makes others). */
  namespaces: string[];
  /** PriorityClasses besides the system ones (priority-classes-spec.ts). */
  priorityClasses: PriorityClassSpec[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * What is wrong with a cluster.version, or null for a supported one. YAML reads an unquoted
 * 1.32 as a number, which names the same version; but it reads 1.30 as 1.3, so a number is shown
 * as the number it became, with the hint to quote it.
 */
function versionProblem(value: unknown): string | null {
  const supported = `supported versions are ${Object.keys(VERSION_PROFILES).join(", ")}`;
  if (typeof value === "string")
    return VERSION_PROFILES[value] === undefined
      ? `unsupported Kubernetes version "${value}": ${supported}`
      : null;
  if (typeof value !== "number" || !Number.isFinite(value))
    return `expected a Kubernetes version such as "${DEFAULT_VERSION}", got ${shown(value)}`;
  const read = String(value);
  if (VERSION_PROFILES[read] !== undefined) return null;
  const lostZero = /^\d+\.\d$/.test(read)
    ? ` (a YAML number: an unquoted ${read}0 reads as ${read}, so write the version in quotes, e.g. "${DEFAULT_VERSION}")`
    : "";
  return `unsupported Kubernetes version ${read}${lostZero}: ${supported}`;
}

export function parseCluster(value: unknown, problems: Problems): ClusterSpec {
  const spec: ClusterSpec = {
    profile: VERSION_PROFILES[DEFAULT_VERSION],
    epochMs: Date.parse(DEFAULT_START_TIME),
    nodes: [],
    namespaces: [],
    priorityClasses: [],
  };
  const raw = value === undefined ? {} : value;
  if (!isRecord(raw)) {
    problems.add(
      "cluster",
      "expected a mapping with version, startTime, nodes, namespaces and priorityClasses",
    );
    return spec;
  }
  checkKnownKeys(problems, "cluster", raw, CLUSTER_FIELDS);
  if (raw.version !== undefined) {
    const problem = versionProblem(raw.version);
    if (problem !== null) problems.add("cluster.version", problem);
    else spec.profile = VERSION_PROFILES[String(raw.version)];
  }
  if (raw.startTime !== undefined) {
    const t = typeof raw.startTime === "string" ? Date.parse(raw.startTime) : Number.NaN;
    if (Number.isNaN(t) || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/.test(String(raw.startTime))) {
      problems.add(
        "cluster.startTime",
        `expected an RFC 3339 time in whole seconds such as "${DEFAULT_START_TIME}", got ${shown(raw.startTime)}`,
      );
    } else if (t >= LATEST_START_MS) {
      // Go's time.Time.MarshalJSON refuses years past 9999, so no API object holds a later time;
      // a session may sleep on for centuries, so the start must leave room.
      problems.add(
        "cluster.startTime",
        `${shown(raw.startTime)} is too late: API times end at 9999-12-31T23:59:59Z; use a time before 9000-01-01T00:00:00Z`,
      );
    } else spec.epochMs = t;
  }
  parseNamespaces(raw.namespaces, spec, problems);
  spec.priorityClasses = parsePriorityClasses(raw.priorityClasses, problems);
  const nodes = raw.nodes ?? [{ name: "k3d-my-cluster-server-0" }, { name: "k3d-my-cluster-agent-0" }];
  if (!Array.isArray(nodes) || nodes.length === 0) {
    problems.add("cluster.nodes", "expected a non-empty list of nodes ({name: ...})");
    return spec;
  }
  const seen = new Set<string>();
  nodes.forEach((n, i) => {
    const path = `cluster.nodes[${i}]`;
    if (!isRecord(n)) {
      problems.add(path, "expected {name: <node name>, ...}");
      return;
    }
    // Unknown keys first: `{nme: a}` is a misspelt name, and the hint says so.
    checkKnownKeys(problems, path, n, NODE_FIELDS);
    if (typeof n.name !== "string" || n.name === "") {
      problems.add(
        `${path}.name`,
        n.name === undefined ? "required: the node's name" : `expected a node name, got ${shown(n.name)}`,
      );
      return;
    }
    // A Node's name is a DNS-1123 subdomain (ValidateNodeName, pkg/apis/core/validation).
    const badName = dns1123SubdomainProblems(n.name);
    if (badName.length > 0) problems.add(`${path}.name`, `invalid node name "${n.name}": ${badName[0]}`);
    if (seen.has(n.name)) problems.add(`${path}.name`, `duplicate node name "${n.name}"`);
    seen.add(n.name);
    const role = n.role ?? (/(^|-)server(-|$)/.test(n.name) ? "server" : "agent");
    if (role !== "server" && role !== "agent")
      problems.add(`${path}.role`, `expected "server" or "agent", got ${shown(role)}`);
    const server = role === "server";
    const cpu = parseMilliCpu(String(n.cpu ?? DEFAULT_NODE_CPU));
    const mem = parseQuantity(String(n.memory ?? DEFAULT_NODE_MEMORY));
    const pods = n.pods ?? DEFAULT_NODE_PODS;
    if (!(cpu > 0))
      problems.add(`${path}.cpu`, `expected a CPU quantity such as "2" or "1500m", got ${shown(n.cpu)}`);
    if (!(mem > 0))
      problems.add(`${path}.memory`, `expected a memory quantity such as "8Gi", got ${shown(n.memory)}`);
    if (typeof pods !== "number" || !Number.isInteger(pods) || pods < 1)
      problems.add(`${path}.pods`, `expected a positive integer, got ${shown(pods)}`);
    const sysCpu = parseMilliCpu(String(n.systemCpu ?? (server ? K3S_SERVER_SYSTEM_CPU : "0")));
    const sysMem = parseQuantity(String(n.systemMemory ?? (server ? K3S_SERVER_SYSTEM_MEMORY : "0")));
    // A bad reservation would leave the node's free CPU or memory NaN: nothing would ever fit.
    if (!(sysCpu >= 0))
      problems.add(
        `${path}.systemCpu`,
        `expected a CPU quantity ≥ 0 such as "200m", got ${shown(n.systemCpu)}`,
      );
    if (!(sysMem >= 0))
      problems.add(
        `${path}.systemMemory`,
        `expected a memory quantity ≥ 0 such as "140Mi", got ${shown(n.systemMemory)}`,
      );
    if (n.internalIP !== undefined && (typeof n.internalIP !== "string" || isIP(n.internalIP) === 0))
      problems.add(
        `${path}.internalIP`,
        `expected an IP address such as "172.18.0.3", got ${shown(n.internalIP)}`,
      );
    const labels: Record<string, string> = {
      "beta.kubernetes.io/arch": "amd64",
      "beta.kubernetes.io/instance-type": "k3s",
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64",
      "kubernetes.io/hostname": n.name,
      "kubernetes.io/os": "linux",
      "node.kubernetes.io/instance-type": "k3s",
    };
    if (server) {
      labels["node-role.kubernetes.io/control-plane"] = "true";
      if (spec.profile.serverNodeRoles.includes("master")) labels["node-role.kubernetes.io/master"] = "true";
    }
    if (n.labels !== undefined && !isRecord(n.labels))
      problems.add(`${path}.labels`, "expected a mapping of label keys to values");
    if (isRecord(n.labels))
      for (const [k, v] of Object.entries(n.labels)) {
        if (typeof v === "object" && v !== null) {
          problems.add(
            `${path}.labels`,
            `label ${JSON.stringify(k)}: expected a string value, got ${shown(v)}`,
          );
          continue;
        }
        // A null is read as Go decodes it into a string: the empty value (as in manifests).
        const value = v === null ? "" : String(v);
        const bad = [...labelKeyProblems(k), ...labelValueProblems(value)];
        if (bad.length > 0) problems.add(`${path}.labels`, `invalid label ${JSON.stringify(k)}: ${bad[0]}`);
        labels[k] = value;
      }
    const images = nodeImages(n.images, path, problems);
    spec.nodes.push({
      name: n.name,
      role: server ? "server" : "agent",
      milliCpu: cpu,
      memory: mem,
      pods: typeof pods === "number" ? pods : DEFAULT_NODE_PODS,
      systemMilliCpu: sysCpu,
      systemMemory: sysMem,
      internalIP: typeof n.internalIP === "string" ? n.internalIP : `172.18.0.${3 + i}`,
      labels,
      // host-local IPAM hands out .2 upward; on a k3s server the system pods hold the first few.
      firstPodIp: server ? 9 : 3,
      images,
    });
  });
  return spec;
}

/** A node's `images:` (already present on it): a list of image references. */
function nodeImages(value: unknown, path: string, problems: Problems): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(`${path}.images`, `expected a list of image references, got ${shown(value)}`);
    return [];
  }
  const images: string[] = [];
  value.forEach((v, i) => {
    if (typeof v === "string" && v !== "") images.push(v);
    else problems.add(`${path}.images[${i}]`, `expected an image reference, got ${shown(v)}`);
  });
  return images;
}

/** `cluster.namespaces`: names of namespaces the cluster already has (a team's namespace). */
function parseNamespaces(value: unknown, spec: ClusterSpec, problems: Problems): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    problems.add("cluster.namespaces", "expected a list of namespace names");
    return;
  }
  value.forEach((v, i) => {
    const path = `cluster.namespaces[${i}]`;
    if (typeof v !== "string") {
      problems.add(path, `expected a namespace name, got ${shown(v)}`);
      return;
    }
    // ValidateNamespaceName is a DNS-1123 label (apimachinery validation/objectmeta.go).
    const invalid = dns1123LabelProblems(v);
    if (invalid.length > 0) problems.add(path, `invalid namespace name "${v}": ${invalid[0]}`);
    else if (SYSTEM_NAMESPACES.includes(v) || spec.namespaces.includes(v))
      problems.add(path, `namespace "${v}" is listed twice (${SYSTEM_NAMESPACES.join(", ")} always exist)`);
    else spec.namespaces.push(v);
  });
}
