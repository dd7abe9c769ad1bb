import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { expect } from "vitest";

/** The built CLI (`npm test` builds first). */
export const CLI = join(process.cwd(), "dist/src/cli/main.js");

/** Runs the built CLI to the end. */
export function jobsim(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", timeout: 120_000 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
  expect(text).not.toContain("internal error");
}

/** A fresh scratch directory. */
export function tmp(): string {
  return mkdtempSync(join(tmpdir(), "jobsim-cli-"));
}

/**
 * The tutorial scenario with its Job manifest moved out of files: to `path` beside it (relative
 * to the scenario, written under dir/sc/); returns the scenario's path and the manifest's text.
 */
export function tutorialReadingManifest(dir: string, path: string): { scenario: string; manifest: string } {
  const text = readFileSync("scenarios/flaky-job.yaml", "utf8");
  const manifest = text
    .slice(text.indexOf("  job.yaml: |\n") + "  job.yaml: |\n".length, text.indexOf("\nsteps:"))
    .replace(/^ {4}/gm, "");
  const scenario = join(dir, "sc", "outside.yaml");
  mkdirSync(dirname(join(dir, "sc", path)), { recursive: true });
  mkdirSync(join(dir, "sc"), { recursive: true });
  writeFileSync(join(dir, "sc", path), manifest);
  writeFileSync(
    scenario,
    text.replace(/\nfiles:\n[\s\S]*?\nsteps:/, "\nsteps:").replace("apply -f job.yaml", `apply -f ${path}`),
  );
  return { scenario, manifest };
}
