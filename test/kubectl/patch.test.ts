import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { scenario } from "../analysis/helpers.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * `kubectl patch job NAME -p JSON` on a Job the session created: the API server validates the
 * patched object as an update, so the selector and controller-uid labels it generated are no
 * obstacle (they were: every patch was refused as if it set them by hand). Monte Carlo replays
 * the patch at its simulated time.
 */

/** The helpers' one-Job scenario (backoffLimit 0) with these steps. */
const withSteps = (steps: string[]) =>
  scenario({ p: 0.5, backoffLimit: 0, steps: steps.map((x) => JSON.stringify(x)) });

describe("kubectl patch", () => {
  it("suspends and resumes; a patch that changes nothing says so; an immutable field is refused", () => {
    const out = sessionTranscript(
      withSteps([
        "kubectl apply -f job.yaml",
        `kubectl patch job work -p '{"spec":{"suspend":true}}'`,
        "kubectl get job work -o jsonpath={.status.conditions[0].reason}",
        `kubectl patch job work -p '{"spec":{"suspend":true}}'`,
        `kubectl patch job work --type merge -p '{"spec":{"suspend":false,"backoffLimit":4}}'`,
        "kubectl get job work -o jsonpath={.spec.backoffLimit}",
        `kubectl patch job work -p '{"spec":{"completions":2}}'`,
      ]),
    );
    expect(out).toBe(
      [
        "$ kubectl apply -f job.yaml",
        "job.batch/work created",
        `$ kubectl patch job work -p '{"spec":{"suspend":true}}'`,
        "job.batch/work patched",
        "$ kubectl get job work -o jsonpath={.status.conditions[0].reason}",
        // (jsonpath prints no newline of its own)
        `JobSuspended$ kubectl patch job work -p '{"spec":{"suspend":true}}'`,
        "job.batch/work patched (no change)",
        `$ kubectl patch job work --type merge -p '{"spec":{"suspend":false,"backoffLimit":4}}'`,
        "job.batch/work patched",
        "$ kubectl get job work -o jsonpath={.spec.backoffLimit}",
        `4$ kubectl patch job work -p '{"spec":{"completions":2}}'`,
        'The Job "work" is invalid: spec.completions: Invalid value: 2: field is immutable',
        "",
      ].join("\n"),
    );
  });

  it("scales an Indexed Job's completions in tandem with parallelism (ElasticIndexedJob); pods past the new completions go", () => {
    const sc = scenario({
      p: 1,
      backoffLimit: 0,
      runSeconds: "60",
      extraSpec: "\n      completionMode: Indexed\n      completions: 4\n      parallelism: 4",
      steps: [
        "kubectl apply -f job.yaml",
        "sleep 10s",
        `kubectl patch job work -p '{"spec":{"completions":3}}'`,
        `kubectl patch job work -p '{"spec":{"completions":2,"parallelism":2}}'`,
        "sleep 2s",
        "kubectl get pods -L batch.kubernetes.io/job-completion-index --no-headers",
        "kubectl wait --for=condition=complete job/work --timeout=5m",
        "kubectl get job work -o jsonpath={.status.completedIndexes}/{.status.succeeded}",
      ].map((x) => JSON.stringify(x)),
    });
    const out = sessionTranscript(sc).split("\n");
    // The upstream message (validation.go validateCompletions).
    expect(out).toContain(
      'The Job "work" is invalid: spec.completions: Invalid value: 3: can only be modified in tandem with spec.parallelism',
    );
    expect(out).toContain("job.batch/work patched");
    // Indexes 2 and 3 are deleted (their containers stop at once: terminationSeconds 0); 0 and 1 run on.
    const rows = out.filter((l) => l.startsWith("work-"));
    expect(rows.map((l) => [l.split(/ +/)[2], l.split(/ +/).at(-1)])).toEqual([
      ["Running", "0"],
      ["Running", "1"],
    ]);
    expect(out).toContain("job.batch/work condition met");
    expect(out.at(-1)).toBe("0,1/2");
  });

  it("Monte Carlo replays it: backoffLimit raised from 0 to 5 right after the apply", () => {
    const mc = new MonteCarlo(
      withSteps([
        "kubectl apply -f job.yaml",
        `kubectl patch job work -p '{"spec":{"backoffLimit":5}}'`,
        "sleep 1h",
      ]),
      3,
    );
    const runs = 2000;
    let complete = 0;
    let maxPods = 0;
    for (let run = 0; run < runs; run++) {
      const r = mc.runOne(run)[0];
      if (r.outcome === "Complete") complete++;
      maxPods = Math.max(maxPods, r.pods);
    }
    // 1 − 0.5^6 = 0.984375 with backoffLimit 5 (0.5 without the patch); 4 standard errors.
    const se = Math.sqrt((0.984375 * 0.015625) / runs);
    expect(Math.abs(complete / runs - 0.984375)).toBeLessThan(4 * se);
    expect(maxPods).toBe(6);
  });

  it("Monte Carlo replays the patch type: 4294967301 is backoffLimit 5 in a strategic patch, refused in a merge patch", () => {
    const complete = (type: string) => {
      const mc = new MonteCarlo(
        withSteps([
          "kubectl apply -f job.yaml",
          `kubectl patch job work --type ${type} -p '{"spec":{"backoffLimit":4294967301}}'`,
          "sleep 1h",
        ]),
        3,
      );
      let n = 0;
      for (let run = 0; run < 400; run++) if (mc.runOne(run)[0].outcome === "Complete") n++;
      return n / 400;
    };
    // 1 − 0.5^6 with backoffLimit 5; 0.5 with the backoffLimit 0 left as it was.
    expect(complete("strategic")).toBeGreaterThan(0.9);
    expect(Math.abs(complete("merge") - 0.5)).toBeLessThan(0.1);
  });
});

describe("kubectl patch, then apply: Monte Carlo replays the template's three-way merge", () => {
  it("a nodeSelector patched into a suspended Job survives the re-apply, so its pods never schedule", () => {
    const sc = scenario({
      p: 1,
      backoffLimit: 0,
      extraSpec: "\n      suspend: true",
      steps: [
        "kubectl apply -f job.yaml",
        JSON.stringify(
          `kubectl patch job work -p '{"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}'`,
        ),
        "kubectl apply -f job.yaml",
        JSON.stringify(`kubectl patch job work -p '{"spec":{"suspend":false}}'`),
        "sleep 1h",
      ],
    });
    const mc = new MonteCarlo(sc, 3);
    for (let run = 0; run < 20; run++) expect(mc.runOne(run)[0].outcome).not.toBe("Complete");
  });
});
