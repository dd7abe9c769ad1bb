import { describe, expect, it } from "vitest";
import {
  naturalLess,
  parseQuantity,
  SortError,
  sortByField,
  sortField,
  UnsortableError,
} from "../../../src/kubectl/commands/get-sort.js";
import { commandTranscript } from "./session.js";

/**
 * `kubectl get --sort-by` (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go, get.go): tables
 * have their rows sorted by the SortingPrinter (an error there is dropped by get.go Run, which
 * then says "No resources found"); -o name|json|yaml|jsonpath|custom-columns sort the one List
 * of all kinds' items (SortObjects: errors are printed); several kinds in tables fail, as the
 * RuntimeSorter looks for the field on the Tables themselves; with -w kubectl warns that
 * --sort-by is ignored, yet the list's Table is still sorted.
 */

const cases: { command: string; expected: string }[] = [
  {
    command: "kubectl get pods --sort-by={.metadata.creationTimestamp} -o name",
    expected: "pod/work-skg54\npod/work-4qqpf\npod/work-wxpqv\n",
  },
  {
    command: "kubectl get pods --sort-by=.status.startTime",
    expected: `NAME         READY   STATUS      RESTARTS   AGE
work-skg54   0/1     Completed   0          60s
work-4qqpf   0/1     Completed   0          51s
work-wxpqv   0/1     Completed   0          44s
`,
  },
  {
    command: "kubectl get pods --sort-by=.metadata.nope",
    expected: "2> No resources found in default namespace.\n",
  },
  {
    command: "kubectl get pods --sort-by=.metadata.nope -o name",
    expected: '2> error: couldn\'t find any field with path "{.metadata.nope}" in the list of objects\n',
  },
  {
    command:
      "kubectl get pods --sort-by=.status.containerStatuses[0].restartCount -o custom-columns=NAME:.metadata.name,R:.status.containerStatuses[0].restartCount",
    expected: "NAME         R\nwork-4qqpf   0\nwork-skg54   0\nwork-wxpqv   0\n",
  },
  {
    command:
      "kubectl get events --sort-by=.metadata.creationTimestamp -o custom-columns=REASON:.reason,OBJ:.involvedObject.name",
    expected: `REASON             OBJ
Scheduled          work-skg54
SuccessfulCreate   work
Pulling            work-skg54
Pulled             work-skg54
Started            work-skg54
Created            work-skg54
Scheduled          work-4qqpf
Pulled             work-4qqpf
SuccessfulCreate   work
Started            work-4qqpf
Created            work-4qqpf
Scheduled          work-wxpqv
Pulled             work-wxpqv
SuccessfulCreate   work
Created            work-wxpqv
Started            work-wxpqv
Completed          work
`,
  },
  {
    command: "kubectl get jobs,pods --sort-by=.metadata.name",
    expected: '2> error: couldn\'t find any field with path "{.metadata.name}" in the list of objects\n',
  },
  {
    command: "kubectl get pods,jobs --sort-by=.metadata.name -o name",
    expected: "job.batch/work\npod/work-4qqpf\npod/work-skg54\npod/work-wxpqv\n",
  },
  {
    command: "kubectl get pods --sort-by={{.x} -o name",
    expected:
      "2> error: unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'\n",
  },
  {
    command: "kubectl get pod work-skg54 --sort-by=.metadata.nope -o name",
    expected: "pod/work-skg54\n",
  },
  {
    command: "kubectl get pods -w --sort-by=.status.startTime",
    expected: `2> warning: --watch or --watch-only requested, --sort-by will be ignored
NAME         READY   STATUS      RESTARTS   AGE
work-skg54   0/1     Completed   0          60s
work-4qqpf   0/1     Completed   0          51s
work-wxpqv   0/1     Completed   0          44s
`,
  },
  {
    command: "kubectl get pods -w --sort-by=.metadata.nope",
    expected:
      '2> warning: --watch or --watch-only requested, --sort-by will be ignored\n2> error: unable to output the provided object: couldn\'t find any field with path "{.metadata.nope}" in the list of objects\n',
  },
  {
    command: "kubectl get pods -w --sort-by=.metadata.nope -o name",
    expected:
      "2> warning: --watch or --watch-only requested, --sort-by will be ignored\npod/work-4qqpf\npod/work-skg54\npod/work-wxpqv\n",
  },
];

describe("kubectl get --sort-by", () => {
  it.each(cases)("$command", ({ command, expected }) => {
    const out = commandTranscript(["kubectl apply -f job.yaml", "sleep 60", command, "kubectl get jobs"], {
      runSeconds: 5,
      completions: 3,
    });
    expect(
      out.slice(out.indexOf(`$ ${command}\n`) + command.length + 3, out.indexOf("$ kubectl get jobs\n")),
    ).toBe(expected);
  });
});

describe("sorter.go comparisons", () => {
  const sort = (values: unknown[]) => {
    const f = sortField(".v");
    if (f instanceof SortError) throw f;
    const r = sortByField(
      values.map((v, i) => ({ i, obj: v === undefined ? {} : { v } })),
      f,
      (x) => x.obj,
    );
    if (r instanceof SortError) throw r;
    return r.map((x) => x.i);
  };
  it.each([
    { name: "integers numerically", values: [10, 9, 100], order: [1, 0, 2] },
    {
      name: "strings naturally (digit runs as numbers)",
      values: ["pod-10", "pod-9", "pod-1"],
      order: [2, 1, 0],
    },
    { name: "quantities by value", values: ["1Gi", "500Mi", "2"], order: [2, 1, 0] },
    { name: "a missing field first", values: ["b", undefined, "a"], order: [1, 2, 0] },
    { name: "null before values", values: ["b", null, "a"], order: [1, 2, 0] },
    {
      name: "RFC 3339 timestamps in time order",
      values: ["2026-01-01T00:01:00Z", "2026-01-01T00:00:09Z"],
      order: [1, 0],
    },
  ])("$name", ({ values, order }) => {
    expect(sort(values)).toEqual(order);
  });
  it("an int beside a string is unsortable (kubectl exits through klog)", () => {
    expect(() => sort([1, "a"])).toThrow(UnsortableError);
  });
  it("maps are unsortable", () => {
    expect(() => sort([{ a: 1 }, { b: 1 }])).toThrow("unsortable type: map[string]interface {}");
  });

  it.each([
    ["abc2", "abc12", true],
    ["abc12", "abc2", false],
    ["2", "02", true],
    ["a", "ab", true],
    ["1a", "a", true],
    ["work-4qqpf", "work-skg54", true],
  ] as const)("NaturalLess(%s, %s) = %s", (a, b, less) => {
    expect(naturalLess(a, b)).toBe(less);
  });

  it.each([
    ["5", 5],
    ["100m", 0.1],
    ["2Gi", 2 ** 31],
    ["1e3", 1000],
    ["1.5k", 1500],
    ["work-1", null],
    ["", null],
    ["2026-01-01T00:00:00Z", null],
  ] as const)("ParseQuantity(%s)", (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });
});
