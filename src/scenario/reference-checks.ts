import type { ManifestFile } from "../kubectl/manifests.js";

/**
 * The objects a Job's pod template names that jobsim does not have: ConfigMaps, Secrets,
 * PersistentVolumeClaims and ServiceAccounts (other than `default`) that no manifest of the
 * scenario creates (apply keeps ConfigMaps, Secrets and ServiceAccounts as inert objects; claims
 * are refused). jobsim runs the pods as a cluster that has them would: every volume mounts,
 * every env reference resolves, the service account admits the pod. On a cluster without them the pods would not start — a ConfigMap or Secret volume keeps a
 * pod in ContainerCreating (FailedMount), an env reference fails the container
 * (CreateContainerConfigError), a missing claim keeps it Pending, a missing service account makes
 * the API server refuse the pod — so the commands say what was assumed rather than leave a
 * transcript that looks like a cluster's.
 *
 * References marked `optional: true` are left out: a pod starts without them (the kubelet skips
 * an optional ConfigMap or Secret that does not exist).
 */

type Loose = Record<string, unknown>;

/** The kinds named, in the order the note lists them. */
const KINDS = [
  ["configMap", "ConfigMaps"],
  ["secret", "Secrets"],
  ["persistentVolumeClaim", "PersistentVolumeClaims"],
  ["serviceAccount", "ServiceAccounts"],
] as const;
type Kind = (typeof KINDS)[number][0];

const asObject = (v: unknown): Loose | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Loose) : undefined;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const nameOf = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** Collects the template's references, each kind's names in first-seen order. */
class References {
  readonly names = new Map<Kind, Set<string>>();

  add(kind: Kind, ref: Loose | undefined, field = "name"): void {
    if (ref === undefined || ref.optional === true) return;
    const name = nameOf(ref[field]);
    if (name === undefined) return;
    let set = this.names.get(kind);
    if (set === undefined) this.names.set(kind, (set = new Set()));
    set.add(name);
  }

  get empty(): boolean {
    return this.names.size === 0;
  }
}

function collectVolumes(spec: Loose, refs: References): void {
  for (const entry of asList(spec.volumes)) {
    const v = asObject(entry);
    if (v === undefined) continue;
    refs.add("configMap", asObject(v.configMap));
    refs.add("secret", asObject(v.secret), "secretName");
    refs.add("persistentVolumeClaim", asObject(v.persistentVolumeClaim), "claimName");
    for (const s of asList(asObject(v.projected)?.sources)) {
      const source = asObject(s);
      refs.add("configMap", asObject(source?.configMap));
      refs.add("secret", asObject(source?.secret));
    }
  }
}

function collectContainers(spec: Loose, refs: References): void {
  for (const key of ["initContainers", "containers"]) {
    for (const entry of asList(spec[key])) {
      const c = asObject(entry);
      if (c === undefined) continue;
      for (const e of asList(c.env)) {
        const from = asObject(asObject(e)?.valueFrom);
        refs.add("configMap", asObject(from?.configMapKeyRef));
        refs.add("secret", asObject(from?.secretKeyRef));
      }
      for (const e of asList(c.envFrom)) {
        refs.add("configMap", asObject(asObject(e)?.configMapRef));
        refs.add("secret", asObject(asObject(e)?.secretRef));
      }
    }
  }
}

function collectPodLevel(spec: Loose, refs: References): void {
  // serviceAccount is the deprecated alias the API server copies into serviceAccountName.
  const account = nameOf(spec.serviceAccountName) ?? nameOf(spec.serviceAccount);
  if (account !== undefined && account !== "default") refs.add("serviceAccount", { name: account });
  // (imagePullSecrets are left out: a missing one only draws a kubelet warning and the pull goes
  // on without it, which the scenario's image behaviour already decides.)
}

/** The inert objects (kubectl/inert-objects.ts) the files create, as `kind/namespace/name`
 * (a namespace not written is default's: the note judges the manifests as written). */
function created(files: readonly ManifestFile[]): Set<string> {
  const kinds: Record<string, Kind> = {
    ConfigMap: "configMap",
    Secret: "secret",
    ServiceAccount: "serviceAccount",
  };
  const out = new Set<string>();
  for (const f of files)
    for (const d of f.inert)
      if (Object.hasOwn(kinds, d.type.kind))
        out.add(`${kinds[d.type.kind]}/${d.namespace ?? "default"}/${d.name}`);
  return out;
}

/**
 * The Jobs of a manifest file whose pod template names objects jobsim does not have: neither the
 * file nor the scenario's other manifests (`provided`) create them — those a manifest creates are
 * kept by apply, so the pods' assumption is the cluster's truth once the file is applied.
 */
export function assumedReferences(
  m: ManifestFile,
  provided: readonly ManifestFile[] = [m],
): { job: string; references: Map<Kind, Set<string>> }[] {
  const out: { job: string; references: Map<Kind, Set<string>> }[] = [];
  const made = created(provided.includes(m) ? provided : [m, ...provided]);
  for (const doc of m.docs) {
    const template = asObject(asObject(doc.object.spec)?.template);
    const spec = asObject(template?.spec);
    if (spec === undefined) continue;
    const refs = new References();
    collectVolumes(spec, refs);
    collectContainers(spec, refs);
    collectPodLevel(spec, refs);
    for (const [kind, names] of refs.names) {
      for (const n of names) if (made.has(`${kind}/${doc.namespace}/${n}`)) names.delete(n);
      if (names.size === 0) refs.names.delete(kind);
    }
    if (!refs.empty) out.push({ job: doc.name, references: refs.names });
  }
  return out;
}

/** What assumedReferences finds, in words, one line per Job. */
export function referenceNotes(m: ManifestFile, provided: readonly ManifestFile[] = [m]): string[] {
  return assumedReferences(m, provided).map(({ job, references }) => {
    const kinds = KINDS.filter(([k]) => references.has(k));
    const named = kinds.flatMap(([k]) => [...references.get(k)!].map((n) => `${k} "${n}"`));
    return `Job "${job}": jobsim has no ${listed(kinds.map(([, plural]) => plural))}: it runs the pods as a cluster that has the ones the template names would (${named.join(", ")}); without them a real cluster would not start the pods (docs/fidelity.md)`;
  });
}

function listed(words: string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
