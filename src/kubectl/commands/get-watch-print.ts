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
  /** Whether a changed object is one the request selected. */
  matches(o: Obj): boolean;
}

/** Prints one object (or fails, for a printer error). */
type PrintOne = (type: WatchType, o: Obj) => string;

class PrinterError extends Error {}

function objectPrinter(
  ctx: KubectlContext,
  kind: ResourceKind,
  mode: Exclude<OutputMode, { format: "table" }>,
): PrintOne {
  switch (mode.format) {
    case "yaml": {
      let count = 0;
      return (_t, o) => `${count++ > 0 ? "---\n" : ""}${toYaml(materialize(ctx, o))}`;
    }
    case "json":
      return (_t, o) => toJson(materialize(ctx, o));
    case "name":
      return (_t, o) => nameLine(RESOURCE_INFO[kind].kind, RESOURCE_INFO[kind].group, o.name);
    case "jsonpath":
      return (_t, o) => {
        const data = asApiJson(materialize(ctx, o));
        try {
          return executeJsonPath(mode.template, data, { allowMissingKeys: true });
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          throw new PrinterError(printerExecErrorMessage(mode.template.source, e, data));
        }
      };
    case "custom-columns": {
      let header = !mode.noHeaders;
      return (_t, o) => {
        try {
          const text = customColumnsText(mode.columns, [materialize(ctx, o)], !header);
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
      const table = tableFor(
        ctx,
        kind,
        req.listed.map((o) => materialize(ctx, o)),
      );
      writer.write(tableText(table, mode.opts, !header));
      header = true;
      stdout = writer.flush();
    }
    print = (_t, o) => {
      writer.write(tableText(tableFor(ctx, kind, [materialize(ctx, o)]), mode.opts, !header));
      header = true;
      return writer.flush();
    };
  } else {
    print = objectPrinter(ctx, kind, mode);
    if (!req.watchOnly) {
      try {
        for (const o of req.listed) stdout += print(WatchType.Added, o);
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
    matches: req.matches,
    print: (type, o) => {
      if (stopped) return "";
      try {
        return print(type, o);
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
