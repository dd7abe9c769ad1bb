import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * A pod with `hostNetwork: true` runs in the node's network namespace: the kubelet reports the
 * node's IP as the pod's IP from its first status (kubelet_pods.go generateAPIPodStatus: "HostNetwork
 * Pods inherit the node IPs as PodIPs"), and no CNI ADD hands it an address of the node's pod
 * range. The API server defaults each container port's hostPort to its containerPort on the pod
 * (pkg/apis/core/v1/defaults.go SetDefaults_Pod → defaultHostNetworkPorts), not on the Job's
 * template (the DefaultHostNetworkHostPortsInPodTemplates gate that did so was removed in 1.31,
 * kubernetes#124417).
 */
const scenario = (steps: string[]) => `
apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: host-network}
seed: 1
cluster:
  nodes:
    - {name: k3d-my-cluster-agent-0, internalIP: 172.18.0.4}
images:
  busybox:1.36:
    runSeconds: 30
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
  jobs.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: node-agent}
    spec:
      template:
        spec:
          hostNetwork: true
          restartPolicy: Never
          initContainers:
          - name: init
            image: busybox:1.36
            ports: [{containerPort: 9000}]
          containers:
          - name: c
            image: busybox:1.36
            ports: [{containerPort: 8080, name: http}, {containerPort: 8443, hostPort: 8443}]
    ---
    apiVersion: batch/v1
    kind: Job
    metadata: {name: plain}
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - {name: c, image: busybox:1.36}
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;

const run = (steps: string[]) =>
  sessionTranscript(parseScenario(scenario(steps), "host-network.yaml", "/nonexistent"));

describe("hostNetwork pods", () => {
  it("show the node's IP as theirs and leave the pod range to the others", () => {
    const out = run([
      "kubectl apply -f jobs.yaml",
      "sleep 20s",
      "kubectl get pods -o custom-columns=NAME:.metadata.labels.job-name,IP:.status.podIP,IPS:.status.podIPs[*].ip,HOST:.status.hostIP",
    ]);
    expect(out).toContain("node-agent   172.18.0.4   172.18.0.4   172.18.0.4\n");
    // .1 is the gateway and .2 the system pod's: the plain pod gets the first free address.
    expect(out).toContain("plain        10.42.0.3    10.42.0.3    172.18.0.4\n");
  });

  it("have their ports' hostPort defaulted on the pod, not on the Job's template", () => {
    const out = run([
      "kubectl apply -f jobs.yaml",
      "sleep 5s",
      "kubectl get pods -l job-name=node-agent -o jsonpath={.items[0].spec.initContainers[0].ports[0].hostPort}/{.items[0].spec.containers[0].ports[*].hostPort}",
      "kubectl get job node-agent -o jsonpath={.spec.template.spec.containers[0].ports[*].hostPort}",
    ]);
    expect(out).toContain("9000/8080 8443$ kubectl get job");
    expect(out).toMatch(/hostPort\}\n8443$/);
  });
});
