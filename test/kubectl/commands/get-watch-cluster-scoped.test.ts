import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `get -w -A` of a cluster-scoped kind: get.go `watch` builds its printer with
 * `o.ToPrinter(mapping, outputObjects, o.AllNamespaces, false)` — without the
 * `mapping.Scope.Name() == meta.RESTScopeNameRoot` check Run makes before it — so the table gets
 * a NAMESPACE column whose cells are empty. A plain `get -A` has none.
 */
const START = ["kubectl apply -f job.yaml"];

describe("kubectl get -A -w on cluster-scoped kinds", () => {
  it("nodes: a NAMESPACE column with empty cells", () => {
    expect(commandOutput(START, "kubectl get nodes -A -w")).toBe(
      [
        "NAMESPACE   NAME     STATUS   ROLES    AGE   VERSION",
        "            node-0   Ready    <none>   0s    v1.35.5+k3s1",
        "",
      ].join("\n"),
    );
  });

  it("namespaces, with --output-watch-events: EVENT before NAMESPACE", () => {
    const out = commandOutput(START, "kubectl get namespaces -A -w --output-watch-events");
    expect(out.split("\n").slice(0, 2)).toEqual([
      "EVENT      NAMESPACE   NAME              STATUS   AGE",
      "ADDED                  default           Active   0s",
    ]);
  });

  it("without -w the column stays off", () => {
    expect(commandOutput(START, "kubectl get nodes -A").split("\n")[0]).toBe(
      "NAME     STATUS   ROLES    AGE   VERSION",
    );
  });
});
