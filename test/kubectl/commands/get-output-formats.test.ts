import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * Formats kubectl's PrintFlags accept but jobsim does not render are refused in jobsim's words;
 * a format kubectl does not know keeps kubectl's "unable to match a printer" error, whose list
 * names the formats PrintFlags allows.
 */

function outputOf(command: string): string {
  return commandOutput(["kubectl apply -f job.yaml"], command);
}

describe("kubectl get -o formats jobsim does not render", () => {
  it.each([
    "go-template={{.metadata.name}}",
    "go-template-file=t.tmpl",
    "template={{.metadata.name}}",
    "templatefile=t.tmpl",
    "jsonpath-as-json={.items}",
    "jsonpath-file=p.txt",
    "custom-columns-file=c.txt",
  ])("-o %s", (format) => {
    const name = format.split("=", 1)[0];
    expect(outputOf(`kubectl get pods -o ${format}`)).toBe(
      `2> jobsim does not simulate "-o ${name}" (it renders -o wide, yaml, json, name, jsonpath= and custom-columns=)\n`,
    );
  });

  it("an unknown format keeps kubectl's error", () => {
    expect(outputOf("kubectl get pods -o table")).toMatch(
      /^2> error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,/,
    );
  });
});
