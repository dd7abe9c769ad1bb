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
function bracket(re: string, i: number): { js: string; next: number; colonSyntax: boolean } | string {
  let j = i + 1;
  let out = "[";
  if (re[j] === "^") {
    out += "^";
    j++;
  }
  // GNU grep's dfa.c refuses "[:digit:]" written without its outer brackets, once glibc has
  // found nothing else wrong with the pattern (so the caller reports it last).
  const colonSyntax = /^:[^\]:-]+:\]/.test(re.slice(j));
  let first = true;
  // The last single character the expression named, a range's possible start (null after a
  // class or a range, which cannot start one: glibc regcomp.c parse_bracket_exp).
  let rangeStart: string | null = null;
  while (j < re.length) {
    const c = re[j];
    if (c === "]" && !first) return { js: `${out}]`, next: j + 1, colonSyntax };
    first = false;
    const element = bracketElement(re, j);
    if (typeof element === "string") return element;
    if (element.char === null) {
      // A class such as [:digit:] starts no range.
      out += element.js;
      rangeStart = null;
      j = element.next;
      if (re[j] === "-" && re[j + 1] !== "]" && j + 1 < re.length) return "Invalid range end";
      continue;
    }
    const isRange = rangeStart !== null && c === "-" && j + 1 < re.length && re[j + 1] !== "]";
    if (isRange) {
      const end = bracketElement(re, j + 1);
      if (typeof end === "string") return end;
      // GNU grep: a range whose end is a class, or sorts before its start, is refused.
      if (end.char === null || end.char < rangeStart!) return "Invalid range end";
      out += `-${end.js}`;
      rangeStart = null;
      j = end.next;
      continue;
    }
    out += element.js;
    rangeStart = element.char;
    j = element.next;
  }
  // glibc: a pattern that ends before the bracket names anything ("[", "[^") is not "unmatched".
  return j === i + 1 || (j === i + 2 && re[i + 1] === "^")
    ? "Invalid regular expression"
    : "Unmatched [, [^, [:, [., or [=";
}

/**
 * One element of a bracket expression at `j`: a character (its JavaScript form in a class), a
 * collating symbol [.c.] or equivalence class [=c=] of one character (glibc, in grep's locales,
 * names the character itself; a longer name is "Invalid collation character"), or a character
 * class [:name:] (char null).
 */
function bracketElement(re: string, j: number): { js: string; char: string | null; next: number } | string {
  const c = re[j];
  const kind = re[j + 1];
  if (c === "[" && (kind === ":" || kind === "." || kind === "=")) {
    const end = re.indexOf(`${kind}]`, j + 2);
    if (end < 0) return "Unmatched [, [^, [:, [., or [=";
    const name = re.slice(j + 2, end);
    if (kind === ":") {
      if (CLASSES[name] === undefined) return "Invalid character class name";
      return { js: CLASSES[name], char: null, next: end + 2 };
    }
    if ([...name].length !== 1) return "Invalid collation character";
    return { js: classLiteral(name), char: name, next: end + 2 };
  }
  return { js: classLiteral(c), char: c, next: j + 1 };
}

/** A character standing for itself inside a JavaScript class. */
function classLiteral(c: string): string {
  // Inside a POSIX bracket a backslash is an ordinary character.
  return c === "\\" || c === "]" || c === "[" || c === "^" || c === "-" ? `\\${c}` : c;
}

/** RE_DUP_MAX (glibc regex.h, 0x7fff): a larger count is "Regular expression too big". */
const RE_DUP_MAX = 0x7fff;

/**
 * An interval `{m,n}` whose opener ends just before `i` (`{` in ERE, `\{` in BRE), read as glibc
 * regcomp.c parse_dup_op and fetch_number read it: `{,n}` is `{0,n}`, `{m,}` has no maximum.
 * Returns the JavaScript quantifier and the index after the closer, "literal" when an ERE's `{`
 * starts no valid interval (GNU grep then takes it as a plain character), or grep's complaint.
 */
function interval(
  re: string,
  i: number,
  extended: boolean,
): { js: string; next: number } | "literal" | { problem: string } {
  const closer = extended ? "}" : "\\}";
  // A number up to "," or the closer: -1 when empty, -2 when it holds anything but digits or the
  // pattern ends first; capped just above RE_DUP_MAX as fetch_number caps it.
  const fetch = (from: number): { n: number; stop: number; at: "," | "close" | "end" } => {
    let n = -1;
    let j = from;
    while (j < re.length) {
      if (re.startsWith(closer, j)) return { n, stop: j + closer.length, at: "close" };
      const c = re[j];
      if (c === ",") return { n, stop: j + 1, at: "," };
      n =
        n === -2 || c < "0" || c > "9"
          ? -2
          : n === -1
            ? Number(c)
            : Math.min(RE_DUP_MAX + 1, n * 10 + Number(c));
      j += c === "\\" ? 2 : 1;
    }
    return { n: -2, stop: j, at: "end" };
  };
  const first = fetch(i);
  let min = first.n;
  let max = min;
  let last = first;
  // A first number already invalid ends the reading there (parse_dup_op fetches no second).
  if (first.at === "," && min !== -2) {
    if (min === -1) min = 0;
    last = fetch(first.stop);
    max = last.n;
  } else if (min === -1 && first.at === "close") return { problem: "Invalid content of \\{\\}" };
  if (min === -2 || max === -2) {
    if (extended) return "literal";
    return { problem: last.at === "end" ? "Unmatched \\{" : "Invalid content of \\{\\}" };
  }
  if (last.at !== "close" || (max !== -1 && min > max)) return { problem: "Invalid content of \\{\\}" };
  if ((max === -1 ? min : max) > RE_DUP_MAX) return { problem: "Regular expression too big" };
  const js = max === -1 ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`;
  return { js, next: last.stop };
}

/**
 * `groupBase`: the capturing groups of the patterns before this one in the same JavaScript
 * expression (grep -e X -e Y), so that this pattern's back references name its own groups.
 */
export function posixToJs(re: string, extended: boolean, groupBase = 0): string | { problem: string } {
  let out = "";
  // The opening index in `out` of each open group, and its number.
  const open: { at: number; group: number }[] = [];
  // Groups closed so far: a back reference may name only those (glibc: "Invalid back reference").
  const closed = new Set<number>();
  let groups = 0;
  // Where in `out` the last atom (a character, a bracket, a group) starts, -1 when none, and
  // whether it already carries a quantifier: GNU takes `a**` or `a{2}{3}` (one repetition of
  // another), which JavaScript refuses unless the first is wrapped in a group of its own.
  let atom = -1;
  let quantified = false;
  // An ERE's anchor repeats as an atom does (GNU: `^*a` is `a` anywhere), which JavaScript allows
  // only inside a group.
  let anchor = false;
  const addAtom = (js: string, isAnchor = false) => {
    atom = out.length;
    quantified = false;
    anchor = isAnchor;
    out += js;
  };
  const addQuantifier = (js: string) => {
    // An ERE's repetition with nothing before it (at the start, after "(" or "|") repeats the
    // empty string: GNU grep drops it (grep 3.8 also warns "* at start of expression").
    if (atom < 0 && extended) return;
    if ((quantified || anchor) && atom >= 0) out = `${out.slice(0, atom)}(?:${out.slice(atom)})`;
    out += js;
    quantified = true;
    anchor = false;
  };
  const endsAtom = () => {
    atom = -1;
    quantified = false;
    anchor = false;
  };
  // Where an expression or group starts (so `*` is literal and `^` an anchor there, in BRE).
  let atStart = true;
  let colonSyntax = false;
  // Whether the last token was a BRE's "^" anchor: a second "^" is then a plain character.
  let anchoredHere = false;
  for (let i = 0; i < re.length; i++) {
    const c = re[i];
    const startHere: boolean = atStart;
    const afterAnchor: boolean = anchoredHere;
    atStart = false;
    anchoredHere = false;
    if (c === "[") {
      const b = bracket(re, i);
      if (typeof b === "string") return { problem: b };
      if (b.colonSyntax) colonSyntax = true;
      addAtom(b.js);
      i = b.next - 1;
      continue;
    }
    const openGroup = () => {
      groups++;
      open.push({ at: out.length, group: groups });
      out += "(";
      endsAtom();
      atStart = true;
    };
    const closeGroup = (): boolean => {
      const g = open.pop();
      if (g === undefined) return false;
      closed.add(g.group);
      out += ")";
      atom = g.at;
      quantified = false;
      return true;
    };
    const alternate = () => {
      out += "|";
      endsAtom();
      atStart = true;
    };
    // An interval's opener: `{` in ERE, `\{` in BRE (i then at the backslash).
    const intervalAt = (from: number): number | { problem: string } | "literal" => {
      if (startHere && !extended) return "literal";
      const q = interval(re, from, extended);
      // An ERE's "{" with nothing to repeat: a valid interval is dropped (as "*" is), any other
      // is a plain character (GNU grep 3.8: "-E '{}'" matches the text "{}").
      if (atom < 0 && extended && (q === "literal" || "problem" in q)) return "literal";
      if (q === "literal" || "problem" in q) return q;
      addQuantifier(q.js);
      return q.next - 1;
    };
    if (c === "\\") {
      const d = re[i + 1];
      if (d === undefined) return { problem: "Trailing backslash" };
      i++;
      const op = extended ? null : "(){}|+?".includes(d) ? d : null;
      if (op === "(") openGroup();
      else if (op === ")") {
        if (!closeGroup()) return { problem: "Unmatched ) or \\)" };
      } else if (op === "|") alternate();
      else if (op === "{") {
        const next = intervalAt(i + 1);
        if (typeof next === "number") i = next;
        else if (next === "literal") addAtom("\\{");
        else return next;
      } else if (op === "}") addAtom("\\}");
      else if (op !== null) {
        if (startHere) addAtom(`\\${op}`);
        else addQuantifier(op);
      } else if (d >= "1" && d <= "9") {
        if (!closed.has(Number(d))) return { problem: "Invalid back reference" };
        addAtom(`\\${groupBase + Number(d)}`);
      } else if (d === "<") {
        out += "\\b(?=\\w)";
        endsAtom();
      } else if (d === ">") {
        out += "\\b(?<=\\w)";
        endsAtom();
      } else if ("bB".includes(d)) {
        out += `\\${d}`;
        endsAtom();
      } else if ("wWsS".includes(d)) addAtom(`\\${d}`);
      else addAtom(literal(d));
      continue;
    }
    if (c === "^") {
      if (extended) addAtom("^", true);
      else if (startHere && !afterAnchor) {
        out += "^";
        endsAtom();
        atStart = true;
        anchoredHere = true;
      } else addAtom("\\^");
      continue;
    }
    if (c === "$") {
      const rest = re.slice(i + 1);
      const atEnd = rest === "" || rest.startsWith("\\)") || rest.startsWith("\\|");
      if (extended) addAtom("$", true);
      else if (atEnd) {
        out += "$";
        endsAtom();
      } else addAtom("\\$");
      continue;
    }
    if (c === "*") {
      // BRE: a "*" at the start of an expression or group is a plain character.
      if (startHere && !extended) addAtom("\\*");
      else addQuantifier("*");
      continue;
    }
    if (extended && c === "(") {
      openGroup();
      continue;
    }
    if (extended && c === ")") {
      // GNU grep 3.8 takes an ERE's ")" that closes no group as a plain character.
      if (!closeGroup()) addAtom("\\)");
      continue;
    }
    if (extended && c === "|") {
      alternate();
      continue;
    }
    if (extended && (c === "+" || c === "?")) {
      addQuantifier(c);
      continue;
    }
    if (extended && c === "{") {
      // GNU grep takes a "{" that does not start an interval as a plain character.
      const next = intervalAt(i + 1);
      if (typeof next === "number") i = next;
      else if (next === "literal") addAtom("\\{");
      else return next;
      continue;
    }
    addAtom(c === "." ? "." : literal(c));
  }
  if (open.length > 0) return { problem: "Unmatched ( or \\(" };
  if (colonSyntax) return { problem: "character class syntax is [[:space:]], not [:space:]" };
  try {
    new RegExp(out);
  } catch {
    return { problem: "Invalid regular expression" };
  }
  return out;
}
