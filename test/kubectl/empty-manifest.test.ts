import { describe, expect, it } from "vitest";
import { parseManifestFile } from "../../src/kubectl/manifests.js";
import { parseScenario } from "../../src/scenario/load.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * A manifest file with no object in it — empty, comments only, bare `---` separators. kubectl
 * counts the objects of all the -f files of a command and, finding none, says
 * `error: no objects passed to apply` (apply.go) or `... to create` (create.go), exit 1;
 * `jobsim validate` reports such a file as apply would.
 */

const EMPTY_FILES: [string, string][] = [
  ["empty", ""],
  ["blank lines", "\n\n"],
  ["a separator", "---\n"],
  ["separators and a comment", "---\n# nothing here\n---\n"],
];

function session(files: Record<string, string>, steps: string[]): string {
  const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: empty}
images:
  app:1: {pullSeconds: 1, startSeconds: 1, runSeconds: 5, outcomes: [{probability: 1, exitCode: 0, log: ok}]}
files:
${Object.entries(files)
  .map(([name, content]) => `  ${name}: ${JSON.stringify(content)}`)
  .join("\n")}
steps:
${steps.map((s) => `  - ${JSON.stringify(s)}`).join("\n")}
`;
  return sessionTranscript(parseScenario(text, "e.yaml", "/x"), { stderrPrefix: "2> " });
}

const JOB = `apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

describe("a manifest file with no object", () => {
  for (const [what, content] of EMPTY_FILES) {
    it(`${what}: validate's problem; apply and create refuse; nothing is created`, () => {
      const m = parseManifestFile("e.yaml", content);
      expect(m).toMatchObject({
        empty: true,
        docs: [],
        namespaces: [],
        clientError: "no objects passed to apply",
      });
      expect(
        session({ "e.yaml": content }, [
          "kubectl apply -f e.yaml",
          "kubectl create -f e.yaml",
          "kubectl get jobs",
        ]),
      ).toBe(
        [
          "$ kubectl apply -f e.yaml",
          "2> error: no objects passed to apply",
          "$ kubectl create -f e.yaml",
          "2> error: no objects passed to create",
          "$ kubectl get jobs",
          "2> No resources found in default namespace.",
          "",
        ].join("\n"),
      );
    });
  }

  it("counted with the other files of the command: no error when one of them has an object", () => {
    expect(session({ "e.yaml": "---\n", "job.yaml": JOB }, ["kubectl apply -f e.yaml -f job.yaml"])).toBe(
      "$ kubectl apply -f e.yaml -f job.yaml\njob.batch/work created\n",
    );
  });

  it("a file with a Job after empty documents is not empty", () => {
    const m = parseManifestFile("j.yaml", `---\n---\n${JOB}---\n`);
    expect(m.empty).toBe(false);
    expect(m.clientError).toBeNull();
    expect(m.docs.map((d) => d.name)).toEqual(["work"]);
  });
});
