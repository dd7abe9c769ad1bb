import { describe, expect, it } from "vitest";
import { scenarioProblems } from "../helpers/session.js";

/**
 * cluster.version: a version outside the profiles (1.32–1.35) is refused by name. YAML reads an
 * unquoted 1.30 as the number 1.3, so a number is shown as the number it became, with the hint
 * to quote it; a value that is no version at all is shown as it was written, not stringified.
 */
function problems(version: string): string[] {
  return scenarioProblems(
    `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: v}
cluster:
  version: ${version}
images: {}
steps:
  - sleep 1m
`,
    "s.yaml",
  );
}

describe("cluster.version", () => {
  it("accepts a supported version, quoted or not", () => {
    expect(problems('"1.32"')).toEqual([]);
    expect(problems("1.35")).toEqual([]);
  });

  it("names an unsupported version string as written", () => {
    expect(problems('"1.31"')).toEqual([
      's.yaml: cluster.version: unsupported Kubernetes version "1.31": supported versions are 1.35, 1.34, 1.33, 1.32',
    ]);
  });

  it("says that YAML read an unquoted 1.30 as the number 1.3", () => {
    expect(problems("1.30")).toEqual([
      's.yaml: cluster.version: unsupported Kubernetes version 1.3 (a YAML number: an unquoted 1.30 reads as 1.3, so write the version in quotes, e.g. "1.35"): supported versions are 1.35, 1.34, 1.33, 1.32',
    ]);
    expect(problems("1.31")).toEqual([
      "s.yaml: cluster.version: unsupported Kubernetes version 1.31: supported versions are 1.35, 1.34, 1.33, 1.32",
    ]);
  });

  it("shows a value that is no version as written", () => {
    expect(problems("[1]")).toEqual([
      's.yaml: cluster.version: expected a Kubernetes version such as "1.35", got [1]',
    ]);
    expect(problems("{minor: 35}")).toEqual([
      's.yaml: cluster.version: expected a Kubernetes version such as "1.35", got {"minor":35}',
    ]);
  });
});
