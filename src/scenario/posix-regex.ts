/**
 * POSIX regular expressions as GNU grep reads them, translated to JavaScript's: basic (BRE, the
 * default) and extended (ERE, `-E`). Returns the JavaScript source, or grep's complaint.
 *
 * BRE: `\( \) \{ \} \| \+ \?` are the operators and `( ) { } | + ?` are plain characters; `*`
 * is plain at the start of an expression or a group; `^` anchors only at the start and `$` only
 * at the end of an expression or a group (GNU grep's rules). ERE: the unescaped forms are the
 * operators. Both: bracket expressions with POSIX classes (`[[:digit:]]`), `\<` `\>` `\b` `\B`
 * `\w` `\W` `\s` `\S` as GNU has them, and any other escaped character taken literally.
 */

const CLASSES: Record<string, string> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: " -~",
  graph: "!-~",
};

/** Characters JavaScript treats specially outside a class, escaped to stand for themselves. */
function literal(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** A bracket expression starting at `i` ("[" ); returns its JavaScript form and the index after it. */
function bracket(re: string, i: number): { js: string; next: number } | string {
  let j = i + 1;
  let out = "[";
  if (re[j] === "^") {
    out += "^";
    j++;
  }
  let first = true;
  while (j < re.length) {
    const c = re[j];
    if (c === "]" && !first) return { js: `${out}]`, next: j + 1 };
    first = false;
    if (c === "[" && re[j + 1] === ":") {
      const end = re.indexOf(":]", j + 2);
      if (end < 0) return "Unmatched [, [^, [:, [., or [=";
      const name = re.slice(j + 2, end);
      if (CLASSES[name] === undefined) return "Invalid character class name";
      out += CLASSES[name];
      j = end + 2;
      continue;
    }
    // Inside a POSIX bracket a backslash is an ordinary character.
    out += c === "\\" || c === "]" || c === "[" ? `\\${c}` : c;
    j++;
  }
  return "Unmatched [, [^, [:, [., or [=";
}

export function posixToJs(re: string, extended: boolean): string | { problem: string } {
  let out = "";
  let depth = 0;
  // Where an expression or group starts (so `*` is literal and `^` an anchor there, in BRE).
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    const startHere: boolean = atStart;
    atStart = false;
    if (c === "[") {
      const b = bracket(re, i);
      if (typeof b === "string") return { problem: b };
      out += b.js;
      i = b.next - 1;
      continue;
    }
    if (c === "\\") {
      const d = re[i + 1];
      if (d === undefined) return { problem: "Trailing backslash" };
      i++;
      const op = extended ? null : "(){}|+?".includes(d) ? d : null;
      if (op === "(") {
        depth++;
        out += "(";
        atStart = true;
      } else if (op === ")") {
        if (depth === 0) return { problem: "Unmatched ) or \\)" };
        depth--;
        out += ")";
      } else if (op === "|") {
        out += "|";
        atStart = true;
      } else if (op !== null) out += op;
      else if (d === "<") out += "\\b(?=\\w)";
      else if (d === ">") out += "\\b(?<=\\w)";
      else if ("bBwWsS".includes(d)) out += `\\${d}`;
      else out += literal(d);
      continue;
    }
    if (c === "^") {
      const anchor: boolean = extended || startHere;
      out += anchor ? "^" : "\\^";
      atStart = anchor;
      continue;
    }
    if (c === "$") {
      const rest = re.slice(i + 1);
      const atEnd = rest === "" || (extended ? true : rest.startsWith("\\)") || rest.startsWith("\\|"));
      out += atEnd ? "$" : "\\$";
      continue;
    }
    if (c === "*") {
      out += startHere ? "\\*" : "*";
      continue;
    }
    if (extended && c === "(") {
      depth++;
      out += "(";
      atStart = true;
      continue;
    }
    if (extended && c === ")") {
      if (depth === 0) return { problem: "Unmatched ) or \\)" };
      depth--;
      out += ")";
      continue;
    }
    if (extended && c === "|") {
      out += "|";
      atStart = true;
      continue;
    }
    if (extended && (c === "+" || c === "?")) {
      out += startHere ? `\\${c}` : c;
      continue;
    }
    if (extended && c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(re.slice(i));
      // GNU grep takes a "{" that does not start an interval as a plain character.
      if (m === null || startHere) out += "\\{";
      else {
        out += m[0];
        i += m[0].length - 1;
      }
      continue;
    }
    out += c === "." ? "." : literal(c);
  }
  if (depth > 0) return { problem: "Unmatched ( or \\(" };
  try {
    new RegExp(out);
  } catch {
    return { problem: "Invalid regular expression" };
  }
  return out;
}
