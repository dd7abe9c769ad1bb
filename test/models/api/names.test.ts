import { describe, expect, it } from "vitest";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import {
  dns1123LabelProblems,
  domainPrefixedPathErrors,
  qualifiedNameProblems,
} from "../../../src/models/api/names.js";

/**
 * IsQualifiedName (k8s.io/apimachinery/pkg/util/validation/validation.go): label keys,
 * annotation keys and pod condition types. Messages as the API server words them.
 */

const NAME_PART =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe("qualifiedNameProblems", () => {
  it.each([
    ["app", []],
    ["app.kubernetes.io/name", []],
    ["My_Name.1", []],
    ["a".repeat(63), []],
    ["a".repeat(64), ["name part must be no more than 63 characters"]],
    ["bad key!", [`name part ${NAME_PART}`]],
    ["", ["name part must be non-empty", `name part ${NAME_PART}`]],
    ["example.com/", ["name part must be non-empty", `name part ${NAME_PART}`]],
    ["/name", ["prefix part must be non-empty"]],
    ["Example.com/name", [`prefix part ${SUBDOMAIN}`]],
    [
      "a/b/c",
      [
        `a qualified name ${NAME_PART} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ],
    ],
  ])("%j → %j", (key, problems) => {
    expect(qualifiedNameProblems(key)).toEqual(problems);
  });
});

describe("domainPrefixedPathErrors (IsDomainPrefixedPath: spec.managedBy)", () => {
  it.each([
    ["example.com/foo", []],
    ["kubernetes.io/job-controller", []],
    ["acme.io/a/b:c~d", []],
    ["", ["f: Required value"]],
    ["foo", ['f: Invalid value: "foo": must be a domain-prefixed path (such as "acme.io/foo")']],
    ["/foo", ['f: Invalid value: "/foo": must be a domain-prefixed path (such as "acme.io/foo")']],
    ["acme.io/", ['f: Invalid value: "acme.io/": must be a domain-prefixed path (such as "acme.io/foo")']],
    ["Acme.io/foo", [`f: Invalid value: "Acme.io": ${SUBDOMAIN}`]],
    [
      "acme.io/a b",
      [
        `f: Invalid value: "a b": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')`,
      ],
    ],
  ])("%j", (value, want) => {
    expect(domainPrefixedPathErrors("f", value).map(formatFieldError)).toEqual(want);
  });
});

describe("dns1123LabelProblems (IsDNS1123Label)", () => {
  it("says a valid subdomain that is no label must not contain dots", () => {
    expect(dns1123LabelProblems("backup.v1")).toEqual(["must not contain dots"]);
  });

  it("gives the label pattern for anything else", () => {
    expect(dns1123LabelProblems("Backup_v1")).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
  });
});
