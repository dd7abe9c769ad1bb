import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/load.js";
import { jobsim } from "../helpers/cli.js";

/**
 * The README as a new user meets it: the commands and files it shows must work as shown, and
 * print what it says they print.
 */

const README = readFileSync("README.md", "utf8");

/** The fenced block that follows `heading`, in the language `lang` ("" for a bare fence). */
function blockAfter(heading: string, lang: string): string {
  const from = README.indexOf(heading);
  expect(from).toBeGreaterThanOrEqual(0);
  const open = README.indexOf(`\n\`\`\`${lang}\n`, from);
  const start = open + `\n\`\`\`${lang}\n`.length;
  return README.slice(start, README.indexOf("\n```\n", start) + 1);
}

describe("the README", () => {
  it("shows a scenario file that loads once its elided manifest is filled in", () => {
    // The README elides the manifest as `...`; everything else is the user's to copy.
    const text = blockAfter("## Scenario files", "yaml").replace(
      "    kind: Job\n    ...\n",
      "    kind: Job\n    metadata: {name: example-job}\n    spec:\n      template:\n        spec:\n" +
        '          containers: [{name: flaky-app, image: "k3d-my-cluster-registry:50664/flaky-app:0.1"}]\n' +
        "          restartPolicy: Never\n",
    );
    const s = parseScenario(text, "readme.yaml", "/nonexistent");
    expect(s.name).toBe("flaky-job");
    // The "*" entry it shows covers any other image.
    expect(s.workload.get("other:1").spec.image).toBe("*");
    expect(s.manifests.get("job.yaml")!.docs[0].name).toBe("example-job");
  });

  it("prints the tutorial session its first command replays", () => {
    const r = jobsim("run", "scenarios/flaky-job.yaml");
    expect(r.status).toBe(0);
    // The README shows the terminal: stdout and stderr together, in the order written; this
    // session writes to stderr only in its last `get pods`, after everything else.
    expect(r.stdout + r.stderr).toBe(blockAfter("## The tutorial", "").replace(/^\n*/, ""));
  });

  it("asks for a Node.js version that every runtime dependency accepts (vega-lite's 22 is named apart)", () => {
    // npm ci warns (EBADENGINE) for a dependency whose engines.node the running Node misses.
    const stated = /You need Node\.js (\d+(?:\.\d+)?) or newer/.exec(README)?.[1];
    expect(stated).toBeDefined();
    const [major, minor] = stated!.split(".").map(Number);
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.engines.node).toBe(`>=${major}.${minor ?? 0}`);
    for (const dep of Object.keys(pkg.dependencies)) {
      if (dep === "vega-lite") continue;
      const range: string | undefined = JSON.parse(readFileSync(`node_modules/${dep}/package.json`, "utf8"))
        .engines?.node;
      // The alternative for the stated major (e.g. "^20.19.0" in "^20.19.0 || ^22.12.0 || >=23").
      const lowest = range
        ?.split("||")
        .map((r) => /(\d+)(?:\.(\d+))?/.exec(r)!)
        .find((m) => Number(m[1]) === major);
      if (lowest !== undefined)
        expect([dep, minor ?? 0]).toEqual([dep, Math.max(minor ?? 0, Number(lowest[2] ?? 0))]);
    }
  });

  it("tells what a script does once it runs out: its last entry repeats", () => {
    expect(README).toContain("the last entry repeats once the script runs out");
    const text = readFileSync("scenarios/flaky-job.yaml", "utf8").replace(
      / {4}outcomes:[^\n]*\n( {6}- [^\n]*\n)+/,
      "    script: [{exitCode: 1}, {exitCode: 0}]\n",
    );
    const image = parseScenario(text, "s.yaml", "/nonexistent").workload.get(
      "k3d-my-cluster-registry:50664/flaky-app:0.1",
    );
    const rng = undefined as never; // a script draws nothing
    expect([0, 1, 2, 5].map((k) => image.outcome(k, rng).exitCode)).toEqual([1, 0, 0, 0]);
  });
});
