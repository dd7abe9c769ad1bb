import { describe, expect, it } from "vitest";
import { parseKubectl } from "../../../src/kubectl/parse.js";
import { commandOutput, commandTranscript } from "./session.js";

/**
 * `kubectl cordon` / `uncordon` (staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go
 * `RunCordonOrUncordon`, `Complete`; pkg/drain/cordon.go `CordonHelper.UpdateIfRequired`): the
 * name printer's `node/NAME <operation>` lines, the dry-run suffixes, the builder's NotFound and
 * the usage errors; the node's spec.unschedulable and the node lifecycle controller's taint
 * (node_lifecycle_controller.go `doNoScheduleTaintingPass`); `get nodes` STATUS (printers.go
 * `printNode`).
 */
describe("kubectl cordon / uncordon", () => {
  it("cordons once, then says already; uncordons likewise", () => {
    const out = commandTranscript([
      "kubectl cordon node-0",
      "kubectl cordon node-0",
      "kubectl uncordon node-0",
      "kubectl uncordon node-0",
    ]);
    expect(out).toContain(
      "$ kubectl cordon node-0\nnode/node-0 cordoned\n$ kubectl cordon node-0\nnode/node-0 already cordoned\n",
    );
    expect(out).toContain(
      "$ kubectl uncordon node-0\nnode/node-0 uncordoned\n$ kubectl uncordon node-0\nnode/node-0 already uncordoned\n",
    );
  });

  it("get nodes shows Ready,SchedulingDisabled while cordoned", () => {
    expect(commandOutput(["kubectl cordon node-0"], "kubectl get nodes")).toBe(
      [
        "NAME     STATUS                     ROLES    AGE   VERSION",
        "node-0   Ready,SchedulingDisabled   <none>   0s    v1.35.5+k3s1",
        "",
      ].join("\n"),
    );
    expect(
      commandOutput(["kubectl cordon node-0", "kubectl uncordon node-0"], "kubectl get nodes"),
    ).toContain("node-0   Ready    <none>");
  });

  it("the node's spec: unschedulable and the controller's taint, both gone after uncordon", () => {
    const spec = (steps: string[]) =>
      JSON.parse(commandOutput(steps, "kubectl get node node-0 -o json")).spec as Record<string, unknown>;
    expect(spec(["sleep 7", "kubectl cordon node-0"])).toMatchObject({
      unschedulable: true,
      taints: [
        { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: expect.any(String) },
      ],
    });
    const after = spec(["kubectl cordon node-0", "kubectl uncordon node-0"]);
    expect(after.unschedulable).toBeUndefined();
    expect(after.taints).toBeUndefined();
  });

  it("dry runs print their suffix and change nothing", () => {
    expect(commandOutput([], "kubectl cordon node-0 --dry-run=client")).toBe(
      "node/node-0 cordoned (dry run)\n",
    );
    expect(commandOutput([], "kubectl cordon node-0 --dry-run=server")).toBe(
      "node/node-0 cordoned (server dry run)\n",
    );
    expect(commandOutput(["kubectl cordon node-0 --dry-run=server"], "kubectl get nodes")).toContain(
      "node-0   Ready    ",
    );
    expect(commandOutput([], "kubectl uncordon node-0 --dry-run=client")).toBe(
      "node/node-0 already uncordoned (dry run)\n",
    );
  });

  it("a missing node: the builder's NotFound, and no node is cordoned", () => {
    expect(commandOutput([], "kubectl cordon node-0 nope")).toBe(
      '2> Error from server (NotFound): nodes "nope" not found\n',
    );
    expect(commandOutput(["kubectl cordon node-0 nope"], "kubectl get nodes")).toContain(
      "node-0   Ready    ",
    );
  });

  it("by selector; none matching prints nothing", () => {
    expect(commandOutput([], "kubectl cordon -l kubernetes.io/hostname=node-0")).toBe(
      "node/node-0 cordoned\n",
    );
    expect(commandOutput([], "kubectl uncordon --selector x=y")).toBe("");
  });

  it("drain's flags are pflag's unknown flags for cordon (NewCmdCordon declares only -l and --dry-run)", () => {
    expect(() => parseKubectl(["kubectl", "cordon", "node-0", "--force"])).toThrow(
      "error: unknown flag: --force\nSee 'kubectl cordon --help' for usage.",
    );
    expect(() => parseKubectl(["kubectl", "uncordon", "node-0", "--ignore-daemonsets"])).toThrow(
      "error: unknown flag: --ignore-daemonsets\nSee 'kubectl uncordon --help' for usage.",
    );
  });

  it("usage errors: no node, a name with a selector", () => {
    expect(commandOutput([], "kubectl cordon")).toBe(
      "2> error: USAGE: cordon NODE [flags]\n2> See 'kubectl cordon -h' for help and examples\n",
    );
    expect(commandOutput([], "kubectl uncordon node-0 -l a=b")).toBe(
      "2> error: cannot specify both a node name and a --selector option\n2> See 'kubectl uncordon -h' for help and examples\n",
    );
  });
});
