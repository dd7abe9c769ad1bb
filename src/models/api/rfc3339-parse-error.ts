/**
 * Go time.Parse(time.RFC3339, ...) reduced to its error text: what the API server's strict decoding
 * reports for a bad metav1.Time (Time.UnmarshalJSON, strict-decode.ts).
 */

const RFC3339 = "2006-01-02T15:04:05Z07:00";

/**
 * Go time.Parse(time.RFC3339, value), reduced to its error text (time/format.go `parse` walking
 * the layout chunks 2006 -01 -02 T15 :04 :05 Z07:00, ParseError.Error, and time's own `quote`).
 */
export function parseRFC3339Error(value: string): string | null {
  const cannot = (layoutElem: string, valueElem: string) =>
    `parsing time ${timeQuote(value)} as ${timeQuote(RFC3339)}: cannot parse ${timeQuote(valueElem)} as ${timeQuote(layoutElem)}`;
  const message = (msg: string) => `parsing time ${timeQuote(value)}${msg}`;
  const digit = (s: string, i: number) => i < s.length && s[i] >= "0" && s[i] <= "9";
  const getnum = (s: string, fixed: boolean): [number, string] | null => {
    if (!digit(s, 0)) return null;
    if (!digit(s, 1)) return fixed ? null : [Number(s[0]), s.slice(1)];
    return [Number(s.slice(0, 2)), s.slice(2)];
  };
  const chunks: [string, string][] = [
    ["", "2006"],
    ["-", "01"],
    ["-", "02"],
    ["T", "15"],
    [":", "04"],
    [":", "05"],
    ["", "Z07:00"],
  ];
  let v = value;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const [prefix, std] of chunks) {
    if (prefix && v[0] !== prefix) return cannot(prefix, v);
    if (prefix) v = v.slice(1);
    const hold = v;
    let bad = false;
    let range = "";
    if (std === "2006") {
      if (v.length < 4 || !digit(v, 0) || !/^\d{4}$/.test(v.slice(0, 4))) bad = true;
      else [year, v] = [Number(v.slice(0, 4)), v.slice(4)];
    } else if (std === "Z07:00") {
      if (v[0] === "Z") v = v.slice(1);
      else if (v.length < 6 || v[3] !== ":") bad = true;
      else {
        // As Go: a failed hour skips the minute; the range checks and the sign check still run.
        const hr = getnum(v.slice(1, 3), true);
        const mm = hr ? getnum(v.slice(4, 6), true) : null;
        bad = !hr || !mm || (v[0] !== "+" && v[0] !== "-");
        if ((hr?.[0] ?? 0) > 24) range = "time zone offset hour";
        if ((mm?.[0] ?? 0) > 60) range = "time zone offset minute";
        v = v.slice(6);
      }
    } else {
      const r = getnum(v, std !== "15");
      if (!r) bad = true;
      else {
        let n: number;
        [n, v] = r;
        if (std === "01") [month, range] = [n, n <= 0 || n > 12 ? "month" : ""];
        if (std === "02") day = n;
        if (std === "15" && n >= 24) range = "hour";
        if (std === "04" && n >= 60) range = "minute";
        if (std === "05" && n >= 60) range = "second";
        // A fractional second is accepted even though the layout has none.
        if (std === "05" && !range && v.length >= 2 && (v[0] === "." || v[0] === ",") && digit(v, 1)) {
          let i = 2;
          while (digit(v, i)) i++;
          v = v.slice(i);
        }
      }
    }
    if (range) return message(`: ${range} out of range`);
    if (bad) return cannot(std, hold);
  }
  if (v.length > 0) return message(`: extra text: ${timeQuote(v)}`);
  const daysIn =
    month === 2
      ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
        ? 29
        : 28
      : 30 + ((month + Math.floor(month / 8)) % 2);
  if (day < 1 || day > daysIn) return message(": day out of range");
  return null;
}

/** time/format.go quote: backslash before " and \, non-ASCII and control bytes as \xNN. */
function timeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of Buffer.from(ch)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    } else out += ch === '"' || ch === "\\" ? `\\${ch}` : ch;
  }
  return `${out}"`;
}
