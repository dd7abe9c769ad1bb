import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { Session } from "../../../src/session/session.js";
import { scenarioProblems } from "../../helpers/session.js";

/**
 * `docker stop` steps (docker/cli cli/command/container/stop.go runStop: each stopped
 * container's name on stdout, in argument order; the errors joined by newlines on stderr, exit
 * status 1; the daemon's "No such container" for a missing one) and the docker command lines a
 * scenario refuses when it loads.
 */
function scenarioText(steps: string[]): string {
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: d}
seed: 1
cluster:
  nodes: [{name: k3d-my-cluster-server-0}, {name: k3d-my-cluster-agent-0}, {name: k3d-my-cluster-agent-1}]
images:
  app:1: {runSeconds: 30, outcomes: [{probability: 1, exitCode: 0}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
}

/** Each step's stdout, stderr and exit status. */
function run(steps: string[]): { stdout: string; stderr: string; exitCode: number }[] {
  const session = new Session(parseScenario(scenarioText(steps), "d.yaml", "/nonexistent"));
  const outs: { stdout: string; stderr: string }[] = [];
  const outcomes = session.run({
    prompt: () => outs.push({ stdout: "", stderr: "" }),
    stdout: (t) => {
      outs[outs.length - 1].stdout += t;
    },
    stderr: (t) => {
      outs[outs.length - 1].stderr += t;
    },
  });
  return outcomes.map((o, i) => ({ ...outs[i], exitCode: o.exitCode }));
}

describe("docker stop", () => {
  it("prints the container's name and exits 0; again, for a stopped container, the same", () => {
    const [first, second] = run([
      "docker stop k3d-my-cluster-agent-0",
      "docker container stop k3d-my-cluster-agent-0",
    ]);
    expect(first).toEqual({ stdout: "k3d-my-cluster-agent-0\n", stderr: "", exitCode: 0 });
    expect(second).toEqual({ stdout: "k3d-my-cluster-agent-0\n", stderr: "", exitCode: 0 });
  });

  it("a missing container: the daemon's error, exit 1; the others are still stopped and named", () => {
    const [r, nodes] = run([
      "docker stop nosuch k3d-my-cluster-agent-1 other",
      "at 2m",
      "kubectl get nodes --no-headers -o custom-columns=N:.metadata.name,S:.status.conditions[3].status",
    ]).filter((_, i) => i !== 1);
    expect(r).toEqual({
      stdout: "k3d-my-cluster-agent-1\n",
      stderr:
        "Error response from daemon: No such container: nosuch\nError response from daemon: No such container: other\n",
      exitCode: 1,
    });
    expect(nodes.stdout).toBe(
      "k3d-my-cluster-agent-0    True\nk3d-my-cluster-agent-1    Unknown\nk3d-my-cluster-server-0   True\n",
    );
  });

  it("the server node and k3d's other containers are not simulated", () => {
    const [server, lb] = run(["docker stop k3d-my-cluster-server-0", "docker stop k3d-my-cluster-serverlb"]);
    expect(server).toEqual({
      stdout: "",
      stderr:
        'jobsim does not simulate stopping server node "k3d-my-cluster-server-0": the API server runs there\n',
      exitCode: 1,
    });
    expect(lb.stderr).toBe(
      'jobsim does not simulate stopping container "k3d-my-cluster-serverlb": only a k3d agent node\'s container\n',
    );
    expect(lb.exitCode).toBe(1);
  });
});

describe("docker steps a scenario refuses", () => {
  it.each([
    [
      "docker start k3d-my-cluster-agent-0",
      'steps[0]: docker start k3d-my-cluster-agent-0: jobsim does not simulate "docker start": a node\'s kubelet coming back (the node Ready again, its deleted pods cleaned up) is not modelled',
    ],
    [
      "docker stop",
      "steps[0]: docker stop: docker: 'docker stop' requires at least 1 argument. Usage:  docker stop [OPTIONS] CONTAINER [CONTAINER...] See 'docker stop --help' for more information",
    ],
    [
      "docker stop -t 0 k3d-my-cluster-agent-0",
      'steps[0]: docker stop -t 0 k3d-my-cluster-agent-0: jobsim does not simulate "docker stop -t": name the containers only',
    ],
    [
      "docker ps",
      'steps[0]: docker ps: jobsim does not simulate "docker ps": steps may run docker stop <node>',
    ],
    [
      "docker frob",
      "steps[0]: docker frob: docker: unknown command: docker frob Run 'docker --help' for more information",
    ],
    [
      "docker stop k3d-my-cluster-agent-0 | grep agent",
      "steps[0]: docker stop k3d-my-cluster-agent-0 | grep agent: only kubectl steps may be piped",
    ],
  ])("%s", (step, problem) => {
    expect(scenarioProblems(scenarioText([step]), "d.yaml")).toEqual([`d.yaml: ${problem}`]);
  });
});
