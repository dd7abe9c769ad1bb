import type { Container, ContainerPort, EnvFromSource, EnvVar, Volume } from "kubernetes-types/core/v1.js";
import { validateEnvVarValueFrom } from "./env-validation.js";
import {
  duplicate,
  type FieldError,
  inclusiveRangeError,
  invalid,
  notFound,
  notSupported,
  required,
} from "./field-errors.js";
import { dns1123LabelProblems } from "./names.js";

/**
 * Checks of pkg/apis/core/validation/validation.go that a pasted manifest meets often: the
 * volumes' names (ValidateVolumes), and a container's ports, env, envFrom and volume mounts
 * (validateContainerCommon calls them in this order, after terminationMessagePolicy and before
 * imagePullPolicy). Volume sources, envFrom sources, subPath and mountPropagation are not checked;
 * env sources are (env-validation.ts).
 */

/**
 * ValidateVolumes, the volumes' names: Required, a DNS-1123 label, not a Duplicate. Only a volume
 * without errors joins the set that mounts may name (upstream adds it to `vols` when `el` is empty).
 */
export function validateVolumeNames(
  volumes: readonly Volume[] | undefined,
  path: string,
): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  (volumes ?? []).forEach((v, i) => {
    const at = `${path}[${i}].name`;
    const name = v.name ?? "";
    const own: FieldError[] = [];
    if (name === "") own.push(required(at));
    else for (const p of dns1123LabelProblems(name)) own.push(invalid(at, name, p));
    if (names.has(name)) own.push(duplicate(at, name));
    if (own.length === 0) names.add(name);
    errs.push(...own);
  });
  return { names, errs };
}

/** The container checks validateContainerCommon makes between terminationMessagePolicy and imagePullPolicy. */
export function validatePortsEnvAndMounts(
  c: Container,
  at: string,
  volumes: ReadonlySet<string>,
): FieldError[] {
  return [
    ...validateContainerPorts(c.ports, `${at}.ports`),
    ...validateEnv(c.env, `${at}.env`),
    ...validateEnvFrom(c.envFrom, `${at}.envFrom`),
    ...validateVolumeMounts(c, `${at}.volumeMounts`, volumes),
  ];
}

const PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"]; // sets.List(supportedPortProtocols): sorted
const MAX_PORT_NAME = 15;

/** apimachinery util/validation IsValidPortName (an IANA_SVC_NAME). */
function portNameProblems(name: string): string[] {
  const out: string[] = [];
  if (name.length > MAX_PORT_NAME) out.push(`must be no more than ${MAX_PORT_NAME} characters`);
  if (!/^[-a-z0-9]+$/.test(name))
    out.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  else if (!/[a-z]/.test(name)) out.push("must contain at least one letter (a-z)");
  if (name.includes("--")) out.push("must not contain consecutive hyphens");
  if (name.startsWith("-") || name.endsWith("-")) out.push("must not begin or end with a hyphen");
  return out;
}

const PORT_RANGE_MESSAGE = inclusiveRangeError(1, 65535); // IsValidPortNum

function validateContainerPorts(ports: readonly ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    const at = `${path}[${i}]`;
    const name = p.name ?? "";
    if (name !== "") {
      const problems = portNameProblems(name);
      for (const m of problems) errs.push(invalid(`${at}.name`, name, m));
      if (problems.length === 0) {
        if (names.has(name)) errs.push(duplicate(`${at}.name`, name));
        else names.add(name);
      }
    }
    const containerPort = p.containerPort ?? 0;
    if (containerPort === 0) errs.push(required(`${at}.containerPort`));
    else if (containerPort < 1 || containerPort > 65535)
      errs.push(invalid(`${at}.containerPort`, containerPort, PORT_RANGE_MESSAGE));
    const hostPort = p.hostPort ?? 0;
    if (hostPort !== 0 && (hostPort < 1 || hostPort > 65535))
      errs.push(invalid(`${at}.hostPort`, hostPort, PORT_RANGE_MESSAGE));
    // Defaulting gave a missing protocol TCP.
    if (p.protocol !== undefined && !PORT_PROTOCOLS.includes(p.protocol))
      errs.push(notSupported(`${at}.protocol`, p.protocol, PORT_PROTOCOLS));
  });
  return errs;
}

/** IsRelaxedEnvVarName (RelaxedEnvironmentVariableValidation, on from 1.32, GA in 1.34). */
const RELAXED_ENV_NAME_MESSAGE =
  "a valid environment variable name must consist only of printable ASCII characters other than '='";
function relaxedEnvNameProblems(name: string): string[] {
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 || c > 0x7e || ch === "=") return [RELAXED_ENV_NAME_MESSAGE];
  }
  return [];
}

function validateEnv(env: readonly EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((e, i) => {
    const at = `${path}[${i}].name`;
    const name = e.name ?? "";
    if (name === "") errs.push(required(at));
    else for (const m of relaxedEnvNameProblems(name)) errs.push(invalid(at, name, m));
    // ValidateEnv: each entry's name, then its valueFrom.
    errs.push(...validateEnvVarValueFrom(e, `${path}[${i}].valueFrom`));
  });
  return errs;
}

function validateEnvFrom(envFrom: readonly EnvFromSource[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (envFrom ?? []).forEach((e, i) => {
    const prefix = e.prefix ?? "";
    for (const m of relaxedEnvNameProblems(prefix)) errs.push(invalid(`${path}[${i}].prefix`, prefix, m));
  });
  return errs;
}

/** ValidateVolumeMounts: name Required and matching a volume, mountPath Required and unique. */
function validateVolumeMounts(c: Container, path: string, volumes: ReadonlySet<string>): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, i) => {
    const at = `${path}[${i}]`;
    const name = m.name ?? "";
    const mountPath = m.mountPath ?? "";
    if (name === "") errs.push(required(`${at}.name`));
    if (!volumes.has(name)) errs.push(notFound(`${at}.name`, name));
    if (mountPath === "") errs.push(required(`${at}.mountPath`));
    if (mountPaths.has(mountPath)) errs.push(invalid(`${at}.mountPath`, mountPath, "must be unique"));
    mountPaths.add(mountPath);
  });
  return errs;
}
