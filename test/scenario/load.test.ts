import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, ScenarioError } from "../../src/scenario/load.js";
import { scenarioProblems } from "../helpers/session.js";

/** Scenario files: every problem reported at once, as `<file>: <path>: <what is wrong>`. */

const GOOD = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata:
  name: t
images:
  img:1:
    runSeconds: 2
    outcomes:
      - {probability: 0.4, exitCode: 0, log: "ok"}
      - {probability: 0.6, exitCode: 1, log: "no"}
files:
  job.yaml: |
    apiVersion: batch/v1
    kind: Job
    metadata: {name: j}
    spec:
      template:
        spec:
          containers: [{name: c, image: "img:1"}]
          restartPolicy: Never
steps:
  - kubectl apply -f job.yaml
  - sleep 1m
`;

function problems(text: string): string[] {
  return scenarioProblems(text, "s.yaml");
}

describe("scenario loading", () => {
  it("loads a good scenario with the k3d defaults", () => {
    const s = parseScenario(GOOD, "s.yaml", "/nonexistent");
    expect(s.name).toBe("t");
    expect(s.seed).toBe(1);
    expect(s.nodes.map((n) => [n.name, n.role])).toEqual([
      ["k3d-my-cluster-server-0", "server"],
      ["k3d-my-cluster-agent-0", "agent"],
    ]);
    expect(s.steps.map((x) => x.kind)).toEqual(["kubectl", "sleep"]);
    expect(s.manifests.get("job.yaml")!.docs[0].name).toBe("j");
    expect(s.epochMs).toBe(Date.parse("2026-01-01T00:00:00Z"));
  });

  it("reports probabilities that do not sum to 1 with the file and the path", () => {
    const text = GOOD.replace("probability: 0.6", "probability: 0.8");
    expect(problems(text)).toEqual(["s.yaml: images.img:1.outcomes: probabilities sum to 1.2, expected 1"]);
  });

  it("reports a probability outside [0, 1]", () => {
    expect(problems(GOOD.replace("probability: 0.6", "probability: 1.5"))).toContain(
      "s.yaml: images.img:1.outcomes[1].probability: probability 1.5 is not in [0, 1]",
    );
  });

  it("reports a negative probability instead of handing it to the sampler", () => {
    // The outcome sampler rejects a negative weight with an exception; the loader must report
    // the file's problem first (this once surfaced as "internal error").
    expect(problems(GOOD.replace("probability: 0.6", "probability: -0.5"))).toContain(
      "s.yaml: images.img:1.outcomes[1].probability: probability -0.5 is not in [0, 1]",
    );
  });

  it("names the --set values when a swept value makes the scenario invalid", () => {
    const overrides = [{ path: "images.img:1.outcomes[0].probability", value: 1.5 }];
    let thrown: unknown;
    try {
      parseScenario(GOOD, "s.yaml", "/nonexistent", overrides);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ScenarioError);
    expect((thrown as ScenarioError).problems).toEqual([
      "s.yaml: images.img:1.outcomes[0].probability: probability 1.5 is not in [0, 1]",
      "s.yaml: images.img:1.outcomes[1].probability: probability -0.5 is not in [0, 1]",
      "s.yaml: with --set images.img:1.outcomes[0].probability=1.5",
    ]);
  });

  it("takes an image's timings as Go durations too, as the README says of every duration", () => {
    const text = GOOD.replace(
      "    runSeconds: 2\n",
      '    runSeconds: "1m30s"\n    pullSeconds: "1.5s"\n    startSeconds: 500ms\n    terminationSeconds: "30"\n',
    ).replace(
      '{probability: 0.6, exitCode: 1, log: "no"}',
      '{probability: 0.6, exitCode: 1, log: "no", runSeconds: 2m}',
    );
    const spec = parseScenario(text, "s.yaml", "/nonexistent").workload.get("img:1").spec;
    const constant = (d: { isConstant: boolean; range(): [number, number] }) =>
      d.isConstant ? d.range()[0] : Number.NaN;
    expect(constant(spec.runSeconds)).toBe(90);
    expect(constant(spec.pullSeconds)).toBe(1.5);
    expect(constant(spec.startSeconds)).toBe(0.5);
    expect(constant(spec.terminationSeconds)).toBe(30);
    expect(constant(spec.outcomes[1].runSeconds!)).toBe(120);
  });

  it("refuses an image timing that is not a duration, in the words of the scenario's other durations", () => {
    const text = GOOD.replace("    runSeconds: 2\n", '    runSeconds: "90 s"\n    pullSeconds: "-2s"\n');
    expect(problems(text)).toEqual([
      's.yaml: images.img:1.pullSeconds: "-2s" is negative',
      's.yaml: images.img:1.runSeconds: "90 s" is not a duration (seconds, or e.g. "90s", "2m", "1h30m")',
    ]);
  });

  it("reports every problem at once, unknown fields with a hint", () => {
    const text = GOOD.replace(
      "runSeconds: 2",
      "runSecond: 2\n    pullSeconds: {lognormal: {median: -1, sigma: 1}}",
    ).replace("kind: Scenario", "kind: Scenari");
    const p = problems(text);
    expect(p).toContain('s.yaml: kind: expected "Scenario", got "Scenari"');
    expect(
      p.some((x) =>
        x.startsWith('s.yaml: images.img:1: unknown field "runSecond" (did you mean "runSeconds"?)'),
      ),
    ).toBe(true);
    expect(p).toContain("s.yaml: images.img:1.pullSeconds: lognormal: median must be > 0, got -1");
    expect(p.length).toBe(3);
  });

  it("names a distribution's unknown parameter, which would otherwise be dropped without a word", () => {
    const text = GOOD.replace(
      "    runSeconds: 2\n",
      "    runSeconds: {lognormal: {median: 1.2, sigma: 0.3, mean: 2}}\n" +
        "    pullSeconds: {exponential: {mean: 2, sd: 1}}\n" +
        "    startSeconds: {normal: {mean: 1, sd: 0.1, minimum: 0.5}}\n",
    );
    expect(problems(text)).toEqual([
      's.yaml: images.img:1.pullSeconds: exponential: unknown field "sd"; known fields: mean',
      's.yaml: images.img:1.startSeconds: normal: unknown field "minimum"; known fields: mean, sd, min',
      's.yaml: images.img:1.runSeconds: lognormal: unknown field "mean" (did you mean "median"?); known fields: median, sigma',
    ]);
  });

  it("names a node's misspelt name key with a hint, not only 'expected {name: ...}'", () => {
    const text = GOOD.replace(
      "images:\n",
      'cluster:\n  nodes:\n    - name: a\n    - nme: b\n    - {name: 5}\n    - cpu: "2"\nimages:\n',
    );
    expect(problems(text)).toEqual([
      's.yaml: cluster.nodes[1]: unknown field "nme" (did you mean "name"?); known fields: name, role, cpu, memory, pods, internalIP, labels, images, systemCpu, systemMemory',
      "s.yaml: cluster.nodes[1].name: required: the node's name",
      "s.yaml: cluster.nodes[2].name: expected a node name, got 5",
      "s.yaml: cluster.nodes[3].name: required: the node's name",
    ]);
  });

  it("refuses a node's systemCpu, systemMemory, internalIP, images or labels of the wrong shape, not silently", () => {
    // Before, systemCpu: lots left the node with NaN allocatable CPU (every pod Pending with an
    // empty scheduler reason), `images: python` and `internalIP: 3` were dropped, and a null
    // label value was shown as "null".
    const text = GOOD.replace(
      "images:\n",
      'cluster:\n  nodes:\n    - name: a\n      systemCpu: lots\n      systemMemory: "-1Mi"\n' +
        "      internalIP: 3\n      images: python\n      labels: {x: [1]}\n" +
        "    - name: b\n      internalIP: not-an-ip\n      images: [python, {a: 1}]\nimages:\n",
    );
    expect(problems(text)).toEqual([
      's.yaml: cluster.nodes[0].systemCpu: expected a CPU quantity ≥ 0 such as "200m", got "lots"',
      's.yaml: cluster.nodes[0].systemMemory: expected a memory quantity ≥ 0 such as "140Mi", got "-1Mi"',
      's.yaml: cluster.nodes[0].internalIP: expected an IP address such as "172.18.0.3", got 3',
      's.yaml: cluster.nodes[0].labels: label "x": expected a string value, got [1]',
      's.yaml: cluster.nodes[0].images: expected a list of image references, got "python"',
      's.yaml: cluster.nodes[1].internalIP: expected an IP address such as "172.18.0.3", got "not-an-ip"',
      's.yaml: cluster.nodes[1].images[1]: expected an image reference, got {"a":1}',
    ]);
  });

  it("reads a node label given as null as the empty value, as Go decodes a null string", () => {
    const text = GOOD.replace(
      "images:\n",
      "cluster:\n  nodes:\n    - name: a\n      labels: {x: null, n: 1}\nimages:\n",
    );
    const node = parseScenario(text, "s.yaml", "/nonexistent").nodes[0];
    expect([node.labels.x, node.labels.n]).toEqual(["", "1"]);
  });

  it("reports bad steps clearly", () => {
    const p = problems(
      GOOD.replace(
        "  - sleep 1m",
        "  - sleep soon\n  - kubectl get pods --frobnicate\n  - kubectl launch rocket\n  - rm -rf /\n  - kubectl top pods\n  - kubectl get pods | head -n x",
      ),
    );
    expect(p).toEqual([
      's.yaml: steps[1]: sleep: "soon" is not a duration (seconds, or e.g. "90s", "2m", "1h30m")',
      "s.yaml: steps[2]: kubectl get pods --frobnicate: error: unknown flag: --frobnicate See 'kubectl get --help' for usage.",
      's.yaml: steps[3]: kubectl launch rocket: error: unknown command "launch" for "kubectl"  Run \'kubectl --help\' for usage.',
      's.yaml: steps[4]: unknown step "rm -rf /": steps are "kubectl ...", "docker stop <node>", "sleep <duration>" or "at <time>"',
      // A real kubectl command jobsim lacks is not "unknown" to kubectl: say it is not simulated.
      's.yaml: steps[5]: kubectl top pods: jobsim does not simulate "kubectl top" (it simulates get, describe, logs, apply, create, delete, wait, events, patch, cordon, uncordon, drain)',
      's.yaml: steps[6]: kubectl get pods | head -n x: head: invalid number of lines: "x"',
    ]);
  });

  it("refuses a bare kubectl step as a command jobsim lacks, not as `kubectl get` without a type", () => {
    expect(problems(GOOD.replace("  - sleep 1m", "  - kubectl\n  - kubectl -n default"))).toEqual([
      's.yaml: steps[1]: kubectl: jobsim does not simulate "kubectl" without a command (kubectl prints its help; jobsim simulates get, describe, logs, apply, create, delete, wait, events, patch, cordon, uncordon, drain)',
      's.yaml: steps[2]: kubectl -n default: jobsim does not simulate "kubectl" without a command (kubectl prints its help; jobsim simulates get, describe, logs, apply, create, delete, wait, events, patch, cordon, uncordon, drain)',
    ]);
  });

  it("refuses shell operators, redirections and expansions at load time instead of passing them to kubectl", () => {
    const steps = [
      "kubectl get pods; kubectl get jobs",
      "kubectl get pods || true",
      "kubectl get pods 2>&1",
      "kubectl get pods > out.txt",
      "kubectl get pods -n $NS",
      'kubectl logs "$(kubectl get pods -o name)"',
    ];
    const text = GOOD.replace("  - sleep 1m", steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n"));
    const why =
      "is not simulated (quote it to pass it to kubectl): a step is one kubectl command, optionally piped into grep, head or tail";
    expect(problems(text)).toEqual([
      `s.yaml: steps[1]: kubectl get pods; kubectl get jobs: the shell's ";" ${why}`,
      `s.yaml: steps[2]: kubectl get pods || true: the shell's "||" ${why}`,
      `s.yaml: steps[3]: kubectl get pods 2>&1: the shell's "2>&1" ${why}`,
      `s.yaml: steps[4]: kubectl get pods > out.txt: the shell's ">" ${why}`,
      `s.yaml: steps[5]: kubectl get pods -n $NS: the shell's "$NS" ${why}`,
      `s.yaml: steps[6]: kubectl logs "$(kubectl get pods -o name)": the shell's "$(" ${why}`,
    ]);
    // What a shell leaves alone stays: quoted operators, JSONPath's $, globs that match nothing.
    const kept = [
      "kubectl get pods | grep -E 'a|b;c'",
      `kubectl get pods -o jsonpath="{$.items[*].metadata.name}"`,
      "kubectl get pods -o custom-columns=EXIT:.status.containerStatuses[0].state.terminated.exitCode",
    ];
    expect(
      problems(GOOD.replace("  - sleep 1m", kept.map((s) => `  - ${JSON.stringify(s)}`).join("\n"))),
    ).toEqual([]);
  });

  it("names an empty step as empty, not as an empty command in a pipeline", () => {
    expect(problems(GOOD.replace("  - sleep 1m", '  - ""\n  - {at: 1m, run: "  "}'))).toEqual([
      's.yaml: steps[1]: empty step: expected a command line ("kubectl ...", "sleep <duration>" or "at <time>")',
      's.yaml: steps[2].run: empty step: expected a command line ("kubectl ...", "sleep <duration>" or "at <time>")',
    ]);
  });

  it("names the described image a Job's image nearly matches", () => {
    expect(problems(GOOD.replace("  img:1:\n", "  img:2:\n"))).toEqual([
      's.yaml: files.job.yaml: spec.template.spec.containers[0].image: no behaviour for image "img:1" (did you mean "img:2"?); describe it under images: (or add an "*" entry)',
    ]);
  });

  it("refuses kubectl's global options (--context, -v, ...) in jobsim's words, not as unknown flags", () => {
    expect(
      problems(
        GOOD.replace("  - sleep 1m", "  - kubectl --context k3d-other get pods\n  - kubectl get jobs -v 6"),
      ),
    ).toEqual([
      "s.yaml: steps[1]: kubectl --context k3d-other get pods: jobsim does not simulate the --context flag (one of kubectl's global options, for every command: the simulated cluster is the only one, reached without a kubeconfig, credentials or a network)",
      "s.yaml: steps[2]: kubectl get jobs -v 6: jobsim does not simulate the --v flag (one of kubectl's global options, for every command: jobsim writes no log or profile of kubectl itself)",
    ]);
  });

  it("refuses kubectl patch --type json, which jobsim does not apply (other bad patch arguments are kubectl's to refuse in the session)", () => {
    const steps = [
      "  - kubectl patch job x --type json -p '[]'",
      "  - kubectl patch job x --type=JSON -p '[]'",
      "  - kubectl patch job x --type foo -p '{}'",
      "  - kubectl patch job x -p notjson",
    ];
    expect(problems(GOOD.replace("  - sleep 1m", steps.join("\n")))).toEqual([
      "s.yaml: steps[1]: kubectl patch job x --type json -p '[]': jobsim does not simulate --type json (RFC 6902 JSON patches): use --type merge or --type strategic",
      "s.yaml: steps[2]: kubectl patch job x --type=JSON -p '[]': jobsim does not simulate --type json (RFC 6902 JSON patches): use --type merge or --type strategic",
    ]);
  });

  it("refuses resource types and -o formats jobsim does not simulate, as the session would (a type no cluster has is kubectl's to refuse)", () => {
    const steps = [
      "  - kubectl get all",
      "  - kubectl get deploy,pods",
      "  - kubectl describe cronjob x",
      "  - kubectl get pods -o go-template={{.kind}}",
      "  - kubectl get pods -o jsonpath-file=x",
      "  - kubectl get nothings",
      "  - kubectl get pods -o yaml",
      "  - kubectl patch deploy x -p {}",
    ];
    expect(problems(GOOD.replace("  - sleep 1m", steps.join("\n")))).toEqual([
      's.yaml: steps[1]: kubectl get all: jobsim does not simulate "all": it simulates jobs, pods, events, nodes and namespaces',
      's.yaml: steps[2]: kubectl get deploy,pods: jobsim does not simulate "deploy": it simulates jobs, pods, events, nodes and namespaces',
      's.yaml: steps[3]: kubectl describe cronjob x: jobsim does not simulate "cronjob": it simulates jobs, pods, events, nodes and namespaces',
      's.yaml: steps[4]: kubectl get pods -o go-template={{.kind}}: jobsim does not simulate "-o go-template" (it renders -o wide, yaml, json, name, jsonpath=, custom-columns= and custom-columns-file=)',
      's.yaml: steps[5]: kubectl get pods -o jsonpath-file=x: jobsim does not simulate "-o jsonpath-file" (it renders -o wide, yaml, json, name, jsonpath=, custom-columns= and custom-columns-file=)',
      's.yaml: steps[8]: kubectl patch deploy x -p {}: jobsim does not simulate "deploy": it simulates jobs, pods, events, nodes and namespaces',
    ]);
  });

  it("refuses describe of events and namespaces, which jobsim lists but does not describe (kubectl 1.35 does: describe.go NamespaceDescriber, and events by GenericDescriberFor); describes nodes", () => {
    const steps = [
      "  - kubectl describe nodes",
      "  - kubectl describe node k3d-my-cluster-agent-0",
      "  - kubectl describe ns default",
      "  - kubectl describe events",
      "  - kubectl describe jobs,no j",
      "  - kubectl describe job/j pod/p",
      "  - kubectl describe nodes,ns",
    ];
    expect(problems(GOOD.replace("  - sleep 1m", steps.join("\n")))).toEqual([
      's.yaml: steps[3]: kubectl describe ns default: jobsim does not simulate "kubectl describe namespaces" (it describes jobs, pods and nodes)',
      's.yaml: steps[4]: kubectl describe events: jobsim does not simulate "kubectl describe events" (it describes jobs, pods and nodes)',
      's.yaml: steps[7]: kubectl describe nodes,ns: jobsim does not simulate "kubectl describe namespaces" (it describes jobs, pods and nodes)',
    ]);
  });

  it("refuses get, describe and wait -f of a file holding a Namespace, or of files holding no Job, at load, in the session's words", () => {
    const files = [
      "  ns.yaml: |",
      "    apiVersion: v1",
      "    kind: Namespace",
      "    metadata: {name: team}",
      "  empty.yaml: |",
      "    # nothing yet",
    ].join("\n");
    const steps = [
      "  - kubectl describe -f ns.yaml",
      "  - kubectl get -f job.yaml -f ns.yaml",
      "  - kubectl wait --for=condition=Complete -f empty.yaml",
      "  - kubectl get -f empty.yaml -f job.yaml",
      "  - kubectl describe -f ns.yaml job/j",
    ];
    const text = GOOD.replace("files:\n", `files:\n${files}\n`).replace("  - sleep 1m", steps.join("\n"));
    expect(problems(text)).toEqual([
      's.yaml: steps: kubectl describe -f ns.yaml: jobsim does not simulate reading a Namespace by file (ns.yaml holds Namespace "team"): name its Jobs instead',
      's.yaml: steps: kubectl get -f job.yaml -f ns.yaml: jobsim does not simulate reading a Namespace by file (ns.yaml holds Namespace "team"): name its Jobs instead',
      's.yaml: steps: kubectl wait --for=condition=Complete -f empty.yaml: jobsim does not simulate "kubectl wait -f" of a file with no Job in it',
    ]);
  });

  it("refuses delete and wait of nodes, events and namespaces in the same words (kubectl acts on them; jobsim on jobs and pods)", () => {
    const steps = [
      "  - kubectl delete node k3d-my-cluster-agent-0",
      "  - kubectl delete events --all",
      "  - kubectl wait --for=delete node/k3d-my-cluster-agent-0",
      "  - kubectl wait --for=condition=Ready nodes --all",
    ];
    expect(problems(GOOD.replace("  - sleep 1m", steps.join("\n")))).toEqual([
      's.yaml: steps[1]: kubectl delete node k3d-my-cluster-agent-0: jobsim does not simulate "kubectl delete nodes" (it deletes jobs and pods)',
      's.yaml: steps[2]: kubectl delete events --all: jobsim does not simulate "kubectl delete events" (it deletes jobs and pods)',
      's.yaml: steps[3]: kubectl wait --for=delete node/k3d-my-cluster-agent-0: jobsim does not simulate "kubectl wait nodes" (it waits for jobs and pods)',
      's.yaml: steps[4]: kubectl wait --for=condition=Ready nodes --all: jobsim does not simulate "kubectl wait nodes" (it waits for jobs and pods)',
    ]);
  });

  it("reports a manifest file that exists nowhere", () => {
    expect(problems(GOOD.replace("apply -f job.yaml", "apply -f missing.yaml"))).toEqual([
      's.yaml: steps: kubectl apply -f missing.yaml: the path "missing.yaml" does not exist (neither under files: nor beside the scenario)',
    ]);
  });

  it("requires a behaviour for every container image", () => {
    expect(problems(GOOD.replace('image: "img:1"', 'image: "other:2"'))).toEqual([
      's.yaml: files.job.yaml: spec.template.spec.containers[0].image: no behaviour for image "other:2"; describe it under images: (or add an "*" entry)',
    ]);
  });

  it("reports broken YAML with its line and column", () => {
    const p = problems("apiVersion: jobsim/v1alpha1\nkind: Scenario\nsteps: [\n");
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^s\.yaml:\d+:\d+: /);
  });

  it("reads manifests from disk beside the scenario, and says when the scenario itself is missing", () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsim-"));
    writeFileSync(
      join(dir, "job.yaml"),
      GOOD.split("  job.yaml: |\n")[1].split("steps:")[0].replace(/^ {4}/gm, ""),
    );
    writeFileSync(join(dir, "s.yaml"), GOOD.replace(/files:[\s\S]*?steps:/, "steps:"));
    expect(loadScenario(join(dir, "s.yaml")).manifests.get("job.yaml")!.docs[0].name).toBe("j");
    expect(() => loadScenario(join(dir, "nope.yaml"))).toThrow(/nope\.yaml: no such file/);
  });

  it("finds a files: entry by the path a shell would open: -f ./job.yaml reads files.job.yaml", () => {
    // files: stands for the directory beside the scenario; `./job.yaml` is the same file there.
    const s = parseScenario(
      GOOD.replace("kubectl apply -f job.yaml", "kubectl apply -f ./job.yaml"),
      "s.yaml",
      "/nonexistent",
    );
    expect(s.manifests.get("./job.yaml")!.docs[0].name).toBe("j");
    // Not counted a second time under its files: key.
    expect([...s.manifests.keys()]).toEqual(["./job.yaml"]);
    // Its problems are named by its files: key, which is where the text is.
    expect(
      problems(
        GOOD.replace("kubectl apply -f job.yaml", "kubectl apply -f ./job.yaml").replace(
          '"img:1"}]',
          '"img:2"}]',
        ),
      ),
    ).toEqual([
      's.yaml: files.job.yaml: spec.template.spec.containers[0].image: no behaviour for image "img:2" (did you mean "img:1"?); describe it under images: (or add an "*" entry)',
    ]);
  });

  it("names a manifest read from beside the scenario by its file, not by a files: key it does not have", () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsim-"));
    const job = GOOD.split("  job.yaml: |\n")[1].split("steps:")[0].replace(/^ {4}/gm, "");
    writeFileSync(join(dir, "job.yaml"), job.replace('image: "img:1"', 'image: "img:2"'));
    writeFileSync(
      join(dir, "s.yaml"),
      GOOD.replace(/files:[\s\S]*?steps:/, "steps:").replace("  - sleep 1m", "  - kubectl apply -f t.yaml"),
    );
    writeFileSync(
      join(dir, "t.yaml"),
      job.replace("restartPolicy: Never", "restartPolicy: Never\n      nodeName: node-1"),
    );
    expect(() => loadScenario(join(dir, "s.yaml"))).toThrow(
      [
        `${join(dir, "s.yaml")}: job.yaml (beside the scenario): spec.template.spec.containers[0].image: no behaviour for image "img:2" (did you mean "img:1"?); describe it under images: (or add an "*" entry)`,
        `${join(dir, "s.yaml")}: t.yaml (beside the scenario): spec.template.spec.nodeName: jobsim does not simulate pods bound to a node without the scheduler; use a nodeSelector on kubernetes.io/hostname`,
      ].join("\n"),
    );
  });

  it("keeps broken manifests for kubectl to reject in the session (client-side and strict decoding errors)", () => {
    const s = parseScenario(
      GOOD.replace("restartPolicy: Never", "restartPolicy: Never\n          restartPolicyy: Never"),
      "s.yaml",
      "/x",
    );
    expect(s.manifests.get("job.yaml")!.docs[0].decodeError).toBe(
      'Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.template.spec.restartPolicyy"',
    );
    const broken = parseScenario(
      GOOD.replace("    metadata: {name: j}", "    metadata: {name: j\n    spec: x"),
      "s.yaml",
      "/x",
    );
    expect(broken.manifests.get("job.yaml")!.clientError).toMatch(
      /^error parsing job\.yaml: error converting YAML to JSON: yaml: line \d+: /,
    );
  });
});

describe("YAML that is no scenario, in jobsim's words", () => {
  it("ignores an empty document after a trailing ---, refuses a second one", () => {
    expect(problems(`${GOOD}---\n`)).toEqual([]);
    expect(problems(`${GOOD}---\nfoo: 1\n`)).toEqual([
      "s.yaml:24: a second YAML document: a scenario file holds one (its manifests go under files:)",
    ]);
  });

  it("takes YAML merge keys (<<: *anchor), as kubectl does in the manifests it applies", () => {
    // One image's behaviour shared by another, with a field of its own: the yaml package reads
    // YAML 1.2, which has no merge keys unless asked, and "<<" was an unknown field.
    const text = GOOD.replace("  img:1:\n", "  img:1: &flaky\n").replace(
      "files:",
      "  img:2:\n    <<: *flaky\n    runSeconds: 5\nfiles:",
    );
    expect(problems(text)).toEqual([]);
    const { workload } = parseScenario(text, "s.yaml", "/nonexistent");
    const [one, two] = [workload.get("img:1").spec, workload.get("img:2").spec];
    expect(two.outcomes).toEqual(one.outcomes);
    expect(two.runSeconds).not.toEqual(one.runSeconds);
  });

  it("names an alias without its anchor, and nesting too deep, rather than the parser's or V8's words", () => {
    expect(problems(`${GOOD}horizon: *nope\n`)).toEqual([
      "s.yaml: unknown anchor 'nope' referenced (an alias *nope needs an &nope before it)",
    ]);
    expect(problems(`${GOOD}x: ${"[".repeat(5000)}`)).toEqual(["s.yaml: YAML nested too deeply to read"]);
  });

  it("says a required image field is missing instead of 'got undefined'", () => {
    const p = problems(
      GOOD.replace('{probability: 0.4, exitCode: 0, log: "ok"}', '{exitCode: 0, log: "ok"}'),
    );
    expect(p).toContain("s.yaml: images.img:1.outcomes[0].probability: required: a number in [0, 1]");
    expect(problems(GOOD.replace("kind: Scenario\n", ""))).toEqual([
      's.yaml: kind: expected "Scenario", got nothing',
    ]);
    expect(p.join("\n")).not.toContain("undefined");
  });

  it("an integer seed past 2^53 − 1 is refused without showing another number than the one written", () => {
    // YAML reads 9007199254740993 as the float 9007199254740992, which the message showed.
    expect(problems(`${GOOD}seed: 9007199254740993\n`)).toEqual([
      's.yaml: seed: an integer past 2^53 − 1 (9007199254740991) cannot be read exactly: quote it ("9007199254740993") to use its digits as a string seed',
    ]);
    expect(problems(`${GOOD}seed: 1e30\n`)).toEqual([
      "s.yaml: seed: expected an integer or a string, got 1e+30",
    ]);
  });

  it("refuses an empty seed, as --seed '' is refused (the header read \"seed , 10 runs\")", () => {
    for (const seed of ['""', '"  "'])
      expect(problems(`${GOOD}seed: ${seed}\n`)).toEqual([
        "s.yaml: seed: must not be empty: give a number or a word",
      ]);
  });

  it("names a YAML type mistake as one, once, without the problems that follow from it", () => {
    expect(problems(GOOD.replace("metadata:\n  name: t\n", "metadata: t\n"))).toEqual([
      's.yaml: metadata: expected a mapping with the scenario\'s name ({name: ...}), got "t"',
    ]);
    expect(problems(GOOD.replace("  name: t\n", "  name: 5\n"))).toEqual([
      "s.yaml: metadata.name: expected a name for the scenario (a string), got 5",
    ]);
    // images: [] is the mistake; the Job's image is not also "without a behaviour".
    expect(problems(GOOD.replace(/images:\n[\s\S]*?files:/, "images: []\nfiles:"))).toEqual([
      "s.yaml: images: expected a mapping from image reference to behaviour",
    ]);
    // A files: entry that is not text is the mistake; the step's file is not also "missing".
    expect(problems(GOOD.replace("  job.yaml: |\n", "  job.yaml: 5\n  other.yaml: |\n"))).toEqual([
      "s.yaml: files.job.yaml: expected the manifest text (use a YAML block scalar: `|`)",
    ]);
  });

  it("reads a quoted integer seed as the integer, as --seed reads it, so mc's replay line replays it", () => {
    // `--seed 007` is the seed 7 (cli/output.ts parseSeed): a scenario's "007" must be too, or
    // the `jobsim run --seed "007" --run N` that mc prints would replay another run.
    const seedOf = (v: string) => parseScenario(`${GOOD}seed: ${v}\n`, "s.yaml", "/nonexistent").seed;
    expect([seedOf('"007"'), seedOf('"7"'), seedOf('"-12"'), seedOf("007")]).toEqual([7, 7, -12, 7]);
    expect([seedOf('"1.5"'), seedOf('"abc"'), seedOf('"99999999999999999999"')]).toEqual([
      "1.5",
      "abc",
      "99999999999999999999",
    ]);
  });

  it("refuses a seed given as null, as it refuses a horizon given as null", () => {
    expect(problems(`${GOOD}seed:\n`)).toEqual(["s.yaml: seed: expected an integer or a string, got null"]);
  });

  it("refuses a horizon of 0, which would stop every run before it starts", () => {
    // Every run ended "Unfinished" at time 0, with no word of why; --within 0s is refused too.
    for (const [h, as] of [
      ["0", "0"],
      ["0s", '"0s"'],
      ['"0m"', '"0m"'],
      ["0.0001", "0.0001"],
    ])
      expect(problems(`${GOOD}horizon: ${h}\n`)).toEqual([
        `s.yaml: horizon: ${as} stops every run before it starts: expected a time longer than 0, such as 24h (the default)`,
      ]);
    expect(problems(`${GOOD}horizon: 1ms\n`)).toEqual([]);
  });

  it("shows a number past float64 as YAML writes it, not as JavaScript's Infinity", () => {
    expect(problems(`${GOOD}horizon: 1e309\n`)).toEqual([
      's.yaml: horizon: .inf is not a duration (seconds ≥ 0 or e.g. "2m")',
    ]);
  });

  it("refuses a startTime so late that API times would pass year 9999", () => {
    expect(
      problems(GOOD.replace("images:", 'cluster: {startTime: "9999-12-31T23:59:59Z"}\nimages:')),
    ).toEqual([
      's.yaml: cluster.startTime: "9999-12-31T23:59:59Z" is too late: API times end at 9999-12-31T23:59:59Z; use a time before 9000-01-01T00:00:00Z',
    ]);
    expect(
      problems(GOOD.replace("images:", 'cluster: {startTime: "8999-12-31T23:59:59Z"}\nimages:')),
    ).toEqual([]);
  });

  it("says that -f - (standard input) and -f URL are not read, not that the path does not exist", () => {
    // kubectl reads `-` from stdin and fetches http(s):// (cli-runtime resource/builder.go
    // FilenameParam); a step has no stdin and jobsim fetches nothing.
    expect(problems(GOOD.replace("-f job.yaml", "-f -"))).toEqual([
      "s.yaml: steps: kubectl apply -f -: -f - reads standard input, which a step does not have: put the manifest under files: and name it (-f job.yaml)",
    ]);
    expect(problems(GOOD.replace("-f job.yaml", "-f https://example.com/job.yaml"))).toEqual([
      's.yaml: steps: kubectl apply -f https://example.com/job.yaml: jobsim does not fetch "https://example.com/job.yaml": put the manifest under files: and name it (-f job.yaml)',
    ]);
  });

  it("refuses -f with a directory at load (kubectl would apply the files in it)", () => {
    const dir = mkdtempSync(join(tmpdir(), "jobsim-"));
    mkdirSync(join(dir, "jobs.d"));
    writeFileSync(
      join(dir, "s.yaml"),
      GOOD.replace(/files:[\s\S]*?steps:/, "steps:").replace("-f job.yaml", "-f jobs.d"),
    );
    expect(() => loadScenario(join(dir, "s.yaml"))).toThrow(
      'steps: kubectl apply -f jobs.d: the path "jobs.d" is a directory: jobsim does not simulate -f with a directory; name each file (-f a.yaml -f b.yaml)',
    );
  });
});

describe("numbers JSON cannot carry, in a manifest (sigs.k8s.io/yaml's YAMLToJSON)", () => {
  const manifest = (value: string) =>
    parseScenario(
      GOOD.replace("    spec:\n", `    spec:\n      backoffLimit: ${value}\n`),
      "s.yaml",
      "/x",
    ).manifests.get("job.yaml")!;

  it(".inf, -.inf and .nan: encoding/json's unsupported value, as kubectl's client-side error", () => {
    expect(manifest(".inf").clientError).toBe(
      "error parsing job.yaml: error converting YAML to JSON: json: unsupported value: +Inf",
    );
    expect(manifest("-.Inf").clientError).toBe(
      "error parsing job.yaml: error converting YAML to JSON: json: unsupported value: -Inf",
    );
    expect(manifest(".NaN").clientError).toBe(
      "error parsing job.yaml: error converting YAML to JSON: json: unsupported value: NaN",
    );
  });

  it("a decimal past float64 stays the text goyaml keeps it as: the API server's string-into-int32 error", () => {
    const m = manifest("1e309");
    expect(m.clientError).toBeNull();
    expect(m.docs[0].decodeError).toBe(
      'Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
    );
  });

  it("an alias to no anchor is goyaml's unknown anchor", () => {
    expect(manifest("*three").clientError).toBe(
      "error parsing job.yaml: error converting YAML to JSON: yaml: unknown anchor 'three' referenced",
    );
  });
});

describe("a step YAML takes apart", () => {
  const HINT =
    'a step holding ": ", " #" or starting with "{" needs quotes, e.g. - \'kubectl get pods -o jsonpath={.items[*].metadata.name}\'';

  it("a syntax error on a step line: the first error only, with how to quote it", () => {
    const p = problems(`${GOOD}  - kubectl get pod -o jsonpath={range .items[*]}{.name}: {.x}{end}\n`);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^s\.yaml:24:\d+: .+ \(a step holding/);
    expect(p[0].endsWith(`(${HINT})`)).toBe(true);
  });

  it("a step with ': ' read as a mapping is named as such", () => {
    expect(problems(`${GOOD}  - kubectl get pod -o jsonpath={.items[*].metadata.name}: x\n`)).toEqual([
      `s.yaml: steps[2]: "kubectl get pod -o jsonpath={.items[*].metadata.name}: ..." reads as a YAML mapping: ${HINT}`,
    ]);
  });
});
