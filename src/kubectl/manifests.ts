import { type Document, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit } from "yaml";
import { applyDecodedNulls } from "../models/api/decode-nulls.js";
import { decodeErrorMessage, strictDecodeErrors } from "../models/api/strict-decode.js";
import { type InertKind, inertDecodeError, inertKindOf } from "./inert-objects.js";

/**
 * Manifest files as kubectl reads them: YAML 1.1 (yes/no/on/off are booleans), several
 * documents separated by `---`, each checked the way the request would be — kubectl's
 * client-side errors (syntax, missing kind, unknown kind) and the API server's strict decoding.
 */

export interface ManifestDoc {
  /** The object as the API server decodes it (its nulls made zero values: decode-nulls.ts). */
  object: Record<string, unknown>;
  /**
   * The object as written, nulls kept: what kubectl apply records and diffs (its three-way
   * patch carries a null as a deletion).
   */
  written: Record<string, unknown>;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  /** The BadRequest message of a strict-decoding failure, if any. */
  decodeError: string | null;
}

export interface ManifestFile {
  /** The name the steps use (`-f job.yaml`). */
  name: string;
  text: string;
  docs: ManifestDoc[];
  /** v1 Namespace documents, each with the number of Job documents before it (kubectl sends a
   * file's documents in order). */
  namespaces: { name: string; beforeDoc: number; object: Record<string, unknown>; at: number }[];
  /** The objects kept but not simulated (inert-objects.ts), each placed as the Namespaces are. */
  inert: InertDoc[];
  /** kubectl's client-side error (printed as `error: ...`), if the file cannot be sent at all. */
  clientError: string | null;
  /** No document holds an object (an empty file, or only `---` and comments). */
  empty: boolean;
  /** Keys given twice in one mapping. kubectl -f accepts them and keeps the last value
   * (sigs.k8s.io/yaml decodes with goyaml.v2's non-strict Unmarshal, and the API server gets
   * JSON made from the resulting map; kubernetes/kubernetes#89303): `validate` warns of them. */
  duplicateKeys: DuplicateKey[];
}

/** A ServiceAccount, ConfigMap, Secret or RBAC object of the file (inert-objects.ts). */
export interface InertDoc {
  type: InertKind;
  name: string;
  /** metadata.namespace as written (null when none is, and always for a cluster-scoped kind). */
  namespace: string | null;
  generateName: boolean;
  labels: Record<string, string>;
  /** The object as written: what apply records as its last-applied configuration. */
  object: Record<string, unknown>;
  /** The number of Job documents before it, and its place among the file's objects. */
  beforeDoc: number;
  at: number;
  decodeError: string | null;
}

export interface DuplicateKey {
  key: string;
  /** 1-based lines in the file: where the key is repeated, and where it was first given. */
  line: number;
  firstLine: number;
}

/** Keys repeated within one mapping of a parsed document. */
function duplicateKeysOf(doc: Document, lines: LineCounter): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
        const key = String(pair.key.value);
        const line = lines.linePos(pair.key.range[0]).line;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, line);
        else out.push({ key, line, firstLine: first });
      }
    },
  });
  return out;
}

/** What this simulator can create (anything else gets a clear "not simulated" error). */
export const SUPPORTED_KINDS: Record<string, string> = { Job: "batch/v1" };

/** A YAML syntax error as Go's yaml package words it (`yaml: line N: <msg>`), or null. */
export function yamlSyntaxError(doc: Document, lines: LineCounter): string | null {
  const e = doc.errors[0];
  if (e === undefined) return null;
  const { line } = lines.linePos(e.pos[0]);
  const msg = e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
  return `yaml: line ${line}: ${msg.charAt(0).toLowerCase()}${msg.slice(1)}`;
}

/** kubectl's wording for a YAML syntax error in a file: error parsing <f>: error converting YAML to JSON: yaml: line N: <msg>. */
function syntaxError(name: string, doc: Document, lines: LineCounter): string | null {
  if (nestedTooDeep(doc)) return tooDeep(name);
  const e = yamlSyntaxError(doc, lines);
  return e === null ? null : `error parsing ${name}: error converting YAML to JSON: ${e}`;
}

/** The yaml package's parser ran out of stack on the document's nesting (it records V8's error). */
export function nestedTooDeep(doc: Document): boolean {
  return doc.errors.some((x) => x.message.includes("Maximum call stack size exceeded"));
}

function tooDeep(name: string): string {
  // goyaml.v2 stops at its own depth limit; the yaml package's recursion ends sooner, on the stack.
  return `error parsing ${name}: error converting YAML to JSON: yaml: exceeded max depth`;
}

/** Why toJS failed, as goyaml.v2 says it. */
function toJsError(name: string, e: unknown): string {
  if (e instanceof RangeError) return tooDeep(name);
  const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec((e as Error).message);
  // parser.go alias(): failf("unknown anchor '%s' referenced") — no line number.
  if (unresolved !== null)
    return `error parsing ${name}: error converting YAML to JSON: yaml: unknown anchor '${unresolved[1]}' referenced`;
  // The yaml package refuses an alias bomb as goyaml.v2 does (decode.go, "document contains
  // excessive aliasing", the CVE-2019-11253 fix), though by a different count of aliases.
  return `error parsing ${name}: error converting YAML to JSON: yaml: document contains excessive aliasing`;
}

/**
 * sigs.k8s.io/yaml's YAMLToJSON of the document: goyaml.v2 resolves a plain `.inf`/`.nan` to a
 * float that encoding/json then refuses (`json: unsupported value: +Inf`); a decimal too large
 * for float64 (`1e309`) fails strconv.ParseFloat, so goyaml keeps it as a string (resolve.go),
 * which is what is sent — the yaml package made it Infinity, so it is put back as text here.
 */
function jsonConversionError(doc: Document, text: string): string | null {
  let error: string | null = null;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== "number" || Number.isFinite(node.value) || node.range === undefined) return;
      if (node.range === null) return;
      const source = text.slice(node.range[0], node.range[1]);
      if (/^[-+]?\.(inf|Inf|INF)$/.test(source) || /^\.(nan|NaN|NAN)$/.test(source)) {
        error ??= `json: unsupported value: ${Number.isNaN(node.value) ? "NaN" : node.value > 0 ? "+Inf" : "-Inf"}`;
        return visit.BREAK;
      }
      node.value = source;
    },
  });
  return error;
}

export function parseManifestFile(name: string, text: string): ManifestFile {
  const lines = new LineCounter();
  const out0: ManifestFile = {
    name,
    text,
    docs: [],
    namespaces: [],
    inert: [],
    clientError: null,
    empty: false,
    duplicateKeys: [],
  };
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, {
      version: "1.1",
      lineCounter: lines,
      uniqueKeys: false,
      logLevel: "error",
    });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    docs = [];
    out0.clientError = tooDeep(name);
  }
  const out = out0;
  if (out.clientError !== null) return out;
  const list = Array.isArray(docs) ? docs : [docs as unknown as Document];
  for (const doc of list) {
    const err = syntaxError(name, doc as Document, lines);
    if (err !== null) {
      out.clientError = err;
      return out;
    }
    const conversion = jsonConversionError(doc as Document, text);
    if (conversion !== null) {
      out.clientError = `error parsing ${name}: error converting YAML to JSON: ${conversion}`;
      return out;
    }
    out.duplicateKeys.push(...duplicateKeysOf(doc as Document, lines));
    // An empty document (between separators, or a bare `---`): kubectl's YAML reader skips it.
    if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) continue;
    if (!isMap(doc.contents)) {
      out.clientError = isSeq(doc.contents)
        ? `error validating "${name}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`
        : `error parsing ${name}: error converting YAML to JSON: yaml: a document must be a mapping`;
      return out;
    }
    let object: Record<string, unknown>;
    try {
      object = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    } catch (e) {
      out.clientError = toJsError(name, e);
      return out;
    }
    // A v1 List (as `kubectl get -o yaml` writes several objects) is sent item by item:
    // cli-runtime's FlattenListVisitor (resource/visitor.go), which apply, create and delete use.
    for (const item of listItems(object) ?? [object])
      if (addObject(out, name, (isPlainObject(item) ? item : {}) as Record<string, unknown>)) return out;
  }
  if (out.docs.length === 0 && out.namespaces.length === 0 && out.inert.length === 0) {
    // kubectl apply.go: `no objects passed to apply` (create.go says "create": apply.ts words it
    // for the command; validate reports the file as apply would).
    out.empty = true;
    out.clientError = "no objects passed to apply";
  }
  return out;
}

/** Adds one object of the file to `out`; true when it is a client-side error that stops the file. */
function addObject(out: ManifestFile, name: string, object: Record<string, unknown>): boolean {
  const kind = typeof object.kind === "string" ? object.kind : "";
  const apiVersion = typeof object.apiVersion === "string" ? object.apiVersion : "";
  if (kind === "") {
    out.clientError = `error validating "${name}": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false`;
    return true;
  }
  if (apiVersion === "") {
    out.clientError = `error validating "${name}": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false`;
    return true;
  }
  const meta = (
    typeof object.metadata === "object" && object.metadata !== null ? object.metadata : {}
  ) as Record<string, unknown>;
  const docName = typeof meta.name === "string" ? meta.name : "";
  if (kind === "Namespace" && apiVersion === "v1") {
    // Only its name matters here: a namespace is a name Jobs may be created in.
    out.namespaces.push({ name: docName, beforeDoc: out.docs.length, object, at: objectsOf(out) });
    return false;
  }
  const inert = inertKindOf(kind, apiVersion);
  if (inert !== undefined) {
    const written = typeof meta.namespace === "string" && meta.namespace !== "" ? meta.namespace : null;
    const labels = isPlainObject(meta.labels) ? (meta.labels as Record<string, string>) : {};
    out.inert.push({
      type: inert,
      name: docName,
      // (The API server clears the namespace of a cluster-scoped object: rest.BeforeCreate.)
      namespace: inert.namespaced ? written : null,
      generateName: docName === "" && typeof meta.generateName === "string" && meta.generateName !== "",
      labels,
      object,
      beforeDoc: out.docs.length,
      at: objectsOf(out),
      decodeError: inertDecodeError(inert, object),
    });
    return false;
  }
  if (SUPPORTED_KINDS[kind] !== apiVersion) {
    out.clientError =
      KNOWN_KINDS[kind] === apiVersion
        ? `jobsim does not simulate ${kind} objects: only batch/v1 Job is supported (${kind} "${docName}"${KNOWN_KIND_HINTS[kind] ?? ""})`
        : `resource mapping not found for name: "${docName}" namespace: "" from "${name}": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`;
    return true;
  }
  const errors = strictDecodeErrors(kind as "Job", object);
  const written = structuredClone(object);
  if (errors.length === 0) applyDecodedNulls(kind as "Job", object);
  out.docs.push({
    object,
    written,
    apiVersion,
    kind,
    name: docName,
    namespace: typeof meta.namespace === "string" ? meta.namespace : "default",
    decodeError: errors.length > 0 ? decodeErrorMessage(kind, apiVersion.split("/").pop()!, errors) : null,
  });
  return false;
}

/** How many objects of the file were read so far (an object's place among them). */
function objectsOf(out: ManifestFile): number {
  return out.docs.length + out.namespaces.length + out.inert.length;
}

/** The items of a v1 List, or null for any other object. */
function listItems(object: Record<string, unknown>): unknown[] | null {
  if (object.kind !== "List" || object.apiVersion !== "v1") return null;
  return Array.isArray(object.items) ? object.items : [];
}

function isPlainObject(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Kinds a real cluster knows (built in, no CRD needed) but this simulator does not create (the
 * ones a chart ships beside a Job — ServiceAccount, ConfigMap, Secret, RBAC — are kept inert:
 * inert-objects.ts). */
const KNOWN_KINDS: Record<string, string> = {
  Pod: "v1",
  CronJob: "batch/v1",
  Deployment: "apps/v1",
  ReplicaSet: "apps/v1",
  StatefulSet: "apps/v1",
  DaemonSet: "apps/v1",
  Service: "v1",
  PersistentVolumeClaim: "v1",
  PersistentVolume: "v1",
  ResourceQuota: "v1",
  LimitRange: "v1",
  PriorityClass: "scheduling.k8s.io/v1",
  PodDisruptionBudget: "policy/v1",
  NetworkPolicy: "networking.k8s.io/v1",
  Ingress: "networking.k8s.io/v1",
  HorizontalPodAutoscaler: "autoscaling/v2",
  StorageClass: "storage.k8s.io/v1",
  CustomResourceDefinition: "apiextensions.k8s.io/v1",
};

/** What jobsim does instead, for the kinds a Job's pod template names. */
const KNOWN_KIND_HINTS: Record<string, string> = {
  PriorityClass: "; declare the class under cluster.priorityClasses in the scenario",
  PersistentVolumeClaim: "; a Job's pods that name one run as if it existed",
};
