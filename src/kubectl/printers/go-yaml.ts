/**
 * The YAML that `kubectl -o yaml` prints: sigs.k8s.io/yaml `Marshal`, i.e. `json.Marshal`, then `JSONToYAML`, which
 * parses the JSON with go-yaml v2 (numbers become int/float, maps `map[interface{}]interface{}`) and marshals it
 * again with go-yaml v2. This file re-implements that second step for JSON values.
 *
 * Behaviour ported (no code copied) from:
 *  - kubernetes-sigs/yaml `goyaml.v2/resolve.go` @ 742f5e6f06b9847d2d7e4efa2fe6587f64897ad0 (`resolve`,
 *    `parseTimestamp`, `allowedTimestampFormats`, `yamlStyleFloat`), `goyaml.v2/encode.go` (`stringv`: literal
 *    style for strings containing "\n", plain when the text would resolve back to a string and is no base-60
 *    float, else double-quoted; `floatv`: `strconv.FormatFloat(f, 'g', -1, 64)`);
 *  - go-yaml/yaml `sorter.go` @ 3e3283e801afc229479d5fc68aa41df1137b8394 (`keyList.Less`: map keys in "natural"
 *    order, digit runs compared as numbers, non-letters before letters);
 *  - go-yaml/yaml `emitterc.go` (v2 branch; `yaml_emitter_analyze_scalar`, `yaml_emitter_select_scalar_style`,
 *    `yaml_emitter_write_{plain,single_quoted,double_quoted,literal}_scalar`, `yaml_emitter_write_indent`,
 *    `yaml_emitter_write_indicator`, `yaml_emitter_increase_indent`, the block sequence/mapping states,
 *    `yaml_emitter_check_simple_key`, `yaml_emitter_write_block_scalar_hints`) and goyaml.v2/encode.go `finish`
 *    (which clears open_ended, so a trailing `|+` block gets no "..." line). Best indent 2, best width 80
 *    (go-yaml v2.4 folds plain and quoted scalars at a space once the column passes 80 — real kubectl output
 *    shows such folded `message:` lines), unicode on.
 *
 * The emitter keeps go-yaml's state (column, whitespace, indention, indent stack) so that every nesting (indentless
 * sequences under mapping keys, `- key: v` items, `{}`/`[]` for empty collections, `|`/`|-`/`|+` literals with
 * indentation hints, `? key` for keys over 128 bytes) comes out as go-yaml writes it.
 *
 * This module is the entry `-o yaml` imports; the port is split by concern: go-yaml-emitter.ts (the emitter and its
 * scalar writers), go-yaml-scalar-style.ts (scalar analysis, style selection), go-yaml-resolve.ts (resolve and
 * numbers), go-yaml-key-order.ts (map key order), go-yaml-chars.ts (character classes).
 */
import { Emitter, type Json } from "./go-yaml-emitter.js";

export { yamlKeyCompare, yamlKeyLess } from "./go-yaml-key-order.js";
export { goFormatFloatG, isYamlTimestamp, resolvesToNonString } from "./go-yaml-resolve.js";

/** A JSON value (objects, arrays, strings, finite numbers, booleans, null) as go-yaml v2 marshals it. */
export function goYamlMarshal(value: unknown): string {
  return new Emitter().document(value as Json);
}
