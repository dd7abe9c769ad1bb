import { describe, expect, it } from "vitest";
import { parseManifestFile } from "../../src/kubectl/manifests.js";
import { scenarioProblems } from "../helpers/session.js";

/**
 * A built-in kind jobsim does not create is named as such — not with kubectl's "no matches for
 * kind ... ensure CRDs are installed first", which a real cluster prints only for a kind it does
 * not know (a CRD not installed) — and, for the kinds a Job's pods name, what jobsim does instead.
 */

const refusal = (apiVersion: string, kind: string, name: string) =>
  parseManifestFile("f.yaml", `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}}\n`)
    .clientError;

describe("built-in kinds beside a Job", () => {
  it.each([
    [
      "v1",
      "PersistentVolumeClaim",
      "data",
      '(PersistentVolumeClaim "data"; a Job\'s pods that name one run as if it existed)',
    ],
    [
      "scheduling.k8s.io/v1",
      "PriorityClass",
      "high",
      '(PriorityClass "high"; declare the class under cluster.priorityClasses in the scenario)',
    ],
    ["v1", "Service", "svc", '(Service "svc")'],
    ["policy/v1", "PodDisruptionBudget", "pdb", '(PodDisruptionBudget "pdb")'],
  ])("%s %s", (apiVersion, kind, name, tail) => {
    expect(refusal(apiVersion, kind, name)).toBe(
      `jobsim does not simulate ${kind} objects: only batch/v1 Job is supported ${tail}`,
    );
  });

  // ServiceAccount, ConfigMap, Secret and RBAC objects are kept inert (inert-objects.ts).
  it.each([
    ["v1", "ServiceAccount"],
    ["v1", "ConfigMap"],
    ["v1", "Secret"],
    ["rbac.authorization.k8s.io/v1", "Role"],
    ["rbac.authorization.k8s.io/v1", "RoleBinding"],
    ["rbac.authorization.k8s.io/v1", "ClusterRole"],
    ["rbac.authorization.k8s.io/v1", "ClusterRoleBinding"],
  ])("%s %s is accepted", (apiVersion, kind) => {
    const m = parseManifestFile("f.yaml", `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n`);
    expect(m.clientError).toBeNull();
    expect(m.inert.map((d) => [d.type.kind, d.name])).toEqual([[kind, "x"]]);
  });

  it("a kept kind in another version is still unknown", () => {
    expect(refusal("rbac.authorization.k8s.io/v1beta1", "Role", "r")).toBe(
      'resource mapping not found for name: "r" namespace: "" from "f.yaml": no matches for kind "Role" in version "rbac.authorization.k8s.io/v1beta1"\nensure CRDs are installed first',
    );
  });

  it("a kind no cluster has without a CRD keeps kubectl's own words", () => {
    expect(refusal("example.com/v1", "Widget", "w")).toBe(
      'resource mapping not found for name: "w" namespace: "" from "f.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first',
    );
  });
});

describe("resource types a cluster serves beside Jobs", () => {
  it.each(["priorityclasses", "pc", "rolebindings", "clusterroles", "crd"])(
    "kubectl get %s is named as not simulated, not as a type the server lacks",
    (type) => {
      const text = `apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: t}\nimages: {}\nsteps:\n  - kubectl get ${type}\n`;
      expect(scenarioProblems(text, "s.yaml")).toEqual([
        `s.yaml: steps[0]: kubectl get ${type}: jobsim does not simulate "${type}": it simulates jobs, pods, events, nodes and namespaces`,
      ]);
    },
  );
});
