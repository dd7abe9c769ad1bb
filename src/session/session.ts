import { runKubectl } from "../kubectl/commands/index.js";
import type { CommandResult, KubectlContext } from "../kubectl/context.js";
import { dockerCommand } from "../kubectl/docker.js";
import { Cluster } from "../models/cluster.js";
import { Materializer } from "../models/materialize.js";
import { type TraceLine, TraceRecorder } from "../models/trace.js";
import { clusterConfig } from "../scenario/cluster-config.js";
import type { Scenario } from "../scenario/load.js";
import type { Step } from "../scenario/steps.js";
import { hintsFor } from "./hints.js";
import { applyPipe } from "./pipe.js";

/**
 * A terminal session against the simulated cluster: the scenario's steps in order, in
 * simulated time. Commands take no time themselves; `sleep`/`at` let time pass; `kubectl wait`,
 * `delete` and `logs -f` block until their condition. Before each step, everything due at the
 * current instant has happened. A `get -w` keeps printing rows through the following
 * sleep/at steps and stops at the next kubectl command (as if interrupted there).
 */

export interface TranscriptSink {
  /** The command line, as the prompt shows it. */
  prompt(line: string): void;
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface StepOutcome {
  line: string;
  /** Simulated ms when the step started. */
  startMs: number;
  exitCode: number;
}

export interface SessionOptions {
  seed?: number | string;
  /**
   * Which run of the seed to replay (default 0): `jobsim mc --seed S` run N, with all its
   * detail, is `jobsim run --seed S --run N`.
   */
  run?: number;
  /** Receives every change to a Job or Pod. */
  trace?: (line: TraceLine) => void;
}

export class Session {
  readonly cluster: Cluster;
  readonly materializer: Materializer;
  private readonly ctx: KubectlContext;
  private sink: TranscriptSink | null = null;
  private stopWatch: (() => void) | null = null;

  constructor(
    readonly scenario: Scenario,
    opts: SessionOptions = {},
  ) {
    this.cluster = new Cluster(clusterConfig(scenario, opts.seed ?? scenario.seed, true));
    this.cluster.reset(opts.run ?? 0);
    this.materializer = new Materializer(scenario.epochMs, this.cluster.identities, scenario.profile);
    if (opts.trace) new TraceRecorder(this.cluster.store, this.materializer, opts.trace);
    const cluster = this.cluster;
    this.ctx = {
      cluster,
      materializer: this.materializer,
      profile: scenario.profile,
      manifests: scenario.manifests,
      nowWallMs: () => scenario.epochMs + cluster.sim.now,
      waitUntil: (done, timeoutMs) => {
        if (done()) return true;
        cluster.sim.run({ until: cluster.sim.now + timeoutMs, stopWhen: done });
        return done();
      },
      startWatch: (stop) => {
        this.endWatch();
        this.stopWatch = stop;
      },
      emitWatch: (stdout, stderr) => {
        if (stdout) this.sink?.stdout(stdout);
        if (stderr) this.sink?.stderr(stderr);
      },
    };
  }

  /** Runs every step, writing the transcript to `sink`. */
  run(sink: TranscriptSink): StepOutcome[] {
    this.sink = sink;
    const outcomes: StepOutcome[] = [];
    for (const step of this.scenario.steps) outcomes.push(this.step(step, sink));
    this.endWatch();
    return outcomes;
  }

  private settle(): void {
    this.cluster.sim.run({ until: this.cluster.sim.now });
  }

  private step(step: Step, sink: TranscriptSink): StepOutcome {
    const sim = this.cluster.sim;
    this.settle();
    const startMs = sim.now;
    if (step.kind === "sleep") {
      sink.prompt(step.line);
      sim.run({ until: sim.now + step.ms });
      return { line: step.line, startMs, exitCode: 0 };
    }
    if (step.kind === "at") {
      sink.prompt(step.line);
      if (step.ms < sim.now) {
        sink.stderr(
          `jobsim: ${step.line}: the session is already at ${(sim.now / 1000).toFixed(3)}s; going on from there\n`,
        );
      } else sim.run({ until: step.ms });
      return { line: step.line, startMs, exitCode: 0 };
    }
    this.endWatch();
    sink.prompt(step.line);
    if (step.kind === "docker") {
      const docker = dockerCommand(this.cluster, step.argv);
      this.settle();
      if (docker.stdout) sink.stdout(docker.stdout);
      if (docker.stderr) sink.stderr(docker.stderr);
      return { line: step.line, startMs, exitCode: docker.exitCode };
    }
    const result: CommandResult = runKubectl(this.ctx, step.command);
    this.settle();
    let stdout = result.stdout;
    let exitCode = result.exitCode;
    if (step.pipe.length > 0) {
      const piped = applyPipe(stdout, step.pipe);
      stdout = piped.text;
      exitCode = piped.exitCode;
    }
    if (result.stderrBefore) sink.stderr(result.stderrBefore);
    if (stdout) sink.stdout(stdout);
    if (result.stderr) sink.stderr(result.stderr);
    for (const h of hintsFor(result.stderr)) sink.stderr(`jobsim: hint: ${h}\n`);
    return { line: step.line, startMs, exitCode };
  }

  private endWatch(): void {
    if (this.stopWatch !== null) {
      this.stopWatch();
      this.stopWatch = null;
    }
  }
}
