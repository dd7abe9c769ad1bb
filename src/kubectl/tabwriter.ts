/**
 * Go's `text/tabwriter` (elastic tabstops), as kubectl uses it, re-implemented in TypeScript.
 *
 * Behaviour ported (no code copied) from these upstream files, read for this port:
 *  - golang/go `src/text/tabwriter/tabwriter.go` @ 132d7ae99e2996349515a41832194a0d5c15725f
 *    (cell splitting, the recursive column-block `format`, `writeLines`, `writePadding`, flush rules);
 *  - liggitt/tabwriter `tabwriter.go` @ 0f34cd0564c0647d7b88e7e966d7e933fc32ca77, identical in behaviour
 *    to the copy kubectl vendors, kubernetes/kubernetes `vendor/github.com/liggitt/tabwriter/tabwriter.go`
 *    @ 04791b4906602ffda5ccf9bc4c84d3329f1d7080 (the `RememberWidths` flag, `SetRememberedWidths`,
 *    `RememberedWidths`). Later liggitt versions add a `GraphemeClusterWidth` flag that kubectl does not set.
 *
 * The model, in short:
 *  - Input is split into cells, each ended by '\t' (hard tab), '\v' (soft tab), '\n' or '\f'. Cells are
 *    tab-*terminated*: the text after the last tab of a line is a cell too, but it belongs to no column and is
 *    never padded.
 *  - A column is a *block* of consecutive lines that all have a tab-terminated cell at that index. A line with
 *    fewer cells ends the block for that column and every column to its right; alignment restarts after it.
 *    Blocks nest: column j+1 blocks are computed inside a column j block.
 *  - Width of a column block = max(minWidth, widest cell + padding), widths counted in Unicode code points
 *    (Go counts runes with utf8.RuneCount; code points are the same thing for valid text).
 *  - Every tab-terminated cell is padded to its column width with padChar, even an empty one and even when it
 *    is the last tab-terminated cell of the line (so "x\t\n" ends in padding). The final, unterminated cell is
 *    written as is, so trailing spaces that are part of its text survive ("  Ready\tFalse \n").
 *  - A line that has a single cell (no tab) cannot influence later lines, so Go flushes there; '\f' acts like
 *    '\n' and also forces a flush (columns never continue across it). Both appear as '\n' in the output.
 *  - RememberWidths (liggitt fork, `kubectl get`): the width chosen for column index k is remembered across
 *    flushes and only grows; every later block at index k uses max(remembered, computed) — also between
 *    different blocks inside one flush. `setRememberedWidths(null)` forgets them.
 *
 * Flags kubectl does not use and that are not implemented: FilterHTML, StripEscape (and the 0xff Escape
 * byte, which cannot occur in a JS string's UTF-8 encoding anyway), Debug, TabIndent. AlignRight and
 * DiscardEmptyColumns are implemented because they cost a few lines and let more of Go's tests run.
 */

export interface TabWriterOptions {
  /** Minimal cell width, padding included. */
  minWidth: number;
  /** Width of a tab character; only used when padChar is '\t'. */
  tabWidth: number;
  /** Padding added to the widest cell of a column to get the column width. */
  padding: number;
  /** Single character used for padding. With '\t', cells are left-aligned and padded with tabs. */
  padChar: string;
  /** liggitt/tabwriter RememberWidths: column widths persist across flushes and only grow. */
  rememberWidths?: boolean;
  /** Go's AlignRight flag (not used by kubectl). Ignored when padChar is '\t'. */
  alignRight?: boolean;
  /** Go's DiscardEmptyColumns flag (not used by kubectl): columns made only of empty '\v'-ended cells vanish. */
  discardEmptyColumns?: boolean;
}

/** `kubectl get` (and `kubectl events`): cli-runtime printers.GetNewTabWriter — minwidth 6, tabwidth 4,
 * padding 3, padchar ' ', flags RememberWidths (github.com/liggitt/tabwriter). */
export const GET_TABWRITER: TabWriterOptions = Object.freeze({
  minWidth: 6,
  tabWidth: 4,
  padding: 3,
  padChar: " ",
  rememberWidths: true,
});

/** `kubectl describe`: describe.go tabbedString — text/tabwriter with minwidth 0, tabwidth 8, padding 2,
 * padchar ' ', flags 0. */
export const DESCRIBE_TABWRITER: TabWriterOptions = Object.freeze({
  minWidth: 0,
  tabWidth: 8,
  padding: 2,
  padChar: " ",
});

/** Number of Unicode code points in `s` (Go: utf8.RuneCountInString). A lone surrogate counts as one, as the
 * U+FFFD it would be encoded as would. */
export function runeCount(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

interface Cell {
  text: string;
  /** Width in code points. */
  width: number;
  /** Ended by '\t' (hard tab) rather than '\v', '\n', '\f' or end of input. */
  htab: boolean;
}

const TAB = 0x09;
const NEWLINE = 0x0a;
const VTAB = 0x0b;
const FORMFEED = 0x0c;

function requireCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new RangeError(`TabWriter: ${name} must be a non-negative integer, got ${value}`);
  }
}

export class TabWriter {
  private readonly minWidth: number;
  private readonly tabWidth: number;
  private readonly padding: number;
  private readonly padChar: string;
  private readonly rememberWidths: boolean;
  private readonly alignRight: boolean;
  private readonly discardEmptyColumns: boolean;

  /** Buffered lines; the last one is the line in progress. */
  private lines: Cell[][] = [[]];
  /** Text of the cell in progress (not yet ended by a tab or line break). */
  private cellText = "";
  /** Column widths of the enclosing blocks while `format` recurses (index = column). */
  private widths: number[] = [];
  /** RememberWidths: per-column maximum widths seen so far. */
  private maxWidths: number[] = [];
  /** Formatted output not yet returned by `flush`. */
  private out: string[] = [];

  constructor(opts: TabWriterOptions) {
    requireCount(opts.minWidth, "minWidth");
    requireCount(opts.tabWidth, "tabWidth");
    requireCount(opts.padding, "padding");
    if (runeCount(opts.padChar) !== 1) {
      throw new RangeError(
        `TabWriter: padChar must be a single character, got ${JSON.stringify(opts.padChar)}`,
      );
    }
    this.minWidth = opts.minWidth;
    this.tabWidth = opts.tabWidth;
    this.padding = opts.padding;
    this.padChar = opts.padChar;
    this.rememberWidths = opts.rememberWidths === true;
    // Go: tab padding enforces left alignment.
    this.alignRight = opts.alignRight === true && opts.padChar !== "\t";
    this.discardEmptyColumns = opts.discardEmptyColumns === true;
  }

  /** Buffers `text`. Cells and lines may span several writes. */
  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch !== TAB && ch !== NEWLINE && ch !== VTAB && ch !== FORMFEED) continue;
      this.cellText += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === TAB);
      if (ch === NEWLINE || ch === FORMFEED) {
        this.lines.push([]);
        // A single-cell line cannot affect the layout of later lines; '\f' always ends all columns.
        if (ch === FORMFEED || ncells === 1) this.flushBuffered();
      }
    }
    this.cellText += text.slice(start);
  }

  /** Formats everything buffered and returns the output produced since the previous `flush`. A line without
   * a final '\n' is output without one (its text after the last tab is its last cell, as in Go). */
  flush(): string {
    this.flushBuffered();
    const s = this.out.join("");
    this.out = [];
    return s;
  }

  /** liggitt/tabwriter SetRememberedWidths: replaces the remembered widths (`null` or `[]` forgets them). */
  setRememberedWidths(widths: number[] | null): void {
    this.maxWidths = widths === null ? [] : [...widths];
  }

  /** liggitt/tabwriter RememberedWidths: a copy of the remembered per-column widths. */
  rememberedWidths(): number[] {
    return [...this.maxWidths];
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.cellText, width: runeCount(this.cellText), htab });
    this.cellText = "";
    return line.length;
  }

  /** Go's flush: end the cell in progress (if it has text), format all buffered lines, reset the buffer. */
  private flushBuffered(): void {
    if (this.cellText.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cellText = "";
    this.widths = [];
  }

  /**
   * Lays out lines [line0, line1) for column `this.widths.length`, whose left-hand columns already have
   * widths. Each maximal run of lines that has a tab-terminated cell in this column is a block: its width is
   * computed, then the run is formatted recursively for the next column. Lines outside blocks are written
   * with the widths known so far.
   */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      // The last cell of a line is not tab-terminated and belongs to no column.
      if (column >= this.lines[cur].length - 1) continue;

      this.writeLines(line0, cur);
      line0 = cur;

      let width = this.minWidth;
      let discardable = true;
      for (; cur < line1; cur++) {
        const line = this.lines[cur];
        if (column >= line.length - 1) break;
        const c = line[column];
        if (c.width + this.padding > width) width = c.width + this.padding;
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.discardEmptyColumns) width = 0;

      if (this.rememberWidths) {
        // As liggitt/tabwriter: indexes missing below this column are filled from the enclosing widths;
        // a new index records the width; otherwise the width becomes max(remembered, computed).
        if (this.maxWidths.length < column) this.maxWidths.push(...this.widths.slice(this.maxWidths.length));
        if (this.maxWidths.length === column) this.maxWidths.push(width);
        else if (this.maxWidths[column] > width) width = this.maxWidths[column];
        else this.maxWidths[column] = width;
      }

      this.widths.push(width);
      this.format(line0, cur);
      this.widths.pop();
      line0 = cur;
      // `cur` is now the first line after the block, which has no cell here; the loop's cur++ skips it, as Go.
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    const out = this.out;
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        const padded = j < this.widths.length;
        if (c.text.length === 0) {
          if (padded) this.writePadding(c.width, this.widths[j]);
        } else if (!this.alignRight) {
          out.push(c.text);
          if (padded) this.writePadding(c.width, this.widths[j]);
        } else {
          if (padded) this.writePadding(c.width, this.widths[j]);
          out.push(c.text);
        }
      }
      // The last buffered line is the one after the final line break (or an unterminated line): no newline.
      if (i + 1 < this.lines.length) out.push("\n");
    }
  }

  private writePadding(textWidth: number, cellWidth: number): void {
    if (this.padChar === "\t") {
      if (this.tabWidth === 0) return; // tabs have no width: no padding possible
      const cell = Math.ceil(cellWidth / this.tabWidth) * this.tabWidth;
      const n = cell - textWidth;
      if (n < 0) throw new Error("TabWriter: internal error (negative padding)");
      this.out.push("\t".repeat(Math.ceil(n / this.tabWidth)));
      return;
    }
    this.out.push(this.padChar.repeat(cellWidth - textWidth));
  }
}

/** One-shot: write `text` to a fresh TabWriter and flush it. */
export function tabulate(text: string, opts: TabWriterOptions): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
