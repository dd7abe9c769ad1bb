/**
 * Real `kubectl describe` output from public material, kept verbatim (trailing spaces included) where the source
 * kept it.
 */

/**
 * A public lab write-up (find_string index id 2412611239; kubectl ≈1.32 against minikube, docker runtime, client
 * zone +0300): `kubectl describe po app-python-pre-install-zvhg6` and `... app-python-post-install-zbddx`, two
 * pods of Helm hook Jobs. The condition rows keep kubectl's trailing space.
 */
export const MINIKUBE_PRE_INSTALL = `Name:             app-python-pre-install-zvhg6
Namespace:        default
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       Wed, 26 Feb 2025 20:34:17 +0300
Labels:           batch.kubernetes.io/controller-uid=6e01c750-2f2b-4de0-bce4-1788360c7c29
                  batch.kubernetes.io/job-name=app-python-pre-install
                  controller-uid=6e01c750-2f2b-4de0-bce4-1788360c7c29
                  job-name=app-python-pre-install
Annotations:      <none>
Status:           Succeeded
IP:               10.244.0.63
IPs:
  IP:           10.244.0.63
Controlled By:  Job/app-python-pre-install
Containers:
  pre-install-job:
    Container ID:  docker://e102655ae105e766af86a772f87d2c4818694aaac1b346fccd13f08e856862be
    Image:         busybox
    Image ID:      docker-pullable://busybox@sha256:498a000f370d8c37927118ed80afe8adc38d1edcbfc071627d17b25c88efcab0
    Port:          <none>
    Host Port:     <none>
    Command:
      /bin/sh
      -c
      echo Pre-install job running
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Wed, 26 Feb 2025 20:34:19 +0300
      Finished:     Wed, 26 Feb 2025 20:34:19 +0300
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-r7ms2 (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   False 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  kube-api-access-r7ms2:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  17m   default-scheduler  Successfully assigned default/app-python-pre-install-zvhg6 to minikube
  Normal  Pulling    17m   kubelet            Pulling image "busybox"
  Normal  Pulled     17m   kubelet            Successfully pulled image "busybox" in 1.661s (1.661s including waiting). Image size: 4269694 bytes.
  Normal  Created    17m   kubelet            Created container: pre-install-job
  Normal  Started    17m   kubelet            Started container pre-install-job
`;

export const MINIKUBE_POST_INSTALL = `Name:             app-python-post-install-zbddx
Namespace:        default
Priority:         0
Service Account:  default
Node:             minikube/192.168.49.2
Start Time:       Wed, 26 Feb 2025 20:34:22 +0300
Labels:           batch.kubernetes.io/controller-uid=36814b9e-e7a2-46a5-a967-fc12d27a1e1f
                  batch.kubernetes.io/job-name=app-python-post-install
                  controller-uid=36814b9e-e7a2-46a5-a967-fc12d27a1e1f
                  job-name=app-python-post-install
Annotations:      <none>
Status:           Succeeded
IP:               10.244.0.67
IPs:
  IP:           10.244.0.67
Controlled By:  Job/app-python-post-install
Containers:
  post-install-job:
    Container ID:  docker://ffa289c85adab440cdf39f33e1a71c00e242e72a374818bcb118590843d2291d
    Image:         busybox
    Image ID:      docker-pullable://busybox@sha256:498a000f370d8c37927118ed80afe8adc38d1edcbfc071627d17b25c88efcab0
    Port:          <none>
    Host Port:     <none>
    Command:
      /bin/sh
      -c
      echo Post-install job completed
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Wed, 26 Feb 2025 20:34:24 +0300
      Finished:     Wed, 26 Feb 2025 20:34:24 +0300
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-ndlqb (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   False 
  Initialized                 True 
  Ready                       False 
  ContainersReady             False 
  PodScheduled                True 
Volumes:
  kube-api-access-ndlqb:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  16m   default-scheduler  Successfully assigned default/app-python-post-install-zbddx to minikube
  Normal  Pulling    16m   kubelet            Pulling image "busybox"
  Normal  Pulled     16m   kubelet            Successfully pulled image "busybox" in 1.595s (1.595s including waiting). Image size: 4269694 bytes.
  Normal  Created    16m   kubelet            Created container: post-install-job
  Normal  Started    16m   kubelet            Started container post-install-job
`;

/**
 * Public CronJob course notes (find_string index id 49288774730; kubectl 1.33/1.34 — `Optional:` in the projected
 * volume, no event fieldPath prefix — against Docker Desktop, client zone −0500). The author prefixed every line
 * with `# ` and the file lost trailing whitespace, so tests compare these modulo that (see `normalizeCapture`).
 */
export const DOCKER_DESKTOP_JOB = `# Name:             demo-cronjob-minute-29457770
# Namespace:        default
# Selector:         batch.kubernetes.io/controller-uid=c43ac375-388f-452b-b215-204c6816bcb7
# Labels:           app=busybox
# Annotations:      batch.kubernetes.io/cronjob-scheduled-timestamp: 2026-01-03T18:50:00Z
# Controlled By:    CronJob/demo-cronjob-minute
# Parallelism:      1
# Completions:      1
# Completion Mode:  NonIndexed
# Suspend:          false
# Backoff Limit:    6
# Start Time:       Sat, 03 Jan 2026 13:50:00 -0500
# Completed At:     Sat, 03 Jan 2026 13:50:34 -0500
# Duration:         34s
# Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
# Pod Template:
#   Labels:  app=busybox
#            batch.kubernetes.io/controller-uid=c43ac375-388f-452b-b215-204c6816bcb7
#            batch.kubernetes.io/job-name=demo-cronjob-minute-29457770
#            controller-uid=c43ac375-388f-452b-b215-204c6816bcb7
#            job-name=demo-cronjob-minute-29457770
#   Containers:
#    busybox:
#     Image:      busybox
#     Port:       <none>
#     Host Port:  <none>
#     Command:
#       /bin/sh
#       -c
#     Args:
#       echo "$(date) CronJob message";
#       echo "$(date) CronJob message" >> /data/message.txt;
#       sleep 30;

#     Environment:  <none>
#     Mounts:
#       /data from local-storage (rw)
#   Volumes:
#    local-storage:
#     Type:          HostPath (bare host directory volume)
#     Path:          /tmp/data
#     HostPathType:  DirectoryOrCreate
#   Node-Selectors:  <none>
#   Tolerations:     <none>
# Events:
#   Type    Reason            Age   From            Message
#   ----    ------            ----  ----            -------
#   Normal  SuccessfulCreate  12m   job-controller  Created pod: demo-cronjob-minute-29457770-tfmrj
#   Normal  Completed         11m   job-controller  Job completed
`;

export const DOCKER_DESKTOP_POD = `# Name:             demo-cronjob-minute-29457780-n7fd9
# Namespace:        default
# Priority:         0
# Service Account:  default
# Node:             docker-desktop/192.168.65.3
# Start Time:       Sat, 03 Jan 2026 14:00:00 -0500
# Labels:           app=busybox
#                   batch.kubernetes.io/controller-uid=b49e44de-881b-4459-998d-8daadd455727
#                   batch.kubernetes.io/job-name=demo-cronjob-minute-29457780
#                   controller-uid=b49e44de-881b-4459-998d-8daadd455727
#                   job-name=demo-cronjob-minute-29457780
# Annotations:      <none>
# Status:           Succeeded
# IP:               10.1.4.196
# IPs:
#   IP:           10.1.4.196
# Controlled By:  Job/demo-cronjob-minute-29457780
# Containers:
#   busybox:
#     Container ID:  docker://5c4f643661177a4842aa77c3ea458be22d43a93d9f555b0b35db34c29ab900db
#     Image:         busybox
#     Image ID:      docker-pullable://busybox@sha256:d80cd694d3e9467884fcb94b8ca1e20437d8a501096cdf367a5a1918a34fc2fd
#     Port:          <none>
#     Host Port:     <none>
#     Command:
#       /bin/sh
#       -c
#     Args:
#       echo "$(date) CronJob message";
#       echo "$(date) CronJob message" >> /data/message.txt;
#       sleep 30;

#     State:          Terminated
#       Reason:       Completed
#       Exit Code:    0
#       Started:      Sat, 03 Jan 2026 14:00:03 -0500
#       Finished:     Sat, 03 Jan 2026 14:00:33 -0500
#     Ready:          False
#     Restart Count:  0
#     Environment:    <none>
#     Mounts:
#       /data from local-storage (rw)
#       /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-sd879 (ro)
# Conditions:
#   Type                        Status
#   PodReadyToStartContainers   False
#   Initialized                 True
#   Ready                       False
#   ContainersReady             False
#   PodScheduled                True
# Volumes:
#   local-storage:
#     Type:          HostPath (bare host directory volume)
#     Path:          /tmp/data
#     HostPathType:  DirectoryOrCreate
#   kube-api-access-sd879:
#     Type:                    Projected (a volume that contains injected data from multiple sources)
#     TokenExpirationSeconds:  3607
#     ConfigMapName:           kube-root-ca.crt
#     Optional:                false
#     DownwardAPI:             true
# QoS Class:                   BestEffort
# Node-Selectors:              <none>
# Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
#                              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
# Events:
#   Type    Reason     Age    From               Message
#   ----    ------     ----   ----               -------
#   Normal  Scheduled  3m31s  default-scheduler  Successfully assigned default/demo-cronjob-minute-29457780-n7fd9 to docker-desktop
#   Normal  Pulling    3m30s  kubelet            Pulling image "busybox"
#   Normal  Pulled     3m29s  kubelet            Successfully pulled image "busybox" in 1.383s (1.383s including waiting). Image size: 2224358 bytes.
#   Normal  Created    3m28s  kubelet            Created container: busybox
#   Normal  Started    3m28s  kubelet            Started container busybox
`;

/** Undo the capture's `# ` prefixes and compare modulo trailing whitespace, which the source lost. */
export function normalizeCapture(text: string): string {
  return text
    .split("\n")
    .map((l) => l.replace(/^# ?/, "").replace(/\s+$/, ""))
    .join("\n");
}
