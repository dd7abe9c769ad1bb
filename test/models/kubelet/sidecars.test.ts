import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * Sidecars: init containers with restartPolicy Always (KEP-753). The kubelet starts one in its
 * place among the init containers and goes on once it runs (computeInitContainerActions); it is
 * ready while running (no probe), restarted on any exit whatever the pod's restartPolicy, and does
 * not decide the phase (getPhase counts a running sidecar as running, ignores a stopped one). Once
 * the regular containers are done the kubelet stops the sidecars (computePodActions: KillPod),
 * after the regular containers and in reverse spec order (kuberuntime_termination_order.go); the
 * pod's phase then comes from the regular containers.
 *
 * The scenario: one node with every image; init containers `proxy` (a sidecar: starts in 1 s,
 * would run `proxyRun` s, stops 2 s after SIGTERM) and `setup` (start 1 s, run 4 s), then `c`
 * (start 1 s, run 3 s, exit `appExit`).
 */

interface Options {
  appExit?: number;
  proxyRun?: number;
  proxyExit?: number;
  restartPolicy?: "Never" | "OnFailure";
  backoffLimit?: number;
  /** The init containers (default: the sidecar, then setup). */
  inits?: string;
}

const PROXY = '{name: proxy, image: "proxy:1", restartPolicy: Always}';
const SETUP = '{name: setup, image: "setup:1"}';

function transcript(steps: string[], o: Options = {}): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: sidecars}
seed: 1
cluster:
  nodes: [{name: node-0, images: ["setup:1", "app:1", "proxy:1", "log:1"]}]
images:
  setup:1: {startSeconds: 1, runSeconds: 4, outcomes: [{probability: 1, exitCode: 0, log: ready}]}
  proxy:1:
    startSeconds: 1
    runSeconds: ${o.proxyRun ?? 3600}
    terminationSeconds: 2
    outcomes: [{probability: 1, exitCode: ${o.proxyExit ?? 0}, log: "proxy up"}]
  log:1: {startSeconds: 1, runSeconds: 3600, terminationSeconds: 1, outcomes: [{probability: 1, exitCode: 0}]}
  app:1: {startSeconds: 1, runSeconds: 3, outcomes: [{probability: 1, exitCode: ${o.appExit ?? 0}, log: ok}]}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      backoffLimit: ${o.backoffLimit ?? 1}
      template:
        spec:
          initContainers: [${o.inits ?? `${PROXY}, ${SETUP}`}]
          containers: [{name: c, image: "app:1"}]
          restartPolicy: ${o.restartPolicy ?? "Never"}
steps:
  - kubectl apply -f job.yaml
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "sidecars.yaml", "/nonexistent"), { stderrPrefix: "2> " });
}

function watchRows(o: Options, sleep = "40s"): string[] {
  const out = transcript(["kubectl get pods -w --no-headers", `sleep ${sleep}`], o);
  return out
    .split("\n")
    .filter((l) => l.startsWith("work-"))
    .map((l) => l.replace(/\s+/g, " "));
}

/** Per watch event of the first pod: what `template` (a JSONPath) prints. */
function watchValues(template: string, o: Options = {}, sleep = "20s"): string[] {
  const out = transcript([`kubectl get pods -w -o=jsonpath='${template}|'`, `sleep ${sleep}`], o);
  return out
    .slice(out.indexOf("\n", out.indexOf("-w -o")) + 1)
    .replace(`$ sleep ${sleep}\n`, "")
    .split("|")
    .filter((v) => v !== "");
}

describe("a Job pod with a sidecar", () => {
  it("starts the sidecar, then the next init container once it runs; READY counts the sidecar; the sidecar is stopped after the main container (Completed 1/2 while it stops)", () => {
    // proxy runs from 1 s; setup 2–6 s; c 7–10 s; proxy gets SIGTERM at 10 s and stops at 12 s.
    expect(watchRows({}, "30s")).toEqual([
      "work-skg54 0/2 Init:0/2 0 0s",
      "work-skg54 1/2 Init:1/2 0 1s",
      "work-skg54 1/2 Init:1/2 0 2s",
      "work-skg54 1/2 PodInitializing 0 6s",
      "work-skg54 2/2 Running 0 7s",
      "work-skg54 1/2 Completed 0 10s",
      "work-skg54 0/2 Completed 0 12s",
      "work-skg54 0/2 Completed 0 12s",
    ]);
  });

  it("phase and Ready: Running with ContainersNotReady [c] while the sidecar stops (getPhase counts it), then Succeeded", () => {
    expect(
      watchValues("{.status.phase}/{.status.conditions[2].reason}/{.status.conditions[2].message}").slice(3),
    ).toEqual([
      "Pending/ContainersNotReady/containers with unready status: [c]", // setup done, c created
      "Running//", // c running: Ready
      "Running/ContainersNotReady/containers with unready status: [c]", // c done, proxy stopping
      "Succeeded/PodCompleted/",
      "Succeeded/PodCompleted/",
    ]);
  });

  it("the sidecar: started and ready while running, unready sidecars listed first; stopped by SIGTERM (143) with a Killing event", () => {
    const first = watchValues("{.status.conditions[2].message}/{.status.initContainerStatuses[0].ready}")[0];
    expect(first).toBe("containers with unready status: [proxy c]/false");
    const out = transcript(["sleep 30s", "kubectl get pods -o yaml", "kubectl describe pods"]);
    const status = parseYaml(out.slice(out.indexOf("apiVersion: v1"), out.indexOf("$ kubectl describe")))
      .items[0].status;
    expect(status.phase).toBe("Succeeded");
    expect(status.initContainerStatuses[0]).toMatchObject({
      name: "proxy",
      ready: false,
      started: false,
      state: { terminated: { exitCode: 143, reason: "Error" } },
    });
    expect(status.initContainerStatuses[0].state.terminated.finishedAt).toBe("2026-01-01T00:00:12Z");
    expect(out).toMatch(
      /Normal +Killing +\S+ +kubelet +spec\.initContainers\{proxy\}: Stopping container proxy/,
    );
  });

  it("the Job completes only once the sidecar has stopped", () => {
    expect(transcript(["sleep 30s", "kubectl get job work -o jsonpath={.status.completionTime}"])).toContain(
      "2026-01-01T00:00:12Z",
    );
  });

  it("a sidecar that exits is restarted whatever the pod's restartPolicy (Never here), under the crash back-off", () => {
    // proxy exits 1 after 3 s: at once the first time (4 s → 5 s), then it waits 10 s (8 s → 18 s).
    const rows = watchRows({ proxyRun: 3, proxyExit: 1 }, "9s");
    expect(rows.slice(3, 7)).toEqual([
      "work-skg54 0/2 Init:Error 0 4s",
      "work-skg54 1/2 Init:1/2 1 (1s ago) 5s",
      "work-skg54 1/2 PodInitializing 1 (2s ago) 6s",
      "work-skg54 2/2 Running 1 (3s ago) 7s",
    ]);
    expect(rows[7]).toBe("work-skg54 1/2 Init:Error 1 (4s ago) 8s");
  });

  it("a sidecar waiting to restart when the main container ends is not stopped nor restarted: the pod ends at once", () => {
    const out = transcript(["sleep 30s", "kubectl get pods -o yaml"], { proxyRun: 3, proxyExit: 1 });
    const status = parseYaml(out.slice(out.indexOf("apiVersion: v1"))).items[0].status;
    expect(status.phase).toBe("Succeeded");
    // Its latest run (ended at 8 s) shows as terminated, the one before as lastState.
    expect(status.initContainerStatuses[0]).toMatchObject({
      restartCount: 1,
      state: { terminated: { exitCode: 1, finishedAt: "2026-01-01T00:00:08Z" } },
      lastState: { terminated: { exitCode: 1, finishedAt: "2026-01-01T00:00:04Z" } },
    });
    expect(out).not.toContain("Killing");
  });

  it("main fails under Never: the pod fails once the sidecar stopped, and the Job's back-off counts from the sidecar's finish (#124942)", () => {
    const out = transcript(
      ["sleep 21s", "kubectl get pods --no-headers", "sleep 1s", "kubectl get pods --no-headers"],
      { appExit: 1 },
    );
    const [before, after] = out.split("$ sleep 1s");
    expect(before).toMatch(/^work-skg54 +0\/2 +Error/m);
    // The first pod finished at 12 s (proxy stopped): its replacement comes at 22 s.
    expect(before.match(/^work-/gm)?.length).toBe(1);
    expect(after.match(/^work-/gm)?.length).toBe(2);
  });

  it("an init container failing under Never fails the pod once the sidecar before it is stopped (the phase held until then)", () => {
    const values = watchValues(
      "{.status.phase}/{.status.conditions[2].reason}/{.status.initContainerStatuses[0].state.terminated.exitCode}",
      { inits: `${PROXY}, {name: setup, image: "app:1"}`, appExit: 3 },
      "9s",
    );
    expect(values.slice(-3)).toEqual(["Pending/PodFailed/", "Failed/PodFailed/143", "Failed/PodFailed/143"]);
  });

  it("several sidecars stop in reverse spec order, after the main container, each with what is left of the grace period", () => {
    // c runs 3–6 s (log started at 2 s, c created then). log (1 s to stop) is last: SIGTERM at 6 s,
    // stopped at 7 s; then proxy (2 s): 7 s → 9 s.
    const out = transcript(["sleep 30s", "kubectl get pods -o yaml"], {
      inits: `${PROXY}, {name: log, image: "log:1", restartPolicy: Always}`,
    });
    const status = parseYaml(out.slice(out.indexOf("apiVersion: v1"))).items[0].status;
    const finished = status.initContainerStatuses.map(
      (c: { name: string; state: { terminated: { finishedAt: string } } }) =>
        `${c.name} ${c.state.terminated.finishedAt}`,
    );
    expect(finished).toEqual(["proxy 2026-01-01T00:00:09Z", "log 2026-01-01T00:00:07Z"]);
  });

  it("OnFailure: a failing main container restarts beside the running sidecar, which is not stopped", () => {
    const rows = watchRows({ appExit: 1, restartPolicy: "OnFailure", backoffLimit: 3 }, "16s");
    expect(rows.slice(4)).toEqual([
      "work-skg54 2/2 Running 0 7s",
      "work-skg54 1/2 Error 0 10s",
      "work-skg54 2/2 Running 1 (1s ago) 11s",
      "work-skg54 1/2 Error 1 (4s ago) 14s",
    ]);
  });
});

describe("the Job controller's finish time of a pod with a sidecar (backoff_utils.go getFinishTimeFromContainers, #124942)", () => {
  it("an init container failed under Never: main never ran, so the stopped sidecar's finishedAt is the finish — not Ready's old transition", () => {
    // setup (app:1) runs 2–5 s and exits 3; proxy gets SIGTERM at 5 s and stops at 7 s. The
    // regular containers give no finish time (c never ran), the sidecar pass starts afresh from
    // nil: 7 s, so the replacement comes 10 s later.
    const out = transcript(
      ["sleep 30s", "kubectl get pods -o jsonpath={.items[*].metadata.creationTimestamp}"],
      {
        inits: `${PROXY}, {name: setup, image: "app:1"}`,
        appExit: 3,
      },
    );
    const created = out
      .slice(out.lastIndexOf("\n") + 1)
      .split(" ")
      .sort();
    expect(created).toEqual(["2026-01-01T00:00:00Z", "2026-01-01T00:00:17Z"]);
  });
});
