import type { Cluster } from "../models/cluster.js";
import type { CommandResult } from "./context.js";

/**
 * The one docker command a session of the tutorial's machine can run on its k3d cluster that
 * jobsim simulates: `docker stop <node>` (or `docker container stop`). A k3d node is a Docker
 * container named as the node, so stopping it stops that node's kubelet and its containers
 * (Cluster.stopNode). It lives beside kubectl's commands so that a session and Monte Carlo run
 * the same code.
 *
 * docker/cli cli/command/container/stop.go `runStop`: the containers are stopped in parallel;
 * per container, in argument order, its name goes to stdout when it stopped (a container already
 * stopped too: the daemon's 304 is no error), else the error text is kept; the errors, joined by
 * newlines, are the command's error, which docker's main prints to stderr with exit status 1.
 * A missing container's error is the daemon's `Error response from daemon: No such container:
 * <name>`. (Upstream the errors are read in completion order; here argument order.)
 */

/** The words after `docker` a scenario step may hold, or a problem to report when it loads. */
export function dockerStepProblem(argv: readonly string[]): string | null {
  const stop = stopNames(argv);
  if (stop !== null) {
    if (stop.length === 0)
      return "docker: 'docker stop' requires at least 1 argument.\n\nUsage:  docker stop [OPTIONS] CONTAINER [CONTAINER...]\n\nSee 'docker stop --help' for more information";
    const flag = stop.find((a) => a.startsWith("-"));
    if (flag !== undefined) return `jobsim does not simulate "docker stop ${flag}": name the containers only`;
    return null;
  }
  const sub = argv[0] ?? "";
  if (sub === "start" || (sub === "container" && argv[1] === "start"))
    return 'jobsim does not simulate "docker start": a node\'s kubelet coming back (the node Ready again, its deleted pods cleaned up) is not modelled';
  if (sub === "") return 'jobsim does not simulate "docker" alone: steps may run docker stop <node>';
  if (KNOWN_SUBCOMMANDS.has(sub))
    return `jobsim does not simulate "docker ${sub}": steps may run docker stop <node>`;
  // cmd/docker/docker.go: an unknown top-level command.
  return `docker: unknown command: docker ${sub}\nRun 'docker --help' for more information`;
}

/** The container names of `docker stop …` / `docker container stop …`, or null for another command. */
function stopNames(argv: readonly string[]): string[] | null {
  if (argv[0] === "stop") return argv.slice(1);
  if (argv[0] === "container" && argv[1] === "stop") return argv.slice(2);
  return null;
}

/** docker's other commands (a few of them: enough to tell "not simulated" from "unknown"). */
const KNOWN_SUBCOMMANDS = new Set([
  "attach",
  "build",
  "commit",
  "container",
  "cp",
  "create",
  "exec",
  "image",
  "images",
  "info",
  "inspect",
  "kill",
  "logs",
  "network",
  "pause",
  "port",
  "ps",
  "pull",
  "push",
  "rename",
  "restart",
  "rm",
  "rmi",
  "run",
  "stats",
  "system",
  "top",
  "unpause",
  "update",
  "version",
  "volume",
  "wait",
]);

/**
 * Runs a `docker stop` step (dockerStepProblem accepted it): stops each named agent node. The
 * cluster's other containers are not modelled: a server node (its API server would go with it),
 * k3d's load balancer, registry or tools container are refused as not simulated; any other
 * name is docker's "No such container".
 */
export function dockerCommand(cluster: Cluster, argv: readonly string[]): CommandResult {
  const names = stopNames(argv) ?? [];
  let stdout = "";
  const errors: string[] = [];
  for (const name of names) {
    const node = cluster.store.findNode(name);
    if (node === undefined) {
      errors.push(
        name.startsWith("k3d-")
          ? `jobsim does not simulate stopping container "${name}": only a k3d agent node's container`
          : `Error response from daemon: No such container: ${name}`,
      );
      continue;
    }
    if (node.role === "server") {
      errors.push(`jobsim does not simulate stopping server node "${name}": the API server runs there`);
      continue;
    }
    cluster.stopNode(node);
    stdout += `${name}\n`;
  }
  return {
    stdout,
    stderr: errors.length > 0 ? `${errors.join("\n")}\n` : "",
    exitCode: errors.length > 0 ? 1 : 0,
  };
}
