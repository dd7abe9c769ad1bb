import type { WindowsSecurityContextOptions } from "kubernetes-types/core/v1.js";
import { type FieldError, invalid } from "./field-errors.js";
import { dns1123SubdomainProblems } from "./names.js";

/**
 * validateWindowsSecurityContextOptions (pkg/apis/core/validation/validation.go), for the pod's
 * and each container's securityContext.windowsOptions: the GMSA credential spec's name and size,
 * and runAsUserName as DOMAIN\USER. Lengths are Go's, in bytes. (A linux pod may not set them at
 * all: validatePodOS.)
 */

const MAX_GMSA_SPEC_KIB = 64;
const MAX_DOMAIN = 256;
const MAX_USER = 104;
/** Go's [[:cntrl:]]: an ASCII control character. */
function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}
/** A NetBIOS domain: not starting with a dot, 1–15 characters, none of \ / : * ? " < > |. */
const NETBIOS = /^[^\\/:*?"<>|.][^\\/:*?"<>|]{0,14}$/;
const DNS_LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?";
const DNS_DOMAIN = new RegExp(`^${DNS_LABEL}(?:\\.${DNS_LABEL})*$`);
const BAD_USER_CHARS = /["/\\:;|=,+*?<>@[\]]/;
const DOTS_OR_SPACES = /^[. ]+$/;

export function validateWindowsOptions(
  o: WindowsSecurityContextOptions | undefined,
  path: string,
): FieldError[] {
  if (o == null) return [];
  const errs: FieldError[] = [];
  if (o.gmsaCredentialSpecName != null)
    for (const p of dns1123SubdomainProblems(o.gmsaCredentialSpecName))
      errs.push(invalid(`${path}.gmsaCredentialSpecName`, o.gmsaCredentialSpecName, p));
  if (o.gmsaCredentialSpec != null) {
    const at = `${path}.gmsaCredentialSpec`;
    const size = Buffer.byteLength(o.gmsaCredentialSpec);
    if (size === 0)
      errs.push(invalid(at, o.gmsaCredentialSpec, "gmsaCredentialSpec cannot be an empty string"));
    else if (size > MAX_GMSA_SPEC_KIB * 1024)
      errs.push(
        invalid(at, o.gmsaCredentialSpec, `gmsaCredentialSpec size must be under ${MAX_GMSA_SPEC_KIB} KiB`),
      );
  }
  if (o.runAsUserName != null) errs.push(...runAsUserNameErrors(o.runAsUserName, `${path}.runAsUserName`));
  return errs;
}

function runAsUserNameErrors(name: string, at: string): FieldError[] {
  const fail = (detail: string) => invalid(at, name, detail);
  if (name === "") return [fail("runAsUserName cannot be an empty string")];
  if (hasControl(name)) return [fail("runAsUserName cannot contain control characters")];
  const parts = name.split("\\");
  if (parts.length > 2) return [fail("runAsUserName cannot contain more than one backslash")];
  const hasDomain = parts.length === 2;
  const domain = hasDomain ? parts[0] : "";
  const user = hasDomain ? parts[1] : parts[0];
  const errs: FieldError[] = [];
  if (Buffer.byteLength(domain) >= MAX_DOMAIN)
    errs.push(fail(`runAsUserName's Domain length must be under ${MAX_DOMAIN} characters`));
  if (hasDomain && !(NETBIOS.test(domain) || DNS_DOMAIN.test(domain)))
    errs.push(fail("runAsUserName's Domain doesn't match the NetBios nor the DNS format"));
  const userBytes = Buffer.byteLength(user);
  if (userBytes === 0) errs.push(fail("runAsUserName's User cannot be empty"));
  else if (userBytes > MAX_USER)
    errs.push(fail(`runAsUserName's User length must not be longer than ${MAX_USER} characters`));
  if (DOTS_OR_SPACES.test(user))
    errs.push(fail("runAsUserName's User cannot contain only periods or spaces"));
  if (BAD_USER_CHARS.test(user))
    errs.push(fail(`runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`));
  return errs;
}
