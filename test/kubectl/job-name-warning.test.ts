import { describe, expect, it } from "vitest";
import { commandTranscript } from "./commands/session.js";

/**
 * A Job whose name is a DNS subdomain but no DNS label (`contour-certgen-v1.25.0`) is created,
 * and the API server warns about it (pkg/registry/batch/job/strategy.go WarningsOnCreate:
 * "metadata.name: this is used in Pod names and hostnames, which can result in surprising
 * behavior; a DNS label is recommended: [must not contain dots]"); kubectl prints the warning
 * as client-go's warning handler does, `Warning: ` on stderr, before its result line. Only a
 * request that reaches the server gets it: not a client dry run, and not an apply over a live
 * Job (WarningsOnUpdate does not check the name).
 */
const job = `apiVersion: batch/v1
kind: Job
metadata: {name: contour-certgen-v1.25.0}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;
const WARNING =
  "2> Warning: metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]\n";

describe("the API server's warning about a Job name with dots", () => {
  it("comes with the create, on stderr before the result", () => {
    const out = commandTranscript(["kubectl apply -f certgen.yaml"], { files: { "certgen.yaml": job } });
    expect(out).toContain(
      `$ kubectl apply -f certgen.yaml\n${WARNING}job.batch/contour-certgen-v1.25.0 created\n`,
    );
  });

  it("comes with kubectl create and a server dry run, not a client dry run or an unchanged apply", () => {
    const out = commandTranscript(
      [
        "kubectl create -f certgen.yaml --dry-run=client",
        "kubectl create -f certgen.yaml --dry-run=server",
        "kubectl create -f certgen.yaml",
        "kubectl apply -f certgen.yaml",
      ],
      { files: { "certgen.yaml": job } },
    );
    expect(out.split(WARNING).length - 1).toBe(2);
    expect(out).toContain(`--dry-run=client\njob.batch/contour-certgen-v1.25.0 created (dry run)\n$`);
    expect(out).toContain(
      `--dry-run=server\n${WARNING}job.batch/contour-certgen-v1.25.0 created (server dry run)\n`,
    );
  });
});
