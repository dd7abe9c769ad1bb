import { type FieldError, invalid, required } from "./field-errors.js";

/**
 * Name and label-value rules (k8s.io/apimachinery/pkg/util/validation/validation.go), with the
 * API server's messages.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

export const DNS1123_SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const DNS1123_LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

/**
 * IsDomainPrefixedPath (apimachinery util/validation): a DNS subdomain, "/", then a path of
 * RFC 3986 path characters, e.g. "acme.io/foo".
 */
export function domainPrefixedPathErrors(field: string, value: string): FieldError[] {
  if (value === "") return [required(field)];
  const slash = value.indexOf("/");
  const host = slash < 0 ? "" : value.slice(0, slash);
  const path = slash < 0 ? "" : value.slice(slash + 1);
  if (host === "" || path === "")
    return [invalid(field, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = dns1123SubdomainProblems(host).map((p) => invalid(field, host, p));
  if (!HTTP_PATH.test(path))
    errs.push(
      invalid(field, path, "Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"),
    );
  return errs;
}

/** Problems with `name` as a DNS-1123 subdomain (253 chars), as detail strings. */
export function dns1123SubdomainProblems(name: string): string[] {
  const out: string[] = [];
  if (name.length > 253) out.push("must be no more than 253 characters");
  if (!DNS1123_SUBDOMAIN.test(name)) out.push(DNS1123_SUBDOMAIN_MESSAGE);
  return out;
}

/**
 * Problems with `name` as a DNS-1123 label (63 chars). IsDNS1123Label says of a valid subdomain
 * that is no label only that it "must not contain dots" (the length was checked already).
 */
export function dns1123LabelProblems(name: string): string[] {
  const out: string[] = [];
  if (name.length > 63) out.push("must be no more than 63 characters");
  if (!DNS1123_LABEL.test(name))
    out.push(DNS1123_SUBDOMAIN.test(name) ? "must not contain dots" : DNS1123_LABEL_MESSAGE);
  return out;
}

export function labelValueProblems(value: string): string[] {
  const out: string[] = [];
  if (value.length > 63) out.push("must be no more than 63 characters");
  if (!LABEL_VALUE.test(value)) out.push(LABEL_VALUE_MESSAGE);
  return out;
}

const QUALIFIED_NAME_REGEX_MESSAGE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

/**
 * IsQualifiedName: an optional DNS-subdomain prefix and '/', then a name part of at most 63
 * characters. Label keys (ValidateLabelName) and annotation keys (ValidateAnnotations, in lower
 * case) are checked so. The messages are upstream's: a key with two slashes gets one message
 * for the whole; otherwise the prefix's problems and the name part's, which may both appear
 * (an empty name part is also one the pattern refuses).
 */
export function qualifiedNameProblems(key: string): string[] {
  const parts = key.split("/");
  if (parts.length > 2)
    return [
      `a qualified name ${QUALIFIED_NAME_REGEX_MESSAGE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  const out: string[] = [];
  const name = parts[parts.length - 1];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) out.push("prefix part must be non-empty");
    else for (const p of dns1123SubdomainProblems(prefix)) out.push(`prefix part ${p}`);
  }
  if (name.length === 0) out.push("name part must be non-empty");
  else if (name.length > 63) out.push("name part must be no more than 63 characters");
  if (!QUALIFIED_NAME_PART.test(name)) out.push(`name part ${QUALIFIED_NAME_REGEX_MESSAGE}`);
  return out;
}

/** Label keys are qualified names (ValidateLabelName, apimachinery metav1 validation). */
export const labelKeyProblems = qualifiedNameProblems;

export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && DNS1123_LABEL.test(name);
}
