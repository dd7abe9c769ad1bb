import { describe, expect, it } from "vitest";
import { sweepMarkdown, sweepText } from "../../src/report/sweep-table.js";
import { sweepFixture } from "./fixtures.js";

describe("sweep text: the target as the user gave it", () => {
  // The verdicts compare the raw lower bound with the raw target; the text must name that
  // target, not a rounding of it that a shown lower bound seems to contradict.
  it.each([
    [0.9, "90%"],
    [0.999, "99.9%"],
    [0.9995, "99.95%"],
    [0.999021, "99.9021%"],
  ])("target %s is printed as %s in the header and the recommendation", (target, shown) => {
    const text = sweepText(sweepFixture({ target }));
    const header = text.split("\n").find((l) => l.startsWith("backoffLimit "));
    expect(header).toContain(`lower ≥ ${shown} `);
    expect(text).toMatch(new RegExp(`reaches ${shown.replace(".", "\\.")} success`));
  });
});

describe("sweep text: a recommendation the closed form contradicts", () => {
  // The Monte Carlo names the smallest value whose 95% lower bound reaches the target; a
  // lower bound above the exact value happens by chance (about 2.5% per look). When the
  // closed form shows the named value's exact P(success) below the target, the text says so
  // instead of printing two contradicting answers side by side.
  const contradicted = (
    exactAtRecommended: number,
    closedForm: { value: number; successRate: number } | null,
  ) => {
    const r = sweepFixture({ target: 0.9 });
    const recommended = r.recommendation!.value;
    for (const p of r.points) p.target!.exactRate = p.value === recommended ? exactAtRecommended : 0.5;
    r.closedFormRecommendation = closedForm;
    return { text: sweepText(r), recommended };
  };

  it("a smaller value than the closed form's: the exact value at it is shown below the target", () => {
    const { text, recommended } = contradicted(0.8995, { value: 5, successRate: 0.95 });
    const line = text.split("\n").find((l) => l.startsWith("closed form:"))!;
    expect(line).toBe(
      `closed form: spec.backoffLimit = 5 is the smallest value whose exact P(success) (95.000%) reaches 90% success; at ${recommended} it is 89.950%, below the target: the Monte Carlo's lower bound passed it by chance (a 95% bound does so about 2.5% of the time, more often when a value is looked at again); raise --runs`,
    );
  });

  it("no value reaches the target exactly, yet one is recommended", () => {
    const { text, recommended } = contradicted(0.8995, null);
    const line = text.split("\n").find((l) => l.startsWith("closed form:"))!;
    expect(line).toBe(
      `closed form: no value in the sweep reaches 90% success; at ${recommended} it is 89.950%, below the target: the Monte Carlo's lower bound passed it by chance (a 95% bound does so about 2.5% of the time, more often when a value is looked at again); raise --runs`,
    );
  });

  it("agreement adds nothing", () => {
    const r = sweepFixture({ target: 0.9 });
    r.closedFormRecommendation = { value: r.recommendation!.value, successRate: 0.92224 };
    const line = sweepText(r)
      .split("\n")
      .find((l) => l.startsWith("closed form:"))!;
    expect(line).toMatch(/reaches 90% success$/);
  });
});

describe("sweep text: a closed form outside its value's interval", () => {
  // mc marks an exact P(success) outside the Wilson interval (mc-text.ts); the sweep table
  // printed the exact value bare, so a disagreement went unsaid.
  it("is marked in the table and the Markdown; values that agree are not", () => {
    const r = sweepFixture({ target: 0.9 });
    const cf = r.points[3].jobs["example-job"].closedForm;
    if (!cf.applies) throw new Error("fixture without closed form");
    cf.checks.successRate.verdict = "disagrees";
    const rows = sweepText(r)
      .split("\n")
      .filter((l) => /^\d+ /.test(l));
    expect(rows).toHaveLength(6);
    rows.forEach((row, i) => {
      if (i === 3) expect(row).toContain(`${(100 * cf.successRate).toFixed(3)}% (OUTSIDE)`);
      else expect(row).not.toContain("OUTSIDE");
    });
    const md = sweepMarkdown(r, "flaky-job");
    expect(md.split("\n").filter((l) => l.includes("(OUTSIDE)"))).toHaveLength(1);
    expect(sweepText(r)).toContain("OUTSIDE: the exact P(success) lies outside the value's 95% interval");
  });
});

describe("sweep text: the closed form's value missed by the Monte Carlo", () => {
  // Refinement re-runs only values whose interval straddles the target (sweep.ts refine): one
  // whose upper bound fell below it by chance is never re-run, so --max-runs cannot help.
  const missed = (ci95: [number, number]) => {
    const r = sweepFixture({ target: 0.9 });
    const value = r.recommendation!.value - 1;
    r.points.find((p) => p.value === value)!.target!.ci95 = ci95;
    r.closedFormRecommendation = { value, successRate: 0.9001 };
    return sweepText(r)
      .split("\n")
      .find((l) => l.startsWith("closed form:"))!;
  };

  it("below the target by chance: raise --runs, not --max-runs", () => {
    expect(missed([0.86, 0.877])).toMatch(
      / \(at \d+ the Monte Carlo's 95% upper bound, 87\.700%, fell below the target by chance, so it was not re-run: raise --runs\)$/,
    );
  });

  it("still straddling the target at --max-runs: raise --max-runs", () => {
    expect(missed([0.89, 0.91])).toMatch(
      / \(the Monte Carlo needs more runs to show it at 95% confidence: raise --max-runs\)$/,
    );
  });
});

describe("sweep text: runs cut short", () => {
  // P(success) counts a run still running at the horizon (or deleted) as no success; the
  // table has no Failed column, so without a note such runs read as failures.
  it("names the values whose runs did not all finish, with their share", () => {
    const r = sweepFixture({ target: 0.9 });
    const j = r.points[2].jobs["example-job"];
    j.unfinished = 250;
    j.failed -= 250;
    j.deleted = 100;
    j.complete -= 100;
    const text = sweepText(r);
    expect(text).toContain(
      "not finished (counted as no success): backoffLimit 2: 2.500% still running at the horizon, 1.000% deleted\n",
    );
    expect(sweepText(sweepFixture({ target: 0.9 }))).not.toContain("not finished");
  });
});
