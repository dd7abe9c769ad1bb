/**
 * kubectl 1.35's global options (`kubectl options`): the persistent flags of the root command —
 * genericclioptions' ConfigFlags with the deprecated --username/--password
 * (cli-runtime/pkg/genericclioptions/config_flags.go), --match-server-version (cmdutil's
 * MatchVersionFlags), --warnings-as-errors, --profile and --profile-output, and --kuberc
 * (kubectl/pkg/cmd/cmd.go), and klog's -v, --vmodule and --log-flush-frequency. All but
 * -n/--namespace, which jobsim simulates. A global option applies to every command, so it is
 * refused in the same words whichever the command; the reason says what jobsim has instead.
 */
const CLUSTER_ACCESS =
  "the simulated cluster is the only one, reached without a kubeconfig, credentials or a network";
const CLIENT_OUTPUT = "jobsim writes no log or profile of kubectl itself";
export const GLOBAL_FLAGS: Record<string, { short?: string; value: boolean; why?: string }> = {
  as: { value: true, why: CLUSTER_ACCESS },
  "as-group": { value: true, why: CLUSTER_ACCESS },
  "as-uid": { value: true, why: CLUSTER_ACCESS },
  "as-user-extra": { value: true, why: CLUSTER_ACCESS },
  "cache-dir": { value: true, why: CLUSTER_ACCESS },
  "certificate-authority": { value: true, why: CLUSTER_ACCESS },
  "client-certificate": { value: true, why: CLUSTER_ACCESS },
  "client-key": { value: true, why: CLUSTER_ACCESS },
  cluster: { value: true, why: CLUSTER_ACCESS },
  context: { value: true, why: CLUSTER_ACCESS },
  "disable-compression": { value: false, why: CLUSTER_ACCESS },
  "insecure-skip-tls-verify": { value: false, why: CLUSTER_ACCESS },
  kubeconfig: { value: true, why: CLUSTER_ACCESS },
  "match-server-version": { value: false, why: CLUSTER_ACCESS },
  password: { value: true, why: CLUSTER_ACCESS },
  "request-timeout": { value: true, why: CLUSTER_ACCESS },
  server: { short: "s", value: true, why: CLUSTER_ACCESS },
  "tls-server-name": { value: true, why: CLUSTER_ACCESS },
  token: { value: true, why: CLUSTER_ACCESS },
  user: { value: true, why: CLUSTER_ACCESS },
  username: { value: true, why: CLUSTER_ACCESS },
  kuberc: { value: true, why: "jobsim reads no kuberc preferences" },
  "warnings-as-errors": { value: false },
  v: { short: "v", value: true, why: CLIENT_OUTPUT },
  vmodule: { value: true, why: CLIENT_OUTPUT },
  "log-flush-frequency": { value: true, why: CLIENT_OUTPUT },
  profile: { value: true, why: CLIENT_OUTPUT },
  "profile-output": { value: true, why: CLIENT_OUTPUT },
};

/** jobsim's refusal of global option `name` (a key of GLOBAL_FLAGS). */
export function globalFlagMessage(name: string): string {
  const why = GLOBAL_FLAGS[name].why;
  return `jobsim does not simulate the --${name} flag (one of kubectl's global options, for every command${why === undefined ? "" : `: ${why}`})`;
}

/** Whether `word` before the verb is a flag whose value is the next word (`-n ns`, `--context dev`). */
export function takesNextWord(word: string): boolean {
  if (word === "-n" || word === "--namespace") return true;
  if (word.startsWith("--")) return !word.includes("=") && GLOBAL_FLAGS[word.slice(2)]?.value === true;
  return (
    word.length === 2 &&
    word[0] === "-" &&
    Object.values(GLOBAL_FLAGS).some((g) => g.short === word[1] && g.value)
  );
}
