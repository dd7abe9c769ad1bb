import { describe, expect, it } from "vitest";
import { commandOutput } from "../commands/session.js";

/**
 * `-n ''` (or `--namespace=`): clientcmd DirectClientConfig.Namespace takes the --namespace
 * override only when it is not empty; otherwise the kubeconfig context's namespace applies,
 * "default" when the context names none (k3d's does not). So an empty namespace flag is the
 * same as no flag, and it enforces no namespace either.
 */
const START = ["kubectl apply -f job.yaml", "sleep 5s"];
const out = (command: string) => commandOutput(START, command);

describe("an empty --namespace is the context's namespace", () => {
  it("describe job work -n '' describes default/work", () => {
    const text = out("kubectl describe job work -n '' --show-events=false");
    expect(text.startsWith("Name:             work\nNamespace:        default\n")).toBe(true);
  });

  it("--namespace= is the same", () => {
    expect(out("kubectl describe job work --namespace= --show-events=false")).toBe(
      out("kubectl describe job work --show-events=false"),
    );
  });

  it("the last of several -n wins: -n other -n '' is default", () => {
    const text = out("kubectl describe pods -n other -n '' --show-events=false");
    expect(text).toMatch(/^Name: {13}work-/);
  });

  it("an empty list names the default namespace", () => {
    expect(out("kubectl describe jobs -n '' -l x=y")).toBe("2> No resources found in default namespace.\n");
  });
});
