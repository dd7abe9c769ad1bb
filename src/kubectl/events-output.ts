import { PRINT_FLAGS_FORMATS } from "./output-formats.js";

/**
 * `kubectl events -o`: the formats it has and the ones jobsim renders. Apart from
 * commands/events.ts because scenario checking (which worker threads load) needs it too.
 */

/** `kubectl events` prints with PrintFlags alone (output-formats.ts). */
export const EVENTS_OUTPUT_FORMATS = PRINT_FLAGS_FORMATS;

/**
 * kubectl events -o json|yaml|jsonpath|template prints the EventList as decoded (typed, in
 * struct field order, managedFields kept — events.go does not strip them as get does), which
 * jobsim does not render; `-o name` it does.
 */
export function eventsOutputUnsupported(output: string): string {
  // jobsim's get renders no kyaml either: point at its yaml.
  const getFormat = output === "kyaml" ? "yaml" : output;
  return `jobsim does not simulate "kubectl events -o ${output}" (the typed EventList, managedFields included): use kubectl get events -o ${getFormat}, or kubectl events -o name`;
}

/** Whether a scenario's `kubectl events` asks for an output jobsim does not render. */
export function eventsOutputRefused(output: string | undefined): boolean {
  return output !== undefined && output !== "" && output !== "name" && EVENTS_OUTPUT_FORMATS.includes(output);
}
