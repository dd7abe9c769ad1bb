import { describe, expect, it } from "vitest";
import { commandTranscript } from "./session.js";

/**
 * `kubectl events` (staging/src/k8s.io/kubectl/pkg/cmd/events/events.go): ToOptions (--for,
 * then the printer), Validate (--types), then the list in the API server's key order sorted by
 * sort.Sort on the times as the JSON decodes them — lastTimestamp whole seconds, the
 * scheduler's eventTime microseconds — so kubelet events stamped in the second the pod was
 * scheduled in list before Scheduled, and the Job's SuccessfulCreate (same second) too.
 */

const cases: { name: string; steps: string[]; expected: string }[] = [
  {
    name: "events of one second: whole-second stamps before the scheduler's microsecond one",
    steps: ["kubectl apply -f job.yaml", "sleep 5", "kubectl events"],
    expected: `$ kubectl events
LAST SEEN   TYPE     REASON             OBJECT           MESSAGE
5s          Normal   Pulling            Pod/work-skg54   Pulling image "app:1"
5s          Normal   SuccessfulCreate   Job/work         Created pod: work-skg54
5s          Normal   Scheduled          Pod/work-skg54   Successfully assigned default/work-skg54 to node-0
3s          Normal   Pulled             Pod/work-skg54   Successfully pulled image "app:1" in 2s (2s including waiting). Image size: 20000000 bytes.
2s          Normal   Created            Pod/work-skg54   Container created
2s          Normal   Started            Pod/work-skg54   Container started
`,
  },
  {
    name: "-o name: event/<name> of each, in the same order",
    steps: ["kubectl apply -f job.yaml", "sleep 5", "kubectl events -o name --for pod/work-skg54"],
    expected: `$ kubectl events -o name --for pod/work-skg54
event/work-skg54.18867251edfa9eeb
event/work-skg54.18867251edfa9b0e
event/work-skg54.188672526535078f
event/work-skg54.18867252a0cea5c8
event/work-skg54.18867252a0cea7df
`,
  },
  {
    name: "--types is validated (any case, comma lists); Warning-only has none here",
    steps: [
      "kubectl apply -f job.yaml",
      "sleep 5",
      "kubectl events --types Info",
      "kubectl events --types warning",
    ],
    expected: `$ kubectl events --types Info
2> error: valid --types are Normal or Warning
$ kubectl events --types warning
2> No events found in default namespace.
`,
  },
  {
    name: "--for: errors of decodeResourceTypeName, an unmodelled kind has no events, an empty name lists all",
    steps: [
      "kubectl apply -f job.yaml",
      "sleep 5",
      "kubectl events --for job",
      "kubectl events --for pod/a/b",
      "kubectl events --for widget/x",
      "kubectl events --for deploy/x",
      "kubectl events --for job/ --types Normal -o name",
    ],
    expected: `$ kubectl events --for job
2> error: --for must be in resource/name form
$ kubectl events --for pod/a/b
2> error: arguments in resource/name form may not have more than one slash
$ kubectl events --for widget/x
2> error: the server doesn't have a resource type "widget"
$ kubectl events --for deploy/x
2> No events found in default namespace.
$ kubectl events --for job/ --types Normal -o name
event/work-skg54.18867251edfa9eeb
event/work.18867251edfc4984
event/work-skg54.18867251edfa9b0e
event/work-skg54.188672526535078f
event/work-skg54.18867252a0cea5c8
event/work-skg54.18867252a0cea7df
`,
  },
  {
    name: "--for TYPE as ParseResourceArg reads it: resource.version.group, then resource.group, case-blind",
    steps: [
      "kubectl apply -f job.yaml",
      "sleep 5",
      "kubectl events --for JOBS.V1.BATCH/work -o name",
      "kubectl events --for job.batch/work -o name",
      "kubectl events --for pods.v1./work-skg54 -o name",
      "kubectl events --for deployments.apps/x",
      "kubectl events --for deploy.apps/x",
      "kubectl events --for jobs.apps/work",
      "kubectl events --for jobs.v2.batch/work",
      "kubectl events --for all/x",
      "kubectl events --for /x",
    ],
    expected: `$ kubectl events --for JOBS.V1.BATCH/work -o name
event/work.18867251edfc4984
$ kubectl events --for job.batch/work -o name
event/work.18867251edfc4984
$ kubectl events --for pods.v1./work-skg54 -o name
event/work-skg54.18867251edfa9eeb
event/work-skg54.18867251edfa9b0e
event/work-skg54.188672526535078f
event/work-skg54.18867252a0cea5c8
event/work-skg54.18867252a0cea7df
$ kubectl events --for deployments.apps/x
2> No events found in default namespace.
$ kubectl events --for deploy.apps/x
2> No events found in default namespace.
$ kubectl events --for jobs.apps/work
2> error: the server doesn't have a resource type "jobs"
$ kubectl events --for jobs.v2.batch/work
2> error: the server doesn't have a resource type "jobs"
$ kubectl events --for all/x
2> error: the server doesn't have a resource type "all"
$ kubectl events --for /x
2> error: a resource must be present, got: /, Resource=
`,
  },
  {
    name: "--watch -o name: the stored events in key order, then each new one",
    steps: ["kubectl apply -f job.yaml", "sleep 1", "kubectl events -w -o name", "sleep 5"],
    expected: `$ kubectl events -w -o name
event/work-skg54.18867251edfa9b0e
event/work-skg54.18867251edfa9eeb
event/work.18867251edfc4984
$ sleep 5
event/work-skg54.188672526535078f
event/work-skg54.18867252a0cea5c8
event/work-skg54.18867252a0cea7df
`,
  },
  {
    name: "-o: a format PrintFlags does not have",
    steps: ["kubectl apply -f job.yaml", "kubectl events -o wide"],
    expected: `$ kubectl events -o wide
2> error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,kyaml,name,template,templatefile,yaml
`,
  },
];

describe("kubectl events", () => {
  it("-o json is refused when the scenario is read (jobsim does not render the typed EventList)", () => {
    expect(() => commandTranscript(["kubectl apply -f job.yaml", "kubectl events -o json"])).toThrow(
      'kubectl events -o json: jobsim does not simulate "kubectl events -o json"',
    );
  });

  it("-o kyaml (on by default in kubectl 1.35) is refused when the scenario is read, as json is", () => {
    expect(() => commandTranscript(["kubectl apply -f job.yaml", "kubectl events -o kyaml"])).toThrow(
      'kubectl events -o kyaml: jobsim does not simulate "kubectl events -o kyaml"',
    );
  });

  it.each(cases)("$name", ({ steps, expected }) => {
    const out = commandTranscript(steps);
    expect(out.slice(out.indexOf(`$ ${steps[2] ?? steps[1]}\n`))).toBe(expected);
  });
});
