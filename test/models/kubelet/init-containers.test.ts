import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";
import { PURPLE_POD_YAML } from "../../kubectl/printers/captures.js";

/**
 * Init containers, run by the kubelet one after another before the regular containers
 * (kuberuntime_manager.go computePodActions / computeInitContainerActions): each starts in the
 * sync that observes the previous one exit 0, the regular containers in the sync that observes the
 * last one. While they run every container not yet created waits with reason PodInitializing
 * (kubelet_pods.go convertToAPIContainerStatuses), Initialized is False, ContainersNotInitialized,
 * naming the init containers not yet done (status/generate.go GeneratePodInitializedCondition),
 * and an init container is ready only once it exited 0 (prober_manager.go UpdatePodStatus). A
 * failed one fails the pod under restartPolicy Never (getPhase) and restarts with the crash
 * back-off under OnFailure.
 *
 * The scenario: one node with both images; init containers `fetch` and `setup` (image setup:1:
 * start 1 s, run 4 s, exit `initExit`) before container `c` (app:1: start 1 s, run 3 s, exit 0).
 */

interface Options {
  initExit?: number;
  restartPolicy?: "Never" | "OnFailure";
  backoffLimit?: number;
  extraSpec?: string;
}

function transcript(steps: string[], o: Options = {}): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: init}
seed: 1
cluster:
  nodes: [{name: node-0, images: ["setup:1", "app:1"]}]
images:
  setup:1:
    startSeconds: 1
    runSeconds: 4
    outcomes: [{probability: 1, exitCode: ${o.initExit ?? 0}, log: "setup says hi"}]
  app:1:
    startSeconds: 1
    runSeconds: 3
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: ${o.backoffLimit ?? 1}${o.extraSpec ?? ""}
      template:
        spec:
          initContainers: [{name: fetch, image: "setup:1"}, {name: setup, image: "setup:1"}]
          containers: [{name: c, image: "app:1"}]
          restartPolicy: ${o.restartPolicy ?? "Never"}
steps:
  - kubectl apply -f job.yaml
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "init.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}

/** The first pod's status as `get pods -o yaml` shows it after `sleep`. */
function statusAt(sleep: string, o: Options = {}): Record<string, any> {
  const out = transcript([`sleep ${sleep}`, "kubectl get pods -o yaml"], o);
  const list = parseYaml(out.slice(out.indexOf("apiVersion: v1")));
  return list.items[list.items.length - 1].status;
}

const condition = (status: Record<string, any>, type: string) =>
  status.conditions.find((c: { type: string }) => c.type === type);

/** The rows `get pods -w` prints (names, ages left as they are). */
function watchRows(o: Options, sleep = "40s"): string[] {
  const out = transcript(["kubectl get pods -w --no-headers", `sleep ${sleep}`], o);
  return out
    .split("\n")
    .filter((l) => l.startsWith("work-"))
    .map((l) => l.replace(/\s+/g, " "));
}

describe("init containers that succeed", () => {
  it("STATUS goes Init:0/2 → Init:1/2 → PodInitializing → Running → Completed, each step at the relist that sees the last one end", () => {
    // fetch starts at 1 s and exits at 5 s; setup is started in the sync that saw it (5 s), runs
    // from 6 s to 10 s; c is started in the sync that saw setup end (10 s) and runs 11–14 s.
    expect(watchRows({}, "20s")).toEqual([
      "work-skg54 0/1 Init:0/2 0 0s",
      "work-skg54 0/1 Init:0/2 0 1s",
      "work-skg54 0/1 Init:1/2 0 5s",
      "work-skg54 0/1 Init:1/2 0 6s",
      "work-skg54 0/1 PodInitializing 0 10s",
      "work-skg54 1/1 Running 0 11s",
      "work-skg54 0/1 Completed 0 14s",
      "work-skg54 0/1 Completed 0 15s",
    ]);
  });

  it("while the first one runs: the shape of a real pod with two init containers, the first running", () => {
    const s = statusAt("3s");
    // captures.ts PURPLE_POD_YAML: a k3s pod in the same state (older release: no observedGeneration
    // and no volumeMounts in statuses, which 1.35 writes).
    const real = parseYaml(PURPLE_POD_YAML).status;
    const shape = (st: Record<string, any>) => ({
      phase: st.phase,
      conditions: st.conditions.map((c: Record<string, unknown>) => [
        c.type,
        c.status,
        c.reason ?? "",
        (c.message as string | undefined)?.replace(/\[.*\]/, "[…]") ?? "",
      ]),
      init: st.initContainerStatuses.map((c: Record<string, any>) => [
        Object.keys(c.state)[0],
        c.state.waiting?.reason ?? "",
        c.ready,
        c.started,
        c.containerID === undefined,
      ]),
      regular: st.containerStatuses.map((c: Record<string, any>) => [
        c.state.waiting?.reason,
        c.ready,
        c.started,
      ]),
    });
    expect(shape(s)).toEqual(shape(real));
    expect(condition(s, "Initialized").message).toBe("containers with incomplete status: [fetch setup]");
    expect(condition(s, "Ready").message).toBe("containers with unready status: [c]");
  });

  it("the Initialized message drops each init container as it exits 0; that one is ready, no longer started", () => {
    const s = statusAt("7s");
    expect(condition(s, "Initialized").message).toBe("containers with incomplete status: [setup]");
    expect(s.initContainerStatuses[0]).toMatchObject({
      name: "fetch",
      ready: true,
      started: false,
      state: { terminated: { exitCode: 0, reason: "Completed" } },
    });
    expect(s.initContainerStatuses[1]).toMatchObject({ name: "setup", ready: false, started: true });
  });

  it("Initialized turns True in the status that sees the last one end, while the regular container still waits PodInitializing", () => {
    // Per watch event: Initialized's status / c's waiting reason.
    const out = transcript([
      "kubectl get pods -w -o=jsonpath='{.status.phase}/{.status.conditions[1].status}/{.status.containerStatuses[0].state.waiting.reason} '",
      "sleep 20s",
    ]);
    const events = out
      .slice(out.indexOf("\n", out.indexOf("-w")) + 1)
      .replace("$ sleep 20s\n", "")
      .trim()
      .split(" ");
    expect(events).toEqual([
      "Pending/False/PodInitializing", // the kubelet's first status
      "Pending/False/PodInitializing", // fetch running
      "Pending/False/PodInitializing", // fetch done, setup created
      "Pending/False/PodInitializing", // setup running
      "Pending/True/PodInitializing", // setup done, c created: STATUS PodInitializing
      "Running/True/", // c running
      "Succeeded/True/",
      "Succeeded/True/", // the Job controller took its finalizer off
    ]);
    const s = statusAt("30s");
    expect(condition(s, "Initialized").lastTransitionTime).toBe("2026-01-01T00:00:10Z");
  });

  it("a Succeeded pod's Initialized carries reason PodCompleted", () => {
    const s = statusAt("30s");
    expect(s.phase).toBe("Succeeded");
    expect(condition(s, "Initialized")).toMatchObject({
      status: "True",
      reason: "PodCompleted",
      lastTransitionTime: "2026-01-01T00:00:10Z",
    });
  });

  it("events: each init container's Pulled, Created, Started (fieldPath spec.initContainers{name}) before the next one's", () => {
    const out = transcript(["sleep 30s", "kubectl describe pods"]);
    const rows = out
      .slice(out.indexOf("Events:"))
      .split("\n")
      .filter((l) => l.includes("kubelet"))
      .map((l) => l.replace(/^.*kubelet +/, ""));
    expect(rows).toEqual([
      'spec.initContainers{fetch}: Container image "setup:1" already present on machine and can be accessed by the pod',
      "spec.initContainers{fetch}: Container created",
      "spec.initContainers{fetch}: Container started",
      'spec.initContainers{setup}: Container image "setup:1" already present on machine and can be accessed by the pod',
      "spec.initContainers{setup}: Container created",
      "spec.initContainers{setup}: Container started",
      'spec.containers{c}: Container image "app:1" already present on machine and can be accessed by the pod',
      "spec.containers{c}: Container created",
      "spec.containers{c}: Container started",
    ]);
  });
});

describe("kubectl logs of a pod with init containers", () => {
  it("-c names an init container; the default is the first regular container, said with the init containers marked", () => {
    const out = transcript(["sleep 30s", "kubectl logs job/work -c setup", "kubectl logs job/work"]);
    expect(out).toContain("$ kubectl logs job/work -c setup\nsetup says hi\n");
    expect(out).toContain(
      '$ kubectl logs job/work\n2> Defaulted container "c" out of: c, fetch (init), setup (init)\nok\n',
    );
  });

  it("while initializing, a container not yet created is waiting to start: PodInitializing", () => {
    const out = transcript(["sleep 3s", "kubectl logs job/work -c setup", "kubectl logs job/work -c c"]);
    expect(out).toContain(
      '2> Error from server (BadRequest): container "setup" in pod "work-skg54" is waiting to start: PodInitializing',
    );
    expect(out).toContain(
      '2> Error from server (BadRequest): container "c" in pod "work-skg54" is waiting to start: PodInitializing',
    );
  });

  it("--all-containers reads the init containers, then the regular ones", () => {
    const out = transcript(["sleep 30s", "kubectl logs job/work --all-containers --prefix"]);
    expect(out).toContain(
      "[pod/work-skg54/fetch] setup says hi\n[pod/work-skg54/setup] setup says hi\n[pod/work-skg54/c] ok\n",
    );
  });
});

describe("an init container that fails, restartPolicy Never", () => {
  it("fails the pod (Init:Error); the next init container and the regular one never start", () => {
    const s = statusAt("7s", { initExit: 3 });
    expect(s.phase).toBe("Failed");
    // No pod-level reason on this path; TerminatePod leaves the waiting containers of a pod that
    // never initialized as they are (status_manager.go hasPodInitialized).
    expect(s.reason).toBeUndefined();
    expect(s.initContainerStatuses.map((c: Record<string, any>) => c.state)).toMatchObject([
      { terminated: { exitCode: 3, reason: "Error" } },
      { waiting: { reason: "PodInitializing" } },
    ]);
    expect(s.containerStatuses[0].state).toEqual({ waiting: { reason: "PodInitializing" } });
    expect(condition(s, "Initialized")).toMatchObject({
      status: "False",
      reason: "ContainersNotInitialized",
      message: "containers with incomplete status: [fetch setup]",
    });
    expect(condition(s, "Ready")).toMatchObject({ status: "False", reason: "PodFailed" });
    expect(condition(s, "Ready").message).toBeUndefined();
  });

  it("the Job counts it; its back-off runs from the Ready=False transition of the kubelet's first status (getFinishedTime: no regular container terminated)", () => {
    // The first pod started at 0 s and failed at 5 s: the replacement comes 10 s after 0 s.
    const rows = watchRows({ initExit: 3 }, "40s");
    expect(rows.slice(0, 4)).toEqual([
      "work-skg54 0/1 Init:0/2 0 0s",
      "work-skg54 0/1 Init:0/2 0 1s",
      "work-skg54 0/1 Init:Error 0 5s",
      "work-skg54 0/1 Init:Error 0 6s",
    ]);
    const out = transcript(
      ["sleep 9s", "kubectl get pods --no-headers", "sleep 1s", "kubectl get pods --no-headers"],
      {
        initExit: 3,
      },
    );
    const [before, after] = out.split("$ sleep 1s");
    expect(before.match(/^work-/gm)?.length).toBe(1);
    expect(after.match(/^work-/gm)?.length).toBe(2);
    expect(
      transcript(
        ["sleep 60s", "kubectl get job work -o jsonpath={.status.failed}/{.status.conditions[-1:].reason}"],
        {
          initExit: 3,
        },
      ),
    ).toContain("2/BackoffLimitExceeded");
  });

  it("a pod failure policy's onExitCodes matches the init container (containerStatuses, then initContainerStatuses)", () => {
    const out = transcript(
      ["sleep 10s", "kubectl get job work -o jsonpath={.status.conditions[0].message}"],
      {
        initExit: 3,
        backoffLimit: 6,
        extraSpec:
          "\n      podFailurePolicy:\n        rules:\n        - action: FailJob\n          onExitCodes: {containerName: fetch, operator: In, values: [3]}",
      },
    );
    expect(out).toContain(
      "Container fetch for pod default/work-skg54 failed with exit code 3 matching FailJob rule at index 0",
    );
  });
});

describe("an init container that fails, restartPolicy OnFailure", () => {
  it("restarts at once, then after the crash back-off (Init:Error, Init:CrashLoopBackOff); the pod stays Pending", () => {
    expect(watchRows({ initExit: 3, restartPolicy: "OnFailure", backoffLimit: 6 }, "30s")).toEqual([
      "work-skg54 0/1 Init:0/2 0 0s",
      "work-skg54 0/1 Init:0/2 0 1s",
      "work-skg54 0/1 Init:Error 0 5s",
      "work-skg54 0/1 Init:0/2 1 (1s ago) 6s",
      "work-skg54 0/1 Init:Error 1 (5s ago) 10s",
      "work-skg54 0/1 Init:CrashLoopBackOff 1 (15s ago) 25s",
      "work-skg54 0/1 Init:0/2 2 (16s ago) 26s",
    ]);
    const s = statusAt("27s", { initExit: 3, restartPolicy: "OnFailure", backoffLimit: 6 });
    expect(s.phase).toBe("Pending");
    expect(s.initContainerStatuses[0]).toMatchObject({
      restartCount: 2,
      lastState: { terminated: { exitCode: 3 } },
    });
  });

  it("the BackOff event names the init container", () => {
    const out = transcript(["sleep 30s", "kubectl describe pods"], {
      initExit: 3,
      restartPolicy: "OnFailure",
      backoffLimit: 6,
    });
    expect(out).toMatch(
      /Warning +BackOff +.* +kubelet +spec\.initContainers\{fetch\}: Back-off restarting failed container fetch in pod work-skg54_default\(/,
    );
  });

  it("backoffLimit counts the init containers' restarts (pastBackoffLimitOnFailure)", () => {
    const out = transcript(
      ["sleep 30s", "kubectl get job work -o jsonpath={.status.conditions[-1:].reason}"],
      {
        initExit: 3,
        restartPolicy: "OnFailure",
        backoffLimit: 1,
      },
    );
    expect(out).toContain("BackoffLimitExceeded");
  });
});

describe("a pod deleted while an init container runs", () => {
  it("that one is killed (143); the init containers after it and the regular one stay waiting", () => {
    const out = transcript([
      "sleep 7s",
      "kubectl delete pods --all --wait=false",
      "kubectl get pods -w -o yaml --output-watch-events",
      "sleep 1s",
    ]);
    const docs = out.slice(out.indexOf("$ sleep 1s")).split(/^---$/m);
    const deleted = docs.find((d) => d.includes("type: DELETED"))!;
    const status = parseYaml(deleted.replace("$ sleep 1s\n", "")).object.status;
    expect(status.phase).toBe("Failed");
    expect(status.initContainerStatuses.map((c: Record<string, any>) => c.state)).toMatchObject([
      { terminated: { exitCode: 0, reason: "Completed" } },
      { terminated: { exitCode: 143, reason: "Error" } },
    ]);
    expect(status.containerStatuses[0].state).toEqual({ waiting: { reason: "PodInitializing" } });
  });
});
