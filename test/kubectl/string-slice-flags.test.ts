import { describe, expect, it } from "vitest";
import { parseKubectl, UsageError } from "../../src/kubectl/parse.js";
import { readAsCsv } from "../../src/kubectl/string-slice.js";
import { commandTranscript } from "./commands/session.js";

/**
 * StringSlice flags (`kubectl events --types`, `kubectl get -L`) as pflag reads them
 * (spf13/pflag string_slice.go `readAsCSV`): an empty value is no values; otherwise one
 * encoding/csv record, fields not trimmed and quotes as CSV has them, a stray quote being
 * pflag's invalid-argument error with csv's ParseError text.
 */

function parsed(line: string[]): Map<string, string[]> | string {
  try {
    return parseKubectl(line).flags;
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
}

function outputOf(out: string, command: string): string {
  const start = out.indexOf(`$ ${command}\n`) + command.length + 3;
  const end = out.indexOf("\n$ ", start);
  return out.slice(start, end < 0 ? undefined : end + 1);
}

describe("encoding/csv's first record, as pflag reads a StringSlice value", () => {
  it.each([
    ["", []],
    ["Normal", ["Normal"]],
    ["Normal,Warning", ["Normal", "Warning"]],
    ["Normal, Warning", ["Normal", " Warning"]],
    ["Normal,", ["Normal", ""]],
    ['"Normal"', ["Normal"]],
    ['"a,b",c', ["a,b", "c"]],
    ['"say ""hi"""', ['say "hi"']],
    ["a\nb", ["a"]],
    ["\na,b", ["a", "b"]],
    ['"a\nb",c', ["a\nb", "c"]],
  ])("%j", (value, values) => {
    expect(readAsCsv(value)).toEqual(values);
  });

  it.each([
    ['Nor"mal', 'parse error on line 1, column 4: bare " in non-quoted-field'],
    ['a,b"', 'parse error on line 1, column 4: bare " in non-quoted-field'],
    ['"Normal', 'parse error on line 1, column 8: extraneous or missing " in quoted-field'],
    ['"Nor"mal', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'],
    ["\n", "EOF"],
  ])("%j is csv's error", (value, error) => {
    expect(readAsCsv(value)).toEqual({ error });
  });
});

describe("StringSlice flags in kubectl", () => {
  it("a value csv cannot read is pflag's invalid argument, naming the flag as pflag does", () => {
    expect(parsed(["kubectl", "events", "--types", 'Nor"mal'])).toBe(
      'error: invalid argument "Nor\\"mal" for "--types" flag: parse error on line 1, column 4: bare " in non-quoted-field\nSee \'kubectl events --help\' for usage.',
    );
    expect(parsed(["kubectl", "get", "pods", "-L", '"app'])).toBe(
      'error: invalid argument "\\"app" for "-L, --label-columns" flag: parse error on line 1, column 5: extraneous or missing " in quoted-field\nSee \'kubectl get --help\' for usage.',
    );
  });

  it("--types= filters nothing; a space after the comma is kept, so Validate refuses it", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 5",
      "kubectl events --types= -o name",
      "kubectl events --types=Normal,Warning -o name",
      "kubectl events --types Normal,\\ Warning",
    ]);
    const all = outputOf(out, "kubectl events --types=Normal,Warning -o name");
    expect(all).toMatch(/^event\//);
    expect(outputOf(out, "kubectl events --types= -o name")).toBe(all);
    expect(outputOf(out, "kubectl events --types Normal,\\ Warning")).toBe(
      "2> error: valid --types are Normal or Warning\n",
    );
  });

  it("-L '' adds no column", () => {
    const out = commandTranscript(["kubectl apply -f job.yaml", "kubectl get jobs -L ''"]);
    expect(outputOf(out, "kubectl get jobs -L ''")).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nwork   Running   0/1           0s         0s\n",
    );
  });
});
