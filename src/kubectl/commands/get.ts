import { type CommandResult, fail, type KubectlContext } from "../context.js";
import {
  type FieldRequirement,
  GROUP_VERSION_RESOURCE,
  matchesFields,
  parseFieldSelector,
  selectableFields,
  unsupportedFieldError,
} from "../field-selector.js";
import { fileErrorsText, noNamespaceError, withFileTargets } from "../file-targets.js";
import {
  byName,
  listJobs,
  listNamespaces,
  listNodes,
  listPods,
  namespaceOf,
  noResources,
  notFound,
  selectorOf,
} from "../lookup.js";
import { unrenderedOutput } from "../output-formats.js";
import { boolFlag, flag, type KubectlCommand } from "../parse.js";
import { listOf, nameLine, toJson, toYaml } from "../printers/output.js";
import { type TableOptions, tableText } from "../printers/table.js";
import { RESOURCE_INFO, type ResourceError, type ResourceKind, resolveResourceArgs } from "../resources.js";
import { sliceFlag } from "../string-slice.js";
import { GET_TABWRITER, TabWriter } from "../tabwriter.js";
import { labelsOf, materialize, namespaceOfObj, type Obj, tableFor } from "./get-objects.js";
import { printCustomColumns, printJsonPath } from "./get-print-generic.js";
import { type GetPrinter, getPrinter } from "./get-printer.js";
import { SortError, type SortField, sortByField, sortField, UnsortableError } from "./get-sort.js";
import { validateGet } from "./get-validate.js";
import { type OutputMode, watchCommand } from "./get-watch-print.js";

/**
 * `kubectl get` (staging/src/k8s.io/kubectl/pkg/cmd/get/get.go): tables as the server prints
 * them, laid out by kubectl's tabwriter; `-o wide|yaml|json|name|jsonpath=...|custom-columns=...`;
 * several kinds each with its own table (`job.batch/x` names, blank line between, widths reset); `-w` prints the list then
 * one row per change until the next command; empty results say so on stderr.
 */

/** The fields of a printer that could not be made (its error ends the command first). */
const NO_PRINTER: GetPrinter = {
  jsonPath: null,
  columns: null,
  columnsIgnoreNoHeaders: false,
  allowMissingKeys: true,
};

function collect(ctx: KubectlContext, kind: ResourceKind, ns: string | null, cmd: KubectlCommand): Obj[] {
  const store = ctx.cluster.store;
  const sel = selectorOf(cmd);
  switch (kind) {
    case "jobs":
      return listJobs(store, ns, sel).map((r) => ({ kind, name: r.name, record: r }));
    case "pods":
      return listPods(store, ns, sel).map((r) => ({ kind, name: r.name, record: r }));
    case "nodes":
      return listNodes(store, sel).map((r) => ({ kind, name: r.name, record: r }));
    case "namespaces":
      return listNamespaces(store, sel).map((r) => ({ kind, name: r.name, record: r }));
    default: {
      const events = ctx.cluster.recorder?.list() ?? [];
      return events
        .filter((e) => ns === null || e.namespace === ns)
        .sort(byName)
        .map((r) => ({ kind, name: r.name, record: r }));
    }
  }
}

/** The objects sorted by the field (SortingPrinter.sortObj), or kubectl's error. */
function sortObjects(ctx: KubectlContext, objects: Obj[], sortBy: string): Obj[] | CommandResult {
  const f = sortField(sortBy);
  if (f instanceof SortError) return fail(`error: ${f.message}`);
  try {
    const sorted = sortByField(objects, f, (o) => materialize(ctx, o));
    return sorted instanceof SortError ? fail(`error: ${sorted.message}`) : sorted;
  } catch (e) {
    if (e instanceof UnsortableError) return unsortable(e);
    throw e;
  }
}

/** TableSorter over the rows' objects. */
function sortRows(objects: unknown[], f: SortField): unknown[] | SortError | UnsortableError {
  try {
    return sortByField(objects, f, (o) => o);
  } catch (e) {
    if (e instanceof UnsortableError) return e;
    throw e;
  }
}

/** kubectl leaves through klog.Exitf (a log line with time and pid): not reproduced. */
function unsortable(e: UnsortableError): CommandResult {
  return fail(`jobsim does not simulate kubectl's exit on an unsortable --sort-by field (${e.message})`);
}

/** The server's BadRequest for a field selector it cannot parse or apply to `kind`, or null. */
function fieldSelectorError(
  kind: ResourceKind,
  fields: FieldRequirement[] | string,
  labelText: string,
  fieldText: string,
): string | null {
  if (typeof fields !== "string") return unsupportedFieldError(kind, fields, labelText, fieldText);
  return `Error from server (BadRequest): Unable to find "${GROUP_VERSION_RESOURCE[kind]}" that match label selector "${labelText}", field selector "${fieldText}": ${fields}\n`;
}

function tableOptions(
  cmd: KubectlCommand,
  output: string,
  severalKinds: boolean,
  allNs: boolean,
): TableOptions {
  return {
    wide: output === "wide",
    showLabels: boolFlag(cmd, "show-labels"),
    labelColumns: sliceFlag(cmd.flags, "label-columns"),
    noHeaders: boolFlag(cmd, "no-headers"),
    withKind: severalKinds || boolFlag(cmd, "show-kind"),
    allNamespaces: allNs,
  };
}

export function getCommand(ctx: KubectlContext, input: KubectlCommand): CommandResult {
  // Objects named by -f are visited by path (builder.go visitByPaths): fetched again
  // (RetrieveLatest), then filtered by -l; a field selector is not applied to them.
  const fromFiles = (input.flags.get("filename") ?? []).length > 0;
  const unnamespaced: string[] = [];
  const cmd = withFileTargets(
    input,
    ctx.manifests,
    boolFlag(input, "all-namespaces") ? unnamespaced : undefined,
  );
  if (typeof cmd === "string") return fail(cmd);
  const fileErrors = fileErrorsText(input, unnamespaced.map(noNamespaceError));
  if (fileErrors.fatal || (fileErrors.text !== "" && cmd.positionals.length === 0))
    return fail(fileErrors.text);
  const allNs = boolFlag(cmd, "all-namespaces");
  const invalid = validateGet(cmd);
  if (invalid !== null) return fail(invalid);
  let args: ReturnType<typeof resolveResourceArgs>;
  try {
    // Objects named by -f are visited by path (builder.go visitByPaths), which makes none of
    // the checks of names that resource arguments get.
    const byArgs = cmd === input;
    const selector =
      (flag(cmd, "selector") ?? "").trim() !== "" || (flag(cmd, "field-selector") ?? "").trim() !== "";
    args = resolveResourceArgs(cmd.positionals, byArgs ? { selector, allNamespaces: allNs } : {});
  } catch (e) {
    return fail((e as ResourceError).message);
  }
  const ns = allNs ? null : namespaceOf(cmd);
  const output = flag(cmd, "output") ?? "";
  const unrendered = unrenderedOutput(output);
  if (unrendered !== null) return fail(unrendered);
  const watch = boolFlag(cmd, "watch") || boolFlag(cmd, "watch-only");
  const sortBy = flag(cmd, "sort-by") ?? "";
  // Made here, but its error is kubectl's only once the objects are fetched (see GetPrinter).
  const madePrinter = getPrinter(ctx, cmd, output);
  const printerError = typeof madePrinter === "string" ? madePrinter : null;
  const { jsonPath, columns, columnsIgnoreNoHeaders, allowMissingKeys } =
    typeof madePrinter === "string" ? NO_PRINTER : madePrinter;
  const tupleForm = cmd.positionals.every((p) => p.includes("/"));
  if (watch && !tupleForm && new Set(cmd.positionals[0].split(",")).size > 1)
    // get.go `watch` builds its request with SingleResourceType(); cli-runtime
    // pkg/resource/builder.go `resourceMappings` refuses `jobs,pods` (even `jobs,job`, two
    // types of one kind; `jobs,jobs` is one type: SplitResourceArgument drops the repeat).
    return fail("error: you may only specify a single resource type");
  const fieldText = fromFiles ? "" : (flag(cmd, "field-selector") ?? "");
  const fields = parseFieldSelector(fieldText);
  const fileSelector = fromFiles ? selectorOf(cmd) : null;
  let stderr = fileErrors.text === "" ? "" : `${fileErrors.text}\n`;
  // get.go Run: `r.IgnoreErrors(apierrors.IsNotFound)`; `watch` builds its own result, where
  // a NotFound still ends the command.
  const ignoreNotFound = boolFlag(cmd, "ignore-not-found");
  const groups: { kind: ResourceKind; objects: Obj[] }[] = [];
  // Named objects are fetched in the order given (builder.go visitByResource, visitByName);
  // get.go starts a new table whenever the kind changes from one found object to the next, so
  // `job/a pod/b job/c` prints three tables and `job/a pod/nope job/c` one.
  for (const n of args.named) {
    const kindNs = RESOURCE_INFO[n.kind].namespaced ? ns : null;
    if (n.name === "") {
      // client-go rest Request.Name refuses an empty name before any request: a plain error,
      // not a NotFound, so --ignore-not-found keeps it.
      stderr += `${EMPTY_NAME}\n`;
      continue;
    }
    const o = collect(ctx, n.kind, kindNs, { ...cmd, flags: new Map() }).find((x) => x.name === n.name);
    if (o === undefined) {
      if (!ignoreNotFound || watch)
        stderr += missingNamed(ctx, cmd === input ? kindNs : null, n.kind, n.name);
    } else if (fileSelector !== null && !fileSelector.matches(labelsOf(o))) {
      // visitByPaths: FilterByLabelSelector drops it, silently.
    } else if (groups.length > 0 && groups[groups.length - 1].kind === n.kind) {
      groups[groups.length - 1].objects.push(o);
    } else groups.push({ kind: n.kind, objects: [o] });
  }
  for (const kind of args.named.length > 0 ? [] : args.kinds) {
    const kindNs = RESOURCE_INFO[kind].namespaced ? ns : null;
    const refused = fieldSelectorError(kind, fields, flag(cmd, "selector") ?? "", fieldText);
    if (refused !== null) {
      // The server refuses the list of this kind; the other kinds are still listed
      // (get.go's builder continues on error and prints the errors after). The refused kind
      // gives no info (builder.go Selector.Visit), so it does not count towards
      // multipleGVKsRequested (the `kind/` name prefix).
      stderr += refused;
      continue;
    }
    let objects = collect(ctx, kind, kindNs, cmd);
    // Only a field selector needs the API form of every object to filter it.
    const reqs = fields as FieldRequirement[];
    if (reqs.length > 0)
      objects = objects.filter((o) => matchesFields(selectableFields(kind, materialize(ctx, o)), reqs));
    groups.push({ kind, objects });
  }
  // cmdutil.CheckErr: a plain error alone gets "error: "; among others it is a line as it is.
  if (stderr === `${EMPTY_NAME}\n`) stderr = `error: ${stderr}`;
  if (watch && stderr !== "") {
    // get.go `watch`: the builder does not ContinueOnError, so the first NotFound ends it —
    // silently with --ignore-not-found from kubectl 1.34 (`IsNotFound(err) && o.IgnoreNotFound`).
    const notFoundFirst = stderr.startsWith("Error from server (NotFound)");
    if (notFoundFirst && ignoreNotFound && ctx.profile.watchIgnoresNotFound)
      return { stdout: "", stderr: "", exitCode: 0 };
    return fail(stderr.slice(0, stderr.indexOf("\n") + 1));
  }
  if (watch && groups.length > 1)
    // get.go `watch`: `job/a pod/b` are resource tuples, which SingleResourceType does not
    // check; multipleGVKsRequested refuses them once both are found.
    return fail(
      "error: watch is only supported on individual resources and resource collections - more than 1 resource was found",
    );
  if (watch && printerError !== null) return fail(printerError);
  if (watch) {
    const kind = groups[0].kind;
    const kindNs = RESOURCE_INFO[kind].namespaced ? ns : null;
    const names = args.named.length > 0 ? new Set(args.named.map((n) => n.name)) : null;
    const sel = selectorOf(cmd);
    const noHeaders = boolFlag(cmd, "no-headers");
    const columnsNoHeaders = noHeaders && !columnsIgnoreNoHeaders;
    let mode: OutputMode;
    if (columns !== null) mode = { format: "custom-columns", columns, noHeaders: columnsNoHeaders };
    else if (jsonPath !== null) mode = { format: "jsonpath", template: jsonPath, allowMissingKeys };
    else if (output === "yaml" || output === "json" || output === "name") mode = { format: output };
    else
      mode = {
        format: "table",
        opts: { ...tableOptions(cmd, output, false, allNs), namespaceEvenIfClusterScoped: true },
      };
    const result = watchCommand(ctx, {
      kind,
      listed: groups[0].objects,
      sortBy,
      withEvents: boolFlag(cmd, "output-watch-events"),
      watchOnly: boolFlag(cmd, "watch-only"),
      mode,
      matches: (o, obj) =>
        (kindNs === null || namespaceOfObj(o) === kindNs) &&
        (names === null || names.has(o.name)) &&
        (sel === null || sel.matches(labelsOf(o))) &&
        matchesFields(selectableFields(kind, obj), fields as FieldRequirement[]),
    });
    // get.go Complete warns before anything else — yet the Table of the list still goes
    // through the SortingPrinter (see watchCommand).
    if (sortBy !== "")
      result.stderrBefore = "warning: --watch or --watch-only requested, --sort-by will be ignored\n";
    return result;
  }
  const generic = output !== "" && output !== "wide";
  const total = groups.reduce((s, g) => s + g.objects.length, 0);
  // printGeneric: builder.go's singleItemImplied (one name, one TYPE/NAME, one -f path) makes
  // a failed visit end the command with its error alone; otherwise the objects found go out as
  // a List (an empty one too), unless it is implied and exactly one was found.
  const singleItemImplied = fromFiles
    ? (input.flags.get("filename") ?? []).length === 1
    : args.named.length === 1;
  if (generic && singleItemImplied && stderr !== "") return { stdout: "", stderr, exitCode: 1 };
  // printGeneric (every format but the table): nothing found and NotFound ignored, nothing
  // printed — not even an empty List.
  if (ignoreNotFound && total === 0 && generic)
    return { stdout: "", stderr, exitCode: stderr === "" ? 0 : 1 };
  // printGeneric: ToPrinter's error replaces the visit's errors (returned, not aggregated).
  if (printerError !== null) return fail(printerError);
  const single = singleItemImplied && total === 1;
  if (sortBy !== "" && !single && generic) {
    // printGeneric: the SortingPrinter sorts the one List of every kind's items.
    const all = groups.flatMap((g) => g.objects);
    if (all.length > 0) {
      const sorted = sortObjects(ctx, all, sortBy);
      if (!Array.isArray(sorted)) return sorted;
      groups.splice(0, groups.length, { kind: groups[0].kind, objects: sorted });
    }
  }
  if (columns !== null)
    return printCustomColumns(
      ctx,
      columns,
      groups,
      stderr,
      boolFlag(cmd, "no-headers") && !columnsIgnoreNoHeaders,
    );
  if (jsonPath !== null)
    return printJsonPath(ctx, { template: jsonPath, allowMissingKeys }, groups, single, stderr);
  if (output === "yaml" || output === "json" || output === "name") {
    const items = groups.flatMap((g) => g.objects.map((o) => ({ o, obj: materialize(ctx, o) })));
    let stdout: string;
    if (output === "name")
      stdout = items
        .map(({ o }) => nameLine(RESOURCE_INFO[o.kind].kind, RESOURCE_INFO[o.kind].group, o.name))
        .join("");
    else {
      const value = single ? items[0].obj : listOf(items.map((i) => i.obj));
      stdout = output === "yaml" ? toYaml(value) : toJson(value);
    }
    return { stdout, stderr, exitCode: stderr === "" ? 0 : 1 };
  }

  const opts = tableOptions(cmd, output, groups.length > 1, allNs);
  if (sortBy !== "" && groups.length > 1) {
    // get.go Run: the RuntimeSorter sorts the kinds' Tables as objects first; the field must
    // be found on a Table (sorter.go SortObjects), which has only kind, apiVersion, metadata.
    const tables = groups.map(() => ({
      apiVersion: "meta.k8s.io/v1",
      kind: "Table",
      metadata: { resourceVersion: "" },
    }));
    const f = sortField(sortBy);
    const sorted = f instanceof SortError ? f : sortByField(tables, f, (t) => t);
    if (sorted instanceof SortError) return fail(`error: ${sorted.message}`);
  }
  const writer = new TabWriter(GET_TABWRITER);
  let stdout = "";
  let printedGroups = 0;
  for (const g of groups) {
    if (g.objects.length === 0) continue;
    let objects = g.objects.map((o) => materialize(ctx, o));
    if (sortBy !== "" && objects.length > 1) {
      // The SortingPrinter sorts the Table's rows (TableSorter); its error is dropped by
      // get.go Run, which then prints nothing for this kind.
      const f = sortField(sortBy, true);
      const sorted = f instanceof SortError ? f : sortRows(objects, f);
      if (sorted instanceof UnsortableError) return unsortable(sorted);
      if (sorted instanceof SortError) continue;
      objects = sorted;
    }
    const table = tableFor(ctx, g.kind, objects);
    if (printedGroups > 0) {
      // get.go Run: the separator line only "when it has row header" (`!o.NoHeaders`).
      if (!opts.noHeaders) stdout += "\n";
      writer.setRememberedWidths(null);
    }
    writer.write(tableText(table, opts, !opts.noHeaders));
    stdout += writer.flush();
    printedGroups++;
  }
  // get.go Run: "No resources found" only when nothing was written and nothing failed.
  // ... naming the namespace only when every fetched kind is namespaced (allResourcesNamespaced:
  // info.Namespaced() of each kind's Table, so nodes or namespaces among them drop it).
  const allNamespaced = !allNs && groups.every((g) => RESOURCE_INFO[g.kind].namespaced);
  if (printedGroups === 0 && stderr === "" && !ignoreNotFound)
    stderr += noResources(allNamespaced ? namespaceOf(input) : null);
  return { stdout, stderr, exitCode: stderr !== "" && !stderr.startsWith("No resources") ? 1 : 0 };
}

const EMPTY_NAME = "resource name may not be empty";

/**
 * A name not found. The builder fetches names with cli-runtime visitor.go Info.Get, which
 * answers a NotFound outside "default" with the namespace's own NotFound when the namespace does
 * not exist (`ns` null: objects read by -f, or cluster-scoped kinds, which skip that check).
 */
function missingNamed(ctx: KubectlContext, ns: string | null, kind: ResourceKind, name: string): string {
  if (ns !== null && ns !== "default" && ctx.cluster.store.findNamespace(ns) === undefined)
    return `Error from server (NotFound): namespaces "${ns}" not found\n`;
  return notFound(kind, name);
}
