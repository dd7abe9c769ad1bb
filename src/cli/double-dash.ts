/**
 * `--` ends the options, as getopt's and cobra's (kubectl's) do: every word after it is an
 * operand, even one that starts with a dash. yargs does not fill a command's positionals from
 * the words after `--` (it puts them in its `_` list): `jobsim run -- -x.yaml` found no
 * scenario, and `jobsim validate a.yaml -- b.yaml` checked a.yaml alone and exited 0. So `--`
 * is taken out here and the words after it are handed on as plain operands: one that starts
 * with a dash as the same relative path with `./` before it, which yargs cannot read as an
 * option. A lone `-` stays as it is (standard input, which jobsim refuses as such).
 */
export function operandsAfterDoubleDash(argv: readonly string[]): string[] {
  const end = argv.indexOf("--");
  if (end < 0) return [...argv];
  const operands = argv.slice(end + 1).map((w) => (w.startsWith("-") && w !== "-" ? `./${w}` : w));
  return [...argv.slice(0, end), ...operands];
}
