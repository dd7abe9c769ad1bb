/**
 * pflag's StringSlice flags (`kubectl events --types`, `kubectl get -L`): each occurrence is one
 * CSV record (spf13/pflag string_slice.go `readAsCSV`), and occurrences append. An empty value
 * is no values at all; otherwise encoding/csv's Reader.Read reads the first record with its
 * defaults: fields are not trimmed (`Normal, Warning` gives " Warning"), a field may be quoted
 * (`"a,b"`, `""` for a quote), and a stray quote is a ParseError (encoding/csv reader.go
 * `readRecord`). Written for jobsim from those sources.
 */

/** The values of one occurrence, or the csv error pflag reports. */
export function readAsCsv(value: string): string[] | { error: string } {
  if (value === "") return [];
  const lines = csvLines(value);
  let n = 0;
  // readRecord skips empty lines; nothing else left is io.EOF.
  while (n < lines.length && lines[n] === "\n") n++;
  if (n >= lines.length) return { error: "EOF" };
  const startLine = n + 1;
  let lineNo = startLine;
  let line = lines[n];
  const fields: string[] = [];
  let col = 1; // 1-based byte column, as Go 1.17+ reports it
  for (;;) {
    if (!line.startsWith('"')) {
      const comma = line.indexOf(",");
      const field = comma >= 0 ? line.slice(0, comma) : line.replace(/\n$/, "");
      const quote = field.indexOf('"');
      if (quote >= 0)
        return parseError(startLine, lineNo, col + byteLength(field.slice(0, quote)), BARE_QUOTE);
      fields.push(field);
      if (comma < 0) return fields;
      col += byteLength(field) + 1;
      line = line.slice(comma + 1);
      continue;
    }
    line = line.slice(1);
    col += 1;
    let field = "";
    for (;;) {
      const quote = line.indexOf('"');
      if (quote >= 0) {
        field += line.slice(0, quote);
        col += byteLength(line.slice(0, quote)) + 1;
        line = line.slice(quote + 1);
        if (line.startsWith('"')) {
          field += '"';
          line = line.slice(1);
          col += 1;
        } else if (line.startsWith(",")) {
          fields.push(field);
          line = line.slice(1);
          col += 1;
          break;
        } else if (line === "" || line === "\n") {
          fields.push(field);
          return fields;
        } else return parseError(startLine, lineNo, col - 1, QUOTE);
      } else if (line !== "") {
        // The quoted field runs on over the next line.
        field += line;
        col += byteLength(line);
        n++;
        line = n < lines.length ? lines[n] : "";
        if (line !== "") {
          lineNo++;
          col = 1;
        }
      } else return parseError(startLine, lineNo, col, QUOTE);
    }
  }
}

const BARE_QUOTE = 'bare " in non-quoted-field';
const QUOTE = 'extraneous or missing " in quoted-field';

/** csv.ParseError.Error. */
function parseError(startLine: number, line: number, column: number, err: string): { error: string } {
  const where = `parse error on line ${line}, column ${column}: ${err}`;
  return { error: startLine !== line ? `record on line ${startLine}; ${where}` : where };
}

/** Reader.readLine: lines keep their "\n"; "\r\n" becomes "\n"; a last "\r" is dropped. */
function csvLines(value: string): string[] {
  const lines = value.split(/(?<=\n)/).map((l) => l.replace(/\r\n$/, "\n"));
  const last = lines.length - 1;
  if (lines[last].endsWith("\r")) lines[last] = lines[last].slice(0, -1);
  return lines;
}

const utf8 = new TextEncoder();

function byteLength(s: string): number {
  return utf8.encode(s).length;
}

/** Every value of a StringSlice flag, its occurrences in order (each one already read at parse). */
export function sliceFlag(flags: Map<string, string[]>, name: string): string[] {
  return (flags.get(name) ?? []).flatMap((v) => {
    const values = readAsCsv(v);
    return Array.isArray(values) ? values : [];
  });
}
