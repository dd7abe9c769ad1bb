/**
 * jobsim's own hints after an error a user can fix at once (printed as `jobsim: hint: ...`,
 * never mixed into kubectl's output).
 */
const CASE_FIXES: Record<string, string> = { never: "Never", onfailure: "OnFailure", always: "Always" };

export function hintsFor(stderr: string): string[] {
  const out: string[] = [];
  // The pod's restartPolicy, or an init container's (`...initContainers[0].restartPolicy`), whose
  // one value before ContainerRestartRules is Always: the Job-level rule is not the fix there.
  const m = /(\.initContainers\[\d+\])?\.restartPolicy: Unsupported value: "([^"]+)"/.exec(stderr);
  if (m) {
    const fix = CASE_FIXES[m[2].toLowerCase()];
    if (fix !== undefined && fix !== m[2])
      out.push(`restartPolicy values are case-sensitive: did you mean "${fix}"?`);
    else if (m[1] === undefined) out.push('a Job\'s restartPolicy must be "Never" or "OnFailure"');
  }
  if (/restartPolicy: Required value: valid values: "OnFailure", "Never"/.test(stderr)) {
    out.push(
      'a Job needs spec.template.spec.restartPolicy: "Never" or "OnFailure" (the pod default, Always, is not allowed)',
    );
  }
  return out;
}
