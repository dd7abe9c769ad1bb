import { describe, expect, it } from "vitest";
import { parseScenario } from "../../../src/scenario/load.js";
import { sessionTranscript } from "../../helpers/session.js";

/**
 * A container restarted in place (restartPolicy OnFailure) goes through the image step on every
 * start, as the first start does: kuberuntime_container.go startContainer calls
 * EnsureImageExists each time (pkg/kubelet/kuberuntime/kuberuntime_container.go), and
 * pkg/kubelet/images/image_manager.go then records, with KubeletEnsureSecretPulledImages on
 * (beta, on by default from 1.35: pkg/features/kube_features.go),
 *   Pulled  `Container image "IMAGE" already present on machine and can be accessed by the pod`
 * for IfNotPresent / Never with the image there, or Pulling + Pulled "Successfully pulled image
 * … in Xs (Ys including waiting). Image size: N bytes." for Always (and for the default policy of
 * an untagged or :latest image, pkg/apis/core/v1/defaults.go). The recorder deduplicates the
 * identical events (client-go tools/record events_cache.go), so describe shows "(xN over T)".
 * The container always fails (exit 1): it restarts at once, then after 10 s and 20 s of back-off
 * (1.35: the pod worker retries when the back-off expires, so one BackOff event per wait).
 */

function crashScenario(image: string, policy: string | null, nodeImages: string[]): string {
  const pull = policy === null ? "" : `\n              imagePullPolicy: ${policy}`;
  return `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: restart-image
seed: 5
cluster:
  nodes:
    - name: k3d-my-cluster-agent-0
      images: ${JSON.stringify(nodeImages)}
images:
  ${image}:
    pullSeconds: 1.5
    repullSeconds: 0.25
    startSeconds: 0.5
    runSeconds: 2
    sizeBytes: 2160406
    outcomes:
      - { probability: 1, exitCode: 1, log: "boom" }
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata:
      name: crash
    spec:
      backoffLimit: 6
      template:
        spec:
          containers:
            - name: app
              image: ${image}${pull}
          restartPolicy: OnFailure
steps:
  - kubectl apply -f job.yaml
  - sleep 50s
  - kubectl describe pods
`;
}

/** The describe Events table of the session's one pod. */
function podEvents(image: string, policy: string | null, nodeImages: string[]): string {
  const sc = parseScenario(crashScenario(image, policy, nodeImages), "restart-image.yaml", "/nonexistent");
  const out = sessionTranscript(sc);
  return out.slice(out.indexOf("Events:"));
}

const UID = "71faae90-26b3-4a55-a9d6-a42b2b531321";
const BACKOFF = `Back-off restarting failed container app in pod crash-55gn2_default(${UID})`;

describe("restarts go through EnsureImageExists (kuberuntime_container.go startContainer)", () => {
  const cases: [string, string, string | null, string[], string[]][] = [
    [
      "IfNotPresent, image pulled by the first start",
      "busybox:1.36",
      "IfNotPresent",
      [],
      [
        "Events:",
        "  Type     Reason     Age               From               Message",
        "  ----     ------     ----              ----               -------",
        "  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/crash-55gn2 to k3d-my-cluster-agent-0",
        '  Normal   Pulling    50s               kubelet            spec.containers{app}: Pulling image "busybox:1.36"',
        '  Normal   Pulled     49s               kubelet            spec.containers{app}: Successfully pulled image "busybox:1.36" in 1.5s (1.5s including waiting). Image size: 2160406 bytes.',
        "  Normal   Created    5s (x4 over 48s)  kubelet            spec.containers{app}: Container created",
        "  Normal   Started    5s (x4 over 48s)  kubelet            spec.containers{app}: Container started",
        '  Normal   Pulled     5s (x3 over 46s)  kubelet            spec.containers{app}: Container image "busybox:1.36" already present on machine and can be accessed by the pod',
        `  Warning  BackOff    2s (x3 over 43s)  kubelet            spec.containers{app}: ${BACKOFF}`,
      ],
    ],
    [
      "Never, image on the node",
      "busybox:1.36",
      "Never",
      ["busybox:1.36"],
      [
        "Events:",
        "  Type     Reason     Age               From               Message",
        "  ----     ------     ----              ----               -------",
        "  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/crash-55gn2 to k3d-my-cluster-agent-0",
        '  Normal   Pulled     6s (x4 over 50s)  kubelet            spec.containers{app}: Container image "busybox:1.36" already present on machine and can be accessed by the pod',
        "  Normal   Created    6s (x4 over 50s)  kubelet            spec.containers{app}: Container created",
        "  Normal   Started    6s (x4 over 50s)  kubelet            spec.containers{app}: Container started",
        `  Warning  BackOff    3s (x3 over 44s)  kubelet            spec.containers{app}: ${BACKOFF}`,
      ],
    ],
    [
      "IfNotPresent, image on the node",
      "busybox:1.36",
      null,
      ["busybox:1.36"],
      [
        "Events:",
        "  Type     Reason     Age               From               Message",
        "  ----     ------     ----              ----               -------",
        "  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/crash-55gn2 to k3d-my-cluster-agent-0",
        '  Normal   Pulled     6s (x4 over 50s)  kubelet            spec.containers{app}: Container image "busybox:1.36" already present on machine and can be accessed by the pod',
        "  Normal   Created    6s (x4 over 50s)  kubelet            spec.containers{app}: Container created",
        "  Normal   Started    6s (x4 over 50s)  kubelet            spec.containers{app}: Container started",
        `  Warning  BackOff    3s (x3 over 44s)  kubelet            spec.containers{app}: ${BACKOFF}`,
      ],
    ],
    [
      "Always",
      "busybox:1.36",
      "Always",
      [],
      [
        "Events:",
        "  Type     Reason     Age               From               Message",
        "  ----     ------     ----              ----               -------",
        "  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/crash-55gn2 to k3d-my-cluster-agent-0",
        '  Normal   Pulled     49s               kubelet            spec.containers{app}: Successfully pulled image "busybox:1.36" in 1.5s (1.5s including waiting). Image size: 2160406 bytes.',
        '  Normal   Pulling    5s (x4 over 50s)  kubelet            spec.containers{app}: Pulling image "busybox:1.36"',
        "  Normal   Created    5s (x4 over 48s)  kubelet            spec.containers{app}: Container created",
        "  Normal   Started    5s (x4 over 48s)  kubelet            spec.containers{app}: Container started",
        '  Normal   Pulled     5s (x3 over 46s)  kubelet            spec.containers{app}: Successfully pulled image "busybox:1.36" in 250ms (250ms including waiting). Image size: 2160406 bytes.',
        `  Warning  BackOff    2s (x3 over 43s)  kubelet            spec.containers{app}: ${BACKOFF}`,
      ],
    ],
    [
      "Always, image on the node",
      "busybox:1.36",
      "Always",
      ["busybox:1.36"],
      [
        "Events:",
        "  Type     Reason     Age               From               Message",
        "  ----     ------     ----              ----               -------",
        "  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/crash-55gn2 to k3d-my-cluster-agent-0",
        '  Normal   Pulling    6s (x4 over 50s)  kubelet            spec.containers{app}: Pulling image "busybox:1.36"',
        '  Normal   Pulled     6s (x4 over 50s)  kubelet            spec.containers{app}: Successfully pulled image "busybox:1.36" in 250ms (250ms including waiting). Image size: 2160406 bytes.',
        "  Normal   Created    6s (x4 over 50s)  kubelet            spec.containers{app}: Container created",
        "  Normal   Started    6s (x4 over 50s)  kubelet            spec.containers{app}: Container started",
        `  Warning  BackOff    3s (x3 over 44s)  kubelet            spec.containers{app}: ${BACKOFF}`,
      ],
    ],
    [
      "default for :latest (Always)",
      "busybox:latest",
      null,
      [],
      [
        "Events:",
        "  Type     Reason     Age               From               Message",
        "  ----     ------     ----              ----               -------",
        "  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/crash-55gn2 to k3d-my-cluster-agent-0",
        '  Normal   Pulled     49s               kubelet            spec.containers{app}: Successfully pulled image "busybox:latest" in 1.5s (1.5s including waiting). Image size: 2160406 bytes.',
        '  Normal   Pulling    5s (x4 over 50s)  kubelet            spec.containers{app}: Pulling image "busybox:latest"',
        "  Normal   Created    5s (x4 over 48s)  kubelet            spec.containers{app}: Container created",
        "  Normal   Started    5s (x4 over 48s)  kubelet            spec.containers{app}: Container started",
        '  Normal   Pulled     5s (x3 over 46s)  kubelet            spec.containers{app}: Successfully pulled image "busybox:latest" in 250ms (250ms including waiting). Image size: 2160406 bytes.',
        `  Warning  BackOff    2s (x3 over 43s)  kubelet            spec.containers{app}: ${BACKOFF}`,
      ],
    ],
    [
      "default for no tag (Always)",
      "busybox",
      null,
      ["busybox"],
      [
        "Events:",
        "  Type     Reason     Age               From               Message",
        "  ----     ------     ----              ----               -------",
        "  Normal   Scheduled  50s               default-scheduler  Successfully assigned default/crash-55gn2 to k3d-my-cluster-agent-0",
        '  Normal   Pulling    6s (x4 over 50s)  kubelet            spec.containers{app}: Pulling image "busybox"',
        '  Normal   Pulled     6s (x4 over 50s)  kubelet            spec.containers{app}: Successfully pulled image "busybox" in 250ms (250ms including waiting). Image size: 2160406 bytes.',
        "  Normal   Created    6s (x4 over 50s)  kubelet            spec.containers{app}: Container created",
        "  Normal   Started    6s (x4 over 50s)  kubelet            spec.containers{app}: Container started",
        `  Warning  BackOff    3s (x3 over 44s)  kubelet            spec.containers{app}: ${BACKOFF}`,
      ],
    ],
  ];
  it.each(cases)("%s", (_name, image, policy, nodeImages, expected) => {
    expect(podEvents(image, policy, nodeImages)).toBe(`${expected.join("\n")}\n`);
  });
});
