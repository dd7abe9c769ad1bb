/**
 * The arguments of the `head` and `tail` a step may pipe into, checked when the scenario is
 * loaded (session/pipe.ts runs them).
 */

/** The count of `head`/`tail` as written: `-n K`, `-nK` or `-K` (default "10"). */
export function lineCountText(argv: readonly string[]): string {
  if (argv.length === 2 && argv[0] === "-n") return argv[1];
  if (argv.length === 1 && /^-n./.test(argv[0])) return argv[0].slice(2);
  if (argv.length === 1 && /^-\d+$/.test(argv[0])) return argv[0].slice(1);
  return argv.length === 0 ? "10" : "";
}

/**
 * Why a `head`/`tail` stage cannot run, or null: the forms above with K a whole number —
 * `head -n -K` (all but the last K lines) and `tail -n +K` (from line K) as GNU coreutils has them.
 */
export function lineCountProblem(program: "head" | "tail", argv: readonly string[]): string | null {
  const text = lineCountText(argv);
  if (text === "") return `${program} ${argv.join(" ")}: jobsim's ${program} takes -n K, -nK or -K`;
  const ok = /^[+-]?\d+$/.test(text);
  return ok ? null : `${program}: invalid number of lines: "${text}"`;
}
