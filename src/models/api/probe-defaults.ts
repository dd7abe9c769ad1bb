import type { Container, HTTPGetAction, Probe } from "kubernetes-types/core/v1.js";

/**
 * The defaulting pkg/apis/core/v1/defaults.go gives every Probe and HTTPGetAction of a container
 * (the generated zz_generated.defaults.go reaches each one: the liveness, readiness and startup
 * probes, and the lifecycle hooks' httpGet), so `kubectl get -o yaml` shows them in a Job's
 * template and in its pods.
 */

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP when empty. */
function defaultHttpGet(a: HTTPGetAction | undefined): void {
  if (a === undefined || a === null || typeof a !== "object") return;
  if (a.path === undefined || a.path === "") a.path = "/";
  if (a.scheme === undefined || a.scheme === "") a.scheme = "HTTP";
}

/** SetDefaults_Probe: a zero (or unset) timeout 1 s, period 10 s, success threshold 1, failure
 * threshold 3. */
function defaultProbe(p: Probe | undefined): void {
  if (p === undefined || p === null || typeof p !== "object") return;
  if (!p.timeoutSeconds) p.timeoutSeconds = 1;
  if (!p.periodSeconds) p.periodSeconds = 10;
  if (!p.successThreshold) p.successThreshold = 1;
  if (!p.failureThreshold) p.failureThreshold = 3;
  defaultHttpGet(p.httpGet);
}

/** The probe and lifecycle-hook defaults of one container, in place. */
export function defaultContainerProbes(c: Container): void {
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  defaultHttpGet(c.lifecycle?.postStart?.httpGet);
  defaultHttpGet(c.lifecycle?.preStop?.httpGet);
}
