import type { FlagSpec } from "./parse.js";

// `kubectl create`'s subcommands as parse.ts tells them apart: create job's own flags, the
// subcommand word cobra finds, and the ones jobsim does not simulate.

/**
 * `kubectl create job`'s own flags (create_job.go NewCmdCreateJob): the print flags
 * (genericclioptions PrintFlags: -o, --template, --allow-missing-template-keys,
 * --show-managed-fields), AddApplyAnnotationFlags (--save-config), AddValidateFlags,
 * AddDryRunFlag, --image, --from and AddFieldManagerFlagVar. create's own -f, -k, --edit, ... are
 * not among them: cobra parses a subcommand's flags alone.
 */
export const CREATE_JOB_FLAGS: FlagSpec[] = [
  { long: "output", short: "o", value: true },
  { long: "template", value: true },
  { long: "allow-missing-template-keys", value: false },
  { long: "show-managed-fields", value: false },
  { long: "save-config", value: false },
  { long: "validate", value: true },
  { long: "dry-run", value: true },
  { long: "image", value: true },
  { long: "from", value: true },
  { long: "field-manager", value: true },
];

/**
 * The create subcommand a command line names, as cobra's Find looks for it (command.go
 * stripFlags): the first word that is not a flag nor the value of one; `--flag value` and a lone
 * `-x value` take the next word unless the flag needs none (create's booleans and --dry-run,
 * which has a NoOptDefVal).
 */
export function createSubcommandWord(words: readonly string[]): string | undefined {
  const noValue = ["--dry-run", "--save-config", "--edit", "--windows-line-endings", "--show-managed-fields"];
  const noValueShort = ["-R"];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === "--") return undefined;
    if (w.startsWith("--") && !w.includes("=") && !noValue.includes(w) && !w.startsWith("--allow-missing"))
      i++;
    else if (w.startsWith("-") && w.length === 2 && !noValueShort.includes(w)) i++;
    else if (w !== "" && !w.startsWith("-")) return w;
  }
  return undefined;
}

/**
 * `kubectl create -f FILE`, `kubectl create namespace NAME` and `kubectl create job NAME` are
 * simulated (null); kubectl's other create subcommands (deployment, configmap, ...) are named as
 * not simulated.
 */
export function createSubcommandRefusal(sub: string): string | null {
  if (sub === "namespace" || sub === "ns" || sub === "job") return null;
  return `jobsim does not simulate "kubectl create ${sub}" (it simulates create -f FILE, create namespace NAME and create job NAME)`;
}
