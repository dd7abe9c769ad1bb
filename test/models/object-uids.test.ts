import { describe, expect, it } from "vitest";
import { commandTranscript } from "../kubectl/commands/session.js";

/**
 * Every object the API server creates gets a metadata.uid (apiserver pkg/registry/rest/meta.go
 * FillObjectMetaSystemFields, called from rest.BeforeCreate): Nodes and Events as much as Jobs and
 * Pods.
 */
describe("metadata.uid of nodes and events", () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const steps = [
    "kubectl apply -f job.yaml",
    "sleep 5",
    "kubectl get nodes -o jsonpath={.items[*].metadata.uid}",
    "kubectl get events -o custom-columns=UID:.metadata.uid --no-headers",
  ];
  const out = commandTranscript(steps);
  const printed = (cmd: string) => out.slice(out.indexOf(`$ ${cmd}\n`) + cmd.length + 3).split("$ ")[0];

  it("a node has one", () => {
    expect(printed(steps[2]).trim()).toMatch(uuid);
  });

  it("each event has its own", () => {
    const uids = printed(steps[3]).trim().split("\n");
    expect(uids.length).toBeGreaterThan(3);
    for (const u of uids) expect(u).toMatch(uuid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it("the same on every run", () => {
    expect(commandTranscript(steps)).toBe(out);
  });
});
