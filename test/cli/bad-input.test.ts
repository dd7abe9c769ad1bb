import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jobsim, noStackTrace, tmp } from "../helpers/cli.js";

/**
 * Bad input an audit found passing or crashing, each refused with one clear message shaped as
 * jobsim's scenario problems or as kubectl / the API server would shape it.
 */

const TUTORIAL = readFileSync("scenarios/flaky-job.yaml", "utf8");
const dir = tmp();

/** The tutorial scenario with one edit, written to a file. */
function variant(name: string, edit: (text: string) => string): string {
  const edited = edit(TUTORIAL);
  expect(edited).not.toBe(TUTORIAL);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, edited);
  return file;
}

const ALIAS_BOMB = [
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  ...["b", "c", "d", "e", "f"].map(
    (k, i) => `${k}: &${k} [${new Array(10).fill(`*${"abcde"[i]}`).join(",")}]`,
  ),
  "",
].join("\n");

describe("scenario files: jobsim validate names every problem", () => {
  it.each([
    [
      "outcomes-and-script",
      (t: string) => t.replace("    outcomes: #", "    script: [{ exitCode: 0 }]\n    outcomes: #"),
      "images.k3d-my-cluster-registry:50664/flaky-app:0.1: give outcomes (drawn at random for every attempt) or script (attempt by attempt), not both",
    ],
    [
      "nan-probability",
      (t: string) => t.replace("probability: 0.4,", "probability: .nan,"),
      "images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability: expected a number in [0, 1], got .nan",
    ],
    [
      "node-name",
      (t: string) => t.replace("- name: k3d-my-cluster-agent-0", "- name: Bad Name!"),
      "cluster.nodes[1].name: invalid node name \"Bad Name!\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      "node-label",
      (t: string) =>
        t.replace(
          "- name: k3d-my-cluster-agent-0",
          '- name: k3d-my-cluster-agent-0\n      labels: { "bad key!": x }',
        ),
      "cluster.nodes[1].labels: invalid label \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
    [
      "metadata-key",
      (t: string) => t.replace("  name: flaky-job\n", "  name: flaky-job\n  nmae: typo\n"),
      'metadata: unknown field "nmae" (did you mean "name"?); known fields: name',
    ],
  ])("%s", (name, edit, problem) => {
    const file = variant(name, edit);
    const r = jobsim("validate", file);
    expect(r.stderr).toBe(`${file}: ${problem}\n`);
    expect(r.status).toBe(1);
  });

  it("a YAML alias bomb in a scenario is refused, not expanded", () => {
    const file = join(dir, "bomb-scenario.yaml");
    writeFileSync(file, `apiVersion: jobsim/v1alpha1\nkind: Scenario\n${ALIAS_BOMB}`);
    const r = jobsim("run", file);
    expect(r.stderr).toBe(`${file}: document contains excessive aliasing (YAML aliases expand too far)\n`);
    expect(r.status).toBe(1);
    noStackTrace(r.stderr);
  });
});

describe("Job manifests: as kubectl and the API server refuse them", () => {
  it("a YAML alias bomb: kubectl's YAML-to-JSON error (goyaml.v2 decode.go)", () => {
    const file = join(dir, "bomb.yaml");
    writeFileSync(file, ALIAS_BOMB);
    const r = jobsim("validate", file);
    expect(r.stderr).toBe(
      `${file}: error: error parsing ${file}: error converting YAML to JSON: yaml: document contains excessive aliasing\n`,
    );
    expect(r.status).toBe(1);
  });

  it.each([
    [
      "labels",
      '    labels: { "bad key!": x }\n',
      "metadata.labels: Invalid value: \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    ],
    [
      "annotations",
      '    annotations: { "a/b/c": x }\n',
      "metadata.annotations: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ],
  ])("metadata.%s are validated as ValidateObjectMeta does", (_, lines, error) => {
    const file = join(dir, `job-${_}.yaml`);
    const job = TUTORIAL.slice(TUTORIAL.indexOf("    apiVersion: batch/v1"), TUTORIAL.indexOf("steps:"))
      .replace(/^ {4}/gm, "")
      .replace("  name: example-job\n", `  name: example-job\n${lines.replace(/^ {4}/gm, "  ")}`);
    writeFileSync(file, job);
    const r = jobsim("validate", file);
    expect(r.stderr).toBe(`${file}: The Job "example-job" is invalid: ${error}\n`);
    expect(r.status).toBe(1);
  });
});

describe("a nodeSelector the scheduler would use", () => {
  it("is validated as labels (ValidatePodSpec), not left to keep the pods Pending", () => {
    const file = join(dir, "node-selector.yaml");
    writeFileSync(
      file,
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      nodeSelector: { "bad key!": "x y" }\n      containers: [{ name: c, image: busybox }]\n`,
    );
    const r = jobsim("validate", file);
    expect(r.stderr).toBe(
      `${file}: The Job "j" is invalid: \n` +
        "* spec.template.spec.nodeSelector: Invalid value: \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n" +
        "* spec.template.spec.nodeSelector: Invalid value: \"x y\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n",
    );
    expect(r.status).toBe(1);
  });
});

describe("a Job name longer than a label value", () => {
  it("is refused where the API server finds it: the job-name labels, spec.template.labels without 'metadata'", () => {
    const name = "a".repeat(70);
    const file = join(dir, "long-name.yaml");
    writeFileSync(
      file,
      `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: ${name}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: c, image: busybox }]\n`,
    );
    const r = jobsim("validate", file);
    expect(r.stderr).toBe(
      `${file}: The Job "${name}" is invalid: \n* metadata.labels: Invalid value: "${name}": must be no more than 63 characters\n* spec.template.labels: Invalid value: "${name}": must be no more than 63 characters\n`,
    );
    expect(r.status).toBe(1);
  });
});

describe("sweep values", () => {
  it.each([
    [
      ["--set", "spec.backoffLimit=3000000000"],
      1,
      "--set spec.backoffLimit: 3000000000 does not fit backoffLimit, an int32 field of the Job API (at most 2147483647)",
    ],
    [
      ["--set", "spec.backoffLimit=1,2,1"],
      2,
      '--set spec.backoffLimit=1,2,1: "1,2,1" lists 1 twice: give each value once',
    ],
    [
      ["--set", "spec.backoffLimit=1..3", "--target", "0.9", "--within", "500ms"],
      2,
      "--within 500ms: expected whole seconds (times to finish are counted in seconds)",
    ],
    // A value starting with a dash reaches the option's check, not yargs' short flags (-1 -m).
    [
      ["--set", "spec.backoffLimit=1..3", "--target", "0.9", "--within", "-1m"],
      2,
      "--within -1m: expected a time longer than 0, such as 30m",
    ],
  ])("%j", (args, status, message) => {
    const r = jobsim("sweep", "scenarios/flaky-job.yaml", "--runs", "10", ...args);
    expect(r.stderr).toBe(`jobsim: ${message}\n`);
    expect(r.status).toBe(status);
    expect(r.stdout).toBe("");
  });
});

describe("mc with a horizon that cuts runs short", () => {
  it("says the times are of the finished runs only, and counts with thousands separators", () => {
    const file = variant("horizon", (t) => t.replace("seed: 7", "seed: 7\nhorizon: 30s"));
    const r = jobsim("mc", file, "--runs", "2000");
    expect(r.status).toBe(0);
    const complete = /\n {2}Complete +([\d,]+) /.exec(r.stdout)![1];
    const unfinished = /\n {2}Unfinished +([\d,]+) /.exec(r.stdout)![1];
    expect(Number(complete.replace(",", "")) + Number(unfinished.replace(",", ""))).toBe(2000);
    expect(r.stdout).toContain(
      `  (time to finish covers the ${complete} runs that finished, time to success the Complete ones; the other rows count every run)\n`,
    );
    expect(r.stdout).toContain(`no closed form: ${unfinished} of 2,000 runs ended before the Job did`);
  });
});

describe("run with a manifest the API server refuses", () => {
  it("shows the refusal in the session, as a cluster would, and ends with exit status 1", () => {
    const file = variant("negative-limit", (t) => t.replace("backoffLimit: 10", "backoffLimit: -1"));
    const r = jobsim("run", file);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\$ kubectl apply -f job\.yaml\n/);
    expect(r.stderr).toContain(
      'The Job "example-job" is invalid: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0\n',
    );
    expect(
      r.stderr.endsWith(
        `jobsim: ${file}: files.job.yaml: refused as kubectl apply would refuse it (the answer is in the transcript); jobsim validate ${file} lists every problem\n`,
      ),
    ).toBe(true);
    noStackTrace(r.stderr);
  });

  it("a refused manifest no step applies does not fail the run", () => {
    const file = variant("unused-bad", (t) =>
      t.replace(
        "files:\n",
        'files:\n  unused.yaml: |\n    apiVersion: batch/v1\n    kind: Job\n    metadata: {name: Bad_Name}\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: "k3d-my-cluster-registry:50664/flaky-app:0.1"}]\n',
      ),
    );
    const r = jobsim("run", file);
    expect(r.stderr).not.toContain("refused as kubectl apply would refuse it");
    expect(r.status).toBe(0);
  });
});

describe("--seed", () => {
  it("spaces around it are pointed out, not run as another seed", () => {
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "50", "--seed", " 7");
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('jobsim: --seed " 7": spaces around a seed are part of it; leave them out\n');
    expect(r.stdout).toBe("");
  });
});

describe("a sweep of a scenario whose file is faulty", () => {
  const PROBLEM =
    "images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability: probability 1.5 is not in [0, 1]";

  it("reports the file's problem, not the swept value (it is not the cause)", () => {
    const file = variant("prob15", (t) => t.replace("probability: 0.4", "probability: 1.5"));
    const r = jobsim("sweep", file, "--set", "spec.backoffLimit=0..2", "--runs", "10");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${file}: ${PROBLEM}\n`);
  });

  it("names the swept value when the value is the cause", () => {
    const r = jobsim(
      "sweep",
      "scenarios/flaky-job.yaml",
      "--set",
      "images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability=1.5",
      "--runs",
      "10",
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "scenarios/flaky-job.yaml: with --set images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes[0].probability=1.5\n",
    );
  });
});

describe("a negative value as its own word", () => {
  it("--seed -5 is the seed -5, as --seed=-5 is (not the short flag -5)", () => {
    const spaced = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "20", "--seed", "-5", "--json");
    const joined = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "20", "--seed=-5", "--json");
    expect(spaced.status).toBe(0);
    expect(JSON.parse(spaced.stdout).seed).toBe(-5);
    expect(spaced.stdout).toBe(joined.stdout);
  });

  it("--runs -3 is refused as a count, not as unknown flags", () => {
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "-3");
    expect(r.stderr).toBe("jobsim: --runs must be a whole number ≥ 1, got -3\n");
    expect(r.status).toBe(2);
  });
});

describe("mc with very few runs", () => {
  it("one run: the header says '1 run' and no mean is judged on a zero-width interval", () => {
    const r = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "1", "--json");
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report.jobs["example-job"].closedForm.checks)).toEqual(["successRate"]);
    const text = jobsim("mc", "scenarios/flaky-job.yaml", "--runs", "1").stdout;
    expect(text.split("\n")[0]).toMatch(/^jobsim mc: flaky-job, seed 7, 1 run \(fingerprint [0-9a-f]{32}\)$/);
    const sweep = jobsim(
      "sweep",
      "scenarios/flaky-job.yaml",
      "--set",
      "spec.backoffLimit=0..1",
      "--runs",
      "1",
    );
    expect(sweep.stdout.split("\n")[0]).toContain(", 1 run each, ");
  });
});

describe("jobsim validate reports a scenario's problems and its manifests' together", () => {
  it("a bad probability sum and an unknown manifest field, in one go", () => {
    const file = variant("sum-and-field", (t) =>
      t
        .replace("probability: 0.6,", "probability: 0.5,")
        .replace("      backoffLimit: 10", "      backofLimit: 10"),
    );
    const r = jobsim("validate", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${file}: images.k3d-my-cluster-registry:50664/flaky-app:0.1.outcomes: probabilities sum to 0.9, expected 1\n` +
        `${file}: files.job.yaml: Error from server (BadRequest): error when creating "job.yaml": Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.backofLimit"\n`,
    );
  });
});

describe("a manifest read from beside the scenario is named by its file", () => {
  it("run and validate say 'job.yaml (beside the scenario)', not a files: key the scenario lacks", () => {
    const sub = join(dir, "beside");
    mkdirSync(sub, { recursive: true });
    const job = TUTORIAL.split("  job.yaml: |\n")[1].split("\nsteps:")[0].replace(/^ {4}/gm, "");
    writeFileSync(join(sub, "job.yaml"), job.replace("backoffLimit: 10", "backofLimit: 10"));
    const file = join(sub, "s.yaml");
    writeFileSync(file, TUTORIAL.replace(/\nfiles:[\s\S]*?\nsteps:/, "\nsteps:"));
    const run = jobsim("run", file);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`jobsim: ${file}: job.yaml (beside the scenario): refused as kubectl apply`);
    const validate = jobsim("validate", file);
    expect(validate.status).toBe(1);
    expect(validate.stderr).toContain(
      `${file}: job.yaml (beside the scenario): Error from server (BadRequest): error when creating "job.yaml": Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.backofLimit"\n`,
    );
  });
});

describe("a Job manifest where a scenario is expected", () => {
  it("says what it is instead of listing the scenario keys it lacks", () => {
    const file = join(dir, "manifest.yaml");
    writeFileSync(file, "apiVersion: batch/v1\nkind: Job\nmetadata: {name: x}\nspec: {}\n");
    const r = jobsim("run", file);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `${file}: this is a Job manifest (batch/v1), not a scenario: a scenario (apiVersion: jobsim/v1alpha1, kind: Scenario) holds it under files: and applies it in its steps, as scenarios/flaky-job.yaml does\n`,
    );
  });
});

describe("--within takes a number of seconds, as a scenario's durations do", () => {
  it("--within 1800 is --within 30m", () => {
    const args = [
      "sweep",
      "scenarios/flaky-job.yaml",
      "--set",
      "spec.backoffLimit=2..3",
      "--runs",
      "2000",
      "--target",
      "0.9",
    ];
    const seconds = jobsim(...args, "--within", "1800", "--json");
    expect(seconds.status).toBe(0);
    expect(JSON.parse(seconds.stdout).withinSeconds).toBe(1800);
    expect(seconds.stdout).toBe(jobsim(...args, "--within", "30m", "--json").stdout);
  });
});
