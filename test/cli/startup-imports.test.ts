import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * What a start of the CLI (or of a Monte Carlo worker thread) loads before it does anything:
 * the static import graph of the built files. vega and vega-lite take about 0.35 s to load
 * here (`node -e "import('vega')"`), three times the rest of a `jobsim run`; only the chart
 * reports need them, so they come in through a dynamic import() when a report is written.
 * Likewise each command's module is imported only when that command runs.
 */

const DIST = join(process.cwd(), "dist/src");

/** Specifiers of `import … from "x"`, `import "x"` and `export … from "x"` (not import()). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+"([^"]+)";|^import\s+"([^"]+)";/gms))
    found.push(m[1] ?? m[2]);
  return found;
}

/** Every built file and every package reached from `entry` by static imports. */
function staticGraph(entry: string): { files: string[]; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (spec.startsWith(".")) todo.push(resolve(dirname(file), spec));
      else if (!spec.startsWith("node:"))
        packages.add(
          spec
            .split("/")
            .slice(0, spec.startsWith("@") ? 2 : 1)
            .join("/"),
        );
    }
  }
  return { files: [...files].map((f) => relative(DIST, f)).sort(), packages };
}

describe("startup imports", () => {
  it("finds imports in the built files (the scan itself works)", () => {
    const { files, packages } = staticGraph(join(DIST, "report/html.js"));
    expect(files).toContain("report/chart-render.js");
    expect(packages.has("vega")).toBe(true);
    expect(packages.has("vega-lite")).toBe(true);
  });

  it("the CLI's entry loads neither vega nor any command's module", () => {
    const { files, packages } = staticGraph(join(DIST, "cli/main.js"));
    expect(packages.has("yargs")).toBe(true);
    expect([...packages].filter((p) => p.startsWith("vega"))).toEqual([]);
    for (const command of ["run", "mc", "sweep", "merge", "validate"])
      expect(files).not.toContain(`cli/${command}.js`);
  });

  for (const command of ["run", "mc", "sweep", "merge", "validate"]) {
    it(`jobsim ${command} loads vega only when it writes a chart report`, () => {
      const { packages } = staticGraph(join(DIST, `cli/${command}.js`));
      expect([...packages].filter((p) => p.startsWith("vega"))).toEqual([]);
    });
  }

  it("a Monte Carlo worker thread loads neither vega nor the kubectl printers", () => {
    const { files, packages } = staticGraph(join(DIST, "analysis/worker.js"));
    expect(files).toContain("analysis/monte-carlo.js");
    expect([...packages].filter((p) => p.startsWith("vega"))).toEqual([]);
    expect(
      files.filter((f) => f.startsWith("kubectl/printers/") || f.startsWith("kubectl/describe/")),
    ).toEqual([]);
  });
});
