import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DESCRIBE_TABWRITER,
  GET_TABWRITER,
  runeCount,
  TabWriter,
  type TabWriterOptions,
  tabulate,
} from "../../src/kubectl/tabwriter.js";

/** Options in Go's argument order: minwidth, tabwidth, padding, padchar, plus the flags we implement. */
function goOpts(
  minWidth: number,
  tabWidth: number,
  padding: number,
  padChar: string,
  flags: { alignRight?: boolean; discardEmptyColumns?: boolean } = {},
): TabWriterOptions {
  return { minWidth, tabWidth, padding, padChar, ...flags };
}

/** One table row as cli-runtime's tableprinter writes it: cells separated by '\t', ended by '\n'. */
function row(...cells: string[]): string {
  return cells.join("\t") + "\n";
}

// ---------------------------------------------------------------------------------------------------------------
// Ported from golang/go src/text/tabwriter/tabwriter_test.go @ 4d68b147014912302b8648db9ddf8d8c806b10c8
// (the `tests` table; the same cases appear in liggitt/tabwriter tabwriter_test.go). Only cases whose flags we
// implement are kept: flags 0, AlignRight, DiscardEmptyColumns, and padchar '\t'. Left out: the Escape cases
// (1b–1e), FilterHTML (7f, 7g, 9b, 13c), Debug (1a/5c/7g/9c/14/16b/16c "debug") and liggitt's
// GraphemeClusterWidth cases (10c–10f), since kubectl sets none of those flags.
// ---------------------------------------------------------------------------------------------------------------
interface GoCase {
  name: string;
  opts: TabWriterOptions;
  src: string;
  expected: string;
}

const goTests: GoCase[] = [
  { name: "1a", opts: goOpts(8, 0, 1, "."), src: "", expected: "" },
  { name: "2", opts: goOpts(8, 0, 1, "."), src: "\n\n\n", expected: "\n\n\n" },
  { name: "3", opts: goOpts(8, 0, 1, "."), src: "a\nb\nc", expected: "a\nb\nc" },
  // '\t' terminates an empty cell on last line - nothing to print
  { name: "4a", opts: goOpts(8, 0, 1, "."), src: "\t", expected: "" },
  { name: "4b", opts: goOpts(8, 0, 1, ".", { alignRight: true }), src: "\t", expected: "" },
  { name: "5", opts: goOpts(8, 0, 1, "."), src: "*\t*", expected: "*.......*" },
  { name: "5b", opts: goOpts(8, 0, 1, "."), src: "*\t*\n", expected: "*.......*\n" },
  { name: "5c", opts: goOpts(8, 0, 1, "."), src: "*\t*\t", expected: "*.......*" },
  { name: "5d", opts: goOpts(8, 0, 1, ".", { alignRight: true }), src: "*\t*\t", expected: ".......**" },
  { name: "6", opts: goOpts(8, 0, 1, "."), src: "\t\n", expected: "........\n" },
  { name: "7a", opts: goOpts(8, 0, 1, "."), src: "a) foo", expected: "a) foo" },
  { name: "7b", opts: goOpts(8, 0, 1, " "), src: "b) foo\tbar", expected: "b) foo  bar" },
  { name: "7c", opts: goOpts(8, 0, 1, "."), src: "c) foo\tbar\t", expected: "c) foo..bar" },
  { name: "7d", opts: goOpts(8, 0, 1, "."), src: "d) foo\tbar\n", expected: "d) foo..bar\n" },
  { name: "7e", opts: goOpts(8, 0, 1, "."), src: "e) foo\tbar\t\n", expected: "e) foo..bar.....\n" },
  { name: "8", opts: goOpts(8, 0, 1, "*"), src: "Hello, world!\n", expected: "Hello, world!\n" },
  {
    name: "9a",
    opts: goOpts(1, 0, 0, "."),
    src: "1\t2\t3\t4\n" + "11\t222\t3333\t44444\n",
    expected: "1.2..3...4\n" + "11222333344444\n",
  },
  {
    name: "9c",
    opts: goOpts(1, 0, 0, "."),
    src: "1\t2\t3\t4\f" + "11\t222\t3333\t44444\n", // \f causes a newline and flush
    expected: "1234\n" + "11222333344444\n",
  },
  { name: "10a", opts: goOpts(5, 0, 0, "."), src: "1\t2\t3\t4\n", expected: "1....2....3....4\n" },
  { name: "10b", opts: goOpts(5, 0, 0, "."), src: "1\t2\t3\t4\t\n", expected: "1....2....3....4....\n" },
  {
    name: "11",
    opts: goOpts(8, 0, 1, "."),
    src: "本\tb\tc\n" + "aa\t\u672c\u672c\u672c\tcccc\tddddd\n" + "aaa\tbbbb\n",
    expected: "本.......b.......c\n" + "aa......本本本.....cccc....ddddd\n" + "aaa.....bbbb\n",
  },
  {
    name: "12a",
    opts: goOpts(8, 0, 1, " ", { alignRight: true }),
    src: "a\tè\tc\t\n" + "aa\tèèè\tcccc\tddddd\t\n" + "aaa\tèèèè\t\n",
    expected: "       a       è       c\n" + "      aa     èèè    cccc   ddddd\n" + "     aaa    èèèè\n",
  },
  {
    name: "12b",
    opts: goOpts(2, 0, 0, " "),
    src: "a\tb\tc\n" + "aa\tbbb\tcccc\n" + "aaa\tbbbb\n",
    expected: "a  b  c\n" + "aa bbbcccc\n" + "aaabbbb\n",
  },
  {
    name: "12c",
    opts: goOpts(8, 0, 1, "_"),
    src: "a\tb\tc\n" + "aa\tbbb\tcccc\n" + "aaa\tbbbb\n",
    expected: "a_______b_______c\n" + "aa______bbb_____cccc\n" + "aaa_____bbbb\n",
  },
  {
    name: "13a",
    opts: goOpts(4, 0, 1, "-"),
    src:
      "4444\t日本語\t22\t1\t333\n" +
      "999999999\t22\n" +
      "7\t22\n" +
      "\t\t\t88888888\n" +
      "\n" +
      "666666\t666666\t666666\t4444\n" +
      "1\t1\t999999999\t0000000000\n",
    expected:
      "4444------日本語-22--1---333\n" +
      "999999999-22\n" +
      "7---------22\n" +
      "------------------88888888\n" +
      "\n" +
      "666666-666666-666666----4444\n" +
      "1------1------999999999-0000000000\n",
  },
  {
    name: "13b",
    opts: goOpts(4, 0, 3, "."),
    src:
      "4444\t333\t22\t1\t333\n" +
      "999999999\t22\n" +
      "7\t22\n" +
      "\t\t\t88888888\n" +
      "\n" +
      "666666\t666666\t666666\t4444\n" +
      "1\t1\t999999999\t0000000000\n",
    expected:
      "4444........333...22...1...333\n" +
      "999999999...22\n" +
      "7...........22\n" +
      "....................88888888\n" +
      "\n" +
      "666666...666666...666666......4444\n" +
      "1........1........999999999...0000000000\n",
  },
  {
    name: "14",
    opts: goOpts(1, 0, 2, " ", { alignRight: true }),
    src:
      ".0\t.3\t2.4\t-5.1\t\n" +
      "23.0\t12345678.9\t2.4\t-989.4\t\n" +
      "5.1\t12.0\t2.4\t-7.0\t\n" +
      ".0\t0.0\t332.0\t8908.0\t\n" +
      ".0\t-.3\t456.4\t22.1\t\n" +
      ".0\t1.2\t44.4\t-13.3\t\t",
    expected:
      "    .0          .3    2.4    -5.1\n" +
      "  23.0  12345678.9    2.4  -989.4\n" +
      "   5.1        12.0    2.4    -7.0\n" +
      "    .0         0.0  332.0  8908.0\n" +
      "    .0         -.3  456.4    22.1\n" +
      "    .0         1.2   44.4   -13.3",
  },
  { name: "15a", opts: goOpts(4, 0, 0, "."), src: "a\t\tb", expected: "a.......b" },
  // htabs - do not discard column
  {
    name: "15b",
    opts: goOpts(4, 0, 0, ".", { discardEmptyColumns: true }),
    src: "a\t\tb",
    expected: "a.......b",
  },
  {
    name: "15c",
    opts: goOpts(4, 0, 0, ".", { discardEmptyColumns: true }),
    src: "a\v\vb",
    expected: "a...b",
  },
  {
    name: "15d",
    opts: goOpts(4, 0, 0, ".", { alignRight: true, discardEmptyColumns: true }),
    src: "a\v\vb",
    expected: "...ab",
  },
  {
    name: "16a",
    opts: goOpts(100, 100, 0, "\t"),
    src: "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
    expected: "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
  },
  {
    name: "16b",
    opts: goOpts(100, 100, 0, "\t", { discardEmptyColumns: true }),
    src: "a\vb\v\vd\n" + "a\vb\v\vd\ve\n" + "a\n" + "a\vb\vc\vd\n" + "a\vb\vc\vd\ve\n",
    expected: "a\tb\td\n" + "a\tb\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
  },
  {
    name: "16c",
    opts: goOpts(100, 100, 0, "\t", { discardEmptyColumns: true }),
    // hard tabs - do not discard column
    src: "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
    expected: "a\tb\t\td\n" + "a\tb\t\td\te\n" + "a\n" + "a\tb\tc\td\n" + "a\tb\tc\td\te\n",
  },
];

/** Go's `check`: the same writer is used for all three write patterns, flushing after each. */
describe("Go text/tabwriter test table", () => {
  it.each(goTests)("$name", ({ opts, src, expected }) => {
    const w = new TabWriter(opts);

    // written all at once
    w.write(src);
    expect(w.flush()).toBe(expected);

    // written byte-by-byte (here: UTF-16 unit by unit, which also splits characters)
    for (let i = 0; i < src.length; i++) w.write(src.slice(i, i + 1));
    expect(w.flush()).toBe(expected);

    // written using Fibonacci slice sizes (as Go's check)
    for (let i = 0, d = 0; i < src.length; ) {
      w.write(src.slice(i, i + d));
      i += d;
      d++;
      if (i + d > src.length) d = src.length - i;
    }
    expect(w.flush()).toBe(expected);

    expect(tabulate(src, opts)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Ported from liggitt/tabwriter tabwriter_test.go @ 008d87d184af808dd8332d5f14c7594567453299 (TestMultiWrite):
// RememberWidths across flushes, transferring widths to a new writer, resetting and presetting them.
// ---------------------------------------------------------------------------------------------------------------
describe("liggitt/tabwriter RememberWidths (TestMultiWrite)", () => {
  it("remembers, transfers, resets and presets column widths", () => {
    const opts: TabWriterOptions = {
      minWidth: 6,
      tabWidth: 4,
      padding: 3,
      padChar: " ",
      rememberWidths: true,
    };
    let w = new TabWriter(opts);
    const outputs: string[] = [];

    w.write("First\tMiddle\tLast\n");
    w.write("a\tbb\tccc\n");
    w.write("ddd\teeeeeeeeeeeeee\tf\n");
    outputs.push(w.flush());
    expect(outputs.join("")).toBe(
      "First   Middle           Last\n" + "a       bb               ccc\n" + "ddd     eeeeeeeeeeeeee   f\n",
    );

    w.write("g\th\ti\n");
    outputs.push(w.flush());
    expect(outputs.at(-1)).toBe("g       h                i\n");

    w.write("j\t\t\n");
    outputs.push(w.flush());
    w.write("\tk\t\n");
    outputs.push(w.flush());
    w.write("\t\tl\n");
    outputs.push(w.flush());
    expect(outputs.slice(-3).join("")).toBe(
      "j                        \n" + "        k                \n" + "                         l\n",
    );

    w.write("mmmmmmmmmmmmmmm\tnnn\tooo\n");
    outputs.push(w.flush());
    expect(outputs.at(-1)).toBe("mmmmmmmmmmmmmmm   nnn              ooo\n");

    // Demonstrate seamlessly transferring remembered column widths to a new writer
    const next = new TabWriter(opts);
    next.setRememberedWidths(w.rememberedWidths());
    w = next;
    w.write("p\tq\tr\n");
    outputs.push(w.flush());
    expect(outputs.at(-1)).toBe("p                 q                r\n");
    expect(w.rememberedWidths()).toEqual([18, 17]);

    // Reset remembered widths
    w.setRememberedWidths(null);
    w.write("sssss\tt\tu\n");
    outputs.push(w.flush());
    expect(outputs.at(-1)).toBe("sssss   t     u\n");
    expect(w.rememberedWidths()).toEqual([8, 6]);

    // Set remembered widths to different values
    w.setRememberedWidths([10, 5, 5]);
    w.write("v\tw\tx\n");
    outputs.push(w.flush());
    expect(outputs.at(-1)).toBe("v         w     x\n");

    expect(outputs.join("")).toBe(
      [
        "First   Middle           Last\n",
        "a       bb               ccc\n",
        "ddd     eeeeeeeeeeeeee   f\n",
        "g       h                i\n",
        "j                        \n",
        "        k                \n",
        "                         l\n",
        "mmmmmmmmmmmmmmm   nnn              ooo\n",
        "p                 q                r\n",
        "sssss   t     u\n",
        "v         w     x\n",
      ].join(""),
    );
  });

  it("without the flag, every flush lays out afresh", () => {
    const w = new TabWriter({ ...GET_TABWRITER, rememberWidths: false });
    w.write(row("ddd", "eeeeeeeeeeeeee", "f"));
    expect(w.flush()).toBe("ddd   eeeeeeeeeeeeee   f\n");
    w.write(row("g", "h", "i"));
    expect(w.flush()).toBe("g     h     i\n");
  });

  it("also shares widths between separate blocks of one flush (liggitt format applies maxwidths per block)", () => {
    // Standard text/tabwriter restarts alignment after the tab-less line; with RememberWidths the second
    // block's column 0 gets the first block's (larger) width.
    const src = row("a-long-name", "x") + "no tabs here\n" + row("b", "y");
    expect(tabulate(src, { ...GET_TABWRITER, rememberWidths: false })).toBe(
      "a-long-name   x\n" + "no tabs here\n" + "b     y\n",
    );
    expect(tabulate(src, GET_TABWRITER)).toBe("a-long-name   x\n" + "no tabs here\n" + "b             y\n");
  });
});

// ---------------------------------------------------------------------------------------------------------------
// kubectl get: tables from /work/shared/reference/kubectl-output.md §3–§4 (rendered) and a real capture.
// ---------------------------------------------------------------------------------------------------------------
describe("kubectl get tables (GET_TABWRITER)", () => {
  it("exposes kubectl's settings", () => {
    expect(GET_TABWRITER).toEqual({
      minWidth: 6,
      tabWidth: 4,
      padding: 3,
      padChar: " ",
      rememberWidths: true,
    });
    expect(DESCRIBE_TABWRITER).toEqual({ minWidth: 0, tabWidth: 8, padding: 2, padChar: " " });
  });

  it.each([
    {
      name: "running job (empty DURATION cell still padded)",
      rows: [
        ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
        ["example-job", "Running", "0/1", "", "1s"],
      ],
      expected:
        "NAME          STATUS    COMPLETIONS   DURATION   AGE\n" +
        "example-job   Running   0/1                      1s\n",
    },
    {
      name: "complete job",
      rows: [
        ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
        ["example-job", "Complete", "1/1", "7s", "20s"],
      ],
      expected:
        "NAME          STATUS     COMPLETIONS   DURATION   AGE\n" +
        "example-job   Complete   1/1           7s         20s\n",
    },
    {
      name: "failed job (STATUS hits minwidth 6 + 3)",
      rows: [
        ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE"],
        ["example-job", "Failed", "0/1", "2m17s", "2m17s"],
      ],
      expected:
        "NAME          STATUS   COMPLETIONS   DURATION   AGE\n" +
        "example-job   Failed   0/1           2m17s      2m17s\n",
    },
    {
      name: "job -o wide",
      rows: [
        ["NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE", "CONTAINERS", "IMAGES", "SELECTOR"],
        [
          "example-job",
          "Complete",
          "1/1",
          "7s",
          "20s",
          "example",
          "busybox:1.36",
          "batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10",
        ],
      ],
      expected:
        "NAME          STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES         SELECTOR\n" +
        "example-job   Complete   1/1           7s         20s   example      busybox:1.36   " +
        "batch.kubernetes.io/controller-uid=3f1c2a9e-8b7d-4e2f-9a61-0c5d7e4b2a10\n",
    },
    {
      name: "pods with restarts",
      rows: [
        ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
        ["example-job-abcde", "0/1", "CrashLoopBackOff", "3 (25s ago)", "2m1s"],
      ],
      expected:
        "NAME                READY   STATUS             RESTARTS      AGE\n" +
        "example-job-abcde   0/1     CrashLoopBackOff   3 (25s ago)   2m1s\n",
    },
    {
      // Real `kubectl get po` capture (public lab write-up, find_string id 2412611239).
      name: "real capture: kubectl get po",
      rows: [
        ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
        ["app-python-58dcb858c9-g7dvg", "1/1", "Running", "0", "15m"],
        ["app-python-58dcb858c9-pptpz", "1/1", "Running", "0", "15m"],
        ["app-python-58dcb858c9-szdp2", "1/1", "Running", "0", "15m"],
        ["app-python-post-install-zbddx", "0/1", "Completed", "0", "15m"],
        ["app-python-pre-install-zvhg6", "0/1", "Completed", "0", "15m"],
      ],
      expected:
        "NAME                            READY   STATUS      RESTARTS   AGE\n" +
        "app-python-58dcb858c9-g7dvg     1/1     Running     0          15m\n" +
        "app-python-58dcb858c9-pptpz     1/1     Running     0          15m\n" +
        "app-python-58dcb858c9-szdp2     1/1     Running     0          15m\n" +
        "app-python-post-install-zbddx   0/1     Completed   0          15m\n" +
        "app-python-pre-install-zvhg6    0/1     Completed   0          15m\n",
    },
  ])("$name", ({ rows, expected }) => {
    expect(tabulate(rows.map((r) => row(...r)).join(""), GET_TABWRITER)).toBe(expected);
  });

  it("real capture: kubectl get pods,svc — one table per kind, widths reset between kinds", () => {
    const pods = [
      ["NAME", "READY", "STATUS", "RESTARTS", "AGE"],
      ["pod/app-python-58dcb858c9-g7dvg", "1/1", "Running", "0", "14m"],
      ["pod/app-python-58dcb858c9-pptpz", "1/1", "Running", "0", "14m"],
      ["pod/app-python-58dcb858c9-szdp2", "1/1", "Running", "0", "14m"],
      ["pod/app-python-post-install-zbddx", "0/1", "Completed", "0", "14m"],
      ["pod/app-python-pre-install-zvhg6", "0/1", "Completed", "0", "14m"],
    ];
    const svcs = [
      ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"],
      ["service/app-python", "ClusterIP", "10.109.59.230", "<none>", "5000/TCP", "14m"],
      ["service/kubernetes", "ClusterIP", "10.96.0.1", "<none>", "443/TCP", "2d7h"],
    ];
    const w = new TabWriter(GET_TABWRITER);
    w.write(pods.map((r) => row(...r)).join(""));
    let out = w.flush();
    // get.go: on a new kind, flush, SetRememberedWidths(nil), and a blank separator line.
    w.setRememberedWidths(null);
    w.write("\n" + svcs.map((r) => row(...r)).join(""));
    out += w.flush();
    expect(out).toBe(
      [
        "NAME                                READY   STATUS      RESTARTS   AGE",
        "pod/app-python-58dcb858c9-g7dvg     1/1     Running     0          14m",
        "pod/app-python-58dcb858c9-pptpz     1/1     Running     0          14m",
        "pod/app-python-58dcb858c9-szdp2     1/1     Running     0          14m",
        "pod/app-python-post-install-zbddx   0/1     Completed   0          14m",
        "pod/app-python-pre-install-zvhg6    0/1     Completed   0          14m",
        "",
        "NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)    AGE",
        "service/app-python   ClusterIP   10.109.59.230   <none>        5000/TCP   14m",
        "service/kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP    2d7h",
        "",
      ].join("\n"),
    );

    // Without the reset, the service table would inherit the pod table's widths (NAME 36, TYPE 8 from READY).
    const noReset = new TabWriter(GET_TABWRITER);
    noReset.write(pods.map((r) => row(...r)).join(""));
    noReset.flush();
    noReset.write(row(...svcs[0]));
    expect(noReset.flush()).toBe(
      "NAME                                TYPE    CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\n",
    );
  });

  it("kubectl get jobs -w: each watch row is flushed alone; Complete widens STATUS from that row on (§3)", () => {
    const w = new TabWriter(GET_TABWRITER);
    let out = "";
    w.write(
      row("NAME", "STATUS", "COMPLETIONS", "DURATION", "AGE") +
        row("example-job", "Running", "0/1", "0s", "0s"),
    );
    out += w.flush();
    w.write(row("example-job", "Running", "0/1", "3s", "3s"));
    out += w.flush();
    w.write(row("example-job", "Complete", "1/1", "8s", "8s"));
    out += w.flush();
    expect(out).toBe(
      "NAME          STATUS    COMPLETIONS   DURATION   AGE\n" +
        "example-job   Running   0/1           0s         0s\n" +
        "example-job   Running   0/1           3s         3s\n" +
        "example-job   Complete   1/1           8s         8s\n",
    );
    expect(w.rememberedWidths()).toEqual([14, 11, 14, 11]);
  });

  it("kubectl get pods -w: header arrives with the first row; ContainerCreating widens STATUS for good (§4)", () => {
    const w = new TabWriter(GET_TABWRITER);
    const events = [
      ["example-job-abcde", "0/1", "Pending", "0", "0s"],
      ["example-job-abcde", "0/1", "Pending", "0", "0s"],
      ["example-job-abcde", "0/1", "ContainerCreating", "0", "0s"],
      ["example-job-abcde", "1/1", "Running", "0", "3s"],
      ["example-job-abcde", "0/1", "Completed", "0", "8s"],
      ["example-job-abcde", "0/1", "Completed", "0", "9s"],
    ];
    let out = "";
    events.forEach((e, i) => {
      if (i === 0) w.write(row("NAME", "READY", "STATUS", "RESTARTS", "AGE"));
      w.write(row(...e));
      out += w.flush();
    });
    expect(out).toBe(
      [
        "NAME                READY   STATUS    RESTARTS   AGE",
        "example-job-abcde   0/1     Pending   0          0s",
        "example-job-abcde   0/1     Pending   0          0s",
        "example-job-abcde   0/1     ContainerCreating   0          0s",
        "example-job-abcde   1/1     Running             0          3s",
        "example-job-abcde   0/1     Completed           0          8s",
        "example-job-abcde   0/1     Completed           0          9s",
        "",
      ].join("\n"),
    );
  });

  it("kubectl get events (§5.1)", () => {
    const rows = [
      ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"],
      [
        "20s",
        "Normal",
        "Scheduled",
        "pod/example-job-abcde",
        "Successfully assigned default/example-job-abcde to k3d-my-cluster-agent-0",
      ],
      ["19s", "Normal", "Pulling", "pod/example-job-abcde", 'Pulling image "busybox:1.36"'],
      ["17s", "Normal", "Created", "pod/example-job-abcde", "Container created"],
      ["20s", "Normal", "SuccessfulCreate", "job/example-job", "Created pod: example-job-abcde"],
      ["10s", "Normal", "Completed", "job/example-job", "Job completed"],
    ];
    expect(tabulate(rows.map((r) => row(...r)).join(""), GET_TABWRITER)).toBe(
      [
        "LAST SEEN   TYPE     REASON             OBJECT                  MESSAGE",
        "20s         Normal   Scheduled          pod/example-job-abcde   Successfully assigned default/example-job-abcde to k3d-my-cluster-agent-0",
        '19s         Normal   Pulling            pod/example-job-abcde   Pulling image "busybox:1.36"',
        "17s         Normal   Created            pod/example-job-abcde   Container created",
        "20s         Normal   SuccessfulCreate   job/example-job         Created pod: example-job-abcde",
        "10s         Normal   Completed          job/example-job         Job completed",
        "",
      ].join("\n"),
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// kubectl describe: a real `kubectl describe pod` capture (kubectl ≈1.32, minikube; public lab write-up,
// find_string id 2412611239; excerpted in the reference §1.4). The input is what describe.go writes: every
// `Label:\tvalue` line prefixed by 2 spaces per level, multi-line values continued with a leading '\t',
// conditions as "  %v \t%v \n", events table rows joined by '\t'.
// ---------------------------------------------------------------------------------------------------------------
const DESCRIBE_POD_INPUT = [
  "Name:\tapp-python-pre-install-zvhg6",
  "Namespace:\tdefault",
  "Priority:\t0",
  "Service Account:\tdefault",
  "Node:\tminikube/192.168.49.2",
  "Start Time:\tWed, 26 Feb 2025 20:34:17 +0300",
  "Labels:\tbatch.kubernetes.io/controller-uid=6e01c750-2f2b-4de0-bce4-1788360c7c29",
  "\tbatch.kubernetes.io/job-name=app-python-pre-install",
  "\tcontroller-uid=6e01c750-2f2b-4de0-bce4-1788360c7c29",
  "\tjob-name=app-python-pre-install",
  "Annotations:\t<none>",
  "Status:\tSucceeded",
  "IP:\t10.244.0.63",
  "IPs:",
  "  IP:\t10.244.0.63",
  "Controlled By:\tJob/app-python-pre-install",
  "Containers:",
  "  pre-install-job:",
  "    Container ID:\tdocker://e102655ae105e766af86a772f87d2c4818694aaac1b346fccd13f08e856862be",
  "    Image:\tbusybox",
  "    Image ID:\tdocker-pullable://busybox@sha256:498a000f370d8c37927118ed80afe8adc38d1edcbfc071627d17b25c88efcab0",
  "    Port:\t<none>",
  "    Host Port:\t<none>",
  "    Command:",
  "      /bin/sh",
  "      -c",
  "      echo Pre-install job running",
  "    State:\tTerminated",
  "      Reason:\tCompleted",
  "      Exit Code:\t0",
  "      Started:\tWed, 26 Feb 2025 20:34:19 +0300",
  "      Finished:\tWed, 26 Feb 2025 20:34:19 +0300",
  "    Ready:\tFalse",
  "    Restart Count:\t0",
  "    Environment:\t<none>",
  "    Mounts:",
  "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-r7ms2 (ro)",
  "Conditions:",
  "  Type\tStatus",
  "  PodReadyToStartContainers \tFalse ",
  "  Initialized \tTrue ",
  "  Ready \tFalse ",
  "  ContainersReady \tFalse ",
  "  PodScheduled \tTrue ",
  "Volumes:",
  "  kube-api-access-r7ms2:",
  "    Type:\tProjected (a volume that contains injected data from multiple sources)",
  "    TokenExpirationSeconds:\t3607",
  "    ConfigMapName:\tkube-root-ca.crt",
  "    ConfigMapOptional:\t<nil>",
  "    DownwardAPI:\ttrue",
  "QoS Class:\tBestEffort",
  "Node-Selectors:\t<none>",
  "Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
  "\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
  "Events:",
  "  Type\tReason\tAge\tFrom\tMessage",
  "  ----\t------\t----\t----\t-------",
  "  Normal\tScheduled\t17m\tdefault-scheduler\tSuccessfully assigned default/app-python-pre-install-zvhg6 to minikube",
  '  Normal\tPulling\t17m\tkubelet\tPulling image "busybox"',
  '  Normal\tPulled\t17m\tkubelet\tSuccessfully pulled image "busybox" in 1.661s (1.661s including waiting). Image size: 4269694 bytes.',
  "  Normal\tCreated\t17m\tkubelet\tCreated container: pre-install-job",
  "  Normal\tStarted\t17m\tkubelet\tStarted container pre-install-job",
]
  .map((l) => l + "\n")
  .join("");

const DESCRIBE_POD_OUTPUT = [
  "Name:             app-python-pre-install-zvhg6",
  "Namespace:        default",
  "Priority:         0",
  "Service Account:  default",
  "Node:             minikube/192.168.49.2",
  "Start Time:       Wed, 26 Feb 2025 20:34:17 +0300",
  "Labels:           batch.kubernetes.io/controller-uid=6e01c750-2f2b-4de0-bce4-1788360c7c29",
  "                  batch.kubernetes.io/job-name=app-python-pre-install",
  "                  controller-uid=6e01c750-2f2b-4de0-bce4-1788360c7c29",
  "                  job-name=app-python-pre-install",
  "Annotations:      <none>",
  "Status:           Succeeded",
  "IP:               10.244.0.63",
  "IPs:",
  "  IP:           10.244.0.63",
  "Controlled By:  Job/app-python-pre-install",
  "Containers:",
  "  pre-install-job:",
  "    Container ID:  docker://e102655ae105e766af86a772f87d2c4818694aaac1b346fccd13f08e856862be",
  "    Image:         busybox",
  "    Image ID:      docker-pullable://busybox@sha256:498a000f370d8c37927118ed80afe8adc38d1edcbfc071627d17b25c88efcab0",
  "    Port:          <none>",
  "    Host Port:     <none>",
  "    Command:",
  "      /bin/sh",
  "      -c",
  "      echo Pre-install job running",
  "    State:          Terminated",
  "      Reason:       Completed",
  "      Exit Code:    0",
  "      Started:      Wed, 26 Feb 2025 20:34:19 +0300",
  "      Finished:     Wed, 26 Feb 2025 20:34:19 +0300",
  "    Ready:          False",
  "    Restart Count:  0",
  "    Environment:    <none>",
  "    Mounts:",
  "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-r7ms2 (ro)",
  "Conditions:",
  "  Type                        Status",
  "  PodReadyToStartContainers   False ",
  "  Initialized                 True ",
  "  Ready                       False ",
  "  ContainersReady             False ",
  "  PodScheduled                True ",
  "Volumes:",
  "  kube-api-access-r7ms2:",
  "    Type:                    Projected (a volume that contains injected data from multiple sources)",
  "    TokenExpirationSeconds:  3607",
  "    ConfigMapName:           kube-root-ca.crt",
  "    ConfigMapOptional:       <nil>",
  "    DownwardAPI:             true",
  "QoS Class:                   BestEffort",
  "Node-Selectors:              <none>",
  "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
  "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
  "Events:",
  "  Type    Reason     Age   From               Message",
  "  ----    ------     ----  ----               -------",
  "  Normal  Scheduled  17m   default-scheduler  Successfully assigned default/app-python-pre-install-zvhg6 to minikube",
  '  Normal  Pulling    17m   kubelet            Pulling image "busybox"',
  '  Normal  Pulled     17m   kubelet            Successfully pulled image "busybox" in 1.661s (1.661s including waiting). Image size: 4269694 bytes.',
  "  Normal  Created    17m   kubelet            Created container: pre-install-job",
  "  Normal  Started    17m   kubelet            Started container pre-install-job",
]
  .map((l) => l + "\n")
  .join("");

describe("kubectl describe (DESCRIBE_TABWRITER)", () => {
  it("reproduces a real `kubectl describe pod` byte for byte, trailing spaces included", () => {
    expect(tabulate(DESCRIBE_POD_INPUT, DESCRIBE_TABWRITER)).toBe(DESCRIBE_POD_OUTPUT);
  });

  it("reproduces it when describe's writes arrive piecemeal (one prefixWriter.Write per fragment)", () => {
    const w = new TabWriter(DESCRIBE_TABWRITER);
    // Split at every tab and newline, keeping the separators attached to the preceding fragment.
    for (const piece of DESCRIBE_POD_INPUT.split(/(?<=[\t\n])/)) w.write(piece);
    expect(w.flush()).toBe(DESCRIBE_POD_OUTPUT);
  });

  it("reference §1.4 conditions excerpt: each condition line keeps its trailing space", () => {
    const conditions: [string, string][] = [
      ["PodReadyToStartContainers", "False"],
      ["Initialized", "True"],
      ["Ready", "False"],
      ["ContainersReady", "False"],
      ["PodScheduled", "True"],
    ];
    // describe.go describePod: "Conditions:\n", LEVEL_1 "Type\tStatus\n", LEVEL_1 "%v \t%v \n" per condition.
    const input =
      "Conditions:\n" + "  Type\tStatus\n" + conditions.map(([t, s]) => `  ${t} \t${s} \n`).join("");
    expect(tabulate(input, DESCRIBE_TABWRITER)).toBe(
      "Conditions:\n" +
        "  Type                        Status\n" +
        "  PodReadyToStartContainers   False \n" +
        "  Initialized                 True \n" +
        "  Ready                       False \n" +
        "  ContainersReady             False \n" +
        "  PodScheduled                True \n",
    );
  });

  it("reference §1.4 excerpt: IP / IPs / Controlled By blocks restart alignment after tab-less lines", () => {
    const input =
      "Service Account:\tdefault\n" +
      "IP:\t10.244.0.63\n" +
      "IPs:\n" +
      "  IP:\t10.244.0.63\n" +
      "Controlled By:\tJob/app-python-pre-install\n" +
      "Containers:\n" +
      "  pre-install-job:\n" +
      "    Container ID:\tdocker://e102655a\n" +
      "    Image:\tbusybox\n";
    expect(tabulate(input, DESCRIBE_TABWRITER)).toBe(
      "Service Account:  default\n" +
        "IP:               10.244.0.63\n" +
        "IPs:\n" +
        "  IP:           10.244.0.63\n" +
        "Controlled By:  Job/app-python-pre-install\n" +
        "Containers:\n" +
        "  pre-install-job:\n" +
        "    Container ID:  docker://e102655a\n" +
        "    Image:         busybox\n",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Edge cases of the cell model.
// ---------------------------------------------------------------------------------------------------------------
describe("cell model details", () => {
  const dots = goOpts(0, 8, 1, ".");

  it.each([
    {
      name: "tab-terminated last cell is padded, trailing padding and all",
      src: "a\tbb\t\n",
      expected: "a.bb.\n",
    },
    {
      name: "a line with fewer cells ends the block for higher columns",
      // Go's doc example (aaaa|bbb|d / aa|b|dd / a| / aa|cccc|eee): b and c are different columns.
      src: "aaaa\tbbb\td\n" + "aa\tb\tdd\n" + "a\t\n" + "aa\tcccc\teee\n",
      expected: "aaaa.bbb.d\n" + "aa...b...dd\n" + "a....\n" + "aa...cccc.eee\n",
    },
    {
      name: "a tab-less line ends every block; alignment restarts",
      src: "long-label\tx\n" + "plain line\n" + "a\tx\n",
      expected: "long-label.x\n" + "plain line\n" + "a.x\n",
    },
    {
      name: "unterminated last line is output without newline",
      src: "a\tb\nccc\tdd",
      expected: "a...b\nccc.dd",
    },
    { name: "trailing tab without newline is dropped (4a/5c)", src: "ab\t", expected: "ab" },
    {
      name: "formfeed is a newline that also ends all columns",
      src: "a\tb\fccc\td\n",
      expected: "a.b\nccc.d\n",
    },
    { name: "vertical tab terminates a cell like a tab", src: "a\vb\nccc\vd\n", expected: "a...b\nccc.d\n" },
    { name: "empty input gives empty output", src: "", expected: "" },
  ])("$name", ({ src, expected }) => {
    expect(tabulate(src, dots)).toBe(expected);
  });

  it("flush returns only what was written since the previous flush, including partial lines", () => {
    const w = new TabWriter(dots);
    expect(w.flush()).toBe("");
    w.write("a\tb");
    expect(w.flush()).toBe("a.b");
    w.write("\tc\n"); // after a flush, "\tc" starts a new line with an empty first cell
    expect(w.flush()).toBe(".c\n");
    w.write("xy\t");
    w.write("z\n");
    expect(w.flush()).toBe("xy.z\n");
  });

  it("counts runes, not UTF-16 units or display columns (Go utf8.RuneCount)", () => {
    const src = "é\tx\n" + "本本\tx\n" + "😀\tx\n" + "e\u0301\tx\n" + "ab\tx\n";
    expect(tabulate(src, dots)).toBe("é..x\n" + "本本.x\n" + "😀..x\n" + "e\u0301.x\n" + "ab.x\n");
    expect(runeCount("")).toBe(0);
    expect(runeCount("é")).toBe(1);
    expect(runeCount("e\u0301")).toBe(2); // combining mark is its own rune
    expect(runeCount("日本語")).toBe(3);
    expect(runeCount("😀👍")).toBe(2);
    expect(runeCount("\ud800x")).toBe(2); // lone surrogate counts as one
    expect(runeCount("x\udc00")).toBe(2);
  });

  it("surrogate pairs split across writes still count as one rune", () => {
    const w = new TabWriter(dots);
    w.write("\ud83d");
    w.write("\ude00\tx\nab\tx\n");
    expect(w.flush()).toBe("😀..x\nab.x\n");
  });

  it("rejects invalid options", () => {
    expect(() => new TabWriter({ ...DESCRIBE_TABWRITER, minWidth: -1 })).toThrow(RangeError);
    expect(() => new TabWriter({ ...DESCRIBE_TABWRITER, padding: 1.5 })).toThrow(RangeError);
    expect(() => new TabWriter({ ...DESCRIBE_TABWRITER, tabWidth: Number.NaN })).toThrow(RangeError);
    expect(() => new TabWriter({ ...DESCRIBE_TABWRITER, padChar: "" })).toThrow(RangeError);
    expect(() => new TabWriter({ ...DESCRIBE_TABWRITER, padChar: "ab" })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties.
// ---------------------------------------------------------------------------------------------------------------

/** Code-point length. */
const cpLen = (s: string): number => [...s].length;

const cellChars = fc.constantFrom("a", "b", "Z", "0", "-", "/", ":", "é", "本", "😀");
const nonEmptyCell = fc.string({ unit: cellChars, minLength: 1, maxLength: 8 });
const anyCell = fc.string({ unit: cellChars, maxLength: 8 });
const optsArb = fc.record({
  minWidth: fc.integer({ min: 0, max: 8 }),
  tabWidth: fc.constant(8),
  padding: fc.integer({ min: 0, max: 4 }),
  padChar: fc.constant(" "),
});

/** Independent oracle: column j's width on a line is set by the maximal run of consecutive lines that all
 * have a tab-terminated cell j (i.e. more than j + 1 cells). */
function expectedLayout(rows: string[][], opts: TabWriterOptions): string {
  const widthAt = (i: number, j: number): number => {
    let a = i;
    while (a > 0 && rows[a - 1].length > j + 1) a--;
    let b = i;
    while (b + 1 < rows.length && rows[b + 1].length > j + 1) b++;
    let w = opts.minWidth;
    for (let k = a; k <= b; k++) w = Math.max(w, cpLen(rows[k][j]) + opts.padding);
    return w;
  };
  return rows
    .map((r, i) =>
      r.map((c, j) => (j < r.length - 1 ? c + opts.padChar.repeat(widthAt(i, j) - cpLen(c)) : c)).join(""),
    )
    .join("\n")
    .concat("\n");
}

describe("properties", () => {
  it("columns line up within each block and lines end with their last cell's own text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(nonEmptyCell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        optsArb,
        (rows, opts) => {
          const out = tabulate(rows.map((r) => row(...r)).join(""), opts);
          const lines = out.split("\n");
          expect(lines).toHaveLength(rows.length + 1);
          expect(lines[rows.length]).toBe("");

          // Observe where each cell starts (cells contain no spaces, so padding is unambiguous).
          const starts = rows.map((cells, i) => {
            const cps = [...lines[i]];
            const s: number[] = [];
            let p = 0;
            cells.forEach((cell, j) => {
              s.push(p);
              const n = cpLen(cell);
              expect(cps.slice(p, p + n).join("")).toBe(cell);
              p += n;
              if (j < cells.length - 1) {
                const padStart = p;
                while (cps[p] === " ") p++;
                expect(p - s[j]).toBeGreaterThanOrEqual(Math.max(opts.minWidth, n + opts.padding));
                if (n + opts.padding > opts.minWidth)
                  expect(p - padStart).toBeGreaterThanOrEqual(opts.padding);
              }
            });
            // No trailing padding: the line ends exactly with the last cell.
            expect(p).toBe(cps.length);
            return s;
          });

          // Within every run of consecutive lines that have a tab-terminated cell j, cell j+1 starts at the same
          // offset (and so do cells 0..j, by induction).
          const maxCols = Math.max(...rows.map((r) => r.length));
          for (let j = 0; j < maxCols - 1; j++) {
            for (let i = 0; i < rows.length; ) {
              if (rows[i].length <= j + 1) {
                i++;
                continue;
              }
              const offset = starts[i][j + 1];
              let k = i;
              for (; k < rows.length && rows[k].length > j + 1; k++) expect(starts[k][j + 1]).toBe(offset);
              i = k;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("matches an independent block-width oracle, empty cells included", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        optsArb,
        (rows, opts) => {
          expect(tabulate(rows.map((r) => row(...r)).join(""), opts)).toBe(expectedLayout(rows, opts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("output does not depend on how the input is chunked into writes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        (rows, cuts, trailingNewline) => {
          let src = rows.map((r) => row(...r)).join("");
          if (!trailingNewline) src = src.slice(0, -1);
          const positions = [...new Set(cuts.map((c) => c % (src.length + 1)))].sort((a, b) => a - b);
          const w = new TabWriter(GET_TABWRITER);
          let prev = 0;
          for (const p of [...positions, src.length]) {
            w.write(src.slice(prev, p));
            prev = p;
          }
          expect(w.flush()).toBe(tabulate(src, GET_TABWRITER));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("RememberWidths with one flush per row (kubectl get -w): column offsets are running maxima", () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((n) =>
            fc.array(fc.array(anyCell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 10 }),
          ),
        (rows) => {
          const w = new TabWriter(GET_TABWRITER);
          const widths = rows[0].slice(0, -1).map(() => 0);
          for (const r of rows) {
            w.write(row(...r));
            r.slice(0, -1).forEach((c, j) => {
              widths[j] = Math.max(widths[j], GET_TABWRITER.minWidth, cpLen(c) + GET_TABWRITER.padding);
            });
            const expected = r.map((c, j) =>
              j < widths.length ? c.padEnd(c.length + widths[j] - cpLen(c)) : c,
            );
            expect(w.flush()).toBe(expected.join("") + "\n");
          }
          expect(w.rememberedWidths()).toEqual(widths);
        },
      ),
      { numRuns: 200 },
    );
  });
});
