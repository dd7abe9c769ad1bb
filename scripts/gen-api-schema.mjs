#!/usr/bin/env node
// Generates src/models/api/schema.generated.ts: the wire shape (field names and JSON/Go kinds) of
// every struct reachable from batch/v1 Job and core/v1 Pod, for the strict decoder in
// src/models/api/strict-decode.ts.
//
// Input: node_modules/kubernetes-types/{meta/v1,core/v1,batch/v1,api/resource}.d.ts (read with a
// small line parser; the files are machine-generated with a fixed layout). kubernetes-types says
// only `number` for integers and drops Go type names, both of which appear in the API server's
// decoding errors ("... of type int64", "... of type v1.RestartPolicy"), so three hand-written
// tables below restore them, transcribed from upstream staging/src/k8s.io/api/{core,batch}/v1/types.go
// and staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go. A fourth table brings the types
// up to Kubernetes 1.35 (kubernetes-types stops at 1.30).
//
// Usage: node scripts/gen-api-schema.mjs   (rewrites the output, then formats it with the project's Biome)

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pkgDir = join(root, "node_modules", "kubernetes-types");
const OUT = join(root, "src", "models", "api", "schema.generated.ts");
const FILES = ["meta/v1", "core/v1", "batch/v1", "api/resource"];

// ---------------------------------------------------------------------------------------------
// Hand-written facts the .d.ts files do not carry.

/** Integer fields that are int64 in Go; every other integer in these types is int32. */
const INT64 = new Set([
  "ObjectMeta.generation",
  "ObjectMeta.deletionGracePeriodSeconds",
  "JobSpec.activeDeadlineSeconds",
  "PodSpec.activeDeadlineSeconds",
  "PodSpec.terminationGracePeriodSeconds",
  "Probe.terminationGracePeriodSeconds",
  "SleepAction.seconds",
  "Toleration.tolerationSeconds",
  "PodSecurityContext.runAsUser",
  "PodSecurityContext.runAsGroup",
  "PodSecurityContext.fsGroup",
  "PodSecurityContext.supplementalGroups", // []int64
  "SecurityContext.runAsUser",
  "SecurityContext.runAsGroup",
  "ServiceAccountTokenProjection.expirationSeconds",
]);

/**
 * Go named types of string fields (and of list elements), as reflect prints them: the package
 * name of k8s.io/api/{core,batch}/v1 and of metav1 is "v1"; types.UID prints as "types.UID".
 * A string field not listed here is a plain Go `string`.
 */
const GO_STRING_TYPES = {
  "AppArmorProfile.type": "v1.AppArmorProfileType",
  "AzureDiskVolumeSource.cachingMode": "v1.AzureDataDiskCachingMode",
  "AzureDiskVolumeSource.kind": "v1.AzureDataDiskKind",
  "Capabilities.add": "v1.Capability",
  "Capabilities.drop": "v1.Capability",
  "Container.imagePullPolicy": "v1.PullPolicy",
  "Container.restartPolicy": "v1.ContainerRestartPolicy",
  "Container.terminationMessagePolicy": "v1.TerminationMessagePolicy",
  "ContainerPort.protocol": "v1.Protocol",
  "ContainerResizePolicy.resourceName": "v1.ResourceName",
  "ContainerResizePolicy.restartPolicy": "v1.ResourceResizeRestartPolicy",
  "EmptyDirVolumeSource.medium": "v1.StorageMedium",
  "EphemeralContainer.imagePullPolicy": "v1.PullPolicy",
  "EphemeralContainer.restartPolicy": "v1.ContainerRestartPolicy",
  "EphemeralContainer.terminationMessagePolicy": "v1.TerminationMessagePolicy",
  "HTTPGetAction.scheme": "v1.URIScheme",
  "HostPathVolumeSource.type": "v1.HostPathType",
  "JobCondition.status": "v1.ConditionStatus",
  "JobCondition.type": "v1.JobConditionType",
  "JobSpec.completionMode": "v1.CompletionMode",
  "JobSpec.podReplacementPolicy": "v1.PodReplacementPolicy",
  "LabelSelectorRequirement.operator": "v1.LabelSelectorOperator",
  "ManagedFieldsEntry.operation": "v1.ManagedFieldsOperationType",
  "NodeSelectorRequirement.operator": "v1.NodeSelectorOperator",
  "ObjectMeta.uid": "types.UID",
  "OwnerReference.uid": "types.UID",
  "PersistentVolumeClaimSpec.accessModes": "v1.PersistentVolumeAccessMode",
  "PersistentVolumeClaimSpec.volumeMode": "v1.PersistentVolumeMode",
  "PodCondition.status": "v1.ConditionStatus",
  "PodCondition.type": "v1.PodConditionType",
  "PodFailurePolicyOnExitCodesRequirement.operator": "v1.PodFailurePolicyOnExitCodesOperator",
  "PodFailurePolicyOnPodConditionsPattern.status": "v1.ConditionStatus",
  "PodFailurePolicyOnPodConditionsPattern.type": "v1.PodConditionType",
  "PodFailurePolicyRule.action": "v1.PodFailurePolicyAction",
  "PodOS.name": "v1.OSName",
  "PodReadinessGate.conditionType": "v1.PodConditionType",
  "PodSecurityContext.fsGroupChangePolicy": "v1.PodFSGroupChangePolicy",
  "PodSpec.dnsPolicy": "v1.DNSPolicy",
  "PodSpec.preemptionPolicy": "v1.PreemptionPolicy",
  "PodSpec.restartPolicy": "v1.RestartPolicy",
  "PodStatus.phase": "v1.PodPhase",
  "PodStatus.qosClass": "v1.PodQOSClass",
  "PodStatus.resize": "v1.PodResizeStatus",
  "SeccompProfile.type": "v1.SeccompProfileType",
  "SecurityContext.procMount": "v1.ProcMountType",
  "Toleration.effect": "v1.TaintEffect",
  "Toleration.operator": "v1.TolerationOperator",
  "TopologySpreadConstraint.nodeAffinityPolicy": "v1.NodeInclusionPolicy",
  "TopologySpreadConstraint.nodeTaintsPolicy": "v1.NodeInclusionPolicy",
  "TopologySpreadConstraint.whenUnsatisfiable": "v1.UnsatisfiableConstraintAction",
  "UncountedTerminatedPods.failed": "types.UID",
  "UncountedTerminatedPods.succeeded": "types.UID",
  "VolumeMount.mountPropagation": "v1.MountPropagationMode",
  "VolumeMount.recursiveReadOnly": "v1.RecursiveReadOnlyMode",
  "VolumeMountStatus.recursiveReadOnly": "v1.RecursiveReadOnlyMode",
};

/** Types whose JSON is taken as is (custom UnmarshalJSON that accepts any value). */
const RAW_TYPES = new Set(["FieldsV1", "RawExtension"]);

/**
 * Changes to these types in Kubernetes 1.31-1.35 (after kubernetes-types 1.30). Each entry was
 * checked against upstream types.go (or, where noted, the KEP that defines it) and against the
 * feature-gate table in pkg/features/kube_features.go (1.35). Feature gates only drop a field in
 * the registry strategy; the Go struct (and so strict decoding) accepts it whatever the gate.
 * A type spelled "#Name" refers to a struct defined here in NEW_TYPES.
 */
const ADDED_FIELDS = {
  // PodLevelResources, alpha 1.32 (types.go: `Resources *ResourceRequirements ... bytes,40`)
  "PodSpec.resources": "object:ResourceRequirements",
  // HostnameOverride, alpha 1.34 (types.go: `HostnameOverride *string ... bytes,41`)
  "PodSpec.hostnameOverride": "string",
  // GenericWorkload, alpha 1.35 (KEP-4671 "pod.spec.workloadRef"; replaced by schedulingGroup in 1.36)
  "PodSpec.workloadRef": "object:#WorkloadReference",
  // SupplementalGroupsPolicy (types.go: `SupplementalGroupsPolicy *SupplementalGroupsPolicy ... bytes,12`)
  "PodSecurityContext.supplementalGroupsPolicy": "string:v1.SupplementalGroupsPolicy",
  // SELinuxChangePolicy, alpha 1.32 (types.go: `*PodSELinuxChangePolicy ... bytes,13`)
  "PodSecurityContext.seLinuxChangePolicy": "string:v1.PodSELinuxChangePolicy",
  // ContainerRestartRules, alpha 1.34 (types.go: `RestartPolicyRules []ContainerRestartRule ... bytes,25`)
  "Container.restartPolicyRules": "array:object:#ContainerRestartRule",
  "EphemeralContainer.restartPolicyRules": "array:object:#ContainerRestartRule",
  // ContainerStopSignals, alpha 1.33 (types.go: `StopSignal *Signal ... bytes,3`; status per KEP-4960)
  "Lifecycle.stopSignal": "string:v1.Signal",
  "ContainerStatus.stopSignal": "string:v1.Signal",
  // EnvFiles, alpha 1.34 (types.go: `FileKeyRef *FileKeySelector ... bytes,5`)
  "EnvVarSource.fileKeyRef": "object:#FileKeySelector",
  // DRA (types.go: `Request string ... bytes,2`)
  "ResourceClaim.request": "string",
  // ImageVolume, alpha 1.31 (types.go: `Image *ImageVolumeSource ... bytes,30`)
  "Volume.image": "object:#ImageVolumeSource",
  // DRA 1.31: ClaimSource was folded into PodResourceClaim (types.go: bytes,3 and bytes,4)
  "PodResourceClaim.resourceClaimName": "string",
  "PodResourceClaim.resourceClaimTemplateName": "string",
  // PodObservedGenerationTracking, alpha 1.33, GA 1.35 (pkg/api/pod/util.go drops both)
  "PodStatus.observedGeneration": "int64",
  "PodCondition.observedGeneration": "int64",
  // SupplementalGroupsPolicy (ContainerStatus.User) and ResourceHealthStatus 1.31
  // (ContainerStatus.AllocatedResourcesStatus): status only; inner shapes not verified, so raw.
  "ContainerStatus.user": "raw",
  "ContainerStatus.allocatedResourcesStatus": "raw",
};

/** Fields removed upstream: PodResourceClaim.source (ClaimSource) is gone since 1.31. */
const REMOVED_FIELDS = ["PodResourceClaim.source"];

/** Structs introduced with ADDED_FIELDS (field -> type, same notation). */
const NEW_TYPES = {
  // KEP-4671 WorkloadReference (json names from its example: name, podGroup, podGroupReplicaKey)
  WorkloadReference: { name: "string", podGroup: "string", podGroupReplicaKey: "string" },
  ContainerRestartRule: {
    action: "string:v1.ContainerRestartRuleAction",
    exitCodes: "object:#ContainerRestartRuleOnExitCodes",
  },
  ContainerRestartRuleOnExitCodes: {
    operator: "string:v1.ContainerRestartRuleOnExitCodesOperator",
    values: "array:int32",
  },
  FileKeySelector: { key: "string", optional: "boolean", path: "string", volumeName: "string" },
  ImageVolumeSource: { pullPolicy: "string:v1.PullPolicy", reference: "string" },
};

// ---------------------------------------------------------------------------------------------
// Parsing the .d.ts files.

/** @typedef {{file: string, name: string, fields: Map<string, string>}} Iface */

function parseFile(rel) {
  const text = readFileSync(join(pkgDir, `${rel}.d.ts`), "utf8");
  const imports = new Map(); // name -> file
  for (const m of text.matchAll(/^import \{ ([^}]+) \} from "\.\.\/([^"]+)";$/gm)) {
    for (const name of m[1].split(",")) imports.set(name.trim(), m[2]);
  }
  const aliases = new Map();
  for (const m of text.matchAll(/^export type (\w+) = (.+);$/gm)) aliases.set(m[1], m[2]);
  const ifaces = new Map();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = /^export interface (\w+) \{$/.exec(lines[i]);
    if (!head) continue;
    const fields = new Map();
    let inComment = false;
    for (i++; lines[i] !== "}"; i++) {
      const line = lines[i];
      if (inComment) {
        if (line.includes("*/")) inComment = false;
        continue;
      }
      if (/^\s*\/\*\*/.test(line)) {
        inComment = !line.includes("*/");
        continue;
      }
      const map = /^ {4}(?:readonly )?([\w$]+)\??: \{$/.exec(line);
      if (map) {
        const value = /^ {8}\[name: string\]: (.+);$/.exec(lines[++i]);
        if (!value || lines[++i] !== "    };") throw new Error(`${rel}: bad map at line ${i}`);
        fields.set(map[1], `{[k]:${value[1]}}`);
        continue;
      }
      const field = /^ {4}(?:readonly )?([\w$]+)\??: (.+);$/.exec(line);
      if (!field) throw new Error(`${rel}: cannot parse line ${i + 1}: ${line}`);
      fields.set(field[1], field[2]);
    }
    ifaces.set(head[1], { file: rel, name: head[1], fields });
  }
  return { rel, imports, aliases, ifaces };
}

const files = new Map(FILES.map((f) => [f, parseFile(f)]));

/** Resolves an identifier used in `file` to its defining file (or undefined for a builtin). */
function resolve(file, name) {
  const f = files.get(file);
  if (f.ifaces.has(name) || f.aliases.has(name)) return file;
  return f.imports.get(name);
}

// ---------------------------------------------------------------------------------------------
// Converting TypeScript type expressions to schema kinds.

const structs = new Map(); // Go struct name -> Map(field -> kind object)
const origin = new Map(); // Go struct name -> file

function kindOf(file, owner, field, expr) {
  const key = `${owner}.${field}`;
  const arr = /^Array<(.+)>$/.exec(expr);
  if (arr) return { k: "array", of: kindOf(file, owner, field, arr[1]) };
  const map = /^\{\[k\]:(.+)\}$/.exec(expr);
  if (map) {
    const of = kindOf(file, owner, `${field}[]`, map[1]);
    // Every map of quantities reachable from Job/Pod is core/v1 ResourceList.
    return of.k === "quantity" ? { k: "map", of, go: "v1.ResourceList" } : { k: "map", of };
  }
  if (expr === "number | string") return { k: "intOrString" };
  if (expr === "string" || /^"[^"]*"$/.test(expr)) {
    const go = GO_STRING_TYPES[key.replace(/\[\]$/, "")];
    return go ? { k: "string", go } : { k: "string" };
  }
  if (expr === "boolean") return { k: "boolean" };
  if (expr === "number") return { k: "integer", go: INT64.has(key) ? "int64" : "int32" };
  if (!/^\w+$/.test(expr)) throw new Error(`${key}: unsupported type ${expr}`);
  if (RAW_TYPES.has(expr)) return { k: "raw" };
  const defFile = resolve(file, expr);
  if (!defFile) throw new Error(`${key}: unknown type ${expr}`);
  const def = files.get(defFile);
  if (def.aliases.has(expr)) {
    if (expr === "Quantity") return { k: "quantity" };
    if (expr === "Time" || expr === "MicroTime") return { k: "time" };
    throw new Error(`${key}: unknown alias ${expr}`);
  }
  visit(defFile, expr);
  return { k: "object", ref: expr };
}

function visit(file, name) {
  if (structs.has(name)) {
    if (origin.get(name) !== file)
      throw new Error(`struct name clash: ${name} in ${file} and ${origin.get(name)}`);
    return;
  }
  const iface = files.get(file).ifaces.get(name);
  const fields = new Map();
  structs.set(name, fields);
  origin.set(name, file);
  for (const [field, expr] of iface.fields) fields.set(field, kindOf(file, name, field, expr));
}

/** The hand-written notation: string[:go] | int32 | int64 | boolean | raw | object:X | array:T. */
function fromNotation(spec) {
  if (spec.startsWith("array:")) return { k: "array", of: fromNotation(spec.slice(6)) };
  if (spec.startsWith("object:")) {
    const ref = spec.slice(7).replace(/^#/, "");
    if (!spec.startsWith("object:#") && !structs.has(ref)) throw new Error(`unknown struct ${ref}`);
    return { k: "object", ref };
  }
  if (spec === "int32" || spec === "int64") return { k: "integer", go: spec };
  if (spec === "boolean") return { k: "boolean" };
  if (spec === "raw") return { k: "raw" };
  if (spec === "string") return { k: "string" };
  if (spec.startsWith("string:")) return { k: "string", go: spec.slice(7) };
  throw new Error(`bad notation ${spec}`);
}

visit("batch/v1", "Job");
visit("core/v1", "Pod");

for (const [name, fields] of Object.entries(NEW_TYPES)) {
  structs.set(name, new Map(Object.entries(fields).map(([f, s]) => [f, fromNotation(s)])));
  origin.set(name, "1.35");
}
for (const [key, spec] of Object.entries(ADDED_FIELDS)) {
  const [owner, field] = key.split(".");
  const s = structs.get(owner);
  if (!s || s.has(field)) throw new Error(`cannot add ${key}`);
  s.set(field, fromNotation(spec));
}
for (const key of REMOVED_FIELDS) {
  const [owner, field] = key.split(".");
  if (!structs.get(owner)?.delete(field)) throw new Error(`cannot remove ${key}`);
}
// Drop structs that became unreachable (ClaimSource) by walking again from the roots.
const reachable = new Set();
function walk(name) {
  if (reachable.has(name)) return;
  reachable.add(name);
  const visitKind = (k) => {
    if (k.k === "object") walk(k.ref);
    if (k.k === "array" || k.k === "map") visitKind(k.of);
  };
  for (const k of structs.get(name).values()) visitKind(k);
}
walk("Job");
walk("Pod");
// Every hand-written key must name a field that exists, or the tables have drifted.
for (const key of [...INT64, ...Object.keys(GO_STRING_TYPES)]) {
  const [owner, field] = key.split(".");
  if (!structs.get(owner)?.has(field)) throw new Error(`hand-written entry ${key} matches no field`);
}

// ---------------------------------------------------------------------------------------------
// Output.

const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;
const lit = (k) => {
  const parts = Object.entries(k).map(
    ([p, v]) => `${p}: ${typeof v === "object" ? lit(v) : JSON.stringify(v)}`,
  );
  return `{ ${parts.join(", ")} }`;
};
const names = [...structs.keys()].filter((n) => reachable.has(n)).sort();
let out = `// GENERATED FILE - do not edit. Regenerate with \`node scripts/gen-api-schema.mjs\`.
// Source: kubernetes-types ${version} (meta/v1, core/v1, batch/v1, api/resource .d.ts), plus the
// hand-written int64 / Go type-name / Kubernetes 1.31-1.35 tables in that script.
// ${names.length} structs reachable from batch/v1 Job and core/v1 Pod.

/** One field's wire kind, with the Go type name where the API server's errors print it. */
export type FieldKind =
  | { k: "string"; go?: string }
  | { k: "integer"; go: "int32" | "int64" }
  | { k: "boolean" }
  | { k: "object"; ref: string }
  | { k: "array"; of: FieldKind }
  | { k: "map"; of: FieldKind; go?: string }
  | { k: "intOrString" }
  | { k: "quantity" }
  | { k: "time" }
  | { k: "raw" };

/** Go struct name -> JSON field name -> kind. */
export const STRUCTS: Readonly<Record<string, Readonly<Record<string, FieldKind>>>> = {
`;
for (const name of names) {
  out += `  ${name}: {\n`;
  for (const [field, k] of [...structs.get(name)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out += `    ${/^[A-Za-z_$][\w$]*$/.test(field) ? field : JSON.stringify(field)}: ${lit(k)},\n`;
  }
  out += "  },\n";
}
out += "};\n";
writeFileSync(OUT, out);
// Let Biome wrap long lines so that the checked-in file equals a fresh run.
const biome = join(root, "node_modules", ".bin", "biome");
if (existsSync(biome)) spawnSync(biome, ["format", "--write", OUT], { stdio: "ignore" });
console.log(`wrote ${OUT}: ${names.length} structs`);
