import type { JobSpec } from "kubernetes-types/batch/v1.js";
import type { ManifestFile } from "../kubectl/manifests.js";
import { dns1123SubdomainProblems } from "../models/api/names.js";
import {
  HIGHEST_USER_DEFINABLE_PRIORITY,
  type PreemptionPolicy,
  PriorityClasses,
  type PriorityClassSpec,
  SYSTEM_PRIORITY_CLASS_PREFIX,
} from "../models/priority-classes.js";
import { checkKnownKeys, type Problems, shown } from "./problems.js";

/**
 * `cluster.priorityClasses`: the PriorityClasses the cluster has besides the two system ones
 * (system-node-critical, system-cluster-critical), as `kubectl apply` of a PriorityClass would
 * have made them. Checked as the API server checks a PriorityClass (pkg/apis/scheduling/validation
 * ValidatePriorityClass; the Priority admission plugin's validatePriorityClass for a second
 * global default), with the API server's words.
 */

const FIELDS = ["name", "value", "preemptionPolicy", "globalDefault"];
const POLICIES: readonly PreemptionPolicy[] = ["Never", "PreemptLowerPriority"];
const INT32_MIN = -(2 ** 31);

export function parsePriorityClasses(value: unknown, problems: Problems): PriorityClassSpec[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.add(
      "cluster.priorityClasses",
      "expected a list of {name, value, preemptionPolicy, globalDefault}",
    );
    return [];
  }
  const out: PriorityClassSpec[] = [];
  value.forEach((raw, i) => {
    const path = `cluster.priorityClasses[${i}]`;
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      problems.add(path, `expected a mapping with name and value, got ${shown(raw)}`);
      return;
    }
    const c = raw as Record<string, unknown>;
    checkKnownKeys(problems, path, c, FIELDS);
    const before = problems.list.length;
    const name = typeof c.name === "string" ? c.name : "";
    if (typeof c.name !== "string" || c.name === "")
      problems.add(`${path}.name`, "expected a PriorityClass name");
    else if (name.startsWith(SYSTEM_PRIORITY_CLASS_PREFIX))
      problems.add(
        `${path}.name`,
        `"${name}": priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only (system-node-critical and system-cluster-critical always exist)`,
      );
    else {
      const invalid = dns1123SubdomainProblems(name);
      if (invalid.length > 0)
        problems.add(`${path}.name`, `invalid PriorityClass name "${name}": ${invalid[0]}`);
      else if (out.some((o) => o.name === name))
        problems.add(`${path}.name`, `PriorityClass "${name}" is listed twice`);
    }
    const v = c.value;
    if (typeof v !== "number" || !Number.isInteger(v) || v < INT32_MIN)
      problems.add(`${path}.value`, `expected a whole number (the class's priority), got ${shown(v)}`);
    else if (v > HIGHEST_USER_DEFINABLE_PRIORITY)
      problems.add(
        `${path}.value`,
        `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}, got ${v}`,
      );
    const policy = c.preemptionPolicy ?? "PreemptLowerPriority";
    if (!POLICIES.includes(policy as PreemptionPolicy))
      problems.add(
        `${path}.preemptionPolicy`,
        `Unsupported value: ${shown(policy)}: supported values: ${POLICIES.map((p) => `"${p}"`).join(", ")}`,
      );
    const globalDefault = c.globalDefault ?? false;
    if (typeof globalDefault !== "boolean")
      problems.add(`${path}.globalDefault`, `expected true or false, got ${shown(globalDefault)}`);
    else if (globalDefault) {
      const other = out.find((o) => o.globalDefault);
      if (other !== undefined)
        problems.add(
          `${path}.globalDefault`,
          `PriorityClass ${other.name} is already marked as default. Only one default can exist`,
        );
    }
    if (problems.list.length === before)
      out.push({
        name,
        value: v as number,
        preemptionPolicy: policy as PreemptionPolicy,
        globalDefault: globalDefault === true,
      });
  });
  return out;
}

/**
 * The Jobs of a manifest file whose pods the Priority admission plugin will refuse on this
 * cluster (a PriorityClass it does not have, or a priority / preemptionPolicy the template sets to
 * another value than the class gives): a run shows only FailedCreate events, so the commands say
 * why beforehand, and how to declare the class.
 */
export function refusedPriorityNotes(m: ManifestFile, declared: readonly PriorityClassSpec[]): string[] {
  const classes = new PriorityClasses(declared);
  const notes: string[] = [];
  for (const doc of m.docs) {
    const spec = (doc.object.spec as JobSpec | undefined)?.template?.spec;
    const { forbidden } = classes.admit(spec);
    if (forbidden === null) continue;
    const hint = forbidden.startsWith("no PriorityClass")
      ? ` (declare it under cluster.priorityClasses in the scenario)`
      : "";
    notes.push(`Job "${doc.name}": the API server will refuse its pods: ${forbidden}${hint}`);
  }
  return notes;
}
