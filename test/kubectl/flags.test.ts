import { describe, expect, it } from "vitest";
import { parseKubectl, UsageError } from "../../src/kubectl/parse.js";
import { commandOutput } from "./commands/session.js";

/**
 * Flags kubectl 1.35 has but jobsim does not simulate are refused in jobsim's words; a flag
 * kubectl does not have keeps pflag's `unknown flag`.
 */

function usageOf(line: string): string {
  try {
    parseKubectl(line.split(" "));
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
  return "accepted";
}

describe("kubectl flags jobsim does not simulate", () => {
  it.each([
    ["kubectl get -f job.yaml -R", 'jobsim does not simulate the --recursive flag of "kubectl get"'],
    [
      "kubectl wait --for=delete -f job.yaml --local",
      'jobsim does not simulate the --local flag of "kubectl wait"',
    ],
    [
      "kubectl apply -f job.yaml --server-side",
      'jobsim does not simulate the --server-side flag of "kubectl apply"',
    ],
    ["kubectl delete job x --raw=/apis", 'jobsim does not simulate the --raw flag of "kubectl delete"'],
    [
      "kubectl get jobs -o yaml --show-managed-fields",
      'jobsim does not simulate the --show-managed-fields flag of "kubectl get"',
    ],
    ["kubectl delete job x -i", 'jobsim does not simulate the --interactive flag of "kubectl delete"'],
    [
      "kubectl logs pod/x --insecure-skip-tls-verify-backend",
      'jobsim does not simulate the --insecure-skip-tls-verify-backend flag of "kubectl logs"',
    ],
    [
      "kubectl logs -f pod/x --limit-bytes=10",
      'jobsim does not simulate the --limit-bytes flag of "kubectl logs" with -f',
    ],
  ])("%s", (line, message) => {
    expect(usageOf(line)).toBe(message);
  });

  it.each([
    [
      "kubectl get pods --frobnicate",
      "error: unknown flag: --frobnicate\nSee 'kubectl get --help' for usage.",
    ],
    ["kubectl get pods -Z", "error: unknown shorthand flag: 'Z' in -Z\nSee 'kubectl get --help' for usage."],
    // --filename is a real flag of get, not of logs.
    [
      "kubectl logs -f pod/x --filename=a",
      "error: unknown flag: --filename\nSee 'kubectl logs --help' for usage.",
    ],
  ])("%s: unknown to kubectl", (line, message) => {
    expect(usageOf(line)).toBe(message);
  });

  it.each([
    "kubectl logs pod/x --since=5s",
    "kubectl logs pod/x --since-time=2026-01-01T00:00:00Z",
    "kubectl get jobs --ignore-not-found",
    "kubectl get -f job.yaml",
    "kubectl wait --for=delete -f job.yaml",
    "kubectl describe -f job.yaml",
  ])("%s is simulated", (line) => {
    expect(usageOf(line)).toBe("accepted");
  });
});

describe("kubectl's global options, which jobsim does not simulate (kubectl options)", () => {
  const ACCESS =
    "the simulated cluster is the only one, reached without a kubeconfig, credentials or a network";
  const OUTPUT = "jobsim writes no log or profile of kubectl itself";
  const refused = (name: string, why?: string) =>
    `jobsim does not simulate the --${name} flag (one of kubectl's global options, for every command${why === undefined ? "" : `: ${why}`})`;

  it.each([
    ["kubectl get pods --context dev", refused("context", ACCESS)],
    // Before the verb, as they are usually typed: the flag's value is not taken for the verb.
    ["kubectl --context dev get pods", refused("context", ACCESS)],
    ["kubectl --context=dev get pods", refused("context", ACCESS)],
    ["kubectl --kubeconfig /tmp/k get jobs", refused("kubeconfig", ACCESS)],
    ["kubectl get jobs --request-timeout=5s", refused("request-timeout", ACCESS)],
    ["kubectl -s https://10.0.0.1:6443 get pods", refused("server", ACCESS)],
    ["kubectl get pods --server https://10.0.0.1:6443", refused("server", ACCESS)],
    ["kubectl delete job x --cluster other", refused("cluster", ACCESS)],
    ["kubectl logs pod/x --user admin", refused("user", ACCESS)],
    ["kubectl apply -f job.yaml --token abc", refused("token", ACCESS)],
    ["kubectl --as system:admin wait --for=delete job/x", refused("as", ACCESS)],
    ["kubectl get pods --as-group g", refused("as-group", ACCESS)],
    ["kubectl get pods --insecure-skip-tls-verify", refused("insecure-skip-tls-verify", ACCESS)],
    ["kubectl --insecure-skip-tls-verify get pods", refused("insecure-skip-tls-verify", ACCESS)],
    ["kubectl get pods --match-server-version", refused("match-server-version", ACCESS)],
    ["kubectl get pods --warnings-as-errors", refused("warnings-as-errors")],
    ["kubectl get pods --kuberc /tmp/rc", refused("kuberc", "jobsim reads no kuberc preferences")],
    ["kubectl -v 6 get pods", refused("v", OUTPUT)],
    ["kubectl get pods -v=6", refused("v", OUTPUT)],
    ["kubectl get pods --v 6", refused("v", OUTPUT)],
    // A shorthand cluster: -f (follow) then -v taking the next word.
    ["kubectl logs -fv 6 pod/x", refused("v", OUTPUT)],
    ["kubectl events --profile cpu", refused("profile", OUTPUT)],
  ])("%s", (line, message) => {
    expect(usageOf(line)).toBe(message);
  });

  it("a command's own flag of the same stem keeps its own refusal", () => {
    expect(usageOf("kubectl logs pod/x --insecure-skip-tls-verify-backend")).toBe(
      'jobsim does not simulate the --insecure-skip-tls-verify-backend flag of "kubectl logs"',
    );
    expect(usageOf("kubectl get pods --server-print")).toBe(
      'jobsim does not simulate the --server-print flag of "kubectl get"',
    );
  });

  it("a global option's value before an unknown command is not taken for the command", () => {
    expect(usageOf("kubectl --request-timeout 5s frob pods")).toBe(
      'error: unknown command "frob" for "kubectl"\n\nRun \'kubectl --help\' for usage.',
    );
  });
});

describe("kubectl get --ignore-not-found (get.go: IgnoreErrors(IsNotFound))", () => {
  function outputOf(command: string, steps: string[] = ["kubectl apply -f job.yaml"]): string {
    return commandOutput(steps, command);
  }
  it.each([
    ["kubectl get job nope --ignore-not-found", ""],
    [
      "kubectl get job nope work --ignore-not-found",
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nwork   Running   0/1           0s         0s\n",
    ],
    // No "No resources found" either.
    ["kubectl get pods -l app=none --ignore-not-found", ""],
    // printGeneric: nothing found prints nothing, not an empty List.
    ["kubectl get pods -l app=none -o yaml --ignore-not-found", ""],
    ["kubectl get job nope -o json --ignore-not-found", ""],
  ])("%s", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  it("without it, the list format prints an empty List and the table says so", () => {
    expect(outputOf("kubectl get pods -l app=none -o yaml")).toMatch(
      /^apiVersion: v1\nitems: \[\]\nkind: List\n/,
    );
    expect(outputOf("kubectl get pods -l app=none")).toBe("2> No resources found in default namespace.\n");
  });

  it("a watch ends at a NotFound, silently from kubectl 1.34 (PR #132542; get-watch-ignore-not-found)", () => {
    expect(outputOf("kubectl get job nope -w --ignore-not-found")).toBe("");
  });
});
