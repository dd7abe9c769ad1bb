/**
 * jobsim's own hints after an error a user can fix at once (printed as `jobsim: hint: ...`,
 * never mixed into kubectl's output).
 */
const CASE_FIXES: Record<string, string> = { never: "Never", onfailure: "OnFailure", always: "Always" };

export function hintsFor(stderr: string): string[] {
  const out: string[] = [];
  const m = /restartPolicy: Unsupported value: "([^"]+)"/.exec(stderr);
  if (m) {
    const fix = CASE_FIXES[m[1].toLowerCase()];
    if (fix !== undefined && fix !== m[1])
      out.push(`restartPolicy values are case-sensitive: did you mean "${fix}"?`);
    else out.push('a Job\'s restartPolicy must be "Never" or "OnFailure"');
  }
  if (/restartPolicy: Required value: valid values: "OnFailure", "Never"/.test(stderr)) {
    out.push(
      'a Job needs spec.template.spec.restartPolicy: "Never" or "OnFailure" (the pod default, Always, is not allowed)',
    );
  }
  return out;
}
