import { isIPv6 } from "node:net";
import type { PodSpec } from "kubernetes-types/core/v1.js";
import { type FieldError, invalid, required } from "./field-errors.js";
import { dns1123LabelProblems, dns1123SubdomainProblems } from "./names.js";

/**
 * Pod-spec checks of ValidatePodSpec (pkg/apis/core/validation/validation.go) a pasted manifest
 * meets: each function is called where ValidatePodSpec appends its errors.
 */

/** validatePodHostNetworkDeps for a template (opts.ResourceIsPod false: an unset hostPort is defaulted later). */
export function validateHostNetworkPorts(spec: PodSpec, specPath: string): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c, i) => {
    (c.ports ?? []).forEach((p, j) => {
      const hostPort = p.hostPort ?? 0;
      if (hostPort !== 0 && hostPort !== p.containerPort)
        errs.push(
          invalid(
            `${specPath}.containers[${i}].ports[${j}].hostPort`,
            hostPort,
            "must match `containerPort` when `hostNetwork` is true",
          ),
        );
    });
  });
  return errs;
}

const MAX_DNS_NAMESERVERS = 3; // validation.go MaxDNSNameservers

/** validatePodDNSConfig, less the searches' names. */
export function validatePodDnsConfig(spec: PodSpec, specPath: string): FieldError[] {
  const path = `${specPath}.dnsConfig`;
  const config = spec.dnsConfig;
  if (spec.dnsPolicy === "None") {
    if (config === undefined) return [required(path, "must provide `dnsConfig` when `dnsPolicy` is None")];
    if ((config.nameservers ?? []).length === 0)
      return [
        required(`${path}.nameservers`, "must provide at least one DNS nameserver when `dnsPolicy` is None"),
      ];
  }
  if (config === undefined) return [];
  const errs: FieldError[] = [];
  const nameservers = config.nameservers ?? [];
  if (nameservers.length > MAX_DNS_NAMESERVERS)
    errs.push(
      invalid(
        `${path}.nameservers`,
        nameservers,
        `must not have more than ${MAX_DNS_NAMESERVERS} nameservers`,
      ),
    );
  nameservers.forEach((ns, i) => {
    errs.push(...ipErrors(`${path}.nameservers[${i}]`, ns));
  });
  (config.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(`${path}.options[${i}]`, "must not be empty"));
  });
  return errs;
}

/** hostname and subdomain, each a DNS-1123 label when set (after activeDeadlineSeconds). */
export function validateHostnames(spec: PodSpec, specPath: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const field of ["hostname", "subdomain"] as const) {
    const value = spec[field] ?? "";
    if (value !== "")
      for (const p of dns1123LabelProblems(value)) errs.push(invalid(`${specPath}.${field}`, value, p));
  }
  return errs;
}

/** ValidateHostAliases (after the tolerations). */
export function validateHostAliases(spec: PodSpec, specPath: string): FieldError[] {
  const errs: FieldError[] = [];
  (spec.hostAliases ?? []).forEach((alias, i) => {
    const at = `${specPath}.hostAliases[${i}]`;
    errs.push(...ipErrors(`${at}.ip`, alias.ip ?? ""));
    (alias.hostnames ?? []).forEach((h, j) => {
      for (const p of dns1123SubdomainProblems(h)) errs.push(invalid(`${at}.hostnames[${j}]`, h, p));
    });
  });
  return errs;
}

/**
 * apimachinery validation.IsValidIP: what netutils.ParseIPSloppy reads — dotted IPv4, leading
 * zeros allowed, or IPv6 without a zone.
 */
function ipErrors(path: string, value: string): FieldError[] {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  const ok = v4 !== null ? v4.slice(1).every((o) => Number(o) <= 255) : !value.includes("%") && isIPv6(value);
  return ok ? [] : [invalid(path, value, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")];
}
