#!/usr/bin/env node
// Regenerates reports/ from the tutorial scenario (npm run reports). Every file is a pure function
// of the scenario, the seed and jobsim's code, so CI regenerates them and compares
// (test/reports/current.test.ts): a difference means the code's behaviour changed, or reports/ was
// not regenerated after an intended change.
//
//   node scripts/reports.mjs [DIR]   DIR holds scenarios/ and receives reports/ (default: the repo)
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const cwd = process.argv[2] ?? repo;
const cli = join(repo, "dist/src/cli/main.js");
const TUTORIAL = "scenarios/flaky-job.yaml";
const OUT = "reports/flaky-job";
const RUNS = "100000";

/** The commands, as a user would type them (the footer of each report shows its own). */
const commands = [
  {
    args: [
      "sweep",
      TUTORIAL,
      "--set",
      "spec.backoffLimit=0..15",
      "--runs",
      RUNS,
      "--target",
      "0.999",
      "--workers",
      "2",
      "--report",
      OUT,
    ],
    stdout: `${OUT}/sweep.txt`,
  },
  {
    args: ["mc", TUTORIAL, "--runs", RUNS, "--workers", "2", "--report", `${OUT}/mc`],
    stdout: `${OUT}/mc/mc.txt`,
  },
  { args: ["run", TUTORIAL, "--timeline", `${OUT}/timeline.svg`], stdout: `${OUT}/session.txt` },
  { args: ["run", TUTORIAL, "--timeline", `${OUT}/timeline.html`], stdout: null },
];

rmSync(join(cwd, OUT), { recursive: true, force: true });
for (const c of commands) {
  const r = spawnSync(process.execPath, [cli, ...c.args], { cwd, encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    process.stderr.write(`jobsim ${c.args.join(" ")} failed (exit ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  if (c.stdout !== null) {
    const path = join(cwd, c.stdout);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, r.stdout);
  }
}
process.stdout.write(`reports regenerated under ${join(cwd, "reports")}\n`);
