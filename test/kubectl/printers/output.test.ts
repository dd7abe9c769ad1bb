/**
 * `-o yaml`, `-o json`, `-o name`: real captures reproduced from their objects, and go-yaml v2's quoting, folding,
 * literal-block and key-order rules one by one (goyaml.v2 resolve.go / encode.go, go-yaml emitterc.go, sorter.go).
 */

import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  goFormatFloatG,
  isYamlTimestamp,
  resolvesToNonString,
  yamlKeyCompare,
} from "../../../src/kubectl/printers/go-yaml.js";
import { listOf, nameLine, toJson, toYaml } from "../../../src/kubectl/printers/output.js";
import {
  AZURE_PENDING_STATUS_YAML,
  BLUE_POD_JSON,
  CRASHLOOP_POD_YAML,
  PI_JOB_SPEC_STATUS_YAML,
  PURPLE_POD_YAML,
} from "./captures.js";

/** The purple pod as the API serves it, fields in the order a server (or materialize.ts) builds them. */
function purplePod(): unknown {
  const mount = {
    name: "kube-api-access-vvdz8",
    readOnly: true,
    mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
  };
  const container = (name: string, cmd: string) => ({
    name,
    image: "busybox:1.28",
    command: ["sh", "-c", cmd],
    resources: {},
    volumeMounts: [mount],
    terminationMessagePath: "/dev/termination-log",
    terminationMessagePolicy: "File",
    imagePullPolicy: "IfNotPresent",
  });
  const cond = (type: string, status: string, at: string, reason?: string, message?: string) => ({
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: at,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  });
  return {
    kind: "Pod",
    apiVersion: "v1",
    metadata: {
      name: "purple",
      namespace: "default",
      uid: "04c90f0f-5d1c-4d95-9082-d7d6365c1af3",
      resourceVersion: "1144",
      creationTimestamp: "2024-08-16T02:00:59Z",
    },
    spec: {
      volumes: [
        {
          name: "kube-api-access-vvdz8",
          projected: {
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
              { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
              {
                downwardAPI: {
                  items: [
                    { path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } },
                  ],
                },
              },
            ],
            defaultMode: 420,
          },
        },
      ],
      initContainers: [container("warm-up-1", "sleep 600"), container("warm-up-2", "sleep 1200")],
      containers: [container("purple-container", "echo The app is running! && sleep 3600")],
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 30,
      dnsPolicy: "ClusterFirst",
      serviceAccountName: "default",
      serviceAccount: "default",
      nodeName: "controlplane",
      securityContext: {},
      schedulerName: "default-scheduler",
      tolerations: [
        {
          key: "node.kubernetes.io/not-ready",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
        {
          key: "node.kubernetes.io/unreachable",
          operator: "Exists",
          effect: "NoExecute",
          tolerationSeconds: 300,
        },
      ],
      priority: 0,
      enableServiceLinks: true,
      preemptionPolicy: "PreemptLowerPriority",
    },
    status: {
      phase: "Pending",
      conditions: [
        cond("PodReadyToStartContainers", "True", "2024-08-16T02:01:01Z"),
        cond(
          "Initialized",
          "False",
          "2024-08-16T02:00:59Z",
          "ContainersNotInitialized",
          "containers with incomplete status: [warm-up-1 warm-up-2]",
        ),
        cond(
          "Ready",
          "False",
          "2024-08-16T02:00:59Z",
          "ContainersNotReady",
          "containers with unready status: [purple-container]",
        ),
        cond(
          "ContainersReady",
          "False",
          "2024-08-16T02:00:59Z",
          "ContainersNotReady",
          "containers with unready status: [purple-container]",
        ),
        cond("PodScheduled", "True", "2024-08-16T02:00:59Z"),
      ],
      hostIP: "192.3.127.3",
      hostIPs: [{ ip: "192.3.127.3" }],
      podIP: "10.42.0.12",
      podIPs: [{ ip: "10.42.0.12" }],
      startTime: "2024-08-16T02:00:59Z",
      initContainerStatuses: [
        {
          name: "warm-up-1",
          state: { running: { startedAt: "2024-08-16T02:01:00Z" } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: "docker.io/library/busybox:1.28",
          imageID:
            "docker.io/library/busybox@sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47",
          containerID: "containerd://2f888dc43be436ebf972c13623aa855938a854346039319836a121338b40d096",
          started: true,
        },
        {
          name: "warm-up-2",
          state: { waiting: { reason: "PodInitializing" } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: "busybox:1.28",
          imageID: "",
          started: false,
        },
      ],
      containerStatuses: [
        {
          name: "purple-container",
          state: { waiting: { reason: "PodInitializing" } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: "busybox:1.28",
          imageID: "",
          started: false,
        },
      ],
      qosClass: "BestEffort",
    },
  };
}

describe("real captures reproduced from their objects", () => {
  it("kubectl get pods/purple -o yaml (k3s)", () => {
    expect(toYaml(purplePod())).toBe(PURPLE_POD_YAML);
  });

  it("kubectl get pods/blue -o json: 4-space indent, sorted keys, \\u0026", () => {
    const obj = JSON.parse(BLUE_POD_JSON);
    expect(obj.spec.containers[0].command[2]).toBe("echo The app is running! && sleep 3600");
    expect(toJson(obj)).toBe(BLUE_POD_JSON);
  });

  it("a crash-looping pod: |- and | literal blocks, quoted digit strings, a long unfolded plain message", () => {
    const obj = parseYaml(CRASHLOOP_POD_YAML);
    expect(obj.metadata.annotations["k8s.v1.cni.cncf.io/network-status"]).toMatch(/^\[\{\n {4}"name"/);
    expect(toYaml(obj)).toBe(CRASHLOOP_POD_YAML);
  });

  it("a folded single-quoted message (Azure docs)", () => {
    const obj = {
      status: {
        qosClass: "Guaranteed",
        phase: "Pending",
        conditions: [
          {
            type: "PodScheduled",
            status: "False",
            lastProbeTime: null,
            lastTransitionTime: "2023-05-03T17:05:26Z",
            reason: "Unschedulable",
            message:
              "0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. preemption: 0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory..",
          },
        ],
      },
    };
    expect(toYaml(obj)).toBe(AZURE_PENDING_STATUS_YAML);
  });

  it("kubectl get job pi -o yaml (Kubernetes docs): spec and status", () => {
    const uid = "863452e6-270d-420e-9b94-53a54146c223";
    const obj = {
      spec: {
        parallelism: 1,
        completions: 1,
        backoffLimit: 4,
        selector: { matchLabels: { "batch.kubernetes.io/controller-uid": uid } },
        template: {
          metadata: {
            creationTimestamp: null,
            labels: { "batch.kubernetes.io/job-name": "pi", "batch.kubernetes.io/controller-uid": uid },
          },
          spec: {
            containers: [
              {
                name: "pi",
                image: "perl:5.34.0",
                command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"],
                resources: {},
                terminationMessagePath: "/dev/termination-log",
                terminationMessagePolicy: "File",
                imagePullPolicy: "IfNotPresent",
              },
            ],
            restartPolicy: "Never",
            terminationGracePeriodSeconds: 30,
            dnsPolicy: "ClusterFirst",
            securityContext: {},
            schedulerName: "default-scheduler",
          },
        },
        completionMode: "NonIndexed",
        suspend: false,
      },
      status: { startTime: "2022-11-10T17:53:57Z", active: 1, uncountedTerminatedPods: {}, ready: 0 },
    };
    expect(toYaml(obj)).toBe(PI_JOB_SPEC_STATUS_YAML);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("go-yaml v2 scalar styles", () => {
  const y = (v: unknown) => toYaml({ k: v });
  it.each([
    // would resolve to bool / null / number / timestamp: double-quoted
    ["true", 'k: "true"\n'],
    ["False", 'k: "False"\n'],
    ["y", 'k: "y"\n'],
    ["Yes", 'k: "Yes"\n'],
    ["on", 'k: "on"\n'],
    ["OFF", 'k: "OFF"\n'],
    ["n", 'k: "n"\n'],
    ["null", 'k: "null"\n'],
    ["~", 'k: "~"\n'],
    ["", 'k: ""\n'],
    ["0", 'k: "0"\n'],
    ["1144", 'k: "1144"\n'],
    ["-12", 'k: "-12"\n'],
    ["+1", 'k: "+1"\n'],
    ["0.1", 'k: "0.1"\n'],
    ["1e3", 'k: "1e3"\n'],
    ["1_000", 'k: "1_000"\n'],
    ["0x1F", 'k: "0x1F"\n'],
    ["0o17", 'k: "0o17"\n'],
    ["0b101", 'k: "0b101"\n'],
    ["012", 'k: "012"\n'],
    ["99999999999999999999999", 'k: "99999999999999999999999"\n'],
    [".5", 'k: ".5"\n'],
    [".inf", 'k: ".inf"\n'],
    ["-.Inf", 'k: "-.Inf"\n'],
    [".NaN", 'k: ".NaN"\n'],
    ["2026-01-01T00:00:00Z", 'k: "2026-01-01T00:00:00Z"\n'],
    ["2026-01-01T00:00:00.000000Z", 'k: "2026-01-01T00:00:00.000000Z"\n'],
    ["2026-1-2t3:4:5+01:00", 'k: "2026-1-2t3:4:5+01:00"\n'],
    ["2026-01-01 10:00:00", 'k: "2026-01-01 10:00:00"\n'],
    ["2026-01-01", 'k: "2026-01-01"\n'],
    ["1:20", 'k: "1:20"\n'],
    ["190:20:30.15", 'k: "190:20:30.15"\n'],
    // strings that stay plain
    ["yes please", "k: yes please\n"],
    ["True!", "k: True!\n"],
    ["nil", "k: nil\n"],
    ["0.1.2", "k: 0.1.2\n"],
    ["1.2.3-beta", "k: 1.2.3-beta\n"],
    ["7649c79dc5", "k: 7649c79dc5\n"],
    ["2026-02-30", "k: 2026-02-30\n"],
    ["2026-01-01T25:00:00Z", "k: 2026-01-01T25:00:00Z\n"],
    ["12:70", "k: 12:70\n"],
    ["busybox:1.36", "k: busybox:1.36\n"],
    ["<none>", "k: <none>\n"],
    ["<<", "k: <<\n"],
    ["a-b", "k: a-b\n"],
    ["-c", "k: -c\n"],
    ["-Mbignum=bpi", "k: -Mbignum=bpi\n"],
    ["a:b", "k: a:b\n"],
    ["a#b", "k: a#b\n"],
    ["ümlaut 日本", "k: ümlaut 日本\n"],
    ["sha256:114f", "k: sha256:114f\n"],
    // indicators: single-quoted
    ["- x", "k: '- x'\n"],
    ["a: b", "k: 'a: b'\n"],
    ["a #b", "k: 'a #b'\n"],
    ["#x", "k: '#x'\n"],
    ["*x", "k: '*x'\n"],
    ["&x", "k: '&x'\n"],
    ["!x", "k: '!x'\n"],
    ["%x", "k: '%x'\n"],
    ["@x", "k: '@x'\n"],
    ["`x", "k: '`x'\n"],
    ["[x]", "k: '[x]'\n"],
    ["{x}", "k: '{x}'\n"],
    ["|x", "k: '|x'\n"],
    [">x", "k: '>x'\n"],
    ["'x'", "k: '''x'''\n"],
    ['"x"', "k: '\"x\"'\n"],
    ["? x", "k: '? x'\n"],
    [": x", "k: ': x'\n"],
    ["---", "k: '---'\n"],
    ["...x", "k: '...x'\n"],
    [" lead", "k: ' lead'\n"],
    ["trail ", "k: 'trail '\n"],
    ["x:", "k: 'x:'\n"],
    // not printable for go-yaml: double-quoted with escapes
    ["a\tb", 'k: "a\\tb"\n'],
    ["bell\x07", 'k: "bell\\a"\n'],
    ["esc\x1b[0m", 'k: "esc\\e[0m"\n'],
    ["del\x7f", 'k: "del\\x7F"\n'],
    ["nel\u0085x", 'k: "nel\\Nx"\n'],
    ["bom\ufeff", 'k: "bom\\uFEFF"\n'],
    ["smile 😀", 'k: "smile \\U0001F600"\n'],
    ['q"uote\\', 'k: q"uote\\\n'],
    ['"x', "k: '\"x'\n"],
  ])("%j", (value, expected) => {
    expect(y(value)).toBe(expected);
  });

  it("numbers, booleans and null are plain", () => {
    expect(
      toYaml({ a: 0, b: -7, c: 1.5, d: 1e-7, e: 1234567.5, f: true, g: false, h: null, i: 2 ** 53 + 2 }),
    ).toBe(
      "a: 0\nb: -7\nc: 1.5\nd: 1e-07\ne: 1.2345675e+06\nf: true\ng: false\nh: null\ni: 9007199254740994\n",
    );
    expect(goFormatFloatG(0.0001)).toBe("0.0001");
    expect(goFormatFloatG(0.00001)).toBe("1e-05");
    expect(goFormatFloatG(123456.5)).toBe("123456.5");
    expect(goFormatFloatG(1e21)).toBe("1e+21");
    expect(toYaml({ big: 1e21, huge: 2e19 })).toBe("big: 1e+21\nhuge: 2e+19\n");
  });

  it("resolve: timestamps and numbers as go-yaml v2 reads plain text", () => {
    expect(isYamlTimestamp("2024-2-29")).toBe(true);
    expect(isYamlTimestamp("2023-2-29")).toBe(false);
    expect(isYamlTimestamp("2026-01-01T00:00:00")).toBe(false);
    expect(isYamlTimestamp("2026-01-01T00:00:60Z")).toBe(false);
    expect(isYamlTimestamp("20260-01-01")).toBe(false);
    expect(resolvesToNonString("-0b11")).toBe(true);
    expect(resolvesToNonString("-0x8000000000000001")).toBe(false); // ParseInt range, ParseUint syntax: a string
    expect(resolvesToNonString("0xFFFFFFFFFFFFFFFFFF")).toBe(true); // big.Int
    expect(resolvesToNonString("08")).toBe(true); // not octal, but a YAML-style float
    expect(resolvesToNonString("1.")).toBe(true);
    expect(resolvesToNonString("+")).toBe(false);
  });
});

describe("go-yaml v2 layout", () => {
  it("nested maps indent by 2; lists under a key start at the key's column; empty collections are {} and []", () => {
    expect(
      toYaml({
        metadata: {
          labels: { b: "2", a: "1" },
          finalizers: ["batch.kubernetes.io/job-tracking"],
          annotations: {},
        },
        items: [],
        list: [{ name: "x", args: ["a", "b"], env: [] }, { nested: [["p", "q"], []] }, {}],
      }),
    ).toBe(
      [
        "items: []",
        "list:",
        "- args:",
        "  - a",
        "  - b",
        "  env: []",
        "  name: x",
        "- nested:",
        "  - - p",
        "    - q",
        "  - []",
        "- {}",
        "metadata:",
        "  annotations: {}",
        "  finalizers:",
        "  - batch.kubernetes.io/job-tracking",
        "  labels:",
        '    a: "1"',
        '    b: "2"',
        "",
      ].join("\n"),
    );
  });

  it("keys: go-yaml's natural order (digit runs as numbers, non-letters first), quoted when ambiguous", () => {
    const keys = ["a10", "a9", "a", "B", "b", "a_b", "a-b", "1", "10", "2", "z", "ab", "a01", "a1"];
    expect([...keys].sort(yamlKeyCompare)).toEqual([
      "1",
      "2",
      "10",
      "B",
      "a",
      "a-b",
      "a_b",
      "a1",
      "a01",
      "a9",
      "a10",
      "ab",
      "b",
      "z",
    ]);
    expect(toYaml({ true: 1, "": 2, "x y": 3, "a: b": 4 })).toBe('"": 2\n\'a: b\': 4\n"true": 1\nx y: 3\n');
  });

  it("keys over 128 bytes use the ? / : form", () => {
    const long = "k".repeat(129);
    expect(toYaml({ [long]: "v", short: "w" })).toBe(`? ${long}\n: v\nshort: w\n`);
  });

  it("literal blocks: |, |- and |+ chomping, an indentation hint for a leading space, empty lines without indent", () => {
    expect(toYaml({ a: "one\ntwo\n" })).toBe("a: |\n  one\n  two\n");
    expect(toYaml({ a: "one\n\ntwo" })).toBe("a: |-\n  one\n\n  two\n");
    expect(toYaml({ a: "one\n\n" })).toBe("a: |+\n  one\n\n"); // no "...": finish() clears open_ended
    expect(toYaml({ a: "one\n\n", b: 1 })).toBe("a: |+\n  one\n\nb: 1\n");
    expect(toYaml({ a: " indented\nx" })).toBe("a: |2-\n   indented\n  x\n");
    expect(toYaml({ a: ["x\ny"] })).toBe("a:\n- |-\n  x\n  y\n");
    expect(toYaml({ m: { a: '{\n  "k": 1\n}\n' } })).toBe('m:\n  a: |\n    {\n      "k": 1\n    }\n');
    // no literal block with a space before a line break, or with characters go-yaml cannot print
    expect(toYaml({ a: "x \ny" })).toBe('a: "x \\ny"\n');
    expect(toYaml({ a: "x\ty\nz" })).toBe('a: "x\\ty\\nz"\n');
    // a multi-line key is no simple key: "? " and a literal block
    expect(toYaml({ "a\nb": 1 })).toBe("? |-\n  a\n  b\n: 1\n");
  });

  it("folding at column 80: plain, single- and double-quoted scalars break at a single space, 2 deeper than the key", () => {
    const words =
      "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore";
    expect(toYaml({ message: words })).toBe(
      "message: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n  incididunt ut labore\n",
    );
    expect(toYaml({ list: [{ message: words }] })).toBe(
      "list:\n- message: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n    incididunt ut labore\n",
    );
    expect(toYaml({ m: `x: ${words}` })).toBe(
      "m: 'x: lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor\n  incididunt ut labore'\n",
    );
    expect(toYaml({ m: `${words}\t` })).toBe(
      'm: "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt\n  ut labore\\t"\n',
    );
    // no break at a run of spaces, nor in a word longer than the line
    const noSpaces = "x".repeat(120);
    expect(toYaml({ m: noSpaces })).toBe(`m: ${noSpaces}\n`);
    // keys never fold
    const longKey = "word ".repeat(20).trim();
    expect(toYaml({ [longKey]: "v" })).toBe(`${longKey}: v\n`);
    // double-quoted: a break before a second space escapes it
    expect(toYaml({ m: `${"a".repeat(78)} \t  b` })).toBe(`m: "${"a".repeat(78)}\n  \\t  b"\n`);
    expect(toYaml({ m: `\t${"a".repeat(77)}  b` })).toBe(`m: "\\t${"a".repeat(77)}\n  \\ b"\n`);
  });
});

describe("-o json", () => {
  it("4-space indent, sorted keys, compact empty collections, Go escapes, trailing newline", () => {
    expect(toJson({ b: [], a: { z: 1, y: [true, null, "x<y>&z\u2028"] }, c: {} })).toBe(
      [
        "{",
        '    "a": {',
        '        "y": [',
        "            true,",
        "            null,",
        '            "x\\u003cy\\u003e\\u0026z\\u2028"',
        "        ],",
        '        "z": 1',
        "    },",
        '    "b": [],',
        '    "c": {}',
        "}",
        "",
      ].join("\n"),
    );
    expect(toJson({ s: 'tab\tnl\nctl\x01\x1f quote" back\\' })).toBe(
      '{\n    "s": "tab\\tnl\\nctl\\u0001\\u001f quote\\" back\\\\"\n}\n',
    );
    expect(toJson({ n: [0, -1, 1.5, 1e-7, 1e21, 123456789] })).toBe(
      '{\n    "n": [\n        0,\n        -1,\n        1.5,\n        1e-7,\n        1e+21,\n        123456789\n    ]\n}\n',
    );
    expect(toJson({ undef: undefined, k: 1 })).toBe('{\n    "k": 1\n}\n');
  });
});

describe("listOf and -o name", () => {
  it("a List for several objects", () => {
    expect(toYaml(listOf([{ kind: "Pod", apiVersion: "v1", metadata: { name: "a" } }]))).toBe(
      'apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: a\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
    expect(toJson(listOf([]))).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    );
  });
  it("name lines", () => {
    expect(nameLine("Job", "batch", "x")).toBe("job.batch/x\n");
    expect(nameLine("Pod", "", "example-job-abcde")).toBe("pod/example-job-abcde\n");
    expect(nameLine("Event", "", "p.17")).toBe("event/p.17\n");
  });
});
