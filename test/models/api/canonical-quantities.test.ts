import { describe, expect, it } from "vitest";
import { commandOutput } from "../../kubectl/commands/session.js";

/**
 * Resource quantities come back from the API server in canonical form (resource.Quantity,
 * quantity.go CanonicalizeBytes): in the Job's template, in its pods, and in a node's status.
 */

const job = `apiVersion: batch/v1
kind: Job
metadata: {name: q}
spec:
  template:
    spec:
      containers:
        - name: c
          image: "app:1"
          resources: {requests: {cpu: "1000m", memory: "1024Mi"}, limits: {cpu: 2, memory: 1.5Gi}}
      restartPolicy: Never
`;

function output(command: string): string {
  return commandOutput(["kubectl apply -f q.yaml", "sleep 5"], command, { files: { "q.yaml": job } });
}

describe("canonical quantities", () => {
  it.each([
    ["kubectl get job q -o jsonpath={.spec.template.spec.containers[0].resources}"],
    ["kubectl get pods -o jsonpath={.items[0].spec.containers[0].resources}"],
  ])("%s", (command) => {
    expect(output(command)).toBe(
      '{"limits":{"cpu":"2","memory":"1536Mi"},"requests":{"cpu":"1","memory":"1Gi"}}',
    );
  });

  it("a node's allocatable CPU in cores, not 4000m", () => {
    expect(output("kubectl get nodes -o jsonpath={.items[0].status.allocatable.cpu}")).toBe("4");
  });

  it("re-applying the same manifest is unchanged (the three-way diff sees no change)", () => {
    expect(output("kubectl apply -f q.yaml")).toBe("job.batch/q unchanged\n");
  });
});
