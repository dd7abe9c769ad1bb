import { WatchType } from "../../models/store.js";
import type { CommandResult, KubectlContext } from "../context.js";
import {
  asApiJson,
  executeJsonPath,
  JsonPathError,
  type JsonPathTemplate,
  printerExecErrorMessage,
} from "../jsonpath.js";
import { type CustomColumn, customColumnsText } from "../printers/custom-columns.js";
import { nameLine, toJson, toYaml } from "../printers/output.js";
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
  | { format: "jsonpath"; template: JsonPathTemplate }
  | { format: "custom-columns"; columns: CustomColumn[]; noHeaders: boolean };

export interface WatchRequest {
  kind: ResourceKind;
  /** The listed objects (already filtered; printed unless --watch-only). */
  listed: Obj[];
  watchOnly: boolean;
  mode: OutputMode;
  /** --sort-by ("" for none). */
  sortBy: string;
  /** Whether an object, in its API form `obj`, is one the request selects. */
  matches(o: Obj, obj: unknown): boolean;
}

/** Prints one API object (or fails, for a printer error). */
type PrintOne = (type: WatchType, obj: unknown) => string;

class PrinterError extends Error {}

type ObjectWithName = { metadata?: { name?: string } };

function objectPrinter(kind: ResourceKind, mode: Exclude<OutputMode, { format: "table" }>): PrintOne {
  switch (mode.format) {
    case "yaml": {
      let count = 0;
      return (_t, obj) => `${count++ > 0 ? "---\n" : ""}${toYaml(obj)}`;
    }
    case "json":
      return (_t, obj) => toJson(obj);
    case "name":
      return (_t, obj) =>
        nameLine(
          RESOURCE_INFO[kind].kind,
          RESOURCE_INFO[kind].group,
          (obj as ObjectWithName).metadata?.name ?? "",
        );
    case "jsonpath":
      return (_t, obj) => {
        const data = asApiJson(obj);
        try {
          return executeJsonPath(mode.template, data, { allowMissingKeys: true });
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          throw new PrinterError(printerExecErrorMessage(mode.template.source, e, data));
        }
      };
    case "custom-columns": {
      let header = !mode.noHeaders;
      return (_t, obj) => {
        try {
          const text = customColumnsText(mode.columns, [obj], !header);
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
      if (req.sortBy !== "" && objects.length > 1) {
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
      const table = tableFor(ctx, kind, objects);
      writer.write(tableText(table, mode.opts, !header));
      header = true;
      stdout = writer.flush();
    }
    print = (_t, obj) => {
      writer.write(tableText(tableFor(ctx, kind, [obj]), mode.opts, !header));
      header = true;
      return writer.flush();
    };
  } else {
    print = objectPrinter(kind, mode);
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
