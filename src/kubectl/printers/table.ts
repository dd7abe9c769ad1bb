/**
 * The server-side Table (`meta.k8s.io/v1 Table`: column definitions and rows of cells) and how kubectl lays it out
 * for `kubectl get`.
 *
 * Behaviour ported (no code copied) from kubernetes/cli-runtime `pkg/printers/tableprinter.go`
 * @ 3eed901c582d90e044f513894849c92c00d74e39 (`decorateTable`, `printTable`, `appendCellValue`,
 * `formatLabelHeaders`, `appendLabelCells`) and `pkg/printers/terminal.go` (`WriteEscaped`), with kubectl's
 * `get.go` deciding `WithNamespace` (only for namespaced kinds under `-A`) and `WithKind` (several kinds or
 * `--show-kind`):
 *  - headers are the column names upper-cased; priority-1 columns only with `-o wide`;
 *  - `-A` prepends NAMESPACE; `-L key` appends a column headed by the upper-cased last `/` segment of the key
 *    (cell = the label's value, "" when absent); `--show-labels` appends LABELS (`labels.FormatLabels`);
 *  - with `WithKind` the `name`-format column's cell becomes `lower(Kind[.group])/name` (for events that is the
 *    priority-1 NAME column, so the prefix only shows with `-o wide`);
 *  - a cell is cut at its first `\n`, `\r` or `\f` and `...` appended; ESC is written as `^[`;
 *  - no rows: nothing at all, not even the header.
 * The text is tab-separated and newline-terminated, for `TabWriter(GET_TABWRITER)`.
 */
import { escapeTerminal } from "../describe/writer.js";
import { formatLabels } from "./format.js";

export interface Column {
  /** The column definition's name as printers.go spells it ("Name", "Last Seen", ...). */
  name: string;
  /** 0 = always shown, 1 = only with `-o wide`. */
  priority: number;
}

export interface Row {
  cells: string[];
  /** metadata.name, namespace and labels: what decorateTable reads through the row's object. */
  name: string;
  namespace: string;
  labels: Record<string, string>;
}

export interface Table {
  /** Kind and API group of the rows' objects ("Job", "batch"; "Pod", ""). */
  kind: string;
  group: string;
  columns: Column[];
  rows: Row[];
}

export interface TableOptions {
  wide: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  withKind: boolean;
  allNamespaces: boolean;
  /** `get -w`'s printer: `-A` adds NAMESPACE (empty) for cluster-scoped kinds too — get.go
   * `watch` passes o.AllNamespaces to ToPrinter without Run's RESTScopeNameRoot check. */
  namespaceEvenIfClusterScoped?: boolean;
}

/** Cluster-scoped kinds: `-A` adds no NAMESPACE column for them (get.go: `printWithNamespace = false` for
 * RESTScopeNameRoot mappings). */
const CLUSTER_SCOPED = new Set(["Node", "Namespace"]);

/** The `name`-format column of each table printers.go defines is the one called "Name". */
const NAME_COLUMN = "Name";

/** `appendCellValue`: cut at the first line break (tabwriter treats `\f` as one) and append `...`; escape the rest. */
export function cellText(value: string): string {
  const cut = value.search(/[\f\n\r]/);
  if (cut >= 0) return `${escapeTerminal(value.slice(0, cut))}...`;
  return escapeTerminal(value);
}

/** `formatLabelHeaders`: the upper-cased last path segment of each `-L` key. */
export function labelHeader(key: string): string {
  const parts = key.split("/");
  return parts[parts.length - 1].toUpperCase();
}

/** `lower(GroupKind.String())`: "job.batch", "pod". */
export function kindPrefix(kind: string, group: string): string {
  return (group === "" ? kind : `${kind}.${group}`).toLowerCase();
}

/** Lines for the tabwriter (tab-separated cells, newline-terminated), header included unless suppressed. */
export function tableText(table: Table, opts: TableOptions, includeHeader: boolean): string {
  if (table.rows.length === 0) return "";
  const withNamespace =
    opts.allNamespaces && (opts.namespaceEvenIfClusterScoped === true || !CLUSTER_SCOPED.has(table.kind));
  const visible = table.columns.map((c) => opts.wide || c.priority === 0);
  const nameColumn = opts.withKind ? table.columns.findIndex((c) => c.name === NAME_COLUMN) : -1;
  const prefix = kindPrefix(table.kind, table.group);

  const lines: string[] = [];
  if (includeHeader && !opts.noHeaders) {
    const header: string[] = [];
    if (withNamespace) header.push("NAMESPACE");
    table.columns.forEach((c, i) => {
      if (visible[i]) header.push(c.name.toUpperCase());
    });
    for (const key of opts.labelColumns) header.push(labelHeader(key));
    if (opts.showLabels) header.push("LABELS");
    lines.push(header.join("\t"));
  }
  for (const row of table.rows) {
    const cells: string[] = [];
    if (withNamespace) cells.push(row.namespace);
    row.cells.forEach((cell, i) => {
      if (i >= table.columns.length || !visible[i]) return; // more cells than columns: ignored (issue 66379)
      cells.push(i === nameColumn ? `${prefix}/${cell}` : cell);
    });
    for (const key of opts.labelColumns) cells.push(row.labels[key] ?? "");
    if (opts.showLabels) cells.push(formatLabels(row.labels));
    lines.push(cells.map(cellText).join("\t"));
  }
  return `${lines.join("\n")}\n`;
}
