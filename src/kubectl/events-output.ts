/**
 * `kubectl events -o`: the formats it has and the ones jobsim renders. Apart from
 * commands/events.ts because scenario checking (which worker threads load) needs it too.
 */

/** genericclioptions PrintFlags' formats (json/yaml/kyaml, name, templates), sorted as its error
 * lists them. kyaml is there from kubectl 1.35 (json_yaml_flags.go AllowedFormats, PR #133327). */
export const EVENTS_OUTPUT_FORMATS = [
  "go-template",
  "go-template-file",
  "json",
  "jsonpath",
  "jsonpath-as-json",
  "jsonpath-file",
  "kyaml",
  "name",
  "template",
  "templatefile",
  "yaml",
];

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
