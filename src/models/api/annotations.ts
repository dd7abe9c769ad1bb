/** kubectl apply's record of the configuration it applied (corev1.LastAppliedConfigAnnotation). */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
