/**
 * A seed written as an integer ("007", "-12") is that integer, whether it comes from the
 * scenario (quoted or not) or from --seed (cli/output.ts parseSeed): the same text must give
 * the same runs, or the replay line mc prints (`--seed "007" --run N`) would replay another run.
 */
export function integerSeed(seed: number | string): number | string {
  return typeof seed === "string" && /^-?\d+$/.test(seed) && Number.isSafeInteger(Number(seed))
    ? Number(seed)
    : seed;
}
