import { Distribution } from "../src/engine/random/distributions.js";
import { RandomSource } from "../src/engine/random/keyed-streams.js";
import { Xor128 } from "../src/engine/random/xor128.js";
import { Simulation } from "../src/engine/simulation.js";

/**
 * The classic "hold" model of event-set benchmarks: a fixed number of pending events; each
 * event, when run, schedules one successor at now + an exponential increment. Every event is
 * one pop and one push through the public Simulation API.
 */
class HoldModel {
  private readonly increments: Int32Array;
  private next = 0;
  /** Successors still to schedule; when it reaches 0 the pending events drain. */
  remaining = 0;

  constructor(private readonly sim: Simulation) {
    const source = new RandomSource("hold");
    const rng = new Xor128();
    source.reseed(rng, source.key("increments"));
    const exp = Distribution.exponential(1000);
    this.increments = new Int32Array(1 << 16);
    for (let i = 0; i < this.increments.length; i++) this.increments[i] = Math.round(exp.sample(rng));
  }

  handleEvent(): void {
    if (this.remaining === 0) return;
    this.remaining--;
    const inc = this.increments[this.next++ & 0xffff];
    this.sim.schedule(inc, this);
  }

  prime(pending: number): void {
    for (let i = 0; i < pending; i++) this.sim.schedule(this.increments[this.next++ & 0xffff], this);
  }
}

/** Runs `events` hold operations over `pending` events; returns events per second. */
export function holdThroughput(pending: number, events: number): number {
  const sim = new Simulation(pending * 2);
  const model = new HoldModel(sim);
  model.prime(pending);
  model.remaining = events;
  const start = process.hrtime.bigint();
  sim.run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return sim.eventCount / seconds;
}
