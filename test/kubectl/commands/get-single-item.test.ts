import { describe, expect, it } from "vitest";
import { commandOutput } from "./session.js";

/**
 * `kubectl get -o json|yaml|name|jsonpath|custom-columns` (get.go printGeneric): the builder's
 * singleItemImplied (cli-runtime builder.go: one name, one TYPE/NAME tuple, or one -f path)
 * decides both how errors end the command and whether the output is one object or a List:
 *  - singleItemImplied and the visit failed: the error alone, nothing printed;
 *  - otherwise the found objects as a List (an empty one too) unless exactly one was found with
 *    singleItemImplied; the errors follow.
 */
const TWO = `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
---
apiVersion: batch/v1
kind: Job
metadata: {name: other, labels: {team: a}}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const files = { "two.yaml": TWO };
const out = (command: string, steps = ["kubectl apply -f job.yaml"]) =>
  commandOutput(steps, command, { files });
const EMPTY_LIST_YAML = 'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n';

describe("kubectl get NAME NAME (no single item implied), none found", () => {
  it("-o yaml prints the empty List, then the errors", () => {
    expect(out("kubectl get job nope nope2 -o yaml")).toBe(
      `${EMPTY_LIST_YAML}2> Error from server (NotFound): jobs.batch "nope" not found\n2> Error from server (NotFound): jobs.batch "nope2" not found\n`,
    );
  });

  it("-o jsonpath runs over the empty List", () => {
    expect(out("kubectl get job/nope job/nope2 -o jsonpath={.kind}")).toBe(
      'List2> Error from server (NotFound): jobs.batch "nope" not found\n2> Error from server (NotFound): jobs.batch "nope2" not found\n',
    );
  });

  it("-o custom-columns prints its header", () => {
    expect(out("kubectl get job nope nope2 -o custom-columns=N:.metadata.name")).toBe(
      'N\n2> Error from server (NotFound): jobs.batch "nope" not found\n2> Error from server (NotFound): jobs.batch "nope2" not found\n',
    );
  });
});

describe("kubectl get -f ONE-PATH (single item implied)", () => {
  it("one object of the file missing: the error alone, not the other object", () => {
    expect(out("kubectl get -f two.yaml -o name")).toBe(
      '2> Error from server (NotFound): jobs.batch "other" not found\n',
    );
  });

  it("the label selector leaves one of its two objects: that object, not a List", () => {
    expect(
      out("kubectl get -f two.yaml -l team=a -o jsonpath={.kind}/{.metadata.name}", [
        "kubectl apply -f two.yaml",
      ]),
    ).toBe("Job/other");
  });

  it("the label selector leaves none: an empty List, exit 0", () => {
    expect(out("kubectl get -f job.yaml -l team=b -o yaml")).toBe(EMPTY_LIST_YAML);
    expect(out("kubectl get -f job.yaml -l team=b -o custom-columns=N:.metadata.name")).toBe("N\n");
  });
});

describe("unchanged", () => {
  it("one name not found: the error alone", () => {
    expect(out("kubectl get job nope -o yaml")).toBe(
      '2> Error from server (NotFound): jobs.batch "nope" not found\n',
    );
    expect(out("kubectl get job nope -o custom-columns=N:.metadata.name")).toBe(
      '2> Error from server (NotFound): jobs.batch "nope" not found\n',
    );
  });

  it("two names, one found: a List of it, then the error", () => {
    expect(out("kubectl get job work nope -o jsonpath={.kind}")).toBe(
      'List2> Error from server (NotFound): jobs.batch "nope" not found\n',
    );
  });

  it("--ignore-not-found with nothing found: nothing", () => {
    expect(out("kubectl get job nope nope2 --ignore-not-found -o yaml")).toBe("");
  });
});

/**
 * The printer is made after the objects are fetched (get.go printGeneric and `watch` call
 * ToPrinter after r.Infos()), so its errors (unknown -o, a bad template or spec) come after a
 * single-item visit's error, are skipped when --ignore-not-found leaves nothing, and replace
 * the other visit errors; get.go Validate's errors come before all of them.
 */
describe("kubectl get: printer errors come after the fetch", () => {
  it("one name missing: the NotFound, not the printer's error", () => {
    const notFound = '2> Error from server (NotFound): jobs.batch "nope" not found\n';
    expect(out("kubectl get job nope -o jsonpath={.x")).toBe(notFound);
    expect(out("kubectl get job nope -o foo")).toBe(notFound);
    expect(out("kubectl get job nope -o custom-columns=BAD")).toBe(notFound);
    expect(out("kubectl get job nope -w -o jsonpath")).toBe(notFound);
  });

  it("--ignore-not-found with nothing found: no printer is made, nothing printed", () => {
    expect(out("kubectl get job nope --ignore-not-found -o custom-columns=BAD")).toBe("");
  });

  it("other visit errors give way to the printer's", () => {
    expect(out("kubectl get job work nope -o jsonpath={.x")).toBe(
      "2> error: error parsing jsonpath {.x, unclosed action\n",
    );
  });

  it("Validate's --output-watch-events error comes before the printer's", () => {
    expect(out("kubectl get jobs -o foo --output-watch-events")).toBe(
      "2> error: --output-watch-events option can only be used with --watch or --watch-only\n2> See 'kubectl get -h' for help and examples\n",
    );
  });
});
