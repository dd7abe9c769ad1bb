import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, jobsim, noStackTrace, tmp } from "../helpers/cli.js";

/**
 * The command line as users meet it (the built CLI, `npm test` builds first): exit status 0/1/2,
 * one clear message for bad input, never a stack trace, output files whole or absent.
 */

/** An output path in a refused command line: nothing may be written there. */
const NEVER_WRITTEN = join(tmpdir(), "jobsim-cli-never-written.yaml");

describe("jobsim validate", () => {
  it("warns of a Job applied at or after the horizon, which mc and sweep refuse (exit 0: run plays it)", () => {
    const file = join(tmp(), "late.yaml");
    writeFileSync(
      file,
      readFileSync("scenarios/flaky-job.yaml", "utf8")
        .replace("seed: 7\n", "seed: 7\nhorizon: 10s\n")
        .replace("  - kubectl apply -f job.yaml\n", "  - sleep 1m\n  - kubectl apply -f job.yaml\n"),
    );
    const r = jobsim("validate", file);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `${file}: warning: kubectl apply -f job.yaml: applied at 1m0s at the earliest, at or after the scenario's horizon (10s) where every run stops: raise horizon: past it (mc and sweep refuse it)\n`,
    );
    expect(jobsim("mc", file, "--runs", "10").stderr).toBe(
      `jobsim: ${file}: kubectl apply -f job.yaml: applied at 1m0s at the earliest, at or after the scenario's horizon (10s) where every run stops: raise horizon: past it\n`,
    );
  });

  it("checks a jobsim/v1alpha1 file with a misspelt or missing kind as a scenario, as run does", () => {
    const dir = tmp();
    const tutorial = readFileSync("scenarios/flaky-job.yaml", "utf8");
    for (const [name, text, problem] of [
      [
        "typo.yaml",
        tutorial.replace("kind: Scenario\n", "kind: Scenaro\n"),
        'kind: expected "Scenario", got "Scenaro"',
      ],
      ["none.yaml", tutorial.replace("kind: Scenario\n", ""), 'kind: expected "Scenario", got nothing'],
    ]) {
      const file = join(dir, name);
      writeFileSync(file, text);
      const r = jobsim("validate", file);
      expect(r.stderr).toBe(`${file}: ${problem}\n`);
      expect(r.status).toBe(1);
      expect(jobsim("run", file).stderr).toBe(`${file}: ${problem}\n`);
    }
  });

  it("warns of a key given twice, which kubectl applies with the last value (exit 0)", () => {
    const file = join(tmp(), "dup.yaml");
    writeFileSync(
      file,
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: d\nspec:\n  backoffLimit: 1\n  backoffLimit: 2\n" +
        "  template:\n    spec:\n      containers: [{name: c, image: x}]\n      restartPolicy: Never\n",
    );
    const r = jobsim("validate", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${file}: valid (1 Job manifest)\n`);
    expect(r.stderr).toBe(
      `${file}: warning: line 7: key "backoffLimit" is given again (first on line 6); kubectl applies the file with the last value, without a word\n`,
    );
  });

  it("says that probes do not run: validate warns (exit 0), run, mc and sweep note it on stderr; init containers and sidecars run without a word", () => {
    const dir = tmp();
    const job = (extra: string) =>
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" +
      '      initContainers: [{name: setup, image: "app:1"}, {name: proxy, image: "app:1", restartPolicy: Always}]\n' +
      `      containers: [{name: c, image: "app:1"${extra}}]\n      restartPolicy: Never\n`;
    const manifest = join(dir, "probes.yaml");
    writeFileSync(
      manifest,
      job(", readinessProbe: {exec: {command: [cat, /tmp/ready]}}, livenessProbe: {tcpSocket: {port: 80}}"),
    );
    const words =
      'Job "w": jobsim does not run probes (c: readinessProbe, livenessProbe): a container is ready as soon as it started and no probe restarts it (docs/fidelity.md)';
    const v = jobsim("validate", manifest);
    expect(v.status).toBe(0);
    expect(v.stderr).toBe(`${manifest}: warning: ${words}\n`);
    const scenario = join(dir, "s.yaml");
    writeFileSync(
      scenario,
      "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nimages:\n  app:1:\n    runSeconds: 1\n" +
        "    outcomes: [{probability: 1, exitCode: 0, log: ok}]\nsteps:\n  - kubectl apply -f probes.yaml\n  - sleep 5s\n",
    );
    const note = `jobsim: note: ${scenario}: probes.yaml (beside the scenario): ${words}\n`;
    expect(jobsim("validate", scenario).stderr).toBe(
      `${scenario}: probes.yaml (beside the scenario): warning: ${words}\n`,
    );
    for (const args of [
      ["run", scenario],
      ["mc", scenario, "--runs", "20"],
      ["sweep", scenario, "--set", "spec.backoffLimit=0,1", "--runs", "20"],
    ]) {
      const r = jobsim(...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe(note);
    }
    // Without the probes: nothing to say (the init container and the sidecar run).
    writeFileSync(manifest, job(""));
    expect(jobsim("validate", manifest).stderr).toBe("");
    const run = jobsim("run", scenario);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("says which ConfigMaps, Secrets and service accounts it assumes exist: validate warns, run notes it", () => {
    const dir = tmp();
    const manifest = join(dir, "refs.yaml");
    writeFileSync(
      manifest,
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" +
        "      serviceAccountName: runner\n" +
        '      containers: [{name: c, image: "app:1", envFrom: [{secretRef: {name: creds}}]}]\n' +
        "      volumes: [{name: v, configMap: {name: settings}}]\n      restartPolicy: Never\n",
    );
    const words =
      'Job "w": jobsim has no ConfigMaps, Secrets or ServiceAccounts: it runs the pods as a cluster that has the ones the template names would (configMap "settings", secret "creds", serviceAccount "runner"); without them a real cluster would not start the pods (docs/fidelity.md)';
    const v = jobsim("validate", manifest);
    expect(v.status).toBe(0);
    expect(v.stderr).toBe(`${manifest}: warning: ${words}\n`);
    const scenario = join(dir, "s.yaml");
    writeFileSync(
      scenario,
      "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\nimages:\n  app:1:\n    runSeconds: 1\n" +
        "    outcomes: [{probability: 1, exitCode: 0, log: ok}]\nsteps:\n  - kubectl apply -f refs.yaml\n  - sleep 5s\n",
    );
    const run = jobsim("run", scenario);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(`jobsim: note: ${scenario}: refs.yaml (beside the scenario): ${words}\n`);
  });

  it("says beforehand that a PriorityClass the cluster lacks gets every pod refused, and how to declare it", () => {
    const dir = tmp();
    const manifest = join(dir, "prio.yaml");
    writeFileSync(
      manifest,
      "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n" +
        '      priorityClassName: batch-high\n      containers: [{name: c, image: "app:1"}]\n      restartPolicy: Never\n',
    );
    const words =
      'Job "w": the API server will refuse its pods: no PriorityClass with name batch-high was found (declare it under cluster.priorityClasses in the scenario)';
    expect(jobsim("validate", manifest).stderr).toBe(`${manifest}: warning: ${words}\n`);
    const scenario = (classes: string) =>
      "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\n" +
      classes +
      "images:\n  app:1:\n    runSeconds: 1\n    outcomes: [{probability: 1, exitCode: 0, log: ok}]\n" +
      "steps:\n  - kubectl apply -f prio.yaml\n  - sleep 5s\n";
    const file = join(dir, "s.yaml");
    writeFileSync(file, scenario(""));
    expect(jobsim("run", file).stderr).toBe(
      `jobsim: note: ${file}: prio.yaml (beside the scenario): ${words}\n`,
    );
    writeFileSync(file, scenario("cluster:\n  priorityClasses: [{name: batch-high, value: 1000}]\n"));
    expect(jobsim("run", file).stderr).toBe("");
  });

  it("says nothing of preemption, which it simulates, when one Job's pods may preempt another's", () => {
    const dir = tmp();
    const job = (name: string, cls: string) =>
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n` +
      `${cls}      containers: [{name: c, image: "app:1"}]\n      restartPolicy: Never\n`;
    writeFileSync(
      join(dir, "jobs.yaml"),
      `${job("batch", "")}---\n${job("urgent", "      priorityClassName: high\n")}`,
    );
    const scenario = (policy: string) =>
      "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: s}\n" +
      `cluster:\n  priorityClasses: [{name: high, value: 1000${policy}}]\n` +
      "images:\n  app:1:\n    runSeconds: 1\n    outcomes: [{probability: 1, exitCode: 0, log: ok}]\n" +
      "steps:\n  - kubectl apply -f jobs.yaml\n  - sleep 5s\n";
    const file = join(dir, "s.yaml");
    writeFileSync(file, scenario(""));
    expect(jobsim("validate", file).stderr).toBe("");
    expect(jobsim("run", file).stderr).toBe("");
    writeFileSync(file, scenario(", preemptionPolicy: Never"));
    expect(jobsim("run", file).stderr).toBe("");
  });

  it("rejects the tutorial's own manifest (restartPolicy: never) with the API server's message and a hint", () => {
    const r = jobsim("validate", "scenarios/seed/job.yaml");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      [
        'scenarios/seed/job.yaml: The Job "example-job" is invalid: ',
        '* spec.template.spec.restartPolicy: Unsupported value: "never": supported values: "Always", "OnFailure", "Never"',
        '* spec.template.spec.restartPolicy: Unsupported value: "never": supported values: "OnFailure", "Never"',
        'jobsim: hint: restartPolicy values are case-sensitive: did you mean "Never"?',
        "",
      ].join("\n"),
    );
  });

  it("accepts every example scenario", () => {
    const files = readdirSync("scenarios")
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => `scenarios/${f}`);
    expect(files.length).toBeGreaterThanOrEqual(9);
    const r = jobsim("validate", ...files);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    for (const f of files) expect(r.stdout).toMatch(new RegExp(`^${f}: valid scenario "`, "m"));
  });

  it.each([
    ["broken YAML", "apiVersion: jobsim/v1alpha1\nkind: Scenario\nsteps: [\n", /^bad\.yaml:\d+:\d+: /],
    [
      "an unknown field",
      "apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nstep: []\n",
      /bad\.yaml: unknown field "step" \(did you mean "steps"\?\)/,
    ],
    [
      "a bad step",
      'apiVersion: jobsim/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nsteps: ["kubectl get pods -z"]\n',
      /steps\[0\]: kubectl get pods -z: error: unknown shorthand flag: 'z' in -z/,
    ],
  ])("%s gets one clear error and exit 1", (_name, text, pattern) => {
    const dir = tmp();
    const file = join(dir, "bad.yaml");
    writeFileSync(file, text);
    const r = jobsim("validate", file);
    expect(r.status).toBe(1);
    expect(r.stderr.replaceAll(`${dir}/`, "")).toMatch(pattern);
    noStackTrace(r.stderr);
  });

  // validate reads each file once: a second read of a pipe finds it drained, of a FIFO waits
  // for a writer that has gone.
  it("reads a scenario from a named FIFO, written by another process", () => {
    const fifo = join(tmp(), "scenario.yaml");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const writer = spawn("sh", ["-c", 'cat scenarios/flaky-job.yaml > "$1"', "sh", fifo], {
      stdio: "ignore",
    });
    try {
      const r = spawnSync(process.execPath, [CLI, "validate", fifo], { encoding: "utf8", timeout: 20_000 });
      expect(r.error).toBeUndefined();
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(`${fifo}: valid scenario "flaky-job" (9 steps, 1 Job manifest)\n`);
      expect(r.status).toBe(0);
    } finally {
      writer.kill();
    }
  });

  it("reads a scenario from a pipe path (<(cat file) in bash)", () => {
    const r = spawnSync(
      "bash",
      ["-c", '"$1" "$2" validate <(cat scenarios/flaky-job.yaml)', "bash", process.execPath, CLI],
      {
        encoding: "utf8",
        timeout: 20_000,
      },
    );
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^\/dev\/fd\/\d+: valid scenario "flaky-job" \(9 steps, 1 Job manifest\)\n$/);
    expect(r.status).toBe(0);
  });

  it("a missing file", () => {
    const r = jobsim("validate", "no/such/file.yaml");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("no/such/file.yaml: no such file\n");
  });

  it("a manifest's Namespace documents are checked and counted", () => {
    const dir = tmp();
    const file = join(dir, "ns.yaml");
    writeFileSync(file, "apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n");
    expect(jobsim("validate", file).stdout).toBe(`${file}: valid (0 Job manifests, 1 Namespace)\n`);
    writeFileSync(file, "apiVersion: v1\nkind: Namespace\nmetadata: {name: Team}\n");
    const r = jobsim("validate", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(
      /^.*ns\.yaml: The Namespace "Team" is invalid: metadata\.name: Invalid value: "Team": a lowercase RFC 1123 label/,
    );
  });

  it("a manifest's inert objects are checked and counted; the objects it creates are not noted as assumed", () => {
    const dir = tmp();
    const file = join(dir, "chart.yaml");
    const sa = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}\n";
    const job =
      "apiVersion: batch/v1\nkind: Job\nmetadata: {name: w}\nspec:\n  template:\n    spec:\n" +
      '      serviceAccountName: runner\n      containers: [{name: c, image: "app:1"}]\n      restartPolicy: Never\n';
    const role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules: []\n";
    writeFileSync(file, `${sa}---\n${role}---\n${job}`);
    const v = jobsim("validate", file);
    expect(v.stderr).toBe("");
    expect(v.stdout).toBe(`${file}: valid (1 Job manifest, 1 ServiceAccount, 1 Role)\n`);
    // pkg/apis/core/validation ValidateServiceAccountName (NameIsDNSSubdomain); strict decoding.
    writeFileSync(file, `${sa.replace("runner", "Runner")}---\n${role}bogus: 1\n`);
    const r = jobsim("validate", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${file}: The ServiceAccount "Runner" is invalid: metadata.name: Invalid value: "Runner"`,
    );
    expect(r.stderr).toContain(
      `${file}: Error from server (BadRequest): error when creating "${file}": Role in version "v1" cannot be handled as a Role: strict decoding error: unknown field "bogus"`,
    );
  });

  it("a manifest file with no object is a problem, as kubectl apply says it (apply.go)", () => {
    const dir = tmp();
    const file = join(dir, "empty.yaml");
    for (const text of ["", "---\n", "# nothing\n---\n"]) {
      writeFileSync(file, text);
      const r = jobsim("validate", file);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`${file}: error: no objects passed to apply\n`);
    }
  });

  it("a Job with only generateName: valid for kubectl create, refused for apply", () => {
    const dir = tmp();
    const file = join(dir, "s.yaml");
    const scenario = (verb: string) => `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: g}
images:
  app:1: {runSeconds: 5, outcomes: [{probability: 1, exitCode: 0}]}
files:
  gen.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {generateName: work-}
    spec:
      template:
        spec:
          containers: [{name: c, image: "app:1"}]
          restartPolicy: Never
steps:
  - kubectl ${verb} -f gen.yaml
`;
    writeFileSync(file, scenario("create"));
    const ok = jobsim("validate", file);
    expect(ok.stdout).toBe(`${file}: valid scenario "g" (1 steps, 1 Job manifest)\n`);
    expect(ok.status).toBe(0);
    const run = jobsim("run", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^\$ kubectl create -f gen\.yaml\njob\.batch\/work-[bcdfghjklmnpqrstvwxz2456789]{5} created\n$/,
    );
    writeFileSync(file, scenario("apply"));
    for (const cmd of ["validate", "run"]) {
      const r = jobsim(cmd, file);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        `${file}: steps: kubectl apply -f gen.yaml: error: from work-: cannot use generate name with apply (kubectl create -f gives the Job a generated name)\n`,
      );
      noStackTrace(r.stderr);
    }
  });

  it("a directory is named as one; the other files are still checked", () => {
    const r = jobsim("validate", "scenarios/flaky-job.yaml", "scenarios");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('scenarios/flaky-job.yaml: valid scenario "flaky-job" (9 steps, 1 Job manifest)\n');
    expect(r.stderr).toBe("scenarios: is a directory, expected a scenario or manifest file\n");
  });
});

describe("jobsim --version", () => {
  it("prints the package's version", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const r = jobsim("--version");
    expect(r.stdout).toBe(`jobsim ${pkg.version}\n`);
    expect(r.status).toBe(0);
  });
});

describe("jobsim run", () => {
  it("a missing scenario is one line and exit 1", () => {
    const r = jobsim("run", "nope.yaml");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("nope.yaml: no such file\n");
  });

  it("writes the trace whole: JSON lines with time, kind, name and the changed fields", () => {
    const dir = tmp();
    const trace = join(dir, "deep/run.jsonl");
    const r = jobsim("run", "scenarios/flaky-job.yaml", "--trace", trace);
    expect(r.status).toBe(0);
    const lines = readFileSync(trace, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ t: 0, type: "ADDED", kind: "Job", name: "example-job" });
    expect(lines.some((l) => l.kind === "Pod" && l.changed?.["status.phase"] === "Failed")).toBe(true);
    expect(lines.every((l) => typeof l.t === "number")).toBe(true);
  });
});

describe("jobsim mc and sweep arguments", () => {
  it("mc's replay line is a shell command: a path with a space or quote and a seed with $ are quoted", () => {
    const dir = join(tmp(), "my dir");
    mkdirSync(dir);
    const file = join(dir, "it's.yaml");
    writeFileSync(file, readFileSync("scenarios/flaky-job.yaml", "utf8"));
    const r = jobsim("mc", file, "--runs", "20", "--seed", "a$HOME");
    expect(r.status).toBe(0);
    const command = /\(replay one: (.*) --run N\)/.exec(r.stdout)?.[1];
    expect(command).toBe(`jobsim run '${dir}/it'\\''s.yaml' --seed 'a$HOME'`);
    // The shell splits it back into the words jobsim was given.
    const words = spawnSync("sh", ["-c", `printf '%s\\n' ${command}`], { encoding: "utf8" }).stdout;
    expect(words).toBe(`jobsim\nrun\n${file}\n--seed\na$HOME\n`);
    // A seed starting with a dash is joined to its option, or it would read as short flags.
    const dashed = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "20", "--seed=-abc");
    expect(dashed.stdout).toContain("(replay one: jobsim run scenarios/flaky-job.yaml --seed=-abc --run N)");
    expect(jobsim("run", "scenarios/flaky-job.yaml", "--seed=-abc", "--run", "0").status).toBe(0);
  });

  it.each([
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "0"],
      2,
      "jobsim: --runs must be a whole number ≥ 1, got 0\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "10", "--shard", "3/2"],
      2,
      "jobsim: --shard 3/2: i must be between 1 and n (shards are numbered 1/2 to 2/2)\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--workers", "0"],
      2,
      "jobsim: --workers must be a whole number from 1 to 256, got 0\n",
    ],
    [
      ["sweep", "scenarios/flaky-job.yaml", "--set", "spec.backofflimit=0..3"],
      1,
      'jobsim: --set spec.backofflimit: unknown field "backofflimit" in JobSpec (did you mean "backoffLimit"?)\n',
    ],
    [
      ["sweep", "scenarios/flaky-job.yaml", "--set", "spec.template.spec.containers[0].image=3"],
      1,
      "jobsim: --set spec.template.spec.containers[0].image: a spec path takes no list index; sweeps set numeric fields outside lists (spec.backoffLimit, spec.template.spec.terminationGracePeriodSeconds, ...)\n",
    ],
    [
      ["sweep", "scenarios/flaky-job.yaml", "--set", "spec.backoffLimit=0..1:0.5"],
      1,
      "jobsim: --set spec.backoffLimit: 0.5 is not a whole number (backoffLimit is an integer field of the Job API)\n",
    ],
    [
      [
        "sweep",
        "scenarios/flaky-job.yaml",
        "--set",
        "spec.backoffLimit=0..3",
        "--set",
        "spec.parallelism=1,2",
      ],
      2,
      "jobsim: --set is given 2 times: a sweep varies one setting\n",
    ],
    [
      [
        "sweep",
        "scenarios/flaky-job.yaml",
        "--set",
        "images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability=0.5,1.5",
      ],
      1,
      [
        "scenarios/flaky-job.yaml: images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability: probability 1.5 is not in [0, 1]",
        "scenarios/flaky-job.yaml: images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[1].probability: probability -0.5 is not in [0, 1]",
        "scenarios/flaky-job.yaml: with --set images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability=1.5",
        "",
      ].join("\n"),
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "9007199254740993"],
      2,
      "jobsim: --runs must be a whole number ≥ 1, got 9007199254740993 (at most 2^53 − 1 = 9007199254740991)\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "10", "--shard", "0/0"],
      2,
      "jobsim: --shard 0/0: n, the number of shards, must be at least 1\n",
    ],
    [
      ["sweep", "scenarios/flaky-job.yaml", "--set", "spec.backoffLimit=5..1"],
      2,
      'jobsim: --set spec.backoffLimit=5..1: "5..1": the range ends before it starts\n',
    ],
    [
      ["sweep", "scenarios/flaky-job.yaml", "--set", "spec.backoffLimit=0..3", "--target", "1.5"],
      2,
      "jobsim: --target must be a probability strictly between 0 and 1, got 1.5\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "10", "--emit-job", NEVER_WRITTEN, "--csv", "runs.csv"],
      2,
      "jobsim: --emit-job writes a Job manifest and runs nothing here: it cannot be combined with --csv\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "10", "--emit-job", NEVER_WRITTEN, "--shard", "1/2"],
      2,
      "jobsim: --emit-job writes a Job manifest and runs nothing here: it cannot be combined with --shard\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "10", "--shards", "4"],
      2,
      "jobsim: --shards sets the shard count of --emit-job; to run one shard here use --shard i/n\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "10", "--shard", "1/2", "--report", "out"],
      2,
      "jobsim: --report and --shard: a shard prints its JSON for jobsim merge; make the report from the whole run\n",
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--seed", ""],
      2,
      "jobsim: --seed must not be empty: give a number or a word\n",
    ],
    [
      ["sweep", "scenarios/flaky-job.yaml", "--set", "spec.backoffLimit=0..2", "--max-runs", "100000"],
      2,
      "jobsim: --max-runs needs --target (values are re-run only to settle the target)\n",
    ],
    [
      [
        "sweep",
        "scenarios/flaky-job.yaml",
        "--set",
        "spec.backoffLimit=0..2",
        "--target",
        "0.9",
        "--runs",
        "50",
        "--max-runs",
        "10",
      ],
      2,
      "jobsim: --max-runs 10 is below --runs 50: every value gets --runs runs\n",
    ],
  ])("%j → exit %i with a clear message", (args, status, message) => {
    const r = jobsim(...(args as string[]));
    expect(r.stderr).toBe(message);
    expect(r.status).toBe(status);
  });

  it("sweep --within past the scenario's horizon says that successes after the horizon are not counted", () => {
    const file = join(tmp(), "short.yaml");
    writeFileSync(
      file,
      readFileSync("scenarios/flaky-job.yaml", "utf8").replace("seed: 7\n", "seed: 7\nhorizon: 10m\n"),
    );
    const args = ["sweep", file, "--set", "spec.backoffLimit=1,2", "--runs", "20", "--target", "0.9"];
    const r = jobsim(...args, "--within", "30m");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `jobsim: note: --within 30m is longer than the scenario's horizon (10m0s), where every run stops: only successes before it count; raise horizon: in ${file} to count the rest\n`,
    );
    expect(jobsim(...args, "--within", "10m").stderr).toBe("");
  });

  it("sweep --set on a distribution parameter that does not exist: exit 1, named, nothing swept", () => {
    const path = "images.k3d-my-cluster-registry:50664/flaky-app:0.1.runSeconds.lognormal.mean";
    const r = jobsim("sweep", "scenarios/flaky-job.yaml", "--set", `${path}=1,2`, "--runs", "20");
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'scenarios/flaky-job.yaml: images.k3d-my-cluster-registry:50664/flaky-app:0.1.runSeconds: lognormal: unknown field "mean" (did you mean "median"?); known fields: median, sigma\n' +
        `scenarios/flaky-job.yaml: with --set ${path}=1\n`,
    );
  });

  it("mc --json prints one object with the contract's fields; the closed form beside the estimate", () => {
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "5000", "--json");
    expect(r.status).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(["scenario", "seed", "runs", "jobs", "fingerprint"]);
    const j = o.jobs["example-job"];
    expect(j.complete + j.failed).toBe(5000);
    expect(j.successCI95[0]).toBeLessThanOrEqual(j.successRate);
    expect(j.closedForm.successRate).toBeCloseTo(1 - 0.6 ** 11, 6);
    expect(Object.keys(j.pods)).toEqual(["mean", "p50", "p95", "p99", "max"]);
    expect(o.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it("replays a delete of pods; says which delete of Jobs and pods together it does not (the tutorial's Job delete needs no note)", () => {
    const withStep = (step: string) => {
      const file = join(tmp(), "delete-pod.yaml");
      writeFileSync(
        file,
        readFileSync("scenarios/flaky-job.yaml", "utf8").replace(
          /\nsteps:\n/,
          `\nsteps:\n  - kubectl apply -f job.yaml\n  - sleep 3s\n  - ${step}\n`,
        ),
      );
      return file;
    };
    const plain = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "50", "--json");
    expect(plain.stderr).toBe("");
    const pods = jobsim(
      "mc",
      withStep("kubectl delete pods -l job-name=example-job --wait=false"),
      "--runs",
      "50",
      "--json",
    );
    expect(pods.status).toBe(0);
    expect(pods.stderr).toBe("");
    // Each run's first pod is deleted while it runs: counted failed, so a pod more on average.
    const meanPods = (r: { stdout: string }) => JSON.parse(r.stdout).jobs["example-job"].pods.mean as number;
    expect(meanPods(pods)).toBeGreaterThan(meanPods(plain) + 0.5);
    const step = "kubectl delete jobs,pods -l job-name=example-job --wait=false";
    const file = withStep(step);
    const both = jobsim("mc", file, "--runs", "50");
    expect(both.status).toBe(0);
    expect(both.stderr).toBe(
      `jobsim: note: ${file}: ${step}: Monte Carlo does not replay deletes of Jobs, and this one deletes pods too; without it a run may end otherwise than jobsim run --run N shows\n`,
    );
  });

  it("--csv writes one row per run, whole, creating the directory", () => {
    const dir = tmp();
    const csv = join(dir, "out/runs.csv");
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "300", "--csv", csv);
    expect(r.status).toBe(0);
    const rows = readFileSync(csv, "utf8").trim().split("\n");
    expect(rows[0]).toBe(
      "run,job,outcome,reason,durationSeconds,pods,failedPods,podSeconds,wastedPodSeconds",
    );
    expect(rows).toHaveLength(301);
    expect(rows[1]).toMatch(/^0,example-job,(Complete|Failed),/);
  });

  it("an output file it cannot write leaves nothing behind and says why", () => {
    const dir = tmp();
    const blocker = join(dir, "file");
    writeFileSync(blocker, "");
    const csv = join(blocker, "runs.csv");
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "10", "--csv", csv);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`jobsim: --csv ${csv}: ${blocker} is a file, not a directory\n`);
    expect(existsSync(csv)).toBe(false);
    noStackTrace(r.stderr);
  });
});

describe("outputs that are not plain files", () => {
  it("a named pipe is written through, and stays a pipe (a rename would replace it by a file)", async () => {
    const dir = tmp();
    const fifo = join(dir, "runs.fifo");
    const copy = join(dir, "copy.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("sh", ["-c", `cat "${fifo}" > "${copy}"`]);
    const readerDone = new Promise<number | null>((done) => reader.on("exit", done));
    try {
      const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "20", "--csv", fifo);
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(await readerDone).toBe(0);
    } finally {
      reader.kill(); // (a reader left waiting on a pipe nobody writes would outlive the test)
    }
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const rows = readFileSync(copy, "utf8").trim().split("\n");
    expect(rows[0]).toMatch(/^run,job,outcome,/);
    expect(rows).toHaveLength(21);
    expect(readdirSync(dir).sort()).toEqual(["copy.csv", "runs.fifo"]);
  });

  it("a symbolic link keeps pointing at its target, which gets the output", () => {
    const dir = tmp();
    const target = join(dir, "real.csv");
    const link = join(dir, "link.csv");
    writeFileSync(target, "old\n");
    symlinkSync(target, link);
    const r = jobsim(
      "sweep",
      "scenarios/flaky-job.yaml",
      "--set",
      "spec.backoffLimit=0..2",
      "--runs",
      "50",
      "--csv",
      link,
    );
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    const rows = readFileSync(target, "utf8").trim().split("\n");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/^0,/);
  });

  it("an empty shard under several workers prints its (empty) shard file, with a note", () => {
    // Shards split whole blocks of runs: 10 runs are one block, so shard 1/2 has none.
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "10", "--shard", "1/2", "--workers", "2");
    expect(r.stderr).toBe(
      "jobsim: note: shard 1/2 runs nothing: 10 runs make 1 block(s) of 4,096, the unit a shard takes\n",
    );
    expect(r.status).toBe(0);
    const shard = JSON.parse(r.stdout);
    expect(shard.shard).toEqual({ index: 1, count: 2, from: 0, to: 0 });
    expect(shard.stats[0].outcomes).toEqual({});
  });
});

describe("jobsim merge", () => {
  const dir = tmp();
  const shard = (spec: string, runs: number) => {
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", String(runs), "--shard", spec);
    expect(r.status).toBe(0);
    const file = join(dir, `${spec.replace("/", "of")}-${runs}.json`);
    writeFileSync(file, r.stdout);
    return file;
  };
  const one = shard("1/2", 8192);
  const two = shard("2/2", 8192);
  const otherRuns = shard("2/2", 12288);
  const notJson = join(dir, "bad.json");
  writeFileSync(notJson, "not json");

  it("merges a complete set into the one-process report, byte for byte", () => {
    const merged = jobsim("merge", one, two);
    expect(merged.status).toBe(0);
    const whole = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "8192", "--json");
    expect(merged.stdout).toBe(whole.stdout);
    expect(jobsim("merge", one, two, "--json").stdout).toBe(whole.stdout);
  });

  it("--text prints mc's table for the merged runs (less the replay line, which names the scenario's file)", () => {
    const merged = jobsim("merge", one, two, "--text");
    expect(merged.status).toBe(0);
    const table = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "8192").stdout;
    expect(merged.stdout).toBe(table.replace(/\n {2}first run of each outcome: .*\n/, "\n"));
    expect(merged.stdout).not.toBe(table);
  });

  it.each([
    ["a missing shard", () => [one], "jobsim: missing shard 2/2\n"],
    ["a shard given twice", () => [one, one], `jobsim: ${one}: shard 1/2 given twice (also ${one})\n`],
    [
      "shards of different run counts",
      () => [one, otherRuns],
      `jobsim: ${otherRuns}: runs 12288 differs from ${one}'s 8192\n`,
    ],
    [
      "a missing file",
      () => [one, join(dir, "nope.json")],
      `jobsim: ${join(dir, "nope.json")}: no such file\n`,
    ],
    ["a directory", () => [one, dir], `jobsim: ${dir}: is a directory, expected a shard file\n`],
  ])("refuses %s with one clear message", (_what, args, message) => {
    const r = jobsim("merge", ...(args as () => string[])());
    expect(r.stderr).toBe(message);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
  });

  it("refuses a file that is not JSON, naming what it expected", () => {
    const r = jobsim("merge", one, notJson);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: not JSON \(.*\); expected the output of jobsim mc --shard i\/n\n$/);
    noStackTrace(r.stderr);
  });
});

describe("output paths are checked before any work", () => {
  const dir = tmp();
  const file = join(dir, "a-file");
  writeFileSync(file, "");
  it.each([
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "50", "--csv", dir],
      `--csv ${dir}: it is a directory, expected a file name`,
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "50", "--report", file],
      `--report ${file}: it is a file, expected a directory`,
    ],
    [
      ["mc", "scenarios/flaky-job.yaml", "--runs", "50", "--emit-job", dir],
      `--emit-job ${dir}: it is a directory, expected a file name`,
    ],
    [
      [
        "sweep",
        "scenarios/flaky-job.yaml",
        "--set",
        "spec.backoffLimit=0..1",
        "--runs",
        "50",
        "--csv",
        join(file, "x.csv"),
      ],
      `--csv ${join(file, "x.csv")}: ${file} is a file, not a directory`,
    ],
    [
      ["run", "scenarios/flaky-job.yaml", "--trace", dir],
      `--trace ${dir}: it is a directory, expected a file name`,
    ],
    [
      ["run", "scenarios/flaky-job.yaml", "--timeline", join(file, "sub", "t.svg")],
      `--timeline ${join(file, "sub", "t.svg")}: ${file} is a file, not a directory`,
    ],
  ])("%j: refused at once, nothing printed", (args, message) => {
    const r = jobsim(...args);
    expect(r.stderr).toBe(`jobsim: ${message}\n`);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(1);
  });
});

describe("the machine's limits and the terminal's wishes", () => {
  it("--workers above the CPUs jobsim may use is capped, with a note; the results do not change", () => {
    const cpus = availableParallelism();
    const many = jobsim(
      "mc",
      "scenarios/flaky-job.yaml",
      "--runs",
      "3000",
      "--workers",
      String(cpus + 3),
      "--json",
    );
    const one = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "3000", "--json");
    expect(many.status).toBe(0);
    expect(many.stderr).toBe(
      `jobsim: note: --workers ${cpus + 3}, but this machine gives jobsim ${cpus} CPU${cpus === 1 ? "" : "s"}: using ${cpus} (the results are the same)\n`,
    );
    expect(many.stdout).toBe(one.stdout);
  });

  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("NO_COLOR (and TERM=dumb) turn the bold prompts off on a terminal", () => {
    const onTty = (env: Record<string, string>) =>
      spawnSync("script", ["-qfec", `${process.execPath} ${CLI} run scenarios/flaky-job.yaml`, "/dev/null"], {
        encoding: "utf8",
        env: { ...process.env, ...env },
      }).stdout;
    expect(onTty({ TERM: "xterm" })).toContain("\x1b[1m$ kubectl apply");
    expect(onTty({ NO_COLOR: "1", TERM: "xterm" })).not.toContain("\x1b[");
    expect(onTty({ TERM: "dumb" })).not.toContain("\x1b[");
  });
});
