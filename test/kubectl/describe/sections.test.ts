import { describe, expect, it } from "vitest";
import { describeJob } from "../../../src/kubectl/describe/describe-job.js";
import { describePod } from "../../../src/kubectl/describe/describe-pod.js";
import { sortEventsForDescribe } from "../../../src/kubectl/describe/events.js";
import { printAnnotationsMultiline, type Writer } from "../../../src/kubectl/describe/sections.js";
import { rfc3339 } from "../../../src/models/api/time-format.js";
import { at, exampleJob, examplePod, K135 } from "./fixtures.js";

/** What the PrefixWriter receives, before the tabwriter (as upstream's tests inspect it). */
class RawWriter implements Writer {
  text = "";
  write(level: number, text: string): void {
    this.text += "  ".repeat(level) + text;
  }
  writeLine(text: string): void {
    this.text += `${text}\n`;
  }
}

/**
 * Ported from kubernetes/kubernetes staging/src/k8s.io/kubectl/pkg/describe/describe_test.go (find_string index
 * id 170006384): `TestPrintLabelsMultiline` (which exercises printAnnotationsMultiline), `TestDescribeEvents`
 * (the describers print `Events:` only with ShowEvents), and `sorted_event_list_test.go` `TestSortableEvents`.
 */
describe("upstream describe_test.go: TestPrintLabelsMultiline (annotations)", () => {
  const key = "MaxLenAnnotation";
  const value = "a".repeat(140 - key.length - 2);
  it.each([
    [{ col1: "asd", COL2: "zxc" }, "Annotations:\tCOL2: zxc\n\tcol1: asd\n"],
    [{ [key]: value }, `Annotations:\t${key}: ${value}\n`],
    [{ [key]: `${value}1` }, `Annotations:\t${key}:\n\t  ${value}1\n`],
    [{ [key]: value + value }, `Annotations:\t${key}:\n\t  ${"a".repeat(138)}...\n`],
    [{ key: "value\nwith\nnewlines\n" }, "Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n"],
    [{}, "Annotations:\t<none>\n"],
  ])("case %#", (annotations, expected) => {
    const w = new RawWriter();
    printAnnotationsMultiline(w, "Annotations", annotations);
    expect(w.text).toBe(expected);
  });
});

describe("upstream describe_test.go: TestDescribeEvents, TestSortableEvents", () => {
  const item = (message: string, component: string, iso: string) => ({
    metadata: { namespace: "foo" },
    involvedObject: {},
    source: { component },
    message,
    firstTimestamp: iso,
    lastTimestamp: iso,
    count: 1,
    type: "Normal",
  });
  const events = [item("Item 1", "kubelet", "2014-01-15T00:00:00Z")];

  it("job and pod describers print Events only when events are requested", () => {
    const now = at("2025-11-27T17:00:00Z");
    for (const out of [
      describeJob(exampleJob(), events, now, K135),
      describePod(examplePod(), events, now, K135),
    ]) {
      expect(out).toContain("Events:");
      expect(out).toContain("Item 1");
    }
    for (const out of [
      describeJob(exampleJob(), null, now, K135),
      describePod(examplePod(), null, now, K135),
    ]) {
      expect(out).not.toContain("Events:");
    }
  });

  it("TestSortableEvents: sorted by time", () => {
    const list = [
      item("Item 1", "kubelet", "2014-01-15T00:00:00Z"),
      item("Item 2", "scheduler", "1987-06-17T00:00:00Z"),
      item("Item 3", "kubelet", "2002-12-25T00:00:00Z"),
    ];
    expect(sortEventsForDescribe(list).map((e) => e.message)).toEqual(["Item 2", "Item 3", "Item 1"]);
    expect(rfc3339(Date.UTC(1987, 5, 17))).toBe("1987-06-17T00:00:00Z");
  });
});
