import { type Document, isScalar, LineCounter, parseAllDocuments } from "yaml";
import { nestedTooDeep } from "../kubectl/manifests.js";
import { ScenarioError } from "./problems.js";
import { QUOTE_HINT } from "./steps.js";

/**
 * The scenario file's one YAML document as plain data, or a ScenarioError in jobsim's words: a
 * syntax error with its line and column; an empty document after a trailing `---` is ignored, a
 * second one refused; an alias without its anchor, an alias bomb and nesting too deep to read are
 * named as such. (The yaml package's warnings, meant for programmers, are not printed.)
 */
export function readScenarioYaml(text: string, file: string): unknown {
  const lines = new LineCounter();
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter: lines,
      // `<<: *anchor` merge keys, which YAML 1.2 leaves out and kubectl's YAML (1.1) reads.
      merge: true,
      prettyErrors: false,
      logLevel: "error",
    }) as Document[];
  } catch (e) {
    if (e instanceof RangeError) throw new ScenarioError([`${file}: YAML nested too deeply to read`]);
    throw e;
  }
  const withContent = docs.filter(
    (d) =>
      d.errors.length > 0 || !(d.contents === null || (isScalar(d.contents) && d.contents.value === null)),
  );
  const doc = withContent[0] ?? docs[0];
  if (doc === undefined) return null;
  if (nestedTooDeep(doc)) throw new ScenarioError([`${file}: YAML nested too deeply to read`]);
  if (doc.errors.length > 0) {
    // The first error is the one to fix; the parser's later ones mostly follow from it.
    const e = doc.errors[0];
    const { line, col } = lines.linePos(e.pos[0]);
    const source = text.split("\n")[line - 1] ?? "";
    const hint = /^\s*-\s+(kubectl|sleep)\b/.test(source) ? ` (${QUOTE_HINT})` : "";
    throw new ScenarioError([
      `${file}:${line}:${col}: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}${hint}`,
    ]);
  }
  if (withContent.length > 1) {
    const { line } = lines.linePos(withContent[1].range?.[0] ?? 0);
    throw new ScenarioError([
      `${file}:${line}: a second YAML document: a scenario file holds one (its manifests go under files:)`,
    ]);
  }
  try {
    return doc.toJS();
  } catch (e) {
    if (e instanceof RangeError) throw new ScenarioError([`${file}: YAML nested too deeply to read`]);
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec((e as Error).message);
    if (unresolved !== null)
      throw new ScenarioError([
        `${file}: unknown anchor '${unresolved[1]}' referenced (an alias *${unresolved[1]} needs an &${unresolved[1]} before it)`,
      ]);
    // The yaml package's guard against alias bombs (maxAliasCount).
    throw new ScenarioError([`${file}: document contains excessive aliasing (YAML aliases expand too far)`]);
  }
}
