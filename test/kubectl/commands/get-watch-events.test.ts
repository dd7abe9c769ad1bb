import { describe, expect, it } from "vitest";
import { type CommandScenario, commandTranscript } from "./session.js";

/**
 * `kubectl get events -w`: after the list, each Event the recorders write is printed as one
 * more row of the same server-side table (printers.go `printEvent`), as it is recorded — a new
 * Event (ADDED) and a repeat that patches count and lastTimestamp (MODIFIED) alike; the header
 * comes with the first row when nothing was listed (tableprinter.go `PrintObj`), and widths
 * only grow (liggitt/tabwriter RememberWidths).
 */

const CRASHING: CommandScenario = { runSeconds: 5, exitCode: 1, restartPolicy: "OnFailure" };
const UID = "b4e4a5d9-da96-4581-9564-8bcc40c73838";

const cases: { name: string; steps: string[]; scenario: CommandScenario; expected: string }[] = [
  {
    name: "a successful Job: the list, then each event as it is recorded",
    steps: ["kubectl apply -f job.yaml", "kubectl get events -w", "sleep 40", "kubectl get jobs"],
    scenario: { runSeconds: 5 },
    expected: `$ kubectl get events -w
LAST SEEN   TYPE     REASON             OBJECT           MESSAGE
0s          Normal   Scheduled          pod/work-skg54   Successfully assigned default/work-skg54 to node-0
0s          Normal   Pulling            pod/work-skg54   Pulling image "app:1"
0s          Normal   SuccessfulCreate   job/work         Created pod: work-skg54
$ sleep 40
0s          Normal   Pulled             pod/work-skg54   Successfully pulled image "app:1" in 2s (2s including waiting). Image size: 20000000 bytes.
0s          Normal   Created            pod/work-skg54   Container created
0s          Normal   Started            pod/work-skg54   Container started
0s          Normal   Completed          job/work         Job completed
`,
  },
  {
    name: "--watch-only: nothing listed; the header arrives with the first new event",
    steps: ["kubectl apply -f job.yaml", "kubectl get events --watch-only", "sleep 10", "kubectl get jobs"],
    scenario: CRASHING,
    expected: `$ kubectl get events --watch-only
$ sleep 10
LAST SEEN   TYPE     REASON   OBJECT           MESSAGE
0s          Normal   Pulled   pod/work-skg54   Successfully pulled image "app:1" in 2s (2s including waiting). Image size: 20000000 bytes.
0s          Normal   Created   pod/work-skg54   Container created
0s          Normal   Started   pod/work-skg54   Container started
0s          Normal   Pulled    pod/work-skg54   Container image "app:1" already present on machine and can be accessed by the pod
0s          Normal   Created   pod/work-skg54   Container created
0s          Normal   Started   pod/work-skg54   Container started
`,
  },
  {
    name: "--no-headers: a repeated Event (MODIFIED) prints again; Warning widens TYPE from there on",
    steps: [
      "kubectl apply -f job.yaml",
      "sleep 10",
      "kubectl get ev -w --no-headers",
      "sleep 10",
      "kubectl get jobs",
    ],
    scenario: CRASHING,
    expected: `$ kubectl get ev -w --no-headers
10s   Normal   Scheduled          pod/work-skg54   Successfully assigned default/work-skg54 to node-0
10s   Normal   Pulling            pod/work-skg54   Pulling image "app:1"
8s    Normal   Pulled             pod/work-skg54   Successfully pulled image "app:1" in 2s (2s including waiting). Image size: 20000000 bytes.
1s    Normal   Created            pod/work-skg54   Container created
1s    Normal   Started            pod/work-skg54   Container started
2s    Normal   Pulled             pod/work-skg54   Container image "app:1" already present on machine and can be accessed by the pod
10s   Normal   SuccessfulCreate   job/work         Created pod: work-skg54
$ sleep 10
0s    Warning   BackOff            pod/work-skg54   Back-off restarting failed container c in pod work-skg54_default(${UID})
`,
  },
  {
    name: "-o wide: a MODIFIED row shows the new COUNT and the first-seen age",
    steps: [
      "kubectl apply -f job.yaml",
      "sleep 20",
      "kubectl get events -w -o wide",
      "sleep 20",
      "kubectl get jobs",
    ],
    scenario: CRASHING,
    expected: `$ kubectl get events -w -o wide
LAST SEEN   TYPE      REASON             OBJECT           SUBOBJECT            SOURCE                                        MESSAGE                                                                                                  FIRST SEEN   COUNT   NAME
20s         Normal    Scheduled          pod/work-skg54                        default-scheduler, default-scheduler-node-0   Successfully assigned default/work-skg54 to node-0                                                       20s          1       work-skg54.18867251edfa9b0e
20s         Normal    Pulling            pod/work-skg54   spec.containers{c}   kubelet, node-0                               Pulling image "app:1"                                                                                    20s          1       work-skg54.18867251edfa9eeb
18s         Normal    Pulled             pod/work-skg54   spec.containers{c}   kubelet, node-0                               Successfully pulled image "app:1" in 2s (2s including waiting). Image size: 20000000 bytes.              18s          1       work-skg54.188672526535078f
11s         Normal    Created            pod/work-skg54   spec.containers{c}   kubelet, node-0                               Container created                                                                                        17s          2       work-skg54.18867252a0cea5c8
11s         Normal    Started            pod/work-skg54   spec.containers{c}   kubelet, node-0                               Container started                                                                                        17s          2       work-skg54.18867252a0cea7df
12s         Normal    Pulled             pod/work-skg54   spec.containers{c}   kubelet, node-0                               Container image "app:1" already present on machine and can be accessed by the pod                        12s          1       work-skg54.1886725402fbf80f
6s          Warning   BackOff            pod/work-skg54   spec.containers{c}   kubelet, node-0                               Back-off restarting failed container c in pod work-skg54_default(${UID})   6s           1       work-skg54.188672556899ec71
20s         Normal    SuccessfulCreate   job/work                              job-controller                                Created pod: work-skg54                                                                                  20s          1       work.18867251edfc4984
$ sleep 20
0s          Normal    Pulled             pod/work-skg54   spec.containers{c}   kubelet, node-0                               Container image "app:1" already present on machine and can be accessed by the pod                        21s          2       work-skg54.1886725402fbf80f
0s          Normal    Created            pod/work-skg54   spec.containers{c}   kubelet, node-0                               Container created                                                                                        27s          3       work-skg54.18867252a0cea5c8
0s          Normal    Started            pod/work-skg54   spec.containers{c}   kubelet, node-0                               Container started                                                                                        27s          3       work-skg54.18867252a0cea7df
0s          Warning   BackOff            pod/work-skg54   spec.containers{c}   kubelet, node-0                               Back-off restarting failed container c in pod work-skg54_default(${UID})   21s          2       work-skg54.188672556899ec71
`,
  },
  {
    name: "another namespace's watch prints nothing (watch mode has no 'No resources found')",
    steps: [
      "kubectl apply -f job.yaml",
      "kubectl get events -w -n kube-system",
      "sleep 40",
      "kubectl get jobs",
    ],
    scenario: { runSeconds: 5 },
    expected: "$ kubectl get events -w -n kube-system\n$ sleep 40\n",
  },
];

describe("kubectl get events -w", () => {
  it.each(cases)("$name", ({ steps, scenario, expected }) => {
    const out = commandTranscript(steps, scenario);
    const from = out.indexOf(`$ ${steps[steps.length - 3]}\n`);
    expect(out.slice(from, out.indexOf(`$ ${steps[steps.length - 1]}\n`))).toBe(expected);
  });
});

describe("an Event's expiry during a watch", () => {
  // The store deletes an Event its TTL after the last write (kine: 3660 s); the API server's
  // watch sends DELETED. `kubectl get -w` prints every event type (get.go `watch`);
  // `kubectl events -w` skips DELETED ("events are deleted after 1 hour; don't print that",
  // events.go runWatch).
  it("get events -w prints a DELETED row for each Event as it expires, in the order written", () => {
    const watch = "kubectl get events -w --output-watch-events -o custom-columns=T:.type,R:.object.reason";
    const out = commandTranscript(
      ["kubectl apply -f job.yaml", "sleep 60m", watch, "sleep 2m", "kubectl get jobs"],
      {
        runSeconds: 5,
      },
    );
    expect(out.slice(out.indexOf(`$ ${watch}\n`), out.indexOf("$ kubectl get jobs\n"))).toBe(`$ ${watch}
T       R
ADDED   Scheduled
ADDED   Pulling
ADDED   Pulled
ADDED   Created
ADDED   Started
ADDED   SuccessfulCreate
ADDED   Completed
$ sleep 2m
DELETED   SuccessfulCreate
DELETED   Scheduled
DELETED   Pulling
DELETED   Pulled
DELETED   Created
DELETED   Started
DELETED   Completed
`);
  });

  it("kubectl events -w does not print the expiry", () => {
    const out = commandTranscript(
      ["kubectl apply -f job.yaml", "sleep 60m", "kubectl events -w -o name", "sleep 2m", "kubectl get jobs"],
      { runSeconds: 5 },
    );
    const printed = out.slice(out.indexOf("$ sleep 2m\n"), out.indexOf("$ kubectl get jobs\n"));
    expect(printed).toBe("$ sleep 2m\n");
  });
});
