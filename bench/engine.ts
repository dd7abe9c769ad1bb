import { holdThroughput } from "./hold.js";

/**
 * The engine benchmark as a process of its own (bench/run.ts starts it): the hold model's
 * handler would otherwise be the first type the engine's call sites see in the benchmark's
 * process, and the Monte Carlo figures measured after it would be of code compiled for two
 * kinds of handler, which `jobsim mc` never runs. Prints the rates (events/s) as JSON.
 */
const ENGINE_REPEATS = 5;

holdThroughput(1000, 1_000_000); // warm-up: let the JIT settle before measuring
const rates: number[] = [];
for (let i = 0; i < ENGINE_REPEATS; i++) rates.push(holdThroughput(1000, 10_000_000));
process.stdout.write(`${JSON.stringify(rates)}\n`);
