import { describe, expect, it } from "vitest";
import { LabelSelector } from "../../../src/models/api/labels.js";
import { commandOutput } from "../../kubectl/commands/session.js";

/**
 * `-l` text through apimachinery's lexer and parser (pkg/labels/selector.go Parse): the selectors
 * it accepts (with their String() form, keys sorted, set values sorted) and the errors it gives,
 * word for word — inside a requirement prefixed "unable to parse requirement: ", after one not.
 */

describe("labels.Parse: accepted selectors", () => {
  it.each([
    ["a=b", "a=b"],
    ["a==b", "a=b"],
    ["a!=b", "a!=b"],
    ["  a  =  b  ", "a=b"],
    ["a=", "a="],
    ["x in (foo,,baz),y,z notin ()", "x in (,baz,foo),y,z notin ()"],
    ["value in (in, notin)", "value in (in,notin)"],
    ["!a,b", "!a,b"],
    ["c=3,a=1", "a=1,c=3"],
    ["n>1", "n>1"],
    ["app.kubernetes.io/name=web", "app.kubernetes.io/name=web"],
  ])("%s", (text, canonical) => {
    expect(LabelSelector.parse(text).toString()).toBe(canonical);
  });

  it("matches as upstream: `notin` and `!=` take a missing label, `in ()` is the empty value", () => {
    expect(LabelSelector.parse("a notin (x)").matches({})).toBe(true);
    expect(LabelSelector.parse("a!=x").matches({})).toBe(true);
    expect(LabelSelector.parse("a in ()").matches({ a: "" })).toBe(true);
    expect(LabelSelector.parse("a in (x,y)").matches({ a: "y" })).toBe(true);
  });
});

describe("labels.Parse: refused selectors", () => {
  it.each([
    ["a in (b", "unable to parse requirement: found '', expected: ',' or ')'"],
    ["a=b=c", "found '=', expected: ',' or 'end of string'"],
    ["a,,b", "found ',', expected: identifier after ','"],
    ["a,", "found '', expected: identifier after ','"],
    ["=a", "found '=', expected: !, identifier, or 'end of string'"],
    ["!!a", "unable to parse requirement: found '!', expected: identifier"],
    ["a notin b", "unable to parse requirement: found 'b' expected: '('"],
    ["a b", "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ["a in (b c)", "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ["a in (=)", "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ["a>=1", "unable to parse requirement: found '=', expected: identifier"],
    [
      "a@b=c",
      `unable to parse requirement: <nil>: Invalid value: "a@b": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
    [
      "a=-x",
      `unable to parse requirement: values[0][a]: Invalid value: "-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      "n>x",
      `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`,
    ],
  ])("%s", (text, message) => {
    expect(() => LabelSelector.parse(text)).toThrow(message);
    try {
      LabelSelector.parse(text);
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });

  it("kubectl sends -l to the server, whose 400 EnhanceListError words per kind listed (#52971)", () => {
    const refusal = (gvr: string) =>
      `2> Error from server (BadRequest): Unable to find "${gvr}" that match label selector "a=b=c", field selector "": found '=', expected: ',' or 'end of string'\n`;
    expect(commandOutput([], "kubectl get pods -l 'a=b=c'")).toBe(refusal("/v1, Resource=pods"));
    expect(commandOutput([], "kubectl get pods,jobs -l ' a=b=c '")).toBe(
      refusal("/v1, Resource=pods") + refusal("batch/v1, Resource=jobs"),
    );
    expect(commandOutput([], "kubectl logs -l 'a=b=c'")).toBe(refusal("/v1, Resource=pods"));
  });

  it("objects read from files are filtered on the client: 'the provided selector … is not valid'", () => {
    expect(commandOutput(["kubectl apply -f job.yaml"], "kubectl get -f job.yaml -l 'a in (b'")).toBe(
      `2> error: the provided selector "a in (b" is not valid: unable to parse requirement: found '', expected: ',' or ')'\n`,
    );
  });
});
