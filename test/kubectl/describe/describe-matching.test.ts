import { describe, expect, it } from "vitest";
import { commandOutput } from "../commands/session.js";

/**
 * `kubectl describe` by name (describe.go Run): descriptions after the first follow "\n\n".
 * A name not found among exactly two arguments switches to DescribeMatchingResources: every
 * object of the resource whose name starts with the second argument, each printed "%s\n", and
 * nothing of what was found by name; no match gives the original NotFound.
 */

function outputOf(command: string): string {
  return commandOutput(["kubectl apply -f job.yaml", "sleep 2m"], command, { completions: 3 });
}

describe("kubectl describe: names and prefixes", () => {
  it("TYPE PREFIX: every pod whose name starts with it, each followed by a blank line", () => {
    const out = outputOf("kubectl describe pods work");
    expect(out.match(/^Name: /gm)?.length).toBe(3);
    expect(out.match(/\n\nName: /g)?.length).toBe(2);
    expect(out).not.toMatch(/\n\n\nName: /);
    expect(out.endsWith("\n\n")).toBe(true);
  });

  it("TYPE PREFIX of one Job: its description and a trailing blank line", () => {
    const out = outputOf("kubectl describe jobs wor");
    expect(out.startsWith("Name:             work\n")).toBe(true);
    expect(out.endsWith("\n\n")).toBe(true);
  });

  it("TYPE NAME with an exact name: the description as it is, no extra line", () => {
    const out = outputOf("kubectl describe jobs work");
    expect(out.startsWith("Name:             work\n")).toBe(true);
    expect(out.endsWith("\n\n")).toBe(false);
  });

  it.each([
    ["kubectl describe jobs zzz", '2> Error from server (NotFound): jobs.batch "zzz" not found\n'],
    // One argument: no prefix matching.
    ["kubectl describe pod/work", '2> Error from server (NotFound): pods "work" not found\n'],
    // Two tuples, one missing: the prefix path finds nothing and nothing found is printed.
    ["kubectl describe job/work job/nope", '2> Error from server (NotFound): jobs.batch "nope" not found\n'],
  ])("%s", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  // Two names missing make the builder's ContinueOnErrorVisitor return an aggregate of two
  // NotFounds, which apierrors.IsNotFound does not see through: describe.go Run then skips
  // DescribeMatchingResources and reports every error, with no prefix matching.
  it.each([
    [
      "kubectl describe jobs,pods zzz",
      '2> Error from server (NotFound): jobs.batch "zzz" not found\n' +
        '2> Error from server (NotFound): pods "zzz" not found\n',
    ],
    [
      "kubectl describe pods,jobs wor",
      '2> Error from server (NotFound): pods "wor" not found\n' +
        '2> Error from server (NotFound): jobs.batch "wor" not found\n',
    ],
    [
      "kubectl describe job/nope pod/nope2",
      '2> Error from server (NotFound): jobs.batch "nope" not found\n' +
        '2> Error from server (NotFound): pods "nope2" not found\n',
    ],
  ])("two arguments, two names missing: %s gives both errors", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  it("three arguments: what exists is described, the missing name is an error", () => {
    const out = outputOf("kubectl describe jobs work nope");
    expect(out.startsWith("Name:             work\n")).toBe(true);
    expect(out.endsWith('2> Error from server (NotFound): jobs.batch "nope" not found\n')).toBe(true);
  });
});

describe("kubectl describe --show-events", () => {
  // JobDescriber and PodDescriber search events only when ShowEvents holds; otherwise the
  // events are nil and describeJob / describePod write no Events section at all.
  it.each([
    ["kubectl describe jobs work --show-events=false", false],
    ["kubectl describe pods --show-events=false", false],
    ["kubectl describe jobs work --show-events=true", true],
    ["kubectl describe pods", true],
  ])("%s", (command, shown) => {
    const out = outputOf(command);
    expect(out).toMatch(/^Name: /);
    expect(/^Events:/m.test(out)).toBe(shown);
  });
});

describe("kubectl describe --chunk-size", () => {
  // cmdutil.AddChunkSizeFlag: an Int64 that pages the builder's lists and searchEvents, each
  // followed to its end (FollowContinue), so the descriptions are the same for every value.
  it.each(["--chunk-size=1", "--chunk-size 0", "--chunk-size=-1", "--chunk-size=0x10"])(
    "%s describes as without it",
    (flagText) => {
      for (const command of [
        "kubectl describe jobs work",
        "kubectl describe pods",
        "kubectl describe pods work",
      ])
        expect(outputOf(`${command} ${flagText}`)).toBe(outputOf(command));
    },
  );

  it("a value pflag cannot parse is its invalid-argument error", () => {
    expect(outputOf("kubectl describe jobs work --chunk-size=1.5")).toBe(
      '2> error: invalid argument "1.5" for "--chunk-size" flag: strconv.ParseInt: parsing "1.5": invalid syntax\n' +
        "2> See 'kubectl describe --help' for usage.\n",
    );
  });
});

describe("kubectl describe with an empty name", () => {
  // client-go rest Request.Name refuses "" before any request: "resource name may not be
  // empty", a plain error (not a NotFound, so no prefix matching). cmdutil.CheckErr prints one
  // error alone with "error: ", several a line each as they are (MultipleErrors).
  it.each([
    ["kubectl describe job ''", "2> error: resource name may not be empty\n"],
    [
      "kubectl describe job '' nope",
      '2> resource name may not be empty\n2> Error from server (NotFound): jobs.batch "nope" not found\n',
    ],
  ])("%s", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  it("a name found beside it is described, then the error", () => {
    const out = outputOf("kubectl describe jobs work '' --show-events=false");
    expect(out.startsWith("Name:             work\n")).toBe(true);
    expect(out.endsWith("2> error: resource name may not be empty\n")).toBe(true);
  });
});
