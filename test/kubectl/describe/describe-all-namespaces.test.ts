import { describe, expect, it } from "vitest";
import { commandTranscript } from "../commands/session.js";

/**
 * `kubectl describe` across kinds and namespaces (staging/src/k8s.io/kubectl/pkg/cmd/describe/
 * describe.go Run): the builder takes `-A` (AllNamespaces), so every namespace's objects are
 * described; named objects are visited in the order given (cli-runtime builder.go
 * visitByResource); and "No resources found" is written once, only when nothing at all was
 * found and nothing failed (`len(infos) == 0 && len(allErrs) == 0`), without the namespace
 * under -A.
 */

function outputOf(command: string): string {
  const out = commandTranscript([
    "kubectl create namespace team-a",
    "kubectl apply -f job.yaml -n team-a",
    "sleep 10",
    command,
    "sleep 1",
  ]);
  const start = out.indexOf(`$ ${command}\n`) + command.length + 3;
  return out.slice(start, out.indexOf("$ sleep 1\n", start));
}

const names = (out: string) => out.match(/^(Name|Namespace): .*$/gm)?.join("\n") ?? "";

describe("kubectl describe -A and No resources found", () => {
  it("-A describes the objects of every namespace", () => {
    expect(names(outputOf("kubectl describe jobs -A"))).toBe(
      "Name:             work\nNamespace:        team-a",
    );
    expect(outputOf("kubectl describe pods -A")).toMatch(/^Name: {13}work-\w{5}\nNamespace: {8}team-a\n/);
  });

  it("nothing found: one line, for all the kinds; without the namespace under -A", () => {
    expect(outputOf("kubectl describe jobs,pods")).toBe("2> No resources found in default namespace.\n");
    expect(outputOf("kubectl describe jobs -A -l job-name=nope")).toBe("2> No resources found\n");
  });

  it("a kind with nothing found beside one with objects says nothing", () => {
    const steps = [
      "kubectl create namespace team-a",
      "kubectl apply -f job.yaml -n team-a",
      "sleep 60",
      "kubectl delete pods --all -n team-a",
    ];
    const out = commandTranscript([...steps, "kubectl describe jobs,pods -n team-a --show-events=false"]);
    const described = out.slice(out.indexOf("$ kubectl describe"));
    expect(described).not.toContain("No resources found");
    expect(names(described)).toBe("Name:             work\nNamespace:        team-a");
  });

  it("named objects in the order given", () => {
    const listed = commandTranscript([
      "kubectl create namespace team-a",
      "kubectl apply -f job.yaml -n team-a",
      "sleep 10",
      "kubectl get pods -n team-a -o name",
    ]);
    const pod = (listed.match(/^pod\/(work-\w{5})$/m) ?? [])[1];
    const out = outputOf(`kubectl describe -n team-a pod/${pod} job/work --show-events=false`);
    expect(names(out)).toBe(
      `Name:             ${pod}\nNamespace:        team-a\nName:             work\nNamespace:        team-a`,
    );
    const reversed = outputOf(`kubectl describe -n team-a job/work pod/${pod} --show-events=false`);
    expect(names(reversed)).toBe(
      `Name:             work\nNamespace:        team-a\nName:             ${pod}\nNamespace:        team-a`,
    );
    const three = outputOf(`kubectl describe -n team-a job/work pod/${pod} job/work --show-events=false`);
    expect(
      names(three)
        .split("\n")
        .filter((l) => l.startsWith("Name:")),
    ).toEqual(["Name:             work", `Name:             ${pod}`, "Name:             work"]);
  });
});

describe("kubectl describe -A: the API server's order", () => {
  // The API server lists by storage key, /registry/<resource>/<namespace>/<name>, compared
  // byte by byte (etcd/kine ranges, and the watch cache's btree since BtreeWatchCache): "-"
  // sorts before "/", so namespace team-a's objects come before team's.
  it("team-a before team, as the keys team-a/work < team/work", () => {
    const out = commandTranscript([
      "kubectl create namespace team",
      "kubectl create namespace team-a",
      "kubectl apply -f job.yaml -n team",
      "kubectl apply -f job.yaml -n team-a",
      "sleep 10",
      "kubectl describe jobs -A --show-events=false",
    ]);
    const described = out.slice(out.lastIndexOf("$ kubectl describe"));
    expect(described.match(/^Namespace: +(\S+)$/gm)?.map((l) => l.split(/ +/)[1])).toEqual([
      "team-a",
      "team",
    ]);
  });
});
