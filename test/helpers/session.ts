import { parseScenario, type Scenario } from "../../src/scenario/load.js";
import { ScenarioError } from "../../src/scenario/problems.js";
import { Session } from "../../src/session/session.js";

/**
 * A session's output as a reader sees it: `$ step` prompts, then what the step printed.
 * `stderrPrefix` marks each stderr line (golden files use "2> "); by default stderr is
 * interleaved unmarked, as a terminal shows it.
 */
export function sessionTranscript(
  scenario: Scenario,
  options: { seed?: number | string; stderrPrefix?: string } = {},
): string {
  const session = new Session(scenario, options.seed === undefined ? {} : { seed: options.seed });
  let out = "";
  session.run({
    prompt: (line) => {
      out += `$ ${line}\n`;
    },
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      if (options.stderrPrefix === undefined) out += text;
      else for (const line of text.replace(/\n$/, "").split("\n")) out += `${options.stderrPrefix}${line}\n`;
    },
  });
  return out;
}

/** The problems loading scenario text reports (none: []). */
export function scenarioProblems(text: string, file: string): string[] {
  try {
    parseScenario(text, file, "/nonexistent");
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems;
    throw e;
  }
  return [];
}
