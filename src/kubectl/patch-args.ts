import { LineCounter, parseDocument } from "yaml";
import { goQuote } from "../models/api/field-errors.js";
import { namespaceOf } from "./lookup.js";
import { yamlSyntaxError } from "./manifests.js";
import { flag, type KubectlCommand } from "./parse.js";
import { type ResourceError, resolveResourceArgs } from "./resources.js";

/**
 * What `kubectl patch job NAME -p '<patch>' [--type strategic|merge]` asks for, checked as
 * kubectl checks it before sending anything (kubectl pkg/cmd/patch/patch.go Validate, then
 * RunPatch: yaml.ToJSON of the patch, then the resource arguments).
 */

/** The request body and how the server applies it (patch.go's default type is strategic). */
export class JobPatch {
  constructor(
    readonly type: "strategic" | "merge",
    /** The patch as JSON: what sigs.k8s.io/yaml's ToJSON made of the -p text. */
    readonly body: unknown,
  ) {}
}

/** patch.go patchTypes, whose keys its --type error lists. */
const PATCH_TYPES = ["json", "merge", "strategic"];

/** The scenario-time refusal: the one patch type kubectl has that jobsim does not apply. */
export const JSON_PATCH_UNSUPPORTED =
  "jobsim does not simulate --type json (RFC 6902 JSON patches): use --type merge or --type strategic";

export function parsePatchArgs(
  cmd: KubectlCommand,
): { namespace: string; name: string; patch: JobPatch } | string {
  const text = flag(cmd, "patch") ?? "";
  // patch.go Validate (jobsim has no --patch-file).
  if (text === "") return "error: must specify --patch or --patch-file containing the contents of the patch";
  const typeFlag = flag(cmd, "type") ?? "";
  const type = typeFlag === "" ? "strategic" : typeFlag.toLowerCase();
  if (!PATCH_TYPES.includes(type))
    return `error: --type must be one of [${PATCH_TYPES.join(" ")}], not ${goQuote(typeFlag)}`;
  if (type === "json") return `error: ${JSON_PATCH_UNSUPPORTED}`;
  // RunPatch: yaml.ToJSON accepts any YAML (YAML 1.1: yes/no are booleans); a bare word is a
  // string, which the server then refuses as a patch.
  const lines = new LineCounter();
  const doc = parseDocument(text, { version: "1.1", lineCounter: lines, uniqueKeys: false });
  const syntax = yamlSyntaxError(doc, lines);
  if (syntax !== null) return `error: unable to parse ${goQuote(text)}: ${syntax}`;
  let args: ReturnType<typeof resolveResourceArgs>;
  try {
    args = resolveResourceArgs(cmd.positionals);
  } catch (e) {
    return (e as ResourceError).message;
  }
  if (args.named.length !== 1 || args.named[0].kind !== "jobs")
    return "error: jobsim's kubectl patch takes one Job: kubectl patch job NAME -p '<json>'";
  const body = doc.toJS({ maxAliasCount: 100 }) ?? null;
  return {
    namespace: namespaceOf(cmd),
    name: args.named[0].name,
    patch: new JobPatch(type as "strategic" | "merge", body),
  };
}
