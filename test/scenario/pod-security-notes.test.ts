import { describe, expect, it } from "vitest";
import { parseManifestFile } from "../../src/kubectl/manifests.js";
import { podSecurityNotes } from "../../src/scenario/pod-security-notes.js";

/**
 * The PodSecurity admission plugin reads a namespace's pod-security.kubernetes.io/<mode> labels
 * (enforce, audit, warn, each with an optional -version). k3s starts its API server without an
 * admission configuration, so a namespace without labels is "privileged" in every mode and
 * nothing is printed; jobsim keeps a Namespace document as a name and does not check pods
 * against the baseline or restricted levels, so a label asking for a check gets a note.
 */
const ns = (labels: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: team${labels === "" ? "" : `\n  labels:\n${labels}`}
`;

const notes = (labels: string) => podSecurityNotes(parseManifestFile("ns.yaml", ns(labels)));

describe("notes on Pod Security labels", () => {
  it("say nothing of a namespace without them, or with other labels or privileged only", () => {
    expect(notes("")).toEqual([]);
    expect(notes("    team: a")).toEqual([]);
    expect(
      notes(
        "    pod-security.kubernetes.io/enforce: privileged\n    pod-security.kubernetes.io/warn: privileged",
      ),
    ).toEqual([]);
  });

  it("name the modes and levels jobsim does not check, in the labels' order", () => {
    expect(
      notes(
        "    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: v1.35\n    pod-security.kubernetes.io/warn: restricted",
      ),
    ).toEqual([
      'Namespace "team": jobsim does not simulate the PodSecurity admission (pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted): a cluster would refuse the pods of a Job in this namespace that break the level enforced (a FailedCreate event) and warn of a Job whose pod template breaks the level warned of ("Warning: would violate PodSecurity ..."); jobsim does neither (docs/fidelity.md)',
    ]);
  });
});
