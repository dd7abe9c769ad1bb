import { describe, expect, it } from "vitest";
import { commandOutput } from "../kubectl/commands/session.js";

/**
 * kubelet_pods.go convertToAPIContainerStatuses: until the runtime has a container of that name,
 * a container's status is the kubelet's default one — `Image: container.Image` (the spec's image
 * as written), no imageID; once created, the runtime's: containerd's normalised reference and
 * the image's digest.
 */
describe("containerStatuses[].image and imageID", () => {
  const jsonpath =
    "kubectl get pods -o jsonpath={.items[0].status.containerStatuses[0].image}/{.items[0].status.containerStatuses[0].imageID}";

  it("while the image is pulled: the spec's image, no imageID", () => {
    expect(commandOutput(["kubectl apply -f job.yaml", "sleep 1"], jsonpath)).toBe("app:1/");
  });

  it("once the container runs: the runtime's reference and digest", () => {
    expect(commandOutput(["kubectl apply -f job.yaml", "sleep 10"], jsonpath)).toMatch(
      /^docker\.io\/library\/app:1\/docker\.io\/library\/app@sha256:[0-9a-f]{64}$/,
    );
  });
});
