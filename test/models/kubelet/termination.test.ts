import { describe, expect, it } from "vitest";
import { NodePulls } from "../../../src/models/kubelet/image-pulls.js";
import { EXIT_CODE_SIGKILL, planKill, terminateContainers } from "../../../src/models/kubelet/termination.js";
import {
  ContainerRun,
  ContainerState,
  ContainerStatus,
  NONE,
  type PodRecord,
  previousRun,
  terminatedExitCode,
} from "../../../src/models/objects.js";
import { DEFAULT_ON_SIGTERM, type Outcome } from "../../../src/models/workload.js";
import { behaviour } from "../harness.js";

const EXIT_CODE_SIGTERM = DEFAULT_ON_SIGTERM.exitCode;

/**
 * Killing a pod's containers (kuberuntime_container.go killContainer: SIGTERM, then SIGKILL at
 * the grace period) and a node's serialised image pulls, as pure decisions.
 */

interface FakeContainer {
  state: ContainerState;
  current: ContainerRun | null;
  ready: boolean;
  statusUnknown: boolean;
  preStopSleepMs: number;
  behaviour: ReturnType<typeof behaviour>;
}

function podWith(...exits: (number | null)[]): PodRecord {
  return podHandling(DEFAULT_ON_SIGTERM, ...exits);
}

/** Containers of an image that exits as `onSigterm` says when SIGTERM stops it. */
function podHandling(onSigterm: Outcome, ...exits: (number | null)[]): PodRecord {
  const image = behaviour({ onSigterm });
  const containers: FakeContainer[] = exits.map((exitAt) => {
    if (exitAt === null)
      return {
        state: ContainerState.Waiting,
        current: null,
        ready: false,
        statusUnknown: false,
        preStopSleepMs: NONE,
        behaviour: image,
      };
    const run = new ContainerRun(0, 0);
    run.exitAtMs = exitAt;
    run.exitCode = 0;
    run.reason = "Completed";
    run.exitLog = "done\n";
    run.sigtermLog = onSigterm.log === "" ? null : `${onSigterm.log}\n`;
    return {
      state: ContainerState.Running,
      current: run,
      ready: true,
      statusUnknown: false,
      preStopSleepMs: NONE,
      behaviour: image,
    };
  });
  return { containers, initContainers: [], deletionMs: 1_000 } as unknown as PodRecord;
}

describe("planKill", () => {
  const now = 10_000;
  const grace = 30_000;
  const cases: {
    name: string;
    naturalExit: number;
    stop: number;
    exitAt: number;
    code: number;
    reason: string;
  }[] = [
    {
      name: "stops on SIGTERM within the grace period",
      naturalExit: 99_000,
      stop: 5_000,
      exitAt: 15_000,
      code: EXIT_CODE_SIGTERM,
      reason: "Error",
    },
    {
      name: "ignores SIGTERM: killed at the grace period",
      naturalExit: 99_000,
      stop: 45_000,
      exitAt: 40_000,
      code: EXIT_CODE_SIGKILL,
      reason: "Error",
    },
    {
      name: "ends by itself before the signal takes effect",
      naturalExit: 12_000,
      stop: 5_000,
      exitAt: 12_000,
      code: 0,
      reason: "Completed",
    },
    {
      name: "stop time equal to the grace period counts as SIGTERM",
      naturalExit: 99_000,
      stop: 30_000,
      exitAt: 40_000,
      code: EXIT_CODE_SIGTERM,
      reason: "Error",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = podWith(c.naturalExit);
      const done = planKill(pod, now, grace / 1000, grace, () => c.stop);
      const run = pod.containers[0].current!;
      expect(done).toBe(c.exitAt);
      expect(run.exitAtMs).toBe(c.exitAt);
      expect(run.exitCode).toBe(c.code);
      expect(run.reason).toBe(c.reason);
      // A stopped process never wrote its outcome (nor, without a handler, anything else).
      expect(run.exitLog).toBe(c.code === 0 ? "done\n" : null);
    });
  }

  // An image's onSigterm: how an app that catches SIGTERM exits (the runtime's reason follows the
  // exit code, as for any exit); SIGKILL at the grace period overrides it.
  const handled: {
    name: string;
    onSigterm: Outcome;
    stop: number;
    code: number;
    reason: string;
    log: string | null;
  }[] = [
    {
      name: "exits 0 on SIGTERM: Completed, with its handler's line",
      onSigterm: { exitCode: 0, log: "INFO: shutting down" },
      stop: 3_000,
      code: 0,
      reason: "Completed",
      log: "INFO: shutting down\n",
    },
    {
      name: "exits 1 on SIGTERM: Error",
      onSigterm: { exitCode: 1, log: "" },
      stop: 3_000,
      code: 1,
      reason: "Error",
      log: null,
    },
    {
      name: "a reason of its own",
      onSigterm: { exitCode: 2, log: "", reason: "Interrupted" },
      stop: 3_000,
      code: 2,
      reason: "Interrupted",
      log: null,
    },
    {
      name: "a handler slower than the grace period: SIGKILL, nothing written",
      onSigterm: { exitCode: 0, log: "bye" },
      stop: 31_000,
      code: EXIT_CODE_SIGKILL,
      reason: "Error",
      log: null,
    },
  ];
  for (const c of handled) {
    it(c.name, () => {
      const pod = podHandling(c.onSigterm, 99_000);
      planKill(pod, now, grace / 1000, grace, () => c.stop);
      const run = pod.containers[0].current!;
      expect([run.exitCode, run.reason, run.exitLog]).toEqual([c.code, c.reason, c.log]);
    });
  }

  it("asks for stop times only of containers still running, in order, and waits for the last", () => {
    const pod = podWith(50_000, null, 5_000, 80_000);
    const asked: number[] = [];
    const done = planKill(pod, now, grace / 1000, grace, (_c, run) => {
      asked.push(run.exitAtMs);
      return asked.length === 1 ? 2_000 : 60_000;
    });
    // The container already past its exit (5 s < now) and the waiting one are not asked.
    expect(asked).toEqual([50_000, 80_000]);
    expect(done).toBe(now + grace);
    terminateContainers(pod);
    for (const c of pod.containers) {
      expect(c.state).toBe(ContainerState.Terminated);
      expect(c.ready).toBe(false);
      if (c.current === null) continue;
      expect(c.current.finishedMs).toBe(c.current.exitAtMs);
    }
  });
});

/**
 * A preStop sleep (kuberuntime_container.go killContainer → executePreStopHook): the hook runs
 * first, for its sleep or the grace period, whichever ends first (elapsed time truncated to whole
 * seconds); SIGTERM then with the grace left, at least minimumGracePeriodInSeconds (2 s).
 */
describe("planKill with a preStop sleep", () => {
  const now = 10_000;
  const cases: {
    name: string;
    grace: number; // s
    sleep: number; // ms
    naturalExit: number;
    stop: number;
    exitAt: number;
    code: number;
  }[] = [
    // SIGTERM after the 5 s sleep; stops 3 s later: 143 at +8 s.
    {
      name: "sleep shorter than the grace",
      grace: 30,
      sleep: 5_000,
      naturalExit: 99_000,
      stop: 3_000,
      exitAt: 18_000,
      code: EXIT_CODE_SIGTERM,
    },
    // Ignores SIGTERM: SIGKILL at +5 s + (30 − 5) s = the grace period, not 5 s after it.
    {
      name: "sleep then SIGKILL at the grace period",
      grace: 30,
      sleep: 5_000,
      naturalExit: 99_000,
      stop: 60_000,
      exitAt: 40_000,
      code: EXIT_CODE_SIGKILL,
    },
    // The hook is cut at 30 s; 0 s left, raised to 2 s: SIGKILL at +32 s.
    {
      name: "sleep longer than the grace",
      grace: 30,
      sleep: 45_000,
      naturalExit: 99_000,
      stop: 60_000,
      exitAt: 42_000,
      code: EXIT_CODE_SIGKILL,
    },
    {
      name: "sleep longer than the grace, SIGTERM heeded",
      grace: 30,
      sleep: 45_000,
      naturalExit: 99_000,
      stop: 1_500,
      exitAt: 41_500,
      code: EXIT_CODE_SIGTERM,
    },
    // 1 s left after a 9 s sleep of 10 s: raised to 2 s.
    {
      name: "less than 2 s left after the sleep",
      grace: 10,
      sleep: 9_000,
      naturalExit: 99_000,
      stop: 60_000,
      exitAt: 21_000,
      code: EXIT_CODE_SIGKILL,
    },
    // The process ends by itself during the hook: its own exit.
    {
      name: "ends by itself during the hook",
      grace: 30,
      sleep: 5_000,
      naturalExit: 12_000,
      stop: 1_000,
      exitAt: 12_000,
      code: 0,
    },
    {
      name: "sleep 0",
      grace: 30,
      sleep: 0,
      naturalExit: 99_000,
      stop: 3_000,
      exitAt: 13_000,
      code: EXIT_CODE_SIGTERM,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = podWith(c.naturalExit);
      (pod.containers[0] as unknown as FakeContainer).preStopSleepMs = c.sleep;
      let asked = 0;
      const done = planKill(pod, now, c.grace, Math.max(c.grace, 2) * 1000, () => {
        asked++;
        return c.stop;
      });
      const run = pod.containers[0].current!;
      expect([done, run.exitAtMs, run.exitCode]).toEqual([c.exitAt, c.exitAt, c.code]);
      // Killing is recorded (stop time asked) before the hook, even when the run ends during it.
      expect(asked).toBe(1);
    });
  }

  it("runs no hook with no grace period (killContainer: gracePeriod > 0)", () => {
    const pod = podWith(99_000);
    (pod.containers[0] as unknown as FakeContainer).preStopSleepMs = 5_000;
    expect(planKill(pod, now, 0, 2_000, () => 60_000)).toBe(now + 2_000);
  });
});

describe("terminateContainers: the pod worker's last container states", () => {
  function run(restart: number, exitCode: number): ContainerRun {
    const r = new ContainerRun(1_000 * restart, restart);
    r.exitAtMs = r.finishedMs = 1_000 * restart + 500;
    r.exitCode = exitCode;
    r.reason = exitCode === 0 ? "Completed" : "Error";
    return r;
  }
  /** One container in a given state; `runs` earlier runs, the latest current. */
  function container(state: ContainerState, runs: number): ContainerStatus {
    const c = new ContainerStatus("c", "img", 0, behaviour());
    for (let i = 0; i < runs; i++) {
      c.last = c.current;
      c.current = run(i, 1);
    }
    c.state = state;
    if (state === ContainerState.Waiting && runs > 0) c.waitingReason = "CrashLoopBackOff";
    return c;
  }
  const cases: {
    name: string;
    state: ContainerState;
    runs: number;
    deleted: boolean;
    unknown: boolean;
    exitCode: number;
    /** restart number of the run lastState shows (null: none) */
    lastState: number | null;
  }[] = [
    {
      name: "never started, deleted",
      state: ContainerState.Waiting,
      runs: 0,
      deleted: true,
      unknown: true,
      exitCode: 137,
      lastState: null,
    },
    {
      name: "never started, past its deadline",
      state: ContainerState.Waiting,
      runs: 0,
      deleted: false,
      unknown: true,
      exitCode: 137,
      lastState: null,
    },
    {
      name: "crash loop, deleted: the latest run again",
      state: ContainerState.Waiting,
      runs: 2,
      deleted: true,
      unknown: false,
      exitCode: 1,
      lastState: 0,
    },
    {
      name: "crash loop after one run, deleted",
      state: ContainerState.Waiting,
      runs: 1,
      deleted: true,
      unknown: false,
      exitCode: 1,
      lastState: null,
    },
    {
      name: "crash loop, past its deadline: unknown",
      state: ContainerState.Waiting,
      runs: 2,
      deleted: false,
      unknown: true,
      exitCode: 137,
      lastState: 1,
    },
    {
      name: "already terminated: kept",
      state: ContainerState.Terminated,
      runs: 2,
      deleted: true,
      unknown: false,
      exitCode: 1,
      lastState: 0,
    },
  ];
  for (const k of cases) {
    it(k.name, () => {
      const c = container(k.state, k.runs);
      const pod = {
        containers: [c],
        initContainers: [],
        deletionMs: k.deleted ? 1_000 : NONE,
      } as unknown as PodRecord;
      terminateContainers(pod);
      expect(c.state).toBe(ContainerState.Terminated);
      expect(c.statusUnknown).toBe(k.unknown);
      expect(terminatedExitCode(c)).toBe(k.exitCode);
      expect(previousRun(c)?.restart ?? null).toBe(k.lastState);
    });
  }
});

describe("NodePulls", () => {
  it("serialises pulls and lets a later pull of the same image find its layers", () => {
    const pulls = new NodePulls();
    expect(pulls.startAt(1_000)).toBe(1_000);
    pulls.book("app:1", 9_000);
    // The next pull waits for the first to end.
    expect(pulls.startAt(2_000)).toBe(9_000);
    expect(pulls.layersThere("app:1", false, 9_000)).toBe(true);
    expect(pulls.layersThere("app:1", false, 8_999)).toBe(false);
    expect(pulls.layersThere("other:2", false, 9_000)).toBe(false);
    expect(pulls.layersThere("other:2", true, 0)).toBe(true);
    pulls.reset();
    expect(pulls.startAt(2_000)).toBe(2_000);
    expect(pulls.layersThere("app:1", false, 9_000)).toBe(false);
  });
});
