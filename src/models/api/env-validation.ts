import type {
  ConfigMapKeySelector,
  EnvVar,
  ObjectFieldSelector,
  ResourceFieldSelector,
  SecretKeySelector,
} from "kubernetes-types/core/v1.js";
import { type FieldError, invalid, notSupported, required } from "./field-errors.js";
import { dns1123SubdomainProblems, qualifiedNameProblems } from "./names.js";
import { parseQuantity } from "./quantity.js";
import { quantityString } from "./quantity-string.js";

/**
 * An env entry's valueFrom, as pkg/apis/core/validation/validation.go validateEnvVarValueFrom
 * checks it: each source's own errors in the order fieldRef, resourceFieldRef, configMapKeyRef,
 * secretKeyRef, then the count of sources. Messages and lists are upstream's; the lists are Go's
 * sets.List (sorted). What a simulated container sees is not affected: jobsim's containers print
 * the log their image's outcome gives, whatever their environment holds.
 */

/** validEnvDownwardAPIFieldPathExpressions (status.hostIPs since 1.28: every modelled version). */
const ENV_FIELD_PATHS = [
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.serviceAccountName",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
];

/**
 * pkg/apis/core/pods/helpers.go ConvertDownwardAPIFieldLabel, the paths it converts for v1 (more
 * than env offers: the rest then fails as Unsupported).
 */
const CONVERTIBLE_FIELD_PATHS = new Set([
  "metadata.annotations",
  "metadata.labels",
  "metadata.name",
  "metadata.namespace",
  "metadata.uid",
  "spec.nodeName",
  "spec.restartPolicy",
  "spec.serviceAccountName",
  "spec.schedulerName",
  "status.phase",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
  "spec.host",
]);

/** validContainerResourceFieldPathExpressions, sorted; hugepages by prefix. */
const CONTAINER_RESOURCES = [
  "limits.cpu",
  "limits.ephemeral-storage",
  "limits.memory",
  "requests.cpu",
  "requests.ephemeral-storage",
  "requests.memory",
];
const HUGEPAGES_PREFIXES = ["limits.hugepages-", "requests.hugepages-"];

const CPU_DIVISORS = ["1m", "1"];
const BYTE_DIVISORS = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"];
const BYTE_DIVISOR_LIST = BYTE_DIVISORS.join(", ");

/** apimachinery util/validation IsConfigMapKey (253 bytes, its regex, hasChDirPrefix). */
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

function configMapKeyProblems(key: string): string[] {
  const out: string[] = [];
  if (Buffer.byteLength(key) > 253) out.push("must be no more than 253 characters");
  if (!CONFIG_KEY.test(key)) out.push(CONFIG_KEY_MESSAGE);
  if (key === ".") out.push("must not be '.'");
  else if (key === "..") out.push("must not be '..'");
  else if (key.startsWith("..")) out.push("must not start with '..'");
  return out;
}

/** fieldpath.SplitMaybeSubscriptedPath: `path['key']` → [path, key]. */
function splitSubscript(fieldPath: string): [string, string] | null {
  if (!fieldPath.endsWith("']")) return null;
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at <= 0) return null;
  return [s.slice(0, at), s.slice(at + 2)];
}

/** validateObjectFieldSelector with the env's expressions. */
function validateFieldRef(fs: ObjectFieldSelector, path: string): FieldError[] {
  // Defaulting (SetDefaults_ObjectFieldSelector) gave an absent apiVersion "v1".
  const apiVersion = fs.apiVersion ?? "v1";
  const fieldPath = fs.fieldPath ?? "";
  if (apiVersion === "") return [required(`${path}.apiVersion`)];
  if (fieldPath === "") return [required(`${path}.fieldPath`)];
  const convertError = (msg: string) => [
    invalid(`${path}.fieldPath`, fieldPath, `error converting fieldPath: ${msg}`),
  ];
  if (apiVersion !== "v1") return convertError(`unsupported pod version: ${apiVersion}`);
  const sub = splitSubscript(fieldPath);
  if (sub !== null) {
    const [field, key] = sub;
    if (field === "metadata.labels") return qualifiedNameProblems(key).map((p) => invalid(path, key, p));
    if (field === "metadata.annotations")
      return qualifiedNameProblems(key.toLowerCase()).map((p) => invalid(path, key.toLowerCase(), p));
    return convertError(`field label does not support subscript: ${fieldPath}`);
  }
  if (!CONVERTIBLE_FIELD_PATHS.has(fieldPath)) return convertError(`field label not supported: ${fieldPath}`);
  // (spec.host is the old name of spec.nodeName, converted before the check.)
  const internal = fieldPath === "spec.host" ? "spec.nodeName" : fieldPath;
  if (!ENV_FIELD_PATHS.includes(internal))
    return [notSupported(`${path}.fieldPath`, internal, ENV_FIELD_PATHS)];
  return [];
}

/** validateContainerResourceFieldSelector (volume false: no containerName needed) and the divisor. */
function validateResourceFieldRef(fs: ResourceFieldSelector, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const resource = fs.resource ?? "";
  if (resource === "") errs.push(required(`${path}.resource`));
  else if (!CONTAINER_RESOURCES.includes(resource) && !HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p)))
    errs.push(notSupported(`${path}.resource`, resource, CONTAINER_RESOURCES));
  // validateContainerResourceDivisor: an unset (zero) divisor is not checked.
  const divisor = fs.divisor;
  if (divisor === undefined || parseQuantity(divisor) === 0) return errs;
  const canonical = quantityString(divisor);
  const divisorError = (allowed: string, kind: string) =>
    errs.push(
      invalid(
        `${path}.divisor`,
        resource,
        `only divisor's values ${allowed} are supported with the ${kind} resource`,
      ),
    );
  if (resource === "limits.cpu" || resource === "requests.cpu") {
    if (!CPU_DIVISORS.includes(canonical)) divisorError("1m and 1", "cpu");
  } else if (resource === "limits.memory" || resource === "requests.memory") {
    if (!BYTE_DIVISORS.includes(canonical)) divisorError(BYTE_DIVISOR_LIST, "memory");
  } else if (resource === "limits.ephemeral-storage" || resource === "requests.ephemeral-storage") {
    if (!BYTE_DIVISORS.includes(canonical)) divisorError(BYTE_DIVISOR_LIST, "local ephemeral storage");
  }
  if (HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p)) && !BYTE_DIVISORS.includes(canonical))
    divisorError(BYTE_DIVISOR_LIST, "hugepages");
  return errs;
}

/** validateConfigMapKeySelector / validateSecretKeySelector: the name (ValidateSecretName, a DNS
 * subdomain, "" included), then the key. */
function validateKeySelector(s: ConfigMapKeySelector | SecretKeySelector, path: string): FieldError[] {
  const name = s.name ?? "";
  const errs = dns1123SubdomainProblems(name).map((p) => invalid(`${path}.name`, name, p));
  const key = s.key ?? "";
  if (key === "") errs.push(required(`${path}.key`));
  else for (const p of configMapKeyProblems(key)) errs.push(invalid(`${path}.key`, key, p));
  return errs;
}

export function validateEnvVarValueFrom(e: EnvVar, path: string): FieldError[] {
  const from = e.valueFrom;
  if (from == null) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef != null) {
    sources++;
    errs.push(...validateFieldRef(from.fieldRef, `${path}.fieldRef`));
  }
  if (from.resourceFieldRef != null) {
    sources++;
    errs.push(...validateResourceFieldRef(from.resourceFieldRef, `${path}.resourceFieldRef`));
  }
  if (from.configMapKeyRef != null) {
    sources++;
    errs.push(...validateKeySelector(from.configMapKeyRef, `${path}.configMapKeyRef`));
  }
  if (from.secretKeyRef != null) {
    sources++;
    errs.push(...validateKeySelector(from.secretKeyRef, `${path}.secretKeyRef`));
  }
  // fileKeyRef (EnvFiles, kept from 1.35: drop-disabled-fields.ts) is a source too; its own
  // fields (validateFileKeySelector) are not checked.
  if ((from as { fileKeyRef?: unknown }).fileKeyRef != null) sources++;
  if (sources === 0)
    errs.push(
      invalid(
        path,
        "",
        "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`",
      ),
    );
  else if ((e.value ?? "") !== "")
    errs.push(invalid(path, "", "may not be specified when `value` is not empty"));
  else if (sources > 1) errs.push(invalid(path, "", "may not have more than one field specified at a time"));
  return errs;
}
