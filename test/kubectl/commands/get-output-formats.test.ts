import { describe, expect, it } from "vitest";
import { unrenderedOutput } from "../../../src/kubectl/output-formats.js";
import { scenarioProblems } from "../../helpers/session.js";
import { commandOutput } from "./session.js";

/**
 * Formats kubectl's PrintFlags accept but jobsim does not render are refused in jobsim's words
 * when the scenario loads; a format kubectl does not know keeps
 * kubectl's "unable to match a printer" error, whose list names the formats PrintFlags allows.
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
    "kyaml",
  ])("-o %s", (format) => {
    const name = format.split("=", 1)[0];
    const message = `jobsim does not simulate "-o ${name}" (it renders -o wide, yaml, json, name, jsonpath=, custom-columns= and custom-columns-file=)`;
    const step = `kubectl get pods -o ${format}`;
    const scenario = `apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nsteps:\n  - ${JSON.stringify(step)}\n`;
    expect(scenarioProblems(scenario, "s.yaml")).toEqual([`s.yaml: steps[0]: ${step}: ${message}`]);
    expect(unrenderedOutput(format)).toBe(message); // what `get` itself says, the same words
  });

  it("an unknown format keeps kubectl's error", () => {
    expect(outputOf("kubectl get pods -o table")).toMatch(
      /^2> error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,/,
    );
  });

  it("kubectl 1.35's list of formats has kyaml (json_yaml_flags.go, on unless KUBECTL_KYAML=false)", () => {
    expect(outputOf("kubectl get pods -o table")).toBe(
      '2> error: unable to match a printer suitable for the output format "table", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,wide,yaml\n',
    );
  });
});

/**
 * get.go `Validate`: `--show-labels` only goes with the table printers (no -o, or -o wide); any
 * other -o is refused before anything is fetched, the -o value quoted as given.
 */
describe("kubectl get --show-labels with a non-table -o", () => {
  it.each([
    ["kubectl get jobs --show-labels -o name", "name"],
    ["kubectl get jobs --show-labels -o json", "json"],
    ["kubectl get job work --show-labels -o yaml", "yaml"],
    [
      "kubectl get jobs --show-labels -o jsonpath={.items[*].metadata.name}",
      "jsonpath={.items[*].metadata.name}",
    ],
    ["kubectl get pods --show-labels -o custom-columns=N:.metadata.name", "custom-columns=N:.metadata.name"],
    ["kubectl get pods -w --show-labels -o name", "name"],
  ])("%s", (command, format) => {
    expect(outputOf(command)).toBe(`2> error: --show-labels option cannot be used with ${format} printer\n`);
  });

  it("comes before the printer's own errors (those are Run's)", () => {
    expect(outputOf("kubectl get jobs --show-labels -o jsonpath")).toBe(
      "2> error: --show-labels option cannot be used with jsonpath printer\n",
    );
    expect(outputOf("kubectl get jobs --show-labels -o table")).toBe(
      "2> error: --show-labels option cannot be used with table printer\n",
    );
  });

  it("-o wide and the default table still take it", () => {
    expect(outputOf("kubectl get jobs --show-labels -o wide")).toMatch(/^NAME .* SELECTOR +LABELS\n/);
    expect(outputOf("kubectl get jobs --show-labels")).toMatch(/^NAME .* AGE +LABELS\n/);
  });
});

/**
 * cli-runtime genericclioptions/jsonpath_flags.go `ToPrinter`: `-o jsonpath=` splits into the
 * format `jsonpath` and an empty template, which is refused like a bare `-o jsonpath`.
 */
describe("kubectl get -o jsonpath= with an empty template", () => {
  it.each([
    "kubectl get jobs -o jsonpath=",
    "kubectl get jobs -o=jsonpath=",
    "kubectl get pods -w -o jsonpath=",
  ])("%s", (command) => {
    expect(outputOf(command)).toBe("2> error: template format specified but no template given\n");
  });
});

/**
 * --allow-missing-template-keys (genericclioptions/jsonpath_flags.go: JSONPathPrinter
 * AllowMissingKeys, default true). With false a missing key is the printer's error
 * (client-go util/jsonpath `<key> is not found`, wrapped by cli-runtime printers/jsonpath.go);
 * custom columns always allow missing keys (get/customcolumn.go), so the flag does not reach them.
 */
describe("kubectl get --allow-missing-template-keys", () => {
  it("false: a missing key is an error", () => {
    const out = outputOf(
      "kubectl get job work -o jsonpath={.status.nope} --allow-missing-template-keys=false",
    );
    // (the transcript marks each stderr line with "2> ")
    expect(out.split("\n").slice(0, 4)).toEqual([
      '2> error: error executing jsonpath "{.status.nope}": Error executing template: nope is not found. Printing more information for debugging the template:',
      "2> \ttemplate was:",
      "2> \t\t{.status.nope}",
      "2> \tobject given to jsonpath engine was:",
    ]);
  });

  it("false: keys that are there print as before", () => {
    expect(
      outputOf("kubectl get job work -o jsonpath={.metadata.name} --allow-missing-template-keys=false"),
    ).toBe("work");
  });

  it("true (the default) prints nothing for the missing key", () => {
    expect(
      outputOf("kubectl get job work -o jsonpath={.status.nope} --allow-missing-template-keys=true"),
    ).toBe("");
    expect(outputOf("kubectl get job work -o jsonpath={.status.nope} --allow-missing-template-keys")).toBe(
      "",
    );
  });

  it("false does not reach custom columns or the table", () => {
    expect(
      outputOf("kubectl get job work -o custom-columns=N:.status.nope --allow-missing-template-keys=false"),
    ).toBe("N\n<none>\n");
    expect(outputOf("kubectl get job work --allow-missing-template-keys=false")).toMatch(/^NAME +STATUS/);
  });
});

/**
 * -L/--label-columns is a pflag StringSlice (cli-runtime humanreadable_flags.go): each value is
 * read as one CSV record (pflag readAsCSV, encoding/csv), an empty value adds no column, and the
 * flag may be repeated.
 */
describe("kubectl get -L values as pflag reads them", () => {
  it("an empty value adds no column", () => {
    expect(outputOf("kubectl get jobs -L ''")).toMatch(/^NAME +STATUS +COMPLETIONS +DURATION +AGE\n/);
  });

  it("a quoted field keeps its comma", () => {
    expect(outputOf(`kubectl get jobs -L '"a,b",job-name'`)).toMatch(
      /^NAME .* AGE +A,B +JOB-NAME\n.* work\n$/,
    );
  });

  it("repeated and comma-separated values add up, empty fields included", () => {
    expect(outputOf("kubectl get jobs -L a,,b -L job-name")).toMatch(/^NAME .* AGE {3}A {11}B {5}JOB-NAME\n/);
  });
});

/**
 * `-o custom-columns-file=FILE` (get/customcolumn_flags.go ToPrinter, customcolumn.go
 * NewCustomColumnsPrinterFromTemplate): the file's first line holds the headers, its second the
 * expressions, each split on white space; the printer it makes always prints its header
 * (NoHeaders is not passed on, so --no-headers does not reach it).
 */
describe("kubectl get -o custom-columns-file=FILE", () => {
  const files = {
    "cols.txt":
      "NAME          DONE                 IMAGE\nmetadata.name {.status.succeeded}  .spec.template.spec.containers[*].image\n",
    "one-line.txt": "NAME DONE\n",
    "uneven.txt": "NAME DONE\nmetadata.name\n",
  };
  const fileOutput = (command: string) => commandOutput(["kubectl apply -f job.yaml"], command, { files });

  it("prints the columns the file names", () => {
    expect(fileOutput("kubectl get jobs -o custom-columns-file=cols.txt")).toBe(
      "NAME   DONE     IMAGE\nwork   <none>   app:1\n",
    );
  });

  it("--no-headers does not reach it", () => {
    expect(fileOutput("kubectl get job work -o custom-columns-file=cols.txt --no-headers")).toBe(
      "NAME   DONE     IMAGE\nwork   <none>   app:1\n",
    );
  });

  it("refuses a file it cannot read or use, in the printer's words", () => {
    expect(fileOutput("kubectl get jobs -o custom-columns-file=nope.txt")).toBe(
      "2> error: error reading template nope.txt, open nope.txt: no such file or directory\n",
    );
    expect(fileOutput("kubectl get jobs -o custom-columns-file=one-line.txt")).toBe(
      "2> error: invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.\n",
    );
    expect(fileOutput("kubectl get jobs -o custom-columns-file=uneven.txt")).toBe(
      "2> error: number of headers (2) and field specifications (1) don't match\n",
    );
    expect(fileOutput("kubectl get jobs -o custom-columns-file=")).toBe(
      "2> error: custom-columns format specified but no custom columns given\n",
    );
  });
});

/** get.go Validate runs before Run's builder: its errors come before resource-argument errors. */
describe("kubectl get: Validate's errors come first", () => {
  it("--output-watch-events without a watch, before an unknown resource type", () => {
    expect(outputOf("kubectl get rockets --output-watch-events")).toBe(
      "2> error: --output-watch-events option can only be used with --watch or --watch-only\n2> See 'kubectl get -h' for help and examples\n",
    );
  });

  it("--show-labels before --output-watch-events (Validate's order)", () => {
    expect(outputOf("kubectl get jobs --show-labels -o name --output-watch-events")).toBe(
      "2> error: --show-labels option cannot be used with name printer\n",
    );
  });
});
