/**
 * `kubectl get -o yaml | json | name`.
 *
 * Behaviour ported (no code copied) from kubernetes/cli-runtime `pkg/printers/yaml.go` (sigs.k8s.io/yaml
 * `Marshal`, see go-yaml.ts), `pkg/printers/json.go` (`json.MarshalIndent(obj, "", "    ")` plus a newline) and
 * `pkg/printers/name.go` (`<lower(kind)>[.<group>]/<name>`); kubectl decodes objects as unstructured maps, so JSON
 * keys come out sorted (Go's encoding/json sorts map keys byte-wise) and YAML keys in go-yaml's key order. Go's
 * JSON encoder escapes `<`, `>`, `&`, U+2028 and U+2029 (`\u003c`, ...), which shows in real output
 * (`"echo The app is running! \u0026\u0026 sleep 3600"`).
 */
import { goStringCompare } from "./format.js";
import { goYamlMarshal } from "./go-yaml.js";
import { kindPrefix } from "./table.js";

/** What `json.Marshal` of the object would carry: drops undefined fields, applies toJSON. */
function jsonValue(obj: unknown): unknown {
  const text = JSON.stringify(obj);
  return text === undefined ? null : JSON.parse(text);
}

/** kubectl -o yaml for one object (or a List from `listOf`). */
export function toYaml(obj: unknown): string {
  return goYamlMarshal(jsonValue(obj));
}

/** encoding/json string encoding: JSON.stringify's escapes (\b \f \n \r \t, \u00xx for other control characters,
 * lower-case hex) plus Go's HTML-safe escapes. */
function goJsonString(s: string): string {
  return JSON.stringify(s).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function writeJson(value: unknown, indent: string, out: string[], sorted = true): void {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push("[]");
      return;
    }
    const inner = `${indent}    `;
    out.push("[\n");
    value.forEach((v, i) => {
      out.push(inner);
      writeJson(v, inner, out, sorted);
      out.push(i < value.length - 1 ? ",\n" : "\n");
    });
    out.push(`${indent}]`);
  } else if (value !== null && typeof value === "object") {
    const keys = sorted ? Object.keys(value).sort(goStringCompare) : Object.keys(value);
    if (keys.length === 0) {
      out.push("{}");
      return;
    }
    const inner = `${indent}    `;
    out.push("{\n");
    keys.forEach((k, i) => {
      out.push(`${inner}${goJsonString(k)}: `);
      writeJson((value as Record<string, unknown>)[k], inner, out, sorted);
      out.push(i < keys.length - 1 ? ",\n" : "\n");
    });
    out.push(`${indent}}`);
  } else if (typeof value === "string") {
    out.push(goJsonString(value));
  } else {
    out.push(JSON.stringify(value)); // numbers: same shortest forms as Go; booleans; null
  }
}

/** kubectl -o json: 4-space indent, keys sorted, trailing newline. */
export function toJson(obj: unknown): string {
  const out: string[] = [];
  writeJson(jsonValue(obj), "", out);
  out.push("\n");
  return out.join("");
}

/**
 * kubectl -o json of a typed object kubectl built itself (`create job --dry-run=client`):
 * json.MarshalIndent of a Go struct writes its fields in declaration order, not sorted; the
 * object's keys are already in that order.
 */
export function toJsonInFieldOrder(obj: unknown): string {
  const out: string[] = [];
  writeJson(jsonValue(obj), "", out, false);
  out.push("\n");
  return out.join("");
}

/** encoding/json's Encoder of a typed object (the JSON serializer of a runtime codec): compact,
 * fields in declaration order, Go's HTML-safe escapes, a newline after. */
export function compactJsonInFieldOrder(obj: unknown): string {
  return `${JSON.stringify(obj).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}\n`;
}

/** Compact encoding/json: no whitespace, object keys sorted, Go's HTML-safe escapes. */
function writeCompactJson(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    out.push("[");
    value.forEach((v, i) => {
      if (i > 0) out.push(",");
      writeCompactJson(v, out);
    });
    out.push("]");
  } else if (value !== null && typeof value === "object") {
    out.push("{");
    Object.keys(value)
      .sort(goStringCompare)
      .forEach((k, i) => {
        if (i > 0) out.push(",");
        out.push(`${goJsonString(k)}:`);
        writeCompactJson((value as Record<string, unknown>)[k], out);
      });
    out.push("}");
  } else if (typeof value === "string") out.push(goJsonString(value));
  else out.push(JSON.stringify(value));
}

/**
 * `--output-watch-events -o json`: printers/json.go writes a metav1.WatchEvent with
 * `json.Marshal` — one compact line, `type` before `object` (the struct's field order), the
 * object's keys sorted (it is an unstructured map) — and a newline.
 */
export function watchEventJsonLine(type: string, obj: unknown): string {
  const out = [`{"type":${goJsonString(type)},"object":`];
  writeCompactJson(jsonValue(obj), out);
  out.push("}\n");
  return out.join("");
}

/** The List kubectl prints for several objects with -o yaml/json. */
export function listOf(items: unknown[]): unknown {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

/** One `-o name` line: "job.batch/x\n", "pod/x\n" (name.go prints `%s/%s\n`). */
export function nameLine(kind: string, group: string, name: string): string {
  return `${kindPrefix(kind, group)}/${name}\n`;
}
