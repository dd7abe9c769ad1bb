import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
