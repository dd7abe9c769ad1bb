/**
 * Shared helpers for the printer tests: timestamps relative to a fixed "server now", and the visible cells of a
 * row (what printTable writes for `-o wide` or not).
 */

import type { Table, TableOptions } from "../../../src/kubectl/printers/table.js";
import { rfc3339, rfc3339Micro } from "../../../src/models/api/time-format.js";

/** The server's clock at the request in the upstream-case tests (Go's `time.Now()`). */
export const NOW = Date.parse("2026-03-14T12:00:00Z");

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** metav1.Time of NOW + offsetMs, as JSON carries it (whole seconds). */
export function t(offsetMs: number): string {
  return rfc3339(NOW + offsetMs);
}

/** metav1.MicroTime of NOW + offsetMs. */
export function micro(offsetMs: number): string {
  return rfc3339Micro(NOW + offsetMs);
}

/** Go's `time.Now().AddDate(years, months, days)` for NOW (UTC). */
export function addDate(years: number, months: number, days: number): string {
  const d = new Date(NOW);
  d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth() + months, d.getUTCDate() + days);
  return rfc3339(d.getTime());
}

/** The cells printTable writes for a row: priority-0 columns, plus priority-1 ones with -o wide. */
export function visibleCells(table: Table, rowIndex: number, wide: boolean): string[] {
  return table.rows[rowIndex].cells.filter((_, i) => wide || table.columns[i].priority === 0);
}

export const PLAIN: TableOptions = Object.freeze({
  wide: false,
  showLabels: false,
  labelColumns: [],
  noHeaders: false,
  withKind: false,
  allNamespaces: false,
});

export const WIDE: TableOptions = Object.freeze({ ...PLAIN, wide: true });

/** kubernetes-types marks fields readonly; tests build plain objects. */
export type Loose<T> = T extends (infer U)[]
  ? Loose<U>[]
  : T extends object
    ? { -readonly [K in keyof T]?: Loose<T[K]> }
    : T;
