import { WATCH_TYPE_NAMES, WatchType } from "../../models/store.js";
import type { CommandResult, KubectlContext } from "../context.js";
import {
  asApiJson,
  executeJsonPath,
  JsonPathError,
  type JsonPathTemplate,
  printerExecErrorMessage,
} from "../jsonpath.js";
import { type CustomColumn, customColumnsText } from "../printers/custom-columns.js";
import { nameLine, toJson, toYaml, watchEventJsonLine } from "../printers/output.js";
import { type TableOptions, tableText } from "../printers/table.js";
import { RESOURCE_INFO, type ResourceKind } from "../resources.js";
import { GET_TABWRITER, TabWriter } from "../tabwriter.js";
import { materialize, type Obj, tableFor } from "./get-objects.js";
import { SortError, sortByField, sortField, UnsortableError } from "./get-sort.js";
import { startWatch } from "./get-watch.js";

/**
 * What `kubectl get -w` prints, in every output format (staging/src/k8s.io/kubectl/pkg/cmd/get/
 * get.go `watch`): the listed objects are printed one by one — `meta.ExtractList` of the list,
 * each through the printer — and then each watch event's object through the same printer.
 * So `-o yaml` writes one document per object, `---` before every one after the first
 * (cli-runtime printers/yaml.go counts its calls); `-o json` one indented object after another
 * (printers/json.go); `-o name` one line each; `-o jsonpath` the template per object; and
 * `-o custom-columns` one fresh tabwriter per object (kubectl customcolumn.go `PrintObj`), so
 * each row is aligned on its own, the header only with the first. Tables: the server's Table
 * for the list (the rows aligned together), then one row per event, the header with the first
 * rows printed (cli-runtime tableprinter.go `PrintObj`), widths remembered.
 */

export type OutputMode =
  | { format: "table"; opts: TableOptions }
  | { format: "yaml" | "json" | "name" }
  | { format: "jsonpath"; template: JsonPathTemplate; allowMissingKeys: boolean }
  | { format: "custom-columns"; columns: CustomColumn[]; noHeaders: boolean };

export interface WatchRequest {
  kind: ResourceKind;
  /** The listed objects (already filtered; printed unless --watch-only). */
  listed: Obj[];
  watchOnly: boolean;
  mode: OutputMode;
  /** --sort-by ("" for none). */
  sortBy: string;
  /** --output-watch-events: each object wrapped as the watch event that brought it. */
  withEvents: boolean;
  /** Whether an object, in its API form `obj`, is one the request selects. */
  matches(o: Obj, obj: unknown): boolean;
}

/** Prints one API object (or fails, for a printer error). */
type PrintOne = (type: WatchType, obj: unknown) => string;

class PrinterError extends Error {}

type ObjectWithName = { metadata?: { name?: string } };

/**
 * A metav1.WatchEvent as the printers that do not special-case it see it: marshalled to JSON
 * and back (jsonpath.go, customcolumn.go), `{"type": ..., "object": ...}`.
 */
function watchEvent(type: WatchType, obj: unknown): unknown {
  return { type: WATCH_TYPE_NAMES[type], object: obj };
}

function objectPrinter(
  kind: ResourceKind,
  mode: Exclude<OutputMode, { format: "table" }>,
  withEvents: boolean,
): PrintOne {
  const wrap = (type: WatchType, obj: unknown) => (withEvents ? watchEvent(type, obj) : obj);
  switch (mode.format) {
    case "yaml": {
      // yaml.go: a WatchEvent goes through sigs.k8s.io/yaml like any object, keys sorted
      // (`object:` before `type:`).
      let count = 0;
      return (t, obj) => `${count++ > 0 ? "---\n" : ""}${toYaml(wrap(t, obj))}`;
    }
    case "json":
      return (t, obj) => (withEvents ? watchEventJsonLine(WATCH_TYPE_NAMES[t], obj) : toJson(obj));
    case "name":
      return (_t, obj) =>
        nameLine(
          RESOURCE_INFO[kind].kind,
          RESOURCE_INFO[kind].group,
          (obj as ObjectWithName).metadata?.name ?? "",
        );
    case "jsonpath":
      return (t, obj) => {
        const data = asApiJson(wrap(t, obj));
        try {
          return executeJsonPath(mode.template, data, { allowMissingKeys: mode.allowMissingKeys });
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          throw new PrinterError(printerExecErrorMessage(mode.template.source, e, data));
        }
      };
    case "custom-columns": {
      let header = !mode.noHeaders;
      return (t, obj) => {
        try {
          const text = customColumnsText(mode.columns, [wrap(t, obj)], !header);
          header = false;
          return text;
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          throw new PrinterError(`${e.message}\n`);
        }
      };
    }
  }
}

/**
 * --output-watch-events on a table: tableprinter.go PrintObj prepends an EVENT column (before
 * NAMESPACE, which decorateTable added first) whose cells are formatEventType's `ADDED   `,
 * `MODIFIED`, `DELETED ` — padded to 8 inside the cell. `hasHeader`: the text starts with the
 * header line.
 */
function withEventColumn(text: string, hasHeader: boolean, type: WatchType | null): string {
  if (type === null || text === "") return text;
  const cell = WATCH_TYPE_NAMES[type].padEnd(8);
  const lines = text.slice(0, -1).split("\n");
  return `${lines.map((l, i) => (hasHeader && i === 0 ? `EVENT\t${l}` : `${cell}\t${l}`)).join("\n")}\n`;
}

/** SortingPrinter on a Table: NewTableSorter's errors as messages. */
function sortTableRows(objects: unknown[], sortBy: string): unknown[] | string {
  const f = sortField(sortBy, true);
  if (f instanceof SortError) return `sorting error: ${f.message}`;
  try {
    const sorted = sortByField(objects, f, (o) => o);
    return sorted instanceof SortError ? sorted.message : sorted;
  } catch (e) {
    if (e instanceof UnsortableError)
      return `jobsim does not simulate kubectl's exit on an unsortable --sort-by field (${e.message})`;
    throw e;
  }
}

/** `kubectl get -w` in any output format: the list now, the watch events until the next command. */
export function watchCommand(ctx: KubectlContext, req: WatchRequest): CommandResult {
  const { kind, mode } = req;
  let stdout = "";
  let print: PrintOne;
  if (mode.format === "table") {
    // The list is one server-side Table: its rows are laid out together, then each watch
    // event's one-row Table goes through the same printer and tabwriter.
    const writer = new TabWriter(GET_TABWRITER);
    let header = mode.opts.noHeaders;
    if (!req.watchOnly && req.listed.length > 0) {
      let objects = req.listed.map((o) => materialize(ctx, o));
      // With --output-watch-events the list's Table travels inside a WatchEvent, which the
      // SortingPrinter passes through unsorted.
      if (req.sortBy !== "" && objects.length > 1 && !req.withEvents) {
        // get.go warns that --sort-by is ignored, but the list's Table still passes through
        // the SortingPrinter, which sorts its rows (sorter.go SortingPrinter.PrintObj); its
        // errors end the command ("unable to output the provided object").
        const sorted = sortTableRows(objects, req.sortBy);
        if (typeof sorted === "string")
          return {
            stdout: "",
            stderr: `error: unable to output the provided object: ${sorted}\n`,
            exitCode: 1,
          };
        objects = sorted;
      }
      const text = tableText(tableFor(ctx, kind, objects), mode.opts, !header);
      writer.write(withEventColumn(text, !header, req.withEvents ? WatchType.Added : null));
      header = true;
      stdout = writer.flush();
    }
    print = (t, obj) => {
      const text = tableText(tableFor(ctx, kind, [obj]), mode.opts, !header);
      writer.write(withEventColumn(text, !header, req.withEvents ? t : null));
      header = true;
      return writer.flush();
    };
  } else {
    print = objectPrinter(kind, mode, req.withEvents);
    if (!req.watchOnly) {
      try {
        for (const o of req.listed) stdout += print(WatchType.Added, materialize(ctx, o));
      } catch (e) {
        if (!(e instanceof PrinterError)) throw e;
        // get.go `watch`: "unable to output the provided object: %v".
        return { stdout, stderr: `error: unable to output the provided object: ${e.message}`, exitCode: 1 };
      }
    }
  }
  let stopped = false;
  startWatch(ctx, {
    kind,
    listed: req.listed,
    matches: req.matches,
    print: (type, obj) => {
      if (stopped) return "";
      try {
        return print(type, obj);
      } catch (e) {
        if (!(e instanceof PrinterError)) throw e;
        // get.go `watch`: a printer error ends UntilWithoutRetry, and intr.Run's error is
        // dropped — the watch stops without a word.
        stopped = true;
        return "";
      }
    },
  });
  return { stdout, stderr: "", exitCode: 0 };
}
