import type {
  Affinity,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Toleration,
} from "kubernetes-types/core/v1.js";
import { type FieldError, forbidden, invalid, notSupported, required } from "./field-errors.js";
import { dns1123SubdomainProblems, labelKeyProblems, labelValueProblems } from "./names.js";

/**
 * The scheduling directives of a pod template, as pkg/apis/core/validation/validation.go checks
 * them (ValidatePodSpec): node affinity (validateAffinity → validateNodeAffinity), nodeName
 * (ValidateNodeName) and tolerations (ValidateTolerations, with 1.32's message for a value under
 * Exists: kubernetes PR #128119 shows the value, not the whole toleration). Errors come in the
 * order upstream appends them. Pod affinity and topology spread are not simulated (the scenario
 * loader refuses them), so not validated here.
 */

export function validateAffinity(affinity: Affinity | undefined, path: string): FieldError[] {
  const na = affinity?.nodeAffinity;
  if (na === undefined || na === null) return [];
  const at = `${path}.nodeAffinity`;
  const errs: FieldError[] = [];
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (req !== undefined && req !== null) {
    const terms = req.nodeSelectorTerms ?? [];
    const termsAt = `${at}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    if (terms.length === 0) errs.push(required(termsAt, "must have at least one node selector term"));
    terms.forEach((t, i) => {
      errs.push(...termErrors(t, `${termsAt}[${i}]`));
    });
  }
  (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((p, i) => {
    const pAt = `${at}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    if (!(p.weight > 0 && p.weight <= 100))
      errs.push(invalid(`${pAt}.weight`, p.weight, "must be in the range 1-100"));
    errs.push(...termErrors(p.preference ?? {}, `${pAt}.preference`));
  });
  return errs;
}

/** ValidateNodeSelectorTerm: each matchExpression, then each matchField. */
function termErrors(term: NodeSelectorTerm, at: string): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((r, j) => {
    errs.push(...requirementErrors(r, `${at}.matchExpressions[${j}]`));
  });
  (term.matchFields ?? []).forEach((r, j) => {
    errs.push(...fieldRequirementErrors(r, `${at}.matchFields[${j}]`));
  });
  return errs;
}

/** ValidateNodeSelectorRequirement: the operator and its values, then the key. */
function requirementErrors(r: NodeSelectorRequirement, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const n = (r.values ?? []).length;
  switch (r.operator) {
    case "In":
    case "NotIn":
      if (n === 0)
        errs.push(required(`${at}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (n > 0)
        errs.push(
          forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
      break;
    case "Gt":
    case "Lt":
      if (n !== 1)
        errs.push(required(`${at}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(`${at}.operator`, r.operator ?? "", "not a valid selector operator"));
  }
  for (const p of labelKeyProblems(r.key ?? "")) errs.push(invalid(`${at}.key`, r.key ?? "", p));
  return errs;
}

/** ValidateNodeFieldSelectorRequirement: In or NotIn with one value, on metadata.name only. */
function fieldRequirementErrors(r: NodeSelectorRequirement, at: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = r.values ?? [];
  if (r.operator === "In" || r.operator === "NotIn") {
    if (values.length !== 1)
      errs.push(
        required(
          `${at}.values`,
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
  } else errs.push(invalid(`${at}.operator`, r.operator ?? "", "not a valid selector operator"));
  if (r.key !== "metadata.name")
    errs.push(invalid(`${at}.key`, r.key ?? "", "not a valid field selector key"));
  else
    values.forEach((v, i) => {
      for (const p of dns1123SubdomainProblems(v)) errs.push(invalid(`${at}.values[${i}]`, v, p));
    });
  return errs;
}

/** ValidateNodeName: a DNS-1123 subdomain. */
export function validateNodeName(nodeName: string | undefined, path: string): FieldError[] {
  if (nodeName === undefined || nodeName === "") return [];
  return dns1123SubdomainProblems(nodeName).map((p) => invalid(path, nodeName, p));
}

const TOLERATION_OPERATORS = ["Equal", "Exists"];
const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];

export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const at = `${path}[${i}]`;
    const key = t.key ?? "";
    const op = t.operator ?? "";
    const value = t.value ?? "";
    const effect = t.effect ?? "";
    if (key !== "") for (const p of labelKeyProblems(key)) errs.push(invalid(`${at}.key`, key, p));
    if (key === "" && op !== "Exists")
      errs.push(
        invalid(
          `${at}.operator`,
          op,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== "NoExecute")
      errs.push(
        invalid(`${at}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"),
      );
    if (op === "Equal" || op === "") {
      const problems = labelValueProblems(value);
      if (problems.length > 0) errs.push(invalid(`${at}.operator`, value, problems.join(";")));
    } else if (op === "Exists") {
      if (value !== "")
        errs.push(invalid(`${at}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else errs.push(notSupported(`${at}.operator`, op, TOLERATION_OPERATORS));
    if (effect !== "" && !TAINT_EFFECTS.includes(effect))
      errs.push(notSupported(`${at}.effect`, effect, TAINT_EFFECTS));
  });
  return errs;
}
