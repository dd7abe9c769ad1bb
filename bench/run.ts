import { holdThroughput } from "./hold.js";
import { machineLine, median } from "./machine.js";

/**
 * `npm run bench`: throughput figures, each the median of several repetitions after a warm-up.
 * Benchmarks never run in the test suite; they print figures for people and notes.
 */
const REPEATS = 5;

function fmt(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

function main(): void {
  console.log(`machine: ${machineLine()}`);
  holdThroughput(1000, 1_000_000); // warm-up: let the JIT settle before measuring
  const rates: number[] = [];
  for (let i = 0; i < REPEATS; i++) rates.push(holdThroughput(1000, 10_000_000));
  console.log(
    `engine hold model (1,000 pending, 10,000,000 pops+pushes): median ${fmt(median(rates))} events/s` +
      ` over ${REPEATS} runs (min ${fmt(Math.min(...rates))}, max ${fmt(Math.max(...rates))})`,
  );
}

main();
