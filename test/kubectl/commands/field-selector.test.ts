import { describe, expect, it } from "vitest";
import { matchesFields, parseFieldSelector } from "../../../src/kubectl/field-selector.js";
import { commandTranscript } from "./session.js";

/**
 * `--field-selector` on `kubectl get`, as the API server applies it (the fields each kind
 * accepts: pkg/apis/core/v1/conversion.go and pkg/apis/batch/v1/conversion.go; their values:
 * the registries' ToSelectableFields), and `kubectl events --watch` (events.go `runWatch`).
 */

const UID = "b4e4a5d9-da96-4581-9564-8bcc40c73838";

const listCases: { command: string; expected: string }[] = [
  {
    command: "kubectl get pods --field-selector=status.phase=Succeeded -o name",
    expected: "pod/work-skg54\n",
  },
  {
    command: "kubectl get pods --field-selector status.phase!=Succeeded",
    expected: "2> No resources found in default namespace.\n",
  },
  {
    command: "kubectl get pods --field-selector spec.nodeName=node-0,metadata.namespace=default",
    expected:
      "NAME         READY   STATUS      RESTARTS   AGE\nwork-skg54   0/1     Completed   0          40s\n",
  },
  {
    command: "kubectl get pods --field-selector spec.host==node-0,spec.restartPolicy=Never -o name",
    expected: "pod/work-skg54\n",
  },
  {
    command: "kubectl get jobs --field-selector status.successful=1",
    expected:
      "NAME   STATUS     COMPLETIONS   DURATION   AGE\nwork   Complete   1/1           34s        40s\n",
  },
  {
    command: "kubectl get jobs --field-selector status.phase=Running",
    expected:
      '2> Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "", field selector "status.phase=Running": field label not supported: status.phase\n',
  },
  {
    // The refused kind yields no Table, so only one kind was fetched: get.go
    // multipleGVKsRequested(infos) is false and the pods print without their `pod/` prefix.
    command: "kubectl get jobs,pods --field-selector status.phase=Succeeded -l job-name=work",
    expected:
      'NAME         READY   STATUS      RESTARTS   AGE\nwork-skg54   0/1     Completed   0          40s\n2> Error from server (BadRequest): Unable to find "batch/v1, Resource=jobs" that match label selector "job-name=work", field selector "status.phase=Succeeded": field label not supported: status.phase\n',
  },
  {
    command: "kubectl get events --field-selector involvedObject.kind=Job",
    expected:
      "LAST SEEN   TYPE     REASON             OBJECT     MESSAGE\n40s         Normal   SuccessfulCreate   job/work   Created pod: work-skg54\n6s          Normal   Completed          job/work   Job completed\n",
  },
  {
    command: "kubectl get events --field-selector reason=Pulled,source=kubelet",
    expected:
      'LAST SEEN   TYPE     REASON   OBJECT           MESSAGE\n38s         Normal   Pulled   pod/work-skg54   Successfully pulled image "app:1" in 2s (2s including waiting). Image size: 20000000 bytes.\n',
  },
  {
    command: "kubectl get events --field-selector type=Warning",
    expected: "2> No resources found in default namespace.\n",
  },
  {
    command: "kubectl get pod work-skg54 --field-selector status.phase=Running",
    expected: "2> error: name cannot be provided when a selector is specified\n",
  },
  {
    command: "kubectl get pods --field-selector foo",
    expected:
      '2> Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo": invalid selector: \'foo\'; can\'t understand \'foo\'\n',
  },
];

const watchCases: { name: string; steps: string[]; expected: string }[] = [
  {
    name: "get -w: a pod that comes to match is ADDED",
    steps: ["sleep 5", "kubectl get pods -w --field-selector status.phase=Succeeded", "sleep 40"],
    expected:
      "$ sleep 40\nNAME         READY   STATUS      RESTARTS   AGE\nwork-skg54   0/1     Completed   0          33s\nwork-skg54   0/1     Completed   0          34s\n",
  },
  {
    name: "get -w: a pod that stops matching is DELETED, printed as it last matched",
    steps: ["sleep 5", "kubectl get pods -w --field-selector status.phase=Running", "sleep 40"],
    expected:
      "NAME         READY   STATUS    RESTARTS   AGE\nwork-skg54   1/1     Running   0          5s\n$ sleep 40\nwork-skg54   1/1     Running   0          33s\n",
  },
  {
    name: "events --watch: the stored events first (one flush each), then the new ones",
    steps: ["sleep 1", "kubectl events -w", "sleep 40"],
    expected: `LAST SEEN   TYPE     REASON      OBJECT           MESSAGE
1s          Normal   Scheduled   Pod/work-skg54   Successfully assigned default/work-skg54 to node-0
1s          Normal   Pulling     Pod/work-skg54   Pulling image "app:1"
1s          Normal   SuccessfulCreate   Job/work         Created pod: work-skg54
$ sleep 40
0s          Normal   Pulled             Pod/work-skg54   Successfully pulled image "app:1" in 2s (2s including waiting). Image size: 20000000 bytes.
0s          Normal   Created            Pod/work-skg54   Container created
0s          Normal   Started            Pod/work-skg54   Container started
0s          Normal   Completed          Job/work         Job completed
`,
  },
  {
    name: "events --watch --for: only that object's events",
    steps: ["sleep 1", "kubectl events -w --for job/work", "sleep 40"],
    expected: `LAST SEEN   TYPE     REASON             OBJECT     MESSAGE
1s          Normal   SuccessfulCreate   Job/work   Created pod: work-skg54
$ sleep 40
0s          Normal   Completed          Job/work   Job completed
`,
  },
];

describe("kubectl get --field-selector", () => {
  it.each(listCases)("$command", ({ command, expected }) => {
    const out = commandTranscript(["kubectl apply -f job.yaml", "sleep 40", command]);
    expect(out.slice(out.indexOf(`$ ${command}\n`) + command.length + 3)).toBe(expected);
  });

  it.each(watchCases)("$name", ({ steps, expected }) => {
    const out = commandTranscript(["kubectl apply -f job.yaml", ...steps, "kubectl get jobs"]);
    expect(
      out.slice(out.indexOf(`$ ${steps[1]}\n`) + steps[1].length + 3, out.indexOf("$ kubectl get jobs")),
    ).toBe(expected);
  });

  it("events --watch --types=Warning: the header comes with the first Warning", () => {
    const steps = [
      "kubectl apply -f job.yaml",
      "sleep 1",
      "kubectl events --watch --types=Warning",
      "sleep 30",
      "kubectl get jobs",
    ];
    const out = commandTranscript(steps, { runSeconds: 5, exitCode: 1, restartPolicy: "OnFailure" });
    expect(out.slice(out.indexOf("$ kubectl events"), out.indexOf("$ kubectl get jobs"))).toBe(
      `$ kubectl events --watch --types=Warning\n$ sleep 30\nLAST SEEN   TYPE      REASON    OBJECT           MESSAGE\n0s          Warning   BackOff   Pod/work-skg54   Back-off restarting failed container c in pod work-skg54_default(${UID})\n`,
    );
  });
});

describe("field selector parsing (apimachinery fields.ParseSelector)", () => {
  const cases: { selector: string; fields: Record<string, string>; matches: boolean }[] = [
    { selector: "", fields: {}, matches: true },
    { selector: "a=b", fields: { a: "b" }, matches: true },
    { selector: "a==b", fields: { a: "b" }, matches: true },
    { selector: "a!=b", fields: { a: "b" }, matches: false },
    { selector: "a!=b", fields: { a: "c" }, matches: true },
    { selector: "a=b,c=d", fields: { a: "b", c: "e" }, matches: false },
    { selector: "a=", fields: { a: "" }, matches: true },
    { selector: "a=x\\,y", fields: { a: "x,y" }, matches: true },
    { selector: "a=x\\=y", fields: { a: "x=y" }, matches: true },
  ];
  it.each(cases)("$selector", ({ selector, fields, matches }) => {
    const reqs = parseFieldSelector(selector);
    if (typeof reqs === "string") throw new Error(reqs);
    expect(matchesFields(fields, reqs)).toBe(matches);
  });
  it("a term with no operator", () => {
    expect(parseFieldSelector("a=b,nope")).toBe("invalid selector: 'a=b,nope'; can't understand 'nope'");
  });
  // selector.go parseSelector sorts the terms first; UnescapeValue's errors print a rune as %v.
  it.each([
    ["zz,aa", "invalid selector: 'zz,aa'; can't understand 'aa'"],
    ["b=x=y", "invalid field selector: unescaped character in value: 61"],
    ["b=x\\q", "invalid field selector: invalid escape sequence: \\q"],
    ["b=x\\", "invalid field selector: invalid escape sequence: \\"],
    ["z,b=x=y", "invalid field selector: unescaped character in value: 61"],
  ])("%s", (selector, error) => {
    expect(parseFieldSelector(selector)).toBe(error);
  });
  it("requirements come in sorted order (the first unsupported field named is the least)", () => {
    const reqs = parseFieldSelector("zeta=1,alpha=2");
    expect(reqs).toEqual([
      { field: "alpha", op: "=", value: "2" },
      { field: "zeta", op: "=", value: "1" },
    ]);
  });
});
