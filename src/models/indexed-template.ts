import type { Container, EnvVar, PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { JOB_COMPLETION_INDEX_ANNOTATION } from "./api/job-defaults.js";

/**
 * The pod template of one completion index of an Indexed Job, as the Job controller makes it
 * (pkg/controller/job/job_controller.go manageJob, indexed_job_utils.go): every container and
 * init container gets JOB_COMPLETION_INDEX unless it has it (addCompletionIndexEnvVariables),
 * the template the index as annotation and label (addCompletionIndexAnnotation,
 * addCompletionIndexLabel — PodIndexLabel is GA), and spec.hostname `<job>-<index>`, set
 * whatever the template says.
 */

/** completionIndexEnvName */
export const COMPLETION_INDEX_ENV = "JOB_COMPLETION_INDEX";

/** The env var the controller adds; the API server's defaulting gives its fieldRef apiVersion v1
 * (SetDefaults_ObjectFieldSelector). PodIndexLabel on: the value comes from the label. */
const COMPLETION_INDEX_ENV_VAR: EnvVar = {
  name: COMPLETION_INDEX_ENV,
  valueFrom: {
    fieldRef: { apiVersion: "v1", fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX_ANNOTATION}']` },
  },
};

function withIndexEnv(c: Container): Container {
  if (c.env?.some((v) => v.name === COMPLETION_INDEX_ENV)) return c;
  return { ...c, env: [...(c.env ?? []), structuredClone(COMPLETION_INDEX_ENV_VAR)] };
}

export function indexedPodTemplate(base: PodTemplateSpec, jobName: string, index: number): PodTemplateSpec {
  const spec = base.spec!;
  const meta = base.metadata ?? {};
  const ix = String(index);
  return {
    ...base,
    metadata: {
      ...meta,
      annotations: { ...(meta.annotations ?? {}), [JOB_COMPLETION_INDEX_ANNOTATION]: ix },
      labels: { ...(meta.labels ?? {}), [JOB_COMPLETION_INDEX_ANNOTATION]: ix },
    },
    spec: {
      ...spec,
      ...(spec.initContainers !== undefined ? { initContainers: spec.initContainers.map(withIndexEnv) } : {}),
      containers: spec.containers.map(withIndexEnv),
      hostname: `${jobName}-${index}`,
    },
  };
}
