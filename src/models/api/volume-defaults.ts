import type { Container, PodSpec, Volume } from "kubernetes-types/core/v1.js";

/**
 * The defaulting pkg/apis/core/v1/defaults.go gives a pod (template) spec's volumes and its
 * containers' env, reached through the generated zz_generated.defaults.go, so `kubectl get -o
 * yaml` shows it in a Job's template and in its pods:
 * - SetDefaults_Volume: a volume with no source is an `emptyDir: {}`;
 * - SetDefaults_{Secret,ConfigMap,DownwardAPI,Projected}VolumeSource: `defaultMode: 420` (0644);
 * - SetDefaults_HostPathVolumeSource: `type: ""` (HostPathUnset);
 * - SetDefaults_ServiceAccountTokenProjection: `expirationSeconds: 3600` (one hour);
 * - SetDefaults_PersistentVolumeClaimSpec (an ephemeral volume's claim template): `volumeMode:
 *   Filesystem`;
 * - SetDefaults_ObjectFieldSelector: `apiVersion: v1` on each fieldRef (env, downwardAPI items,
 *   projected downwardAPI items).
 * The in-tree sources that also have defaults (iscsi, rbd, azureDisk, scaleIO) are not done here.
 */

/** v1.SecretVolumeSourceDefaultMode and its ConfigMap, DownwardAPI and Projected twins: 0644. */
const DEFAULT_MODE = 0o644;
/** SetDefaults_ServiceAccountTokenProjection: one hour. */
const TOKEN_EXPIRATION_SECONDS = 3600;

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function defaultFieldRef(ref: unknown): void {
  if (isObj(ref) && (ref.apiVersion === undefined || ref.apiVersion === "")) ref.apiVersion = "v1";
}

function defaultItems(items: unknown): void {
  if (!Array.isArray(items)) return;
  for (const item of items) if (isObj(item)) defaultFieldRef(item.fieldRef);
}

function defaultMode(source: unknown): void {
  if (isObj(source) && source.defaultMode === undefined) source.defaultMode = DEFAULT_MODE;
}

/** Whether every field of the volume but its name is unset (ptr.AllPtrFieldsNil on the source). */
function hasNoSource(v: Obj): boolean {
  return Object.entries(v).every(([k, x]) => k === "name" || x === undefined || x === null);
}

function defaultVolume(v: Volume): void {
  if (!isObj(v)) return;
  if (hasNoSource(v)) (v as Obj).emptyDir = {};
  defaultMode(v.secret);
  defaultMode(v.configMap);
  if (isObj(v.downwardAPI)) {
    defaultMode(v.downwardAPI);
    defaultItems(v.downwardAPI.items);
  }
  if (isObj(v.hostPath) && v.hostPath.type === undefined) v.hostPath.type = "";
  if (isObj(v.projected)) {
    defaultMode(v.projected);
    for (const s of Array.isArray(v.projected.sources) ? v.projected.sources : []) {
      if (!isObj(s)) continue;
      if (isObj(s.downwardAPI)) defaultItems(s.downwardAPI.items);
      const token = s.serviceAccountToken;
      if (isObj(token) && token.expirationSeconds === undefined)
        token.expirationSeconds = TOKEN_EXPIRATION_SECONDS;
    }
  }
  const claim = v.ephemeral?.volumeClaimTemplate?.spec;
  if (isObj(claim) && claim.volumeMode === undefined) claim.volumeMode = "Filesystem";
}

function defaultEnv(c: Container): void {
  for (const e of Array.isArray(c.env) ? c.env : []) {
    if (isObj(e) && isObj(e.valueFrom)) defaultFieldRef(e.valueFrom.fieldRef);
  }
}

/** The volume and env defaults of a pod (template) spec, in place. */
export function defaultVolumesAndEnv(spec: PodSpec): void {
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) defaultVolume(v);
  for (const list of [spec.initContainers, spec.containers])
    for (const c of Array.isArray(list) ? list : []) if (isObj(c)) defaultEnv(c);
}
