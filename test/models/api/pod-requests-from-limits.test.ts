import type { PodTemplateSpec } from "kubernetes-types/core/v1.js";
import { describe, expect, it } from "vitest";
import { podTemplateFrom } from "../../../src/models/api/pod-defaults.js";
import { commandTranscript } from "../../kubectl/commands/session.js";

/**
 * SetDefaults_Pod (pkg/apis/core/v1/defaults.go): a container's missing requests default to its
 * limits on a Pod — not on the Job's PodTemplate — so the scheduler counts them.
 */

const template = (resources: object, init?: object): PodTemplateSpec => ({
  spec: {
    containers: [{ name: "c", image: "app:1", resources }],
    ...(init !== undefined ? { initContainers: [{ name: "i", image: "app:1", resources: init }] } : {}),
  },
});

describe("podTemplateFrom", () => {
  it.each([
    {
      name: "limits only: requests copied",
      resources: { limits: { cpu: "2", memory: "64Mi" } },
      requests: { cpu: "2", memory: "64Mi" },
    },
    {
      name: "a request given is kept, the missing one copied",
      resources: { limits: { cpu: "2", memory: "64Mi" }, requests: { memory: "32Mi" } },
      requests: { cpu: "2", memory: "32Mi" },
    },
    {
      name: "requests beyond the limits' keys stay",
      resources: { limits: { cpu: "1" }, requests: { memory: "1Gi" } },
      requests: { cpu: "1", memory: "1Gi" },
    },
  ])("$name", ({ resources, requests }) => {
    const t = template(resources, resources);
    const pod = podTemplateFrom(t);
    expect(pod.spec!.containers[0].resources!.requests).toEqual(requests);
    expect(pod.spec!.initContainers![0].resources!.requests).toEqual(requests);
    // The Job's template is as written.
    expect(t.spec!.containers[0].resources).toEqual(resources);
  });

  it("pod-level limits without requests give the pod-level requests (defaultPodRequests, #130577)", () => {
    const t: PodTemplateSpec = {
      spec: {
        containers: [{ name: "c", image: "app:1", resources: { requests: { cpu: "100m" } } }],
        resources: { limits: { cpu: "2", memory: "1Gi" }, requests: { memory: "512Mi" } },
      } as PodTemplateSpec["spec"],
    };
    const pod = podTemplateFrom(t) as unknown as { spec: { resources: object } };
    // cpu from the limit, though the container asks 100m; the memory request as written.
    expect(pod.spec.resources).toEqual({
      limits: { cpu: "2", memory: "1Gi" },
      requests: { cpu: "2", memory: "512Mi" },
    });
    expect((t.spec as unknown as { resources: object }).resources).toEqual({
      limits: { cpu: "2", memory: "1Gi" },
      requests: { memory: "512Mi" },
    });
  });

  it("nothing missing: the same template (pods share it)", () => {
    const t = template({ limits: { cpu: "1" }, requests: { cpu: "500m" } });
    expect(podTemplateFrom(t)).toBe(t);
    const none = template({});
    expect(podTemplateFrom(none)).toBe(none);
  });
});

describe("a pod whose limits exceed every node", () => {
  const job = `apiVersion: batch/v1
kind: Job
metadata: {name: big}
spec:
  template:
    spec:
      containers:
        - name: c
          image: "app:1"
          resources: {limits: {cpu: "64", memory: 64Mi}}
      restartPolicy: Never
`;
  const out = commandTranscript(
    [
      "kubectl apply -f big.yaml",
      "sleep 5",
      "kubectl get pods",
      "kubectl get pods -o jsonpath={.items[0].spec.containers[0].resources.requests}",
      "kubectl get job big -o jsonpath={.spec.template.spec.containers[0].resources}",
    ],
    { files: { "big.yaml": job } },
  );

  it("is not scheduled: its requests are its limits", () => {
    expect(out).toMatch(/big-\w{5} {3}0\/1 {5}Pending/);
    expect(out).toContain('{"cpu":"64","memory":"64Mi"}');
  });

  it("the Job's template keeps no requests", () => {
    expect(out).toContain('{"limits":{"cpu":"64","memory":"64Mi"}}');
  });
});
