/**
 * tableText: kubectl's table decoration and cell handling (cli-runtime tableprinter.go decorateTable, printTable,
 * appendCellValue), and a property: every `kubectl get` table comes out aligned by the tabwriter rules.
 */
import fc from "fast-check";
import type { Job } from "kubernetes-types/batch/v1.js";
import type { Event, Node, Pod } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { eventTable } from "../../../src/kubectl/printers/events.js";
import { jobTable } from "../../../src/kubectl/printers/jobs.js";
import { nodeTable } from "../../../src/kubectl/printers/nodes.js";
import { podTable } from "../../../src/kubectl/printers/pods.js";
import { cellText, type Table, type TableOptions, tableText } from "../../../src/kubectl/printers/table.js";
import { GET_TABWRITER, tabulate } from "../../../src/kubectl/tabwriter.js";
import { type Loose, NOW, PLAIN, SECOND, t, WIDE } from "./helpers.js";

function job(name: string, labels: Record<string, string> = {}, namespace = "default"): Loose<Job> {
  return {
    metadata: { name, namespace, labels, creationTimestamp: t(-5 * SECOND) },
    spec: { completions: 1, template: { spec: { containers: [{ name: "c", image: "busybox" }] } } },
    status: {},
  };
}

const J = { statusColumn: true, successCriteriaMet: true };
const render = (table: Table, opts: TableOptions) => tabulate(tableText(table, opts, true), GET_TABWRITER);

describe("tableText", () => {
  const jobs = jobTable(
    [job("a", { app: "x", "batch.kubernetes.io/job-name": "a" }), job("bb", { app: "y" }, "team")] as Job[],
    NOW,
    J,
  );

  it("header names are upper-cased column names; rows are tab-separated and newline-terminated", () => {
    expect(tableText(jobs, PLAIN, true)).toBe(
      "NAME\tSTATUS\tCOMPLETIONS\tDURATION\tAGE\na\tRunning\t0/1\t\t5s\nbb\tRunning\t0/1\t\t5s\n",
    );
  });

  it("--no-headers and includeHeader=false drop the header", () => {
    expect(tableText(jobs, { ...PLAIN, noHeaders: true }, true)).toBe(
      "a\tRunning\t0/1\t\t5s\nbb\tRunning\t0/1\t\t5s\n",
    );
    expect(tableText(jobs, PLAIN, false)).toBe("a\tRunning\t0/1\t\t5s\nbb\tRunning\t0/1\t\t5s\n");
  });

  it("an empty table prints nothing, not even the header", () => {
    expect(tableText(jobTable([], NOW, J), PLAIN, true)).toBe("");
    expect(tableText(jobTable([], NOW, J), { ...PLAIN, noHeaders: true }, true)).toBe("");
  });

  it("--show-labels appends LABELS (sorted k=v, <none>), -L appends the label's value under its last path segment", () => {
    const table = jobTable(
      [job("a", { app: "x", "batch.kubernetes.io/job-name": "a" }), job("bb")] as Job[],
      NOW,
      J,
    );
    expect(
      render(table, { ...PLAIN, showLabels: true, labelColumns: ["batch.kubernetes.io/job-name", "app"] }),
    ).toBe(
      [
        "NAME   STATUS    COMPLETIONS   DURATION   AGE   JOB-NAME   APP   LABELS",
        "a      Running   0/1                      5s    a          x     app=x,batch.kubernetes.io/job-name=a",
        "bb     Running   0/1                      5s                     <none>",
        "",
      ].join("\n"),
    );
  });

  it("-A prepends NAMESPACE for namespaced kinds only", () => {
    expect(render(jobs, { ...PLAIN, allNamespaces: true })).toBe(
      [
        "NAMESPACE   NAME   STATUS    COMPLETIONS   DURATION   AGE",
        "default     a      Running   0/1                      5s",
        "team        bb     Running   0/1                      5s",
        "",
      ].join("\n"),
    );
    const nodes = nodeTable(
      [{ metadata: { name: "n1", creationTimestamp: t(-5 * SECOND) } }] as Node[],
      NOW,
      { serverRoles: "control-plane" },
    );
    expect(render(nodes, { ...PLAIN, allNamespaces: true })).toBe(
      ["NAME   STATUS    ROLES    AGE   VERSION", "n1     Unknown   <none>   5s    ", ""].join("\n"),
    );
  });

  it("with several kinds the name column carries lower(kind.group)/", () => {
    expect(render(jobs, { ...PLAIN, withKind: true })).toBe(
      [
        "NAME           STATUS    COMPLETIONS   DURATION   AGE",
        "job.batch/a    Running   0/1                      5s",
        "job.batch/bb   Running   0/1                      5s",
        "",
      ].join("\n"),
    );
    const pods = podTable(
      [{ metadata: { name: "p", creationTimestamp: t(0) }, spec: { containers: [] }, status: {} }] as Pod[],
      NOW,
    );
    expect(tableText(pods, { ...PLAIN, withKind: true, noHeaders: true }, true)).toBe(
      "pod/p\t0/0\t\t0\t0s\n",
    );
  });

  it("events: the name-format column is the priority-1 NAME, so event/ only shows with -o wide", () => {
    const ev: Loose<Event> = {
      metadata: { name: "p.1", namespace: "default" },
      involvedObject: { kind: "Pod", name: "p" },
      reason: "Started",
      message: "Container started",
      type: "Normal",
      source: { component: "kubelet", host: "n1" },
      firstTimestamp: t(-3 * SECOND),
      lastTimestamp: t(-3 * SECOND),
      count: 1,
    };
    const table = eventTable([ev] as Event[], NOW);
    expect(tableText(table, { ...PLAIN, withKind: true, noHeaders: true }, true)).toBe(
      "3s\tNormal\tStarted\tpod/p\tContainer started\n",
    );
    expect(tableText(table, { ...WIDE, withKind: true, noHeaders: true }, true)).toBe(
      "3s\tNormal\tStarted\tpod/p\t\tkubelet, n1\tContainer started\t3s\t1\tevent/p.1\n",
    );
  });

  it("a line break in a cell cuts it and appends ...; ESC is escaped", () => {
    expect(cellText("first line\nsecond")).toBe("first line...");
    expect(cellText("a\r\nb")).toBe("a...");
    expect(cellText("form\ffeed")).toBe("form...");
    expect(cellText("\ntext")).toBe("...");
    expect(cellText("red \x1b[31mtext")).toBe("red ^[[31mtext");
    expect(cellText("plain")).toBe("plain");
    const ev: Loose<Event> = {
      metadata: { name: "x" },
      involvedObject: { kind: "Job", name: "j" },
      reason: "R",
      message: "  line one\nline two  ",
      type: "Warning",
      firstTimestamp: t(0),
    };
    expect(tableText(eventTable([ev] as Event[], NOW), { ...PLAIN, noHeaders: true }, true)).toBe(
      "0s\tWarning\tR\tjob/j\tline one...\n",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property: the layout of every table follows the tabwriter rules (minwidth 6, padding 3): each non-last column
// starts at the same offset on every line, column width = max(6, widest cell + 3) in code points, the last cell is
// written as is, and no line has trailing spaces when its last cell has none.

const nameArb = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$/);
const labelValueArb = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,20}[A-Za-z0-9])?$/),
  fc.constantFrom("ümlaut", "日本語", "x", ""),
);
const labelsArb = fc.dictionary(
  fc.constantFrom("app", "tier", "example.com/team", "job-name"),
  labelValueArb,
  {
    maxKeys: 3,
  },
);
const ageArb = fc.integer({ min: 0, max: 400 * 24 * 3600 }).map((s) => t(-s * SECOND));

const jobArb = fc
  .record({
    name: nameArb,
    labels: labelsArb,
    created: ageArb,
    succeeded: fc.nat(20),
    completions: fc.option(fc.integer({ min: 1, max: 20 })),
  })
  .map(
    (r): Loose<Job> => ({
      metadata: { name: r.name, namespace: "default", labels: r.labels, creationTimestamp: r.created },
      spec: {
        completions: r.completions ?? undefined,
        parallelism: 3,
        template: { spec: { containers: [{ name: r.name.slice(0, 8) || "c", image: "busybox:1.36" }] } },
      },
      status: { succeeded: r.succeeded, startTime: r.created },
    }),
  );

const podArb = fc
  .record({
    name: nameArb,
    labels: labelsArb,
    created: ageArb,
    reason: fc.constantFrom("ContainerCreating", "CrashLoopBackOff", "ErrImagePull", ""),
    restarts: fc.nat(30),
    node: fc.option(nameArb),
  })
  .map(
    (r): Loose<Pod> => ({
      metadata: { name: r.name, namespace: "default", labels: r.labels, creationTimestamp: r.created },
      spec: { containers: [{ name: "c" }], nodeName: r.node ?? undefined },
      status: {
        phase: "Pending",
        containerStatuses: [
          {
            name: "c",
            restartCount: r.restarts,
            ready: false,
            state: r.reason ? { waiting: { reason: r.reason } } : { running: {} },
            lastState: r.restarts > 0 ? { terminated: { exitCode: 1, finishedAt: r.created } } : {},
          },
        ],
      },
    }),
  );

const eventArb = fc
  .record({
    name: nameArb,
    obj: nameArb,
    kind: fc.constantFrom("Pod", "Job", "Node"),
    reason: fc.constantFrom("Scheduled", "Pulled", "BackOff", "SuccessfulCreate"),
    message: fc.string({ minLength: 1, maxLength: 60 }).filter((m) => /\S$/.test(m) && /^\S/.test(m)),
    created: ageArb,
    count: fc.integer({ min: 1, max: 50 }),
  })
  .map(
    (r): Loose<Event> => ({
      metadata: { name: `${r.obj}.${r.name}`, namespace: "default" },
      involvedObject: { kind: r.kind, name: r.obj },
      reason: r.reason,
      message: r.message,
      type: r.reason === "BackOff" ? "Warning" : "Normal",
      source: { component: "kubelet", host: r.name },
      firstTimestamp: r.created,
      lastTimestamp: r.created,
      count: r.count,
    }),
  );

const nodeArb = fc.record({ name: nameArb, labels: labelsArb, created: ageArb, server: fc.boolean() }).map(
  (r): Loose<Node> => ({
    metadata: {
      name: r.name,
      labels: r.server ? { ...r.labels, "node-role.kubernetes.io/control-plane": "true" } : r.labels,
      creationTimestamp: r.created,
    },
    status: {
      conditions: [{ type: "Ready", status: "True" }],
      addresses: [{ type: "InternalIP", address: "172.18.0.3" }],
      nodeInfo: {
        kubeletVersion: "v1.35.5+k3s1",
        osImage: "K3s v1.35.5+k3s1",
        kernelVersion: "6.8.0",
        containerRuntimeVersion: "containerd://2.1.5-k3s1",
      },
    },
  }),
);

const tableArb: fc.Arbitrary<Table> = fc.oneof(
  fc.array(jobArb, { minLength: 1, maxLength: 6 }).map((js) => jobTable(js as Job[], NOW, J)),
  fc.array(podArb, { minLength: 1, maxLength: 6 }).map((ps) => podTable(ps as Pod[], NOW)),
  fc.array(eventArb, { minLength: 1, maxLength: 6 }).map((es) => eventTable(es as Event[], NOW)),
  fc
    .array(nodeArb, { minLength: 1, maxLength: 6 })
    .map((ns) => nodeTable(ns as Node[], NOW, { serverRoles: "control-plane" })),
);

const optsArb: fc.Arbitrary<TableOptions> = fc.record({
  wide: fc.boolean(),
  showLabels: fc.boolean(),
  labelColumns: fc.subarray(["app", "example.com/team"]),
  noHeaders: fc.boolean(),
  withKind: fc.boolean(),
  allNamespaces: fc.boolean(),
});

const width = (s: string) => [...s].length;

describe("property: kubectl get tables are aligned by the tabwriter rules", () => {
  it("every non-last column starts at the same offset on each line, no trailing spaces", () => {
    fc.assert(
      fc.property(tableArb, optsArb, (table, opts) => {
        const text = tableText(table, opts, true);
        const grid = text
          .slice(0, -1)
          .split("\n")
          .map((l) => l.split("\t"));
        const out = tabulate(text, GET_TABWRITER).split("\n");
        expect(out.pop()).toBe(""); // newline-terminated
        expect(out.length).toBe(grid.length);
        const ncols = grid[0].length;
        for (const cells of grid) expect(cells.length).toBe(ncols);
        // expected column starts from the cells alone
        const starts = [0];
        for (let j = 0; j < ncols - 1; j++) {
          starts.push(starts[j] + Math.max(6, Math.max(...grid.map((c) => width(c[j]))) + 3));
        }
        out.forEach((line, i) => {
          const chars = [...line];
          for (let j = 0; j < ncols; j++) {
            const cell = [...grid[i][j]];
            expect(chars.slice(starts[j], starts[j] + cell.length).join("")).toBe(grid[i][j]);
            if (j < ncols - 1) {
              // padding up to the next column is spaces only
              expect(chars.slice(starts[j] + cell.length, starts[j + 1]).every((c) => c === " ")).toBe(true);
            }
          }
          expect(chars.length).toBe(starts[ncols - 1] + width(grid[i][ncols - 1]));
          if (grid[i][ncols - 1] !== "" && !grid[i][ncols - 1].endsWith(" "))
            expect(line.endsWith(" ")).toBe(false);
        });
      }),
      { numRuns: 300 },
    );
  });
});
