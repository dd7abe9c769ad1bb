import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkShardFile } from "../../src/analysis/shard-check.js";
import { jobsim, noStackTrace, tmp, tutorialReadingManifest } from "../helpers/cli.js";

/**
 * `jobsim merge` trusts nothing in a shard file it has not checked: broken or hand-edited files
 * and shards of a different scenario file are refused by name, with what is wrong.
 */

const S = "scenarios/flaky-job.yaml";
const shardText = jobsim("mc", S, "--runs", "5000", "--seed", "3", "--shard", "1/2").stdout;
/** The parts of a shard file the cases below edit. */
interface Shard {
  jobsimShard?: number;
  scenarioDigest?: string;
  seed?: unknown;
  runs?: number;
  shard?: { index: number; to: number };
  closedForms: unknown[];
  stats?: { outcomes: Record<string, number>; reasons: Record<string, number>; pods: number[][] }[];
  lanes: number[];
}
const valid = () => JSON.parse(shardText) as Shard;

function edited(change: (s: Shard) => void): Shard {
  const s = valid();
  change(s);
  return s;
}

const WHY = (what: string) =>
  `a.json: not a jobsim shard file: ${what} (write one with jobsim mc --shard i/n)`;

describe("checkShardFile", () => {
  it("accepts what mc --shard writes", () => {
    expect(checkShardFile("a.json", valid())).toEqual(valid());
  });

  it.each([
    [null, "expected a JSON object"],
    [[], "expected a JSON object"],
    ["x", "expected a JSON object"],
  ])("refuses %j", (value, what) => {
    expect(() => checkShardFile("a.json", value)).toThrow(WHY(what));
  });

  it.each([
    [
      "no marker",
      (s) => {
        delete s.jobsimShard;
      },
      '"jobsimShard": 1 is missing',
    ],
    [
      "no digest",
      (s) => {
        delete s.scenarioDigest;
      },
      '"scenarioDigest" must be a string',
    ],
    [
      "a fractional seed",
      (s) => {
        s.seed = 1.5;
      },
      '"seed" must be a string or an integer',
    ],
    [
      "runs 0",
      (s) => {
        s.runs = 0;
      },
      '"runs" must be a whole number ≥ 1',
    ],
    [
      "no shard",
      (s) => {
        delete s.shard;
      },
      '"shard" must hold whole numbers index, count, from and to',
    ],
    [
      "shard 3/2",
      (s) => {
        s.shard!.index = 3;
      },
      '"shard" 3/2 is not a shard i/n',
    ],
    [
      "another range",
      (s) => {
        s.shard!.to = 100;
      },
      "shard 1/2 of 5000 runs covers runs [0, 4096), not [0, 100)",
    ],
    [
      "no stats",
      (s) => {
        delete s.stats;
      },
      '"stats" must have one entry per Job (1)',
    ],
    [
      "an extra stats entry",
      (s) => {
        s.stats!.push(s.stats![0]);
      },
      '"stats" must have one entry per Job (1)',
    ],
    [
      "a null closed form",
      (s) => {
        s.closedForms[0] = null;
      },
      "closed form of default/example-job: expected an object or a string",
    ],
    [
      "a closed form without its horizon share",
      (s) => {
        delete (s.closedForms[0] as { pastHorizon?: number }).pastHorizon;
      },
      'closed form of default/example-job: "pastHorizon" must be a number',
    ],
    [
      "a closed form whose pods distribution is cut short",
      (s) => {
        (s.closedForms[0] as { pods: { probs: number[] } }).pods.probs.pop();
      },
      'closed form of default/example-job: "pods" must be a distribution: lists "values" and "probs" of numbers, as long as each other',
    ],
    [
      "a negative count",
      (s) => {
        s.stats![0].outcomes.Failed = -5;
      },
      "stats of default/example-job: outcome Failed: -5 is not a count",
    ],
    [
      "outcomes that miss runs",
      (s) => {
        s.stats![0].outcomes.Complete -= 1;
      },
      "stats of default/example-job: its outcomes count 4095 runs, the shard has 4096",
    ],
    [
      "an unknown outcome",
      (s) => {
        s.stats![0].outcomes.Maybe = 0;
      },
      'stats of default/example-job: unknown outcome "Maybe"',
    ],
    [
      "a broken histogram pair",
      (s) => {
        s.stats![0].pods.push([1, -1]);
      },
      'stats of default/example-job: "pods": [1,-1] is not a [value, count] pair',
    ],
    [
      "a histogram with too many runs",
      (s) => {
        s.stats![0].pods.push([99, 1]);
      },
      'stats of default/example-job: "pods" counts 4097 runs, the shard has 4096',
    ],
    [
      "outcomes edited against the time histograms (a Complete run moved to Failed)",
      (s) => {
        s.stats![0].outcomes.Complete--;
        s.stats![0].outcomes.Failed++;
      },
      'stats of default/example-job: "completeSeconds" counts 4081 runs, its outcomes say 4080',
    ],
    [
      "more reasons than finished runs",
      (s) => {
        s.stats![0].reasons.Invented = 5000;
      },
      'stats of default/example-job: "reasons" count 9096 runs, more than the 4096 that ended Complete or Failed',
    ],
    [
      "short lanes",
      (s) => {
        s.lanes.pop();
      },
      '"lanes" must be the fingerprint: four 32-bit whole numbers',
    ],
  ] as [string, (s: Shard) => void, string][])("refuses %s", (_, change, what) => {
    expect(() => checkShardFile("a.json", edited(change))).toThrow(WHY(what));
  });
});

describe("jobsim merge", () => {
  it("refuses shards of two different scenario files that share a name", () => {
    const dir = tmp();
    const changed = join(dir, "flaky-job.yaml");
    writeFileSync(changed, readFileSync(S, "utf8").replace("backoffLimit: 10", "backoffLimit: 2"));
    const one = join(dir, "one.json");
    const two = join(dir, "two.json");
    writeFileSync(one, shardText);
    writeFileSync(two, jobsim("mc", changed, "--runs", "5000", "--seed", "3", "--shard", "2/2").stdout);
    const r = jobsim("merge", one, two);
    expect(r.stderr).toMatch(
      new RegExp(
        `^jobsim: ${two}: its scenario differs from ${one}'s — the scenario file or a manifest it reads from beside it \\(digest [0-9a-f]{16}, not [0-9a-f]{16}\\): run every shard on the same files\\n$`,
      ),
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
  });

  it("refuses shards whose scenario read a manifest from beside it that changed between them", () => {
    const dir = tmp();
    const { scenario, manifest } = tutorialReadingManifest(dir, "job.yaml");
    const one = join(dir, "one.json");
    const two = join(dir, "two.json");
    const same = join(dir, "same.json");
    const shard = (i: number) => jobsim("mc", scenario, "--runs", "5000", "--seed", "3", "--shard", `${i}/2`);
    writeFileSync(one, shard(1).stdout);
    writeFileSync(same, shard(2).stdout);
    // Unchanged files merge as before.
    expect(jobsim("merge", one, same).status).toBe(0);
    writeFileSync(join(dir, "sc", "job.yaml"), manifest.replace("backoffLimit: 10", "backoffLimit: 2"));
    writeFileSync(two, shard(2).stdout);
    const r = jobsim("merge", one, two);
    expect(r.stderr).toContain(`${two}: its scenario differs from ${one}'s`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
  });

  it("refuses shards of one scenario whose closed forms differ, in either order", () => {
    const dir = tmp();
    const one = join(dir, "one.json");
    const two = join(dir, "two.json");
    const edited = JSON.parse(shardText) as Shard;
    (edited.closedForms[0] as { successRate: number }).successRate = 5;
    writeFileSync(one, JSON.stringify(edited));
    writeFileSync(two, jobsim("mc", S, "--runs", "5000", "--seed", "3", "--shard", "2/2").stdout);
    for (const [a, b] of [
      [one, two],
      [two, one],
    ]) {
      const r = jobsim("merge", a, b);
      expect(r.stderr).toBe(
        `jobsim: ${b}: its closed form of default/example-job differs from ${a}'s, which the same scenario cannot give (a shard file edited, or written by another version of jobsim): run every shard with the same jobsim on the same files\n`,
      );
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
    }
  });

  it.each([
    ["null", "null\n", "expected a JSON object"],
    [
      "a shard whose closed forms are [null]",
      JSON.stringify({ ...JSON.parse(shardText), closedForms: [null] }),
      "closed form of default/example-job: expected an object or a string",
    ],
    [
      "a shard without stats",
      JSON.stringify({ ...JSON.parse(shardText), stats: undefined }),
      '"stats" must have one entry per Job (1)',
    ],
  ])("names what is wrong with %s, without a JavaScript message", (_, text, what) => {
    const file = join(tmp(), "a.json");
    writeFileSync(file, text);
    const r = jobsim("merge", file);
    expect(r.stderr).toBe(
      `jobsim: ${file}: not a jobsim shard file: ${what} (write one with jobsim mc --shard i/n)\n`,
    );
    expect(r.status).toBe(1);
    noStackTrace(r.stderr);
  });
});
