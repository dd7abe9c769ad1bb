import { describe, expect, it } from "vitest";
import { commandTranscript } from "./session.js";

/**
 * `kubectl delete --force --grace-period=0`: delete.go `Validate` prints the warning before
 * RunDelete, so it comes first, ahead of the `force deleted` lines and of NotFound errors
 * (which the visitor returns after the objects it found were deleted).
 */

const WARNING =
  "2> Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

const cases: { name: string; command: string; expected: string }[] = [
  {
    name: "force delete of a running pod: warning, then the line",
    command: "kubectl delete pod work-skg54 --force --grace-period=0",
    expected: `${WARNING}pod "work-skg54" force deleted from default namespace\n`,
  },
  {
    name: "--force alone means --grace-period=0",
    command: "kubectl delete pod work-skg54 --force",
    expected: `${WARNING}pod "work-skg54" force deleted from default namespace\n`,
  },
  {
    name: "a missing name among found ones: warning, deleted lines, then the error",
    command: "kubectl delete pods work-skg54 nope --force --grace-period=0",
    expected: `${WARNING}pod "work-skg54" force deleted from default namespace\n2> Error from server (NotFound): pods "nope" not found\n`,
  },
  {
    name: "only a missing name: the warning still comes first",
    command: "kubectl delete pod nope --force --grace-period=0",
    expected: `${WARNING}2> Error from server (NotFound): pods "nope" not found\n`,
  },
  {
    name: "--force with a positive grace period is refused before anything is deleted",
    command: "kubectl delete pod work-skg54 --force --grace-period=5",
    expected: "2> error: --force and --grace-period greater than 0 cannot be specified together\n",
  },
  {
    name: "--now with --grace-period is refused",
    command: "kubectl delete pod work-skg54 --now --grace-period=3",
    expected: "2> error: --now and --grace-period cannot be specified together\n",
  },
  {
    name: "--grace-period=0 without --force is a normal (1 s) deletion: no warning",
    command: "kubectl delete pod work-skg54 --grace-period=0 --wait=false",
    expected: 'pod "work-skg54" deleted from default namespace\n',
  },
  {
    // pflag parses --grace-period (an int) before the command checks --cascade.
    name: "an unparseable --grace-period is pflag's error, with the usage line, before any other",
    command: "kubectl delete pod work-skg54 --cascade=bad --grace-period=abc",
    expected:
      '2> error: invalid argument "abc" for "--grace-period" flag: strconv.ParseInt: parsing "abc": invalid syntax\n2> See \'kubectl delete --help\' for usage.\n',
  },
];

describe("kubectl delete --force ordering", () => {
  it.each(cases)("$name", ({ command, expected }) => {
    const out = commandTranscript(["kubectl apply -f job.yaml", "sleep 10", command]);
    expect(out.slice(out.indexOf(`$ ${command}\n`) + command.length + 3)).toBe(expected);
  });
});

describe("kubectl delete -f of a file with no object", () => {
  it.each([
    ["kubectl delete -f empty.yaml", "No resources found\n"],
    ["kubectl delete -f empty.yaml --force", `${WARNING}No resources found\n`],
    ["kubectl delete -f empty.yaml -f job.yaml", 'job.batch "work" deleted from default namespace\n'],
  ])("%s: nothing visited is not an error (delete.go DeleteResult)", (command, expected) => {
    const out = commandTranscript(["kubectl apply -f job.yaml", "sleep 10", command], {
      files: { "empty.yaml": "# nothing here\n" },
    });
    expect(out.slice(out.indexOf(`$ ${command}\n`) + command.length + 3)).toBe(expected);
  });
});
