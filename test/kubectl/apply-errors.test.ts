import { describe, expect, it } from "vitest";
import { commandOutput } from "./commands/session.js";

/**
 * The errors of `kubectl apply -f` and `kubectl create -f` as kubectl gathers and prints them.
 * apply.go Run collects the builder's error (GetObjects: the objects' namespace checks, then the
 * files' read errors) and then one per object it failed to apply; create.go's visit collects them
 * in visiting order, the files' read errors last (cli-runtime EagerVisitorList). cmdutil.CheckErr
 * (kubectl cmd/util/helpers.go) prints one error alone as before (`The Job "x" is invalid: …`,
 * `error: …`); several, an aggregate, with MultipleErrors: a line each, an API status as
 * `Error from server (Reason): <message>` — an Invalid one with the message AddSourceToErr made
 * of the API server's (`error when creating "f": Job.batch "x" is invalid: …`) — and a plain
 * error with no "error: ". A file's documents before one it cannot read are still sent
 * (StreamVisitor visits them first).
 */

const job = (name: string, spec: string) => `apiVersion: batch/v1
kind: Job
metadata: {name: ${name}}
spec:
  ${spec}
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

const files = {
  "bad.yaml": `${job("bad", "backoffLimit: -1")}---\n${job("bad2", "parallelism: -1")}`,
  "worse.yaml": job("worse", "parallelism: -1\n  completions: -1"),
  "foo.yaml": job("other", "parallelism: 1").replace("{name: other}", "{name: other, namespace: foo}"),
  "two.yaml": `${job("first", "parallelism: 1")}---\napiVersion: batch/v1\nmetadata: {name: nokind}\n`,
};

const invalid = (file: string, message: string) =>
  `2> Error from server (Invalid): error when creating "${file}": ${message}\n`;
const bad =
  'Job.batch "bad" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0';
const bad2 =
  'Job.batch "bad2" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0';
const mismatch =
  'the namespace from the provided object "foo" does not match the namespace "bar". You must pass \'--namespace=foo\' to perform this operation.';
const noKind =
  'error validating "two.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false';

describe("kubectl apply/create -f: several errors", () => {
  it.each(["apply", "create"])("%s: two invalid Jobs, each the API server's message", (verb) => {
    expect(commandOutput([], `kubectl ${verb} -f bad.yaml`, { files })).toBe(
      invalid("bad.yaml", bad) + invalid("bad.yaml", bad2),
    );
  });

  it("a Job with two field errors beside another: the API server's bracketed list", () => {
    expect(commandOutput([], "kubectl apply -f worse.yaml -f bad.yaml", { files })).toBe(
      invalid(
        "worse.yaml",
        'Job.batch "worse" is invalid: [spec.parallelism: Invalid value: -1: must be greater than or equal to 0, spec.completions: Invalid value: -1: must be greater than or equal to 0]',
      ) +
        invalid("bad.yaml", bad) +
        invalid("bad.yaml", bad2),
    );
  });

  it("one invalid Job alone is printed as before", () => {
    expect(commandOutput([], "kubectl apply -f worse.yaml", { files })).toBe(
      '2> The Job "worse" is invalid: \n2> * spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n2> * spec.completions: Invalid value: -1: must be greater than or equal to 0\n',
    );
  });

  it("apply: the builder's namespace refusal comes first, with no prefix", () => {
    const expected = `2> ${mismatch}\n2> Error from server (NotFound): error when creating "job.yaml": namespaces "bar" not found\n`;
    expect(commandOutput([], "kubectl apply -f job.yaml -f foo.yaml -n bar", { files })).toBe(expected);
    expect(commandOutput([], "kubectl apply -f foo.yaml -f job.yaml -n bar", { files })).toBe(expected);
  });

  it("create: in the order the objects are visited", () => {
    expect(commandOutput([], "kubectl create -f job.yaml -f foo.yaml -n bar", { files })).toBe(
      `2> Error from server (NotFound): error when creating "job.yaml": namespaces "bar" not found\n2> ${mismatch}\n`,
    );
  });
});

describe("kubectl apply/create -f: a document kubectl cannot read", () => {
  it.each(["apply", "create"])("%s: the Job before it is sent", (verb) => {
    expect(commandOutput([], `kubectl ${verb} -f two.yaml`, { files })).toBe(
      `job.batch/first created\n2> error: ${noKind}\n`,
    );
  });

  it("beside another error: its own line, no prefix, after the builder's other errors", () => {
    expect(commandOutput([], "kubectl apply -f two.yaml -f bad.yaml", { files })).toBe(
      `job.batch/first created\n2> ${noKind}\n${invalid("bad.yaml", bad)}${invalid("bad.yaml", bad2)}`,
    );
    expect(commandOutput([], "kubectl create -f two.yaml -f bad.yaml", { files })).toBe(
      `job.batch/first created\n${invalid("bad.yaml", bad)}${invalid("bad.yaml", bad2)}2> ${noKind}\n`,
    );
  });
});
