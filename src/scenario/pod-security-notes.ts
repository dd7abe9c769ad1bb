import type { ManifestFile } from "../kubectl/manifests.js";

/**
 * The PodSecurity admission plugin (staging/src/k8s.io/pod-security-admission, on by default in
 * the API server since 1.23) judges pods by their namespace's pod-security.kubernetes.io/<mode>
 * labels. k3s starts kube-apiserver without an admission configuration (pkg/daemons/control
 * server.go sets only allow-privileged and enable-admission-plugins=NodeRestriction), so the
 * plugin's defaults hold: every mode "privileged", and a namespace without labels — `default`
 * too — gets no warning and no refusal. jobsim keeps a Namespace document as a name and does not
 * check pods against the baseline or restricted level: a label that asks for a check a user
 * would see (enforce: pods refused; warn: `Warning: would violate PodSecurity ...`) gets a note.
 * audit only writes the API server's audit log, which nobody sees in a session.
 */

const PREFIX = "pod-security.kubernetes.io/";
const VISIBLE_MODES = ["enforce", "warn"];

export function podSecurityNotes(m: ManifestFile): string[] {
  const out: string[] = [];
  for (const ns of m.namespaces) {
    const meta = ns.object.metadata as { labels?: Record<string, unknown> } | undefined;
    const asked = Object.entries(meta?.labels ?? {}).filter(
      ([k, v]) => VISIBLE_MODES.some((mode) => k === `${PREFIX}${mode}`) && v !== "privileged",
    );
    if (asked.length === 0) continue;
    out.push(
      `Namespace "${ns.name}": jobsim does not simulate the PodSecurity admission (${asked.map(([k, v]) => `${k}: ${String(v)}`).join(", ")}): a cluster would refuse the pods of a Job in this namespace that break the level enforced (a FailedCreate event) and warn of a Job whose pod template breaks the level warned of ("Warning: would violate PodSecurity ..."); jobsim does neither (docs/fidelity.md)`,
    );
  }
  return out;
}
