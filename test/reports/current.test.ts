import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * reports/ is current: regenerating it (scripts/reports.mjs, what `npm run reports` runs) in a
 * scratch directory gives the committed files byte for byte. The reports come from 1.6 million
 * seeded runs on two workers, so this also checks determinism end to end. After an intended
 * change of behaviour, run `npm run reports` and commit the result.
 */

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

describe("reports/", () => {
  it("is what npm run reports generates now", { timeout: 600_000 }, () => {
    const scratch = mkdtempSync(join(tmpdir(), "jobsim-reports-"));
    symlinkSync(join(process.cwd(), "scenarios"), join(scratch, "scenarios"));
    const r = spawnSync(process.execPath, ["scripts/reports.mjs", scratch], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const committed = filesUnder("reports");
    const fresh = filesUnder(join(scratch, "reports"));
    expect(fresh).toEqual(committed);
    expect(committed).toEqual(
      expect.arrayContaining(["flaky-job/index.html", "flaky-job/timeline.svg", "flaky-job/mc/index.html"]),
    );
    for (const f of committed) {
      const want = readFileSync(join("reports", f), "utf8");
      const got = readFileSync(join(scratch, "reports", f), "utf8");
      expect(got, `reports/${f} differs: run npm run reports`).toBe(want);
    }
  });
});
