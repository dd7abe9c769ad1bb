import { describe, expect, it } from "vitest";
import { planFor } from "../../../src/analysis/plan.js";
import { scenario } from "../../analysis/helpers.js";
import { commandOutput } from "./session.js";

/**
 * `kubectl logs --since` under half a second: ToLogOptions (staging/src/k8s.io/kubectl/pkg/cmd/
 * logs/logs.go) sends SinceSeconds = Round(since, 1s) whenever --since is not 0, so 400ms is sent
 * as 0; kubectl's Validate lets 0 pass (it refuses < 0), and the API server's LogREST.Get
 * (pkg/registry/core/pod/rest/log.go) refuses it with errors.NewInvalid(Kind("PodLogOptions"),
 * pod, ValidatePodLogOptions: `sinceSeconds: Invalid value: 0: must be greater than 0`), which
 * cmdutil.CheckErr prints as `The PodLogOptions "<pod>" is invalid: ...`.
 */
const RAN = ["kubectl apply -f job.yaml", "sleep 1m"];

describe("kubectl logs --since under half a second", () => {
  it.each(["400ms", "1ms", "-400ms"])("--since=%s is refused by the API server", (since) => {
    expect(commandOutput(RAN, `kubectl logs job/work --since=${since}`)).toBe(
      '2> The PodLogOptions "work-skg54" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0\n',
    );
  });

  it("half a second rounds up to 1 s and is sent", () => {
    expect(commandOutput(RAN, "kubectl logs job/work --since=500ms")).toBe("");
    expect(commandOutput(RAN, "kubectl logs job/work --since=2m")).toBe("ok\n");
  });

  it("--ignore-errors writes the error's text among the logs", () => {
    expect(commandOutput(RAN, "kubectl logs -l job-name=work --since=1ms --ignore-errors")).toBe(
      'error: PodLogOptions "work-skg54" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0\n',
    );
  });

  it("-f does not follow a request the server refused, in a session or a Monte Carlo run", () => {
    expect(
      commandOutput(["kubectl apply -f job.yaml", "sleep 5s"], "kubectl logs -f job/work --since=1ms"),
    ).toBe(
      '2> The PodLogOptions "work-skg54" is invalid: sinceSeconds: Invalid value: 0: must be greater than 0\n',
    );
    const plan = planFor(
      scenario({
        p: 1,
        backoffLimit: 6,
        steps: ["kubectl apply -f job.yaml", "kubectl logs -f job/work --since=1ms"],
      }),
    );
    expect(plan.steps.find((s) => s.kind === "follow")).toMatchObject({ refused: true });
  });
});
