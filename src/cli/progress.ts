/**
 * A progress line on stderr — runs done, rate, ETA — only when stderr is a terminal and the
 * work has taken more than a second; redrawn at most 5 times a second and erased at the end.
 * Nothing goes to stdout, which carries only results.
 */
export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private shown = false;

  constructor(
    private total: number,
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** `total`: when the work grows as it goes (a sweep refining a value), the new total. */
  update(done: number, total = this.total): void {
    this.total = Math.max(total, done, 1);
    // (A dumb terminal takes no escapes: no line to redraw.)
    if (!this.stream.isTTY || process.env.TERM === "dumb") return;
    const now = Date.now();
    if (now - this.start < 1000 || now - this.last < 200) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = done / secs;
    const eta = rate > 0 ? (this.total - done) / rate : 0;
    const width = 24;
    const filled = Math.round((done / this.total) * width);
    const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
    const line = `${this.label} ${bar} ${((100 * done) / this.total).toFixed(0).padStart(3)}%  ${done.toLocaleString("en-US")}/${this.total.toLocaleString("en-US")} runs  ${Math.round(rate).toLocaleString("en-US")} runs/s  ETA ${eta.toFixed(0)}s `;
    // Cut to the terminal's width: a line that wraps is not redrawn in place by \r.
    const columns = this.stream.columns > 1 ? this.stream.columns : 80;
    this.stream.write(`\r${[...line].slice(0, columns - 1).join("")}\x1b[K`);
    this.shown = true;
  }

  end(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
  }
}
