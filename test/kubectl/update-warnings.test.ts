import { describe, expect, it } from "vitest";
import { commandTranscript } from "./commands/session.js";

/**
 * The warnings of an update (pkg/registry/batch/job/strategy.go WarningsOnUpdate): only when the
 * update changes the spec (the generation moves), the spec's warnings again
 * (pkg/api/job/warnings.go WarningsForJobSpec: the Indexed soft limits, then the pod template's,
 * pkg/api/pod/warnings.go) — not the name's, which only WarningsOnCreate checks. The registry adds
 * them after validation passed (rest.BeforeUpdate), so a refused update has none; a server dry
 * run gets them, a client dry run sends nothing.
 */
const job = (extra: string, labels = "") => `apiVersion: batch/v1
kind: Job
metadata: {name: legacy${labels}}
spec:${extra}
  template:
    spec:
      restartPolicy: Never
      nodeSelector: {beta.kubernetes.io/os: linux}
      containers: [{name: c, image: "app:1"}]
`;
const W =
  '2> Warning: spec.template.spec.nodeSelector[beta.kubernetes.io/os]: deprecated since v1.14; use "kubernetes.io/os" instead';

describe("warnings on update", () => {
  it("come again with an apply or patch that changes the spec, not with one that changes only metadata", () => {
    const out = commandTranscript(
      [
        "kubectl apply -f v1.yaml",
        "kubectl apply -f v1.yaml",
        "kubectl apply -f labelled.yaml",
        "kubectl apply -f v2.yaml --dry-run=client",
        "kubectl apply -f v2.yaml --dry-run=server",
        "kubectl apply -f v2.yaml",
        `kubectl patch job legacy -p '{"spec":{"backoffLimit":3}}'`,
        `kubectl patch job legacy -p '{"spec":{"backoffLimit":3}}'`,
        `kubectl patch job legacy -p '{"spec":{"parallelism":-1}}'`,
      ],
      {
        runSeconds: 300,
        files: {
          "v1.yaml": job(""),
          "labelled.yaml": job("", ", labels: {team: a}"),
          "v2.yaml": job("\n  activeDeadlineSeconds: 600", ", labels: {team: a}"),
        },
      },
    );
    expect(out.split("\n")).toEqual([
      "$ kubectl apply -f v1.yaml",
      W,
      "job.batch/legacy created",
      "$ kubectl apply -f v1.yaml",
      "job.batch/legacy unchanged",
      "$ kubectl apply -f labelled.yaml",
      "job.batch/legacy configured",
      "$ kubectl apply -f v2.yaml --dry-run=client",
      "job.batch/legacy configured (dry run)",
      "$ kubectl apply -f v2.yaml --dry-run=server",
      W,
      "job.batch/legacy configured (server dry run)",
      "$ kubectl apply -f v2.yaml",
      W,
      "job.batch/legacy configured",
      `$ kubectl patch job legacy -p '{"spec":{"backoffLimit":3}}'`,
      W,
      "job.batch/legacy patched",
      `$ kubectl patch job legacy -p '{"spec":{"backoffLimit":3}}'`,
      "job.batch/legacy patched (no change)",
      `$ kubectl patch job legacy -p '{"spec":{"parallelism":-1}}'`,
      // (refused: no warning)
      '2> The Job "legacy" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      "",
    ]);
  });
});

describe("the Indexed soft limits (WarningsForJobSpec)", () => {
  it("warn of more than 10^5 completions with a parallelism above 10^4", () => {
    const indexed = (completions: number, parallelism: number) => `apiVersion: batch/v1
kind: Job
metadata: {name: big}
spec:
  completionMode: Indexed
  completions: ${completions}
  parallelism: ${parallelism}
  template:
    spec:
      restartPolicy: Never
      containers: [{name: c, image: "app:1"}]
`;
    const out = commandTranscript(
      ["kubectl apply -f big.yaml --dry-run=server", "kubectl apply -f edge.yaml --dry-run=server"],
      { files: { "big.yaml": indexed(100001, 10001), "edge.yaml": indexed(100000, 10001) } },
    );
    expect(out).toBe(
      [
        "$ kubectl apply -f big.yaml --dry-run=server",
        "2> Warning: spec: In Indexed Jobs with a number of completions higher than 10^5 and a parallelism higher than 10^4, Kubernetes might not be able to track completedIndexes when a big number of indexes fail",
        "job.batch/big created (server dry run)",
        "$ kubectl apply -f edge.yaml --dry-run=server",
        "job.batch/big created (server dry run)",
        "",
      ].join("\n"),
    );
  });
});

describe("kubectl create of a Job that exists", () => {
  // rest.BeforeCreate validates and adds WarningsOnCreate before the storage answers
  // AlreadyExists (apiserver registry/generic/registry/store.go Create): an invalid manifest is
  // refused as Invalid, a valid one gets its warnings and then AlreadyExists.
  it("prints the create warnings before AlreadyExists, and an invalid manifest's errors instead", () => {
    const out = commandTranscript(
      ["kubectl create -f v1.yaml", "kubectl create -f v1.yaml", "kubectl create -f bad.yaml"],
      { files: { "v1.yaml": job(""), "bad.yaml": job("\n  backoffLimit: -1") } },
    );
    expect(out.split("\n")).toEqual([
      "$ kubectl create -f v1.yaml",
      W,
      "job.batch/legacy created",
      "$ kubectl create -f v1.yaml",
      W,
      '2> Error from server (AlreadyExists): error when creating "v1.yaml": jobs.batch "legacy" already exists',
      "$ kubectl create -f bad.yaml",
      '2> The Job "legacy" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
      "",
    ]);
  });
});

describe("kubectl create of a Job that is being deleted", () => {
  it("says so before AlreadyExists (registry store.go Create: 'object is being deleted: ')", () => {
    const out = commandTranscript(
      [
        "kubectl create -f v1.yaml",
        "sleep 10",
        "kubectl delete job legacy --cascade=foreground --wait=false",
        "kubectl create -f v1.yaml",
      ],
      { runSeconds: 300, terminationSeconds: 30, files: { "v1.yaml": job("") } },
    );
    expect(out).toContain(
      `$ kubectl create -f v1.yaml\n${W}\n2> Error from server (AlreadyExists): error when creating "v1.yaml": object is being deleted: jobs.batch "legacy" already exists\n`,
    );
  });
});
