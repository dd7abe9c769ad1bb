/**
 * Real `kubectl get -o yaml|json` output from public material, kept verbatim. Each is reproduced from its object in
 * output.test.ts.
 */

/**
 * A public lab write-up on a k3s cluster (find_string id 24511336036, 2024-08; containerd, pod CIDR 10.42.0.0/16):
 * `kubectl get pods/purple -o yaml` — a pod with two init containers, the first running.
 */
export const PURPLE_POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2024-08-16T02:00:59Z"
  name: purple
  namespace: default
  resourceVersion: "1144"
  uid: 04c90f0f-5d1c-4d95-9082-d7d6365c1af3
spec:
  containers:
  - command:
    - sh
    - -c
    - echo The app is running! && sleep 3600
    image: busybox:1.28
    imagePullPolicy: IfNotPresent
    name: purple-container
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-vvdz8
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  initContainers:
  - command:
    - sh
    - -c
    - sleep 600
    image: busybox:1.28
    imagePullPolicy: IfNotPresent
    name: warm-up-1
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-vvdz8
      readOnly: true
  - command:
    - sh
    - -c
    - sleep 1200
    image: busybox:1.28
    imagePullPolicy: IfNotPresent
    name: warm-up-2
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-vvdz8
      readOnly: true
  nodeName: controlplane
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccount: default
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: kube-api-access-vvdz8
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
      - configMap:
          items:
          - key: ca.crt
            path: ca.crt
          name: kube-root-ca.crt
      - downwardAPI:
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
            path: namespace
status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2024-08-16T02:01:01Z"
    status: "True"
    type: PodReadyToStartContainers
  - lastProbeTime: null
    lastTransitionTime: "2024-08-16T02:00:59Z"
    message: 'containers with incomplete status: [warm-up-1 warm-up-2]'
    reason: ContainersNotInitialized
    status: "False"
    type: Initialized
  - lastProbeTime: null
    lastTransitionTime: "2024-08-16T02:00:59Z"
    message: 'containers with unready status: [purple-container]'
    reason: ContainersNotReady
    status: "False"
    type: Ready
  - lastProbeTime: null
    lastTransitionTime: "2024-08-16T02:00:59Z"
    message: 'containers with unready status: [purple-container]'
    reason: ContainersNotReady
    status: "False"
    type: ContainersReady
  - lastProbeTime: null
    lastTransitionTime: "2024-08-16T02:00:59Z"
    status: "True"
    type: PodScheduled
  containerStatuses:
  - image: busybox:1.28
    imageID: ""
    lastState: {}
    name: purple-container
    ready: false
    restartCount: 0
    started: false
    state:
      waiting:
        reason: PodInitializing
  hostIP: 192.3.127.3
  hostIPs:
  - ip: 192.3.127.3
  initContainerStatuses:
  - containerID: containerd://2f888dc43be436ebf972c13623aa855938a854346039319836a121338b40d096
    image: docker.io/library/busybox:1.28
    imageID: docker.io/library/busybox@sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47
    lastState: {}
    name: warm-up-1
    ready: false
    restartCount: 0
    started: true
    state:
      running:
        startedAt: "2024-08-16T02:01:00Z"
  - image: busybox:1.28
    imageID: ""
    lastState: {}
    name: warm-up-2
    ready: false
    restartCount: 0
    started: false
    state:
      waiting:
        reason: PodInitializing
  phase: Pending
  podIP: 10.42.0.12
  podIPs:
  - ip: 10.42.0.12
  qosClass: BestEffort
  startTime: "2024-08-16T02:00:59Z"
`;

/**
 * The same write-up: `kubectl get pods/blue -o json` — 4-space indent, sorted keys, and Go's HTML-safe escaping
 * of "&&" as \u0026\u0026.
 */
export const BLUE_POD_JSON = `{
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {
        "creationTimestamp": "2024-08-16T01:54:04Z",
        "name": "blue",
        "namespace": "default",
        "resourceVersion": "1014",
        "uid": "3e8790b4-07f2-4b62-8b54-0ad2baea0b94"
    },
    "spec": {
        "containers": [
            {
                "command": [
                    "sh",
                    "-c",
                    "echo The app is running! \\u0026\\u0026 sleep 3600"
                ],
                "image": "busybox:1.28",
                "imagePullPolicy": "IfNotPresent",
                "name": "green-container-1",
                "resources": {},
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "volumeMounts": [
                    {
                        "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                        "name": "kube-api-access-25nqn",
                        "readOnly": true
                    }
                ]
            }
        ],
        "dnsPolicy": "ClusterFirst",
        "enableServiceLinks": true,
        "initContainers": [
            {
                "command": [
                    "sh",
                    "-c",
                    "sleep 5"
                ],
                "image": "busybox",
                "imagePullPolicy": "Always",
                "name": "init-myservice",
                "resources": {},
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File",
                "volumeMounts": [
                    {
                        "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
                        "name": "kube-api-access-25nqn",
                        "readOnly": true
                    }
                ]
            }
        ],
        "nodeName": "controlplane",
        "preemptionPolicy": "PreemptLowerPriority",
        "priority": 0,
        "restartPolicy": "Always",
        "schedulerName": "default-scheduler",
        "securityContext": {},
        "serviceAccount": "default",
        "serviceAccountName": "default",
        "terminationGracePeriodSeconds": 30,
        "tolerations": [
            {
                "effect": "NoExecute",
                "key": "node.kubernetes.io/not-ready",
                "operator": "Exists",
                "tolerationSeconds": 300
            },
            {
                "effect": "NoExecute",
                "key": "node.kubernetes.io/unreachable",
                "operator": "Exists",
                "tolerationSeconds": 300
            }
        ],
        "volumes": [
            {
                "name": "kube-api-access-25nqn",
                "projected": {
                    "defaultMode": 420,
                    "sources": [
                        {
                            "serviceAccountToken": {
                                "expirationSeconds": 3607,
                                "path": "token"
                            }
                        },
                        {
                            "configMap": {
                                "items": [
                                    {
                                        "key": "ca.crt",
                                        "path": "ca.crt"
                                    }
                                ],
                                "name": "kube-root-ca.crt"
                            }
                        },
                        {
                            "downwardAPI": {
                                "items": [
                                    {
                                        "fieldRef": {
                                            "apiVersion": "v1",
                                            "fieldPath": "metadata.namespace"
                                        },
                                        "path": "namespace"
                                    }
                                ]
                            }
                        }
                    ]
                }
            }
        ]
    },
    "status": {
        "conditions": [
            {
                "lastProbeTime": null,
                "lastTransitionTime": "2024-08-16T01:54:06Z",
                "status": "True",
                "type": "PodReadyToStartContainers"
            },
            {
                "lastProbeTime": null,
                "lastTransitionTime": "2024-08-16T01:54:13Z",
                "status": "True",
                "type": "Initialized"
            },
            {
                "lastProbeTime": null,
                "lastTransitionTime": "2024-08-16T01:54:14Z",
                "status": "True",
                "type": "Ready"
            },
            {
                "lastProbeTime": null,
                "lastTransitionTime": "2024-08-16T01:54:14Z",
                "status": "True",
                "type": "ContainersReady"
            },
            {
                "lastProbeTime": null,
                "lastTransitionTime": "2024-08-16T01:54:04Z",
                "status": "True",
                "type": "PodScheduled"
            }
        ],
        "containerStatuses": [
            {
                "containerID": "containerd://55318bb08c3a8f33df63e7e924955b4b5eb1545102dff146a0758cabb8a06e20",
                "image": "docker.io/library/busybox:1.28",
                "imageID": "docker.io/library/busybox@sha256:141c253bc4c3fd0a201d32dc1f493bcf3fff003b6df416dea4f41046e0f37d47",
                "lastState": {},
                "name": "green-container-1",
                "ready": true,
                "restartCount": 0,
                "started": true,
                "state": {
                    "running": {
                        "startedAt": "2024-08-16T01:54:14Z"
                    }
                }
            }
        ],
        "hostIP": "192.3.127.3",
        "hostIPs": [
            {
                "ip": "192.3.127.3"
            }
        ],
        "initContainerStatuses": [
            {
                "containerID": "containerd://48aae571d5ebd0e4aed09cddf263216ef739b621994f5c433bb9baaa3a2edcbe",
                "image": "docker.io/library/busybox:latest",
                "imageID": "docker.io/library/busybox@sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7",
                "lastState": {},
                "name": "init-myservice",
                "ready": true,
                "restartCount": 0,
                "started": false,
                "state": {
                    "terminated": {
                        "containerID": "containerd://48aae571d5ebd0e4aed09cddf263216ef739b621994f5c433bb9baaa3a2edcbe",
                        "exitCode": 0,
                        "finishedAt": "2024-08-16T01:54:11Z",
                        "reason": "Completed",
                        "startedAt": "2024-08-16T01:54:06Z"
                    }
                }
            }
        ],
        "phase": "Running",
        "podIP": "10.42.0.11",
        "podIPs": [
            {
                "ip": "10.42.0.11"
            }
        ],
        "qosClass": "BestEffort",
        "startTime": "2024-08-16T01:54:04Z"
    }
}
`;

/**
 * A diagnosis tool's transcript (find_string id 67230539162, Kubernetes v1.26.8, 2026-04): the `kubectl get pod -o
 * yaml` of a crash-looping Deployment pod, as the tool stored it (JSON-escaped; decoded here, and the final newline
 * the tool stripped restored). Multi-line annotation values print as `|-` literal blocks, the shell script argument
 * as `|`.
 */
export const CRASHLOOP_POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  annotations:
    cni.projectcalico.org/containerID: 356ed4d59f01a2ae22b47f393fe17f068bfdbfa10c1f028c2fb7c21b0ee82e7d
    cni.projectcalico.org/podIP: 172.16.104.55/32
    cni.projectcalico.org/podIPs: 172.16.104.55/32
    k8s.v1.cni.cncf.io/network-status: |-
      [{
          "name": "k8s-pod-network",
          "ips": [
              "172.16.104.55"
          ],
          "default": true,
          "dns": {}
      }]
    k8s.v1.cni.cncf.io/networks-status: |-
      [{
          "name": "k8s-pod-network",
          "ips": [
              "172.16.104.55"
          ],
          "default": true,
          "dns": {}
      }]
  creationTimestamp: "2026-04-21T04:32:19Z"
  generateName: appconfigfail-7649c79dc5-
  labels:
    app: appconfigfail
    l4-scenario: config-bootstrap-fail
    pod-template-hash: 7649c79dc5
  name: appconfigfail-7649c79dc5-pcxt8
  namespace: aiops-e2e
  ownerReferences:
  - apiVersion: apps/v1
    blockOwnerDeletion: true
    controller: true
    kind: ReplicaSet
    name: appconfigfail-7649c79dc5
    uid: 236c3614-6d5e-40e4-9b64-53bd20d9cbc9
  resourceVersion: "46131231"
  uid: 8334b6d7-f468-48a1-b133-70fec47e9e2e
spec:
  containers:
  - args:
    - |
      echo "L4_CONFIG_BOOTSTRAP_FAIL: application bootstrap aborted due to invalid business config"
      echo "L4_LAYER_APPLICATION: true"
      echo "L4_SCENARIO: config-bootstrap-fail"
      echo "L4_ERROR_TYPE: application-config-validation"
      if [ -z "\${APP_BOOT_MODE:-}" ]; then
        echo "FATAL: missing required APP_BOOT_MODE"
        echo "FATAL: business config validation failed before server startup"
        exit 42
      fi
      echo "unexpected success"
      exit 1
    command:
    - sh
    - -c
    image: busybox:1.36
    imagePullPolicy: Never
    name: app
    resources: {}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts:
    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount
      name: kube-api-access-q5pfk
      readOnly: true
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  nodeName: node2
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccount: default
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - effect: NoExecute
    key: node.kubernetes.io/not-ready
    operator: Exists
    tolerationSeconds: 300
  - effect: NoExecute
    key: node.kubernetes.io/unreachable
    operator: Exists
    tolerationSeconds: 300
  volumes:
  - name: kube-api-access-q5pfk
    projected:
      defaultMode: 420
      sources:
      - serviceAccountToken:
          expirationSeconds: 3607
          path: token
      - configMap:
          items:
          - key: ca.crt
            path: ca.crt
          name: kube-root-ca.crt
      - downwardAPI:
          items:
          - fieldRef:
              apiVersion: v1
              fieldPath: metadata.namespace
            path: namespace
status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2026-04-21T04:32:19Z"
    status: "True"
    type: Initialized
  - lastProbeTime: null
    lastTransitionTime: "2026-04-21T04:35:22Z"
    message: 'containers with unready status: [app]'
    reason: ContainersNotReady
    status: "False"
    type: Ready
  - lastProbeTime: null
    lastTransitionTime: "2026-04-21T04:35:22Z"
    message: 'containers with unready status: [app]'
    reason: ContainersNotReady
    status: "False"
    type: ContainersReady
  - lastProbeTime: null
    lastTransitionTime: "2026-04-21T04:32:19Z"
    status: "True"
    type: PodScheduled
  containerStatuses:
  - containerID: containerd://77d52ce65cf79da386296921f65143b852c8f58bd5704c8f094ff95be6f1830d
    image: docker.io/library/busybox:1.36
    imageID: sha256:114f4abb67995cfe8e368760f3bc8a1d00e12ac9883c7c304d80987f24452e75
    lastState:
      terminated:
        containerID: containerd://77d52ce65cf79da386296921f65143b852c8f58bd5704c8f094ff95be6f1830d
        exitCode: 42
        finishedAt: "2026-04-21T05:14:05Z"
        reason: Error
        startedAt: "2026-04-21T05:14:05Z"
    name: app
    ready: false
    restartCount: 13
    started: false
    state:
      waiting:
        message: back-off 5m0s restarting failed container=app pod=appconfigfail-7649c79dc5-pcxt8_aiops-e2e(8334b6d7-f468-48a1-b133-70fec47e9e2e)
        reason: CrashLoopBackOff
  hostIP: 10.2.0.50
  phase: Running
  podIP: 172.16.104.55
  podIPs:
  - ip: 172.16.104.55
  qosClass: BestEffort
  startTime: "2026-04-21T04:32:19Z"
`;

/**
 * Microsoft Azure AKS documentation (find_string id 29615598319), `... -o yaml` of a Pending pod, status only (the
 * document elides the rest with "..."): go-yaml folds the long single-quoted message at a space past column 80 and
 * continues it two columns deeper than its key.
 */
export const AZURE_PENDING_STATUS_YAML = `status:
  conditions:
  - lastProbeTime: null
    lastTransitionTime: "2023-05-03T17:05:26Z"
    message: '0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory.
      preemption: 0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory..'
    reason: Unschedulable
    status: "False"
    type: PodScheduled
  phase: Pending
  qosClass: Guaranteed
`;

/**
 * kubernetes/website `content/en/docs/concepts/workloads/controllers/job.md` (find_string id 892687816), tab
 * "kubectl get job pi -o yaml": the spec and status (the page edits the metadata block by hand, so it is left out).
 */
export const PI_JOB_SPEC_STATUS_YAML = `spec:
  backoffLimit: 4
  completionMode: NonIndexed
  completions: 1
  parallelism: 1
  selector:
    matchLabels:
      batch.kubernetes.io/controller-uid: 863452e6-270d-420e-9b94-53a54146c223
  suspend: false
  template:
    metadata:
      creationTimestamp: null
      labels:
        batch.kubernetes.io/controller-uid: 863452e6-270d-420e-9b94-53a54146c223
        batch.kubernetes.io/job-name: pi
    spec:
      containers:
      - command:
        - perl
        - -Mbignum=bpi
        - -wle
        - print bpi(2000)
        image: perl:5.34.0
        imagePullPolicy: IfNotPresent
        name: pi
        resources: {}
        terminationMessagePath: /dev/termination-log
        terminationMessagePolicy: File
      dnsPolicy: ClusterFirst
      restartPolicy: Never
      schedulerName: default-scheduler
      securityContext: {}
      terminationGracePeriodSeconds: 30
status:
  active: 1
  ready: 0
  startTime: "2022-11-10T17:53:57Z"
  uncountedTerminatedPods: {}
`;
