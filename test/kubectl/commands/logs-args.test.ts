import { describe, expect, it } from "vitest";
import { planFor } from "../../../src/analysis/plan.js";
import { scenario } from "../../analysis/helpers.js";
import { commandOutput } from "./session.js";

/**
 * `kubectl logs` arguments and LogsOptions.Validate (staging/src/k8s.io/kubectl/pkg/cmd/logs/
 * logs.go): POD CONTAINER names the container inline; more than two arguments is a usage error;
 * once the object is fetched (a missing one is reported first), Validate refuses --since-time
 * with --since, --all-containers with a container, -c with an inline container, a negative
 * --since and a --tail below -1 — before GetFirstPod, so no "Found N pods" and no time passes.
 */

const TWO = `apiVersion: batch/v1
kind: Job
metadata: {name: two}
spec:
  template:
    spec:
      containers: [{name: a, image: "app:1"}, {name: b, image: "app:1"}]
      restartPolicy: Never
`;
const RAN = ["kubectl apply -f two.yaml", "sleep 1m"];
const opts = { files: { "two.yaml": TWO } };
const USAGE =
  "2> error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n2> POD or TYPE/NAME is a required argument for the logs command\n2> See 'kubectl logs -h' for help and examples\n";

describe("kubectl logs arguments and Validate", () => {
  it.each([
    // The inline container is the container: no "Defaulted container" notice.
    ["kubectl logs job/two b", "ok\n"],
    ["kubectl logs job/two", '2> Defaulted container "a" out of: a, b\nok\n'],
    ["kubectl logs job/two b -c a", "2> error: only one of -c or an inline [CONTAINER] arg is allowed\n"],
    [
      "kubectl logs job/two --all-containers -c a",
      "2> error: --all-containers=true should not be specified with container name a\n",
    ],
    [
      "kubectl logs job/two b --all-containers",
      "2> error: --all-containers=true should not be specified with container name b\n",
    ],
    ["kubectl logs job/two --all-containers=false -c a", "ok\n"],
    ["kubectl logs job/two -c a --tail=-2", "2> error: --tail must be greater than or equal to -1\n"],
    ["kubectl logs job/two -c a --tail=-1", "ok\n"],
    ["kubectl logs a b c", USAGE],
    [
      "kubectl logs -l job-name=two x",
      "2> error: only a selector (-l) or a POD name is allowed\n2> See 'kubectl logs -h' for help and examples\n",
    ],
    [
      "kubectl logs -l job-name=two x y",
      "2> error: selectors and the all flag cannot be used when passing resource/name arguments\n",
    ],
    // Complete fetches first: the missing pod is reported before Validate's complaints.
    [
      "kubectl logs nope --since=-3s",
      '2> error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    ],
    [
      "kubectl logs nope --tail=-3",
      '2> error: error from server (NotFound): pods "nope" not found in namespace "default"\n',
    ],
    [
      "kubectl logs -l job-name=nope --tail=-3",
      "2> No resources found in default namespace.\n2> error: --tail must be greater than or equal to -1\n",
    ],
  ])("%s", (command, expected) => {
    expect(commandOutput(RAN, command, opts)).toBe(expected);
  });

  it("refuses before GetFirstPod waits: no time passes for a Job with no pod yet", () => {
    const steps = ["kubectl apply -f two.yaml"];
    const out = commandOutput(steps, "kubectl logs -f job/two --tail=-2 -c a", opts);
    expect(out).toBe("2> error: --tail must be greater than or equal to -1\n");
    const age = commandOutput([...steps, "kubectl logs -f job/two --tail=-2 -c a"], "kubectl get jobs", opts);
    expect(age).toMatch(/ 0s\n$/);
  });
});

describe("kubectl logs job/NAME when the Job has no pod yet", () => {
  // GetFirstPod (polymorphichelpers/helpers.go): with no pod in its List it watches, and the pod
  // of the first Added event is the one, counted as one: no "Found N pods" however many the
  // Job controller then creates; the pod, just created, has no node, so its stream is empty.
  const PAR = `apiVersion: batch/v1
kind: Job
metadata: {name: par}
spec:
  parallelism: 3
  backoffLimit: 20
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
  const o = { files: { "par.yaml": PAR }, runSeconds: 2, exitCode: 1 };
  // The three pods fail at 5 s; once they are deleted the replacements come after the back-off.
  const steps = ["kubectl apply -f par.yaml", "sleep 6s", "kubectl delete pods -l job-name=par"];

  it("reads the first pod created, with no notice", () => {
    const command = "kubectl logs job/par --pod-running-timeout=2m";
    expect(commandOutput(steps, command, o)).toBe("");
    const after = commandOutput([...steps, command], "kubectl get pods -o name", o);
    expect(after.trim().split("\n")).toHaveLength(3);
  });

  it("times out when none comes", () => {
    expect(commandOutput(steps, "kubectl logs job/par --pod-running-timeout=5s", o)).toBe(
      "2> error: timed out waiting for the condition\n",
    );
  });
});

describe("kubectl logs flag values pflag refuses", () => {
  // kubectl's root command sets templates' FlagErrorFunc (pkg/util/templates/templater.go).
  const SEE = "2> See 'kubectl logs --help' for usage.\n";
  it.each([
    [
      "--tail=x",
      '2> error: invalid argument "x" for "--tail" flag: strconv.ParseInt: parsing "x": invalid syntax\n',
    ],
    [
      "--max-log-requests=2.5",
      '2> error: invalid argument "2.5" for "--max-log-requests" flag: strconv.ParseInt: parsing "2.5": invalid syntax\n',
    ],
    [
      "--pod-running-timeout=5",
      '2> error: invalid argument "5" for "--pod-running-timeout" flag: time: missing unit in duration "5"\n',
    ],
    [
      "--since=1y",
      '2> error: invalid argument "1y" for "--since" flag: time: unknown unit "y" in duration "1y"\n',
    ],
  ])("%s", (flags, expected) => {
    expect(commandOutput(RAN, `kubectl logs nope ${flags}`, opts)).toBe(expected + SEE);
  });
});

describe("kubectl logs -f job/NAME in a Monte Carlo plan", () => {
  const planOf = (step: string) =>
    planFor(scenario({ p: 1, backoffLimit: 6, steps: ["kubectl apply -f job.yaml", step] })).steps;

  it.each([
    ["kubectl logs -f job/work", undefined],
    ["kubectl logs -f job/work c1", "c1"],
    ["kubectl logs -f job/work -c c1", "c1"],
  ])("%s follows", (step, container) => {
    const follow = planOf(step).find((s) => s.kind === "follow");
    expect(follow).toMatchObject({ kind: "follow", name: "work", container });
  });

  it.each([
    "kubectl logs -f job/work c1 -c c1",
    "kubectl logs -f job/work --all-containers -c c1",
    "kubectl logs -f job/work --tail=-2",
    "kubectl logs -f job/work --tail=x",
    "kubectl logs -f job/work --since=-1s",
    "kubectl logs -f job/work a b",
  ])("%s is refused and not replayed", (step) => {
    expect(planOf(step).map((s) => s.kind)).toEqual(["create"]);
  });
});

describe("kubectl logs --pod-running-timeout under a millisecond", () => {
  // GetPodRunningTimeoutFlag (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go) refuses a
  // time.Duration <= 0, in nanoseconds: 1us is a (short) timeout, -1us is refused.
  it("1us is accepted: the pods are read as usual", () => {
    expect(commandOutput(RAN, "kubectl logs job/two --pod-running-timeout=1us -c a", opts)).toBe("ok\n");
  });

  it("-1us is refused", () => {
    expect(commandOutput(RAN, "kubectl logs job/two --pod-running-timeout=-1us", opts)).toBe(
      "2> error: --pod-running-timeout must be higher than zero\n",
    );
  });
});
