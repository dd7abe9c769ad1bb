import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The dependency direction of docs/architecture.md: each layer of src/ imports only the layers
 * below it. Found by reading every import of every source file.
 */

const ALLOWED: Record<string, string[]> = {
  engine: [],
  models: ["engine"],
  kubectl: ["models", "engine"],
  scenario: ["kubectl", "models", "engine"],
  session: ["scenario", "kubectl", "models", "engine"],
  analysis: ["scenario", "kubectl", "models", "engine"],
  report: ["analysis", "session", "kubectl", "models", "engine"],
  cli: ["report", "analysis", "session", "scenario", "kubectl", "models", "engine"],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("layers", () => {
  it("src/ has exactly these layers", () => {
    expect(
      readdirSync("src", { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort(),
    ).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(Object.keys(ALLOWED))("%s imports only the layers below it", (layer) => {
    const wrong: string[] = [];
    for (const file of sources(join("src", layer))) {
      for (const m of readFileSync(file, "utf8").matchAll(/from "((?:\.\.?\/)+)([a-z-]+)\//g)) {
        // Resolve the import against the file's directory to find the layer it lands in.
        const depth = file.split("/").length - 2; // src/<layer>/... → levels below src
        const ups = (m[1].match(/\.\.\//g) ?? []).length;
        if (ups < depth) continue; // stays inside the layer
        const target = m[2];
        if (target !== layer && !ALLOWED[layer].includes(target)) wrong.push(`${file} → ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
