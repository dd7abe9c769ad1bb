import type { FieldError } from "../models/api/field-errors.js";
import { dns1123SubdomainProblems } from "../models/api/names.js";
import { decodeErrorMessage } from "../models/api/strict-decode.js";

/**
 * Objects a Job ships with in the same file (a chart's ServiceAccount, its Role and RoleBinding,
 * a ConfigMap, a Secret): jobsim keeps them — kind, namespace, name, what apply last recorded —
 * so that `apply -f`, `create -f` and `delete -f` of the file answer as a cluster would, but
 * simulates nothing of them (a Job's pods run as if the objects they name existed either way).
 */

export interface InertKind {
  kind: string;
  apiVersion: string;
  /** The API group ("" for core). */
  group: string;
  /** The REST resource (`serviceaccounts`), as info.ObjectName() and the API's errors name it. */
  resource: string;
  namespaced: boolean;
  /** The kind's top-level JSON fields (its Go struct's): any other is a strict-decoding error. */
  fields: readonly string[];
  /** The kind's name validation, as detail strings (empty when the name is valid). */
  nameProblems: (name: string) => string[];
}

const RBAC = "rbac.authorization.k8s.io";
const META = ["apiVersion", "kind", "metadata"];

/**
 * apimachinery util/validation/path IsValidPathSegmentName, which pkg/apis/rbac/validation
 * ValidateRBACName uses: RBAC names may hold capitals, colons and the like (`system:nodes`).
 */
function pathSegmentProblems(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  return ["/", "%"].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

/** The kinds kept, with their Go types' top-level fields (k8s.io/api core/v1 and rbac/v1 types.go). */
export const INERT_KINDS: Readonly<Record<string, InertKind>> = {
  // pkg/apis/core/validation: ValidateServiceAccountName, ValidateConfigMapName and
  // ValidateSecretName are all NameIsDNSSubdomain.
  ServiceAccount: {
    kind: "ServiceAccount",
    apiVersion: "v1",
    group: "",
    resource: "serviceaccounts",
    namespaced: true,
    fields: [...META, "secrets", "imagePullSecrets", "automountServiceAccountToken"],
    nameProblems: dns1123SubdomainProblems,
  },
  ConfigMap: {
    kind: "ConfigMap",
    apiVersion: "v1",
    group: "",
    resource: "configmaps",
    namespaced: true,
    fields: [...META, "immutable", "data", "binaryData"],
    nameProblems: dns1123SubdomainProblems,
  },
  Secret: {
    kind: "Secret",
    apiVersion: "v1",
    group: "",
    resource: "secrets",
    namespaced: true,
    fields: [...META, "immutable", "data", "stringData", "type"],
    nameProblems: dns1123SubdomainProblems,
  },
  Role: {
    kind: "Role",
    apiVersion: `${RBAC}/v1`,
    group: RBAC,
    resource: "roles",
    namespaced: true,
    fields: [...META, "rules"],
    nameProblems: pathSegmentProblems,
  },
  RoleBinding: {
    kind: "RoleBinding",
    apiVersion: `${RBAC}/v1`,
    group: RBAC,
    resource: "rolebindings",
    namespaced: true,
    fields: [...META, "subjects", "roleRef"],
    nameProblems: pathSegmentProblems,
  },
  ClusterRole: {
    kind: "ClusterRole",
    apiVersion: `${RBAC}/v1`,
    group: RBAC,
    resource: "clusterroles",
    namespaced: false,
    fields: [...META, "rules", "aggregationRule"],
    nameProblems: pathSegmentProblems,
  },
  ClusterRoleBinding: {
    kind: "ClusterRoleBinding",
    apiVersion: `${RBAC}/v1`,
    group: RBAC,
    resource: "clusterrolebindings",
    namespaced: false,
    fields: [...META, "subjects", "roleRef"],
    nameProblems: pathSegmentProblems,
  },
};

/** The kind kept for `kind` in `apiVersion`, or undefined. */
export function inertKindOf(kind: string, apiVersion: string): InertKind | undefined {
  const k = Object.hasOwn(INERT_KINDS, kind) ? INERT_KINDS[kind] : undefined;
  return k?.apiVersion === apiVersion ? k : undefined;
}

/** `serviceaccount` or `role.rbac.authorization.k8s.io`: how apply's name printer and delete's
 * PrintObj name the kind (lower-case kind, then the group unless core). */
export function kindWord(k: InertKind): string {
  return k.group === "" ? k.kind.toLowerCase() : `${k.kind.toLowerCase()}.${k.group}`;
}

/** `serviceaccounts` or `roles.rbac.authorization.k8s.io`: the group resource an API status names. */
export function groupResource(k: InertKind): string {
  return k.group === "" ? k.resource : `${k.resource}.${k.group}`;
}

/**
 * The API server's strict decoding of the object's top level (handlers/rest.go around
 * runtime.strictDecodingError), or null. Only the top level is checked: a field unknown deeper
 * in (a rule's, metadata's) is not caught (docs/fidelity.md).
 */
export function inertDecodeError(k: InertKind, object: Record<string, unknown>): string | null {
  const unknown = Object.keys(object)
    .filter((key) => !k.fields.includes(key))
    .sort() // (the API server reports them in key order: its JSON decoder's map is sorted)
    .map((key) => `unknown field "${key}"`);
  return unknown.length === 0 ? null : decodeErrorMessage(k.kind, k.apiVersion.split("/").pop()!, unknown);
}

/**
 * Whether the API server stores the object otherwise than it was applied, in a way kubectl
 * apply's three-way patch (computed against the live object) always carries back, so that
 * applying the same content again is `configured`, never `unchanged`:
 * - a Secret's stringData, which the API server folds into data (kubernetes/kubernetes#87736);
 * - a binding's User or Group subject without apiGroup, which pkg/apis/rbac/v1 defaults.go
 *   SetDefaults_Subject fills in (subjects has no merge key: the patch replaces the list).
 */
export function alwaysPatched(k: InertKind, object: Record<string, unknown>): boolean {
  const isMap = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  if (k.kind === "Secret") return isMap(object.stringData) && Object.keys(object.stringData).length > 0;
  if ((k.kind !== "RoleBinding" && k.kind !== "ClusterRoleBinding") || !Array.isArray(object.subjects))
    return false;
  return object.subjects.some(
    (s) =>
      isMap(s) &&
      (s.kind === "User" || s.kind === "Group") &&
      (s.apiGroup === undefined || s.apiGroup === null || s.apiGroup === ""),
  );
}

/** The name's field errors (ValidateObjectMeta: a name is required; then the kind's check). */
export function inertNameErrors(k: InertKind, name: string): FieldError[] {
  if (name === "")
    return [{ field: "metadata.name", type: "Required value", detail: "name or generateName is required" }];
  return k
    .nameProblems(name)
    .map((detail) => ({ field: "metadata.name", type: "Invalid value", value: name, detail }));
}
