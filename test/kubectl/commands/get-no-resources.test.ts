import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * get.go Run: with nothing written and no error, "No resources found in <namespace> namespace."
 * only when every fetched kind is namespaced (allResourcesNamespaced: `info.Namespaced()` of
 * each kind's Table) and -A is not given; otherwise "No resources found".
 */
const out = (command: string) => commandOutput([], command);

describe("kubectl get: No resources found", () => {
  it("a cluster-scoped kind: no namespace in the message", () => {
    expect(out("kubectl get nodes -l x=y")).toBe("2> No resources found\n");
    expect(out("kubectl get namespaces -l x=y")).toBe("2> No resources found\n");
  });

  it("a namespaced kind with a cluster-scoped one: no namespace either", () => {
    expect(out("kubectl get pods,nodes -l x=y")).toBe("2> No resources found\n");
  });

  it("namespaced kinds only: the namespace is named", () => {
    expect(out("kubectl get pods,jobs -l x=y")).toBe("2> No resources found in default namespace.\n");
    expect(out("kubectl get jobs -n team-a")).toBe("2> No resources found in team-a namespace.\n");
  });
});
