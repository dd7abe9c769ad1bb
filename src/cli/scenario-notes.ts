import { drainNotes } from "../scenario/drain-notes.js";
import { manifestLabel, type Scenario } from "../scenario/load.js";
import { podSecurityNotes } from "../scenario/pod-security-notes.js";
import { refusedPriorityNotes } from "../scenario/priority-classes-spec.js";
import { referenceNotes } from "../scenario/reference-checks.js";
import { probeNotes } from "../scenario/template-checks.js";

/**
 * Notes on stderr about what a scenario asks for that jobsim simulates only in part, for the
 * commands that run it (run, mc, sweep); `validate` prints the same as warnings.
 */

/** The manifests that the scenario's apply and create steps send. */
function sentManifests(scenario: Scenario) {
  const sent = new Set(
    scenario.steps.flatMap((s) =>
      s.kind === "kubectl" && (s.command.verb === "apply" || s.command.verb === "create") ? s.files : [],
    ),
  );
  return [...scenario.manifests.values()].filter((m) => sent.has(m.name));
}

export function scenarioNotes(scenario: Scenario, file: string): string[] {
  const sent = sentManifests(scenario);
  const notes = sent.flatMap((m) =>
    [
      ...probeNotes(m),
      ...referenceNotes(m, sent),
      ...refusedPriorityNotes(m, scenario.priorityClasses),
      ...podSecurityNotes(m),
    ].map((n) => `jobsim: note: ${file}: ${manifestLabel(m)}: ${n}`),
  );
  for (const n of drainNotes(scenario.steps)) notes.push(`jobsim: note: ${file}: ${n}`);
  return notes;
}

export function writeScenarioNotes(
  scenario: Scenario,
  file: string,
  err: { write(text: string): unknown } = process.stderr,
): void {
  for (const n of scenarioNotes(scenario, file)) err.write(`${n}\n`);
}
