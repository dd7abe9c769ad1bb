/**
 * Errors a kubectl command gathers before it ends, printed as cmdutil.CheckErr prints them
 * (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go checkErr, MultipleErrors,
 * StandardErrorMessage; apimachinery util/errors aggregate.Error):
 * - one error alone (an aggregate of one is unwrapped first): an Invalid status as
 *   `The Job "x" is invalid: …`, any other status as `Error from server (Reason): …`, a plain
 *   error after `error: ` (unless it starts so already);
 * - several (an aggregate): one line each, MultipleErrors' messageForError: a status as
 *   `Error from server (Reason): <message>` (an Invalid one too, with the API server's message),
 *   a plain error as it is, a nested aggregate as its Error(): `[a, b]` (repeats dropped).
 */
export type CommandError =
  /** An API status; `line` is `Error from server (Reason): <message>`. */
  | { kind: "status"; line: string }
  /** An Invalid status: kubectl's rendering alone (ends with a newline), and the status line. */
  | { kind: "invalid"; alone: string; line: string }
  /** A plain Go error (its text, without "error: "). */
  | { kind: "plain"; text: string }
  | { kind: "aggregate"; errors: CommandError[] };

/** utilerrors.NewAggregate's result for a list; cli-runtime's ContinueOnErrorVisitor returns a single one bare. */
export function reduced(errors: CommandError[]): CommandError | null {
  if (errors.length === 0) return null;
  return errors.length === 1 ? errors[0] : { kind: "aggregate", errors };
}

/** What CheckErr writes to stderr for the command's error (`errors`, as one aggregate), or "". */
export function checkErrText(errors: CommandError[]): string {
  let e = reduced(errors);
  if (e === null) return "";
  if (e.kind === "aggregate" && e.errors.length === 1) e = e.errors[0];
  switch (e.kind) {
    case "invalid":
      return e.alone;
    case "status":
      return `${e.line}\n`;
    case "plain":
      return e.text.startsWith("error: ") ? `${e.text}\n` : `error: ${e.text}\n`;
    case "aggregate":
      return e.errors.map((x) => `${messageForError(x)}\n`).join("");
  }
}

function messageForError(e: CommandError): string {
  switch (e.kind) {
    case "invalid":
    case "status":
      return e.line;
    case "plain":
      return e.text;
    case "aggregate":
      return errorString(e);
  }
}

/** Go's err.Error(): a status's message (no "Error from server"), an aggregate's `[a, b]`. */
function errorString(e: CommandError): string {
  switch (e.kind) {
    case "invalid":
    case "status":
      return e.line.replace(/^Error from server \([A-Za-z]+\): /, "");
    case "plain":
      return e.text;
    case "aggregate": {
      const seen = [...new Set(flatten(e).map(errorString))];
      return seen.length === 1 ? seen[0] : `[${seen.join(", ")}]`;
    }
  }
}

/** aggregate.visit: the errors of nested aggregates, in order. */
function flatten(e: CommandError): CommandError[] {
  return e.kind === "aggregate" ? e.errors.flatMap(flatten) : [e];
}

/**
 * An error already written out as kubectl prints it alone (a line from one of the commands'
 * helpers): `Error from server (…)` is a status, `error: …` a plain error; anything else (an
 * Invalid rendering, which carries no status line to fall back on) is kept as it is.
 */
export function fromPrinted(text: string): CommandError {
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (body.startsWith("Error from server")) return { kind: "status", line: body };
  if (body.startsWith("error: ")) return { kind: "plain", text: body.slice("error: ".length) };
  return { kind: "invalid", alone: text.endsWith("\n") ? text : `${text}\n`, line: body };
}
