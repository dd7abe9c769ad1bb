import type { Lifecycle, LifecycleHandler } from "kubernetes-types/core/v1.js";
import { type FieldError, forbidden, invalid, required } from "./field-errors.js";

/**
 * A container's lifecycle hooks as the API server validates them (pkg/apis/core/validation/
 * validation.go validateLifecycle → validateHandler, read at commit 000f26050b9b): postStart,
 * then preStop; each must name exactly one handler type, checked in the order exec, httpGet,
 * tcpSocket, sleep. Of each handler's own checks this covers exec's command (validateExecAction)
 * and sleep's seconds (validateSleepAction); httpGet's and tcpSocket's port, scheme and header
 * checks (ValidatePortNumOrName, IsHTTPHeaderName) are not made.
 */

const ONE_HANDLER = "may not specify more than 1 handler type";
const ACTIONS = ["exec", "httpGet", "tcpSocket", "sleep"] as const;

export function validateLifecycle(
  lifecycle: Lifecycle,
  gracePeriod: number | undefined,
  path: string,
  sleepAllowZero: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  if (lifecycle.postStart != null)
    errs.push(...validateHandler(lifecycle.postStart, gracePeriod, `${path}.postStart`, sleepAllowZero));
  if (lifecycle.preStop != null)
    errs.push(...validateHandler(lifecycle.preStop, gracePeriod, `${path}.preStop`, sleepAllowZero));
  return errs;
}

function validateHandler(
  handler: LifecycleHandler,
  gracePeriod: number | undefined,
  path: string,
  sleepAllowZero: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  let handlers = 0;
  for (const action of ACTIONS) {
    if (handler[action] == null) continue;
    // The first handler given is validated; each further one is refused.
    if (handlers++ > 0) {
      errs.push(forbidden(`${path}.${action}`, ONE_HANDLER));
      continue;
    }
    if (action === "exec" && (handler.exec?.command ?? []).length === 0)
      errs.push(required(`${path}.exec.command`));
    if (action === "sleep")
      errs.push(...validateSleep(handler.sleep?.seconds ?? 0, gracePeriod, `${path}.sleep`, sleepAllowZero));
  }
  if (handlers === 0) errs.push(required(path, "must specify a handler type"));
  return errs;
}

/**
 * validateSleepAction: the seconds must fit in the pod's terminationGracePeriodSeconds (not
 * checked when the pod has none: "the pod … might have an invalid grace period defined"), and be
 * at least 0 with PodLifecycleSleepActionAllowZero (beta, on, from 1.33; GA 1.34), else above 0.
 */
function validateSleep(
  seconds: number,
  gracePeriod: number | undefined,
  path: string,
  allowZero: boolean,
): FieldError[] {
  if (gracePeriod === undefined) return [];
  if (allowZero) {
    if (seconds < 0 || seconds > gracePeriod)
      return [
        invalid(
          path,
          seconds,
          `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
        ),
      ];
  } else if (seconds <= 0 || seconds > gracePeriod)
    return [
      invalid(
        path,
        seconds,
        `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
      ),
    ];
  return [];
}
