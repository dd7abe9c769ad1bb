import { describe, expect, it } from "vitest";
import { parseKubectl, UsageError } from "../../src/kubectl/parse.js";
import { commandTranscript } from "./commands/session.js";

/**
 * Boolean flags as pflag reads them: `--flag` alone is true; `--flag=VALUE` and `-f=VALUE` take
 * VALUE through strconv.ParseBool (1, t, T, TRUE, true, True; 0, f, F, FALSE, false, False);
 * anything else is pflag's invalid-argument error, naming the flag with its shorthand when it
 * has one (spf13/pflag flag.go `set`), then kubectl's usage line. `--flag false` leaves "false"
 * as an argument: a bool flag never takes the next word. `delete --wait` and
 * `describe --show-events` are such flags (BoolVar, default true).
 */

function parsed(line: string): Map<string, string[]> | string {
  try {
    return parseKubectl(line.split(" ")).flags;
  } catch (e) {
    if (e instanceof UsageError) return e.message;
    throw e;
  }
}

describe("boolean flag values", () => {
  it.each([
    ["kubectl get pods --show-labels=0", "show-labels", "false"],
    ["kubectl get pods --show-labels=F", "show-labels", "false"],
    ["kubectl get pods --show-labels=False", "show-labels", "false"],
    ["kubectl get pods --show-labels=t", "show-labels", "true"],
    ["kubectl get pods --show-labels=1", "show-labels", "true"],
    ["kubectl get pods --show-labels=TRUE", "show-labels", "true"],
    ["kubectl get pods -w=false", "watch", "false"],
    ["kubectl get pods -Aw=0", "watch", "false"],
    ["kubectl logs work-skg54 -p=f", "previous", "false"],
    ["kubectl delete pod x --wait=F", "wait", "false"],
    ["kubectl delete pod x --wait", "wait", "true"],
    ["kubectl describe job work --show-events=0", "show-events", "false"],
  ])("%s", (line, name, value) => {
    const flags = parsed(line);
    expect(typeof flags).not.toBe("string");
    expect((flags as Map<string, string[]>).get(name)).toEqual([value]);
  });

  it.each([
    [
      "kubectl get pods --show-labels=yes",
      'error: invalid argument "yes" for "--show-labels" flag: strconv.ParseBool: parsing "yes": invalid syntax\nSee \'kubectl get --help\' for usage.',
    ],
    [
      "kubectl logs work-skg54 --previous=abc",
      'error: invalid argument "abc" for "-p, --previous" flag: strconv.ParseBool: parsing "abc": invalid syntax\nSee \'kubectl logs --help\' for usage.',
    ],
    [
      "kubectl get pods -w=no",
      'error: invalid argument "no" for "-w, --watch" flag: strconv.ParseBool: parsing "no": invalid syntax\nSee \'kubectl get --help\' for usage.',
    ],
    [
      "kubectl delete pod x --wait=",
      'error: invalid argument "" for "--wait" flag: strconv.ParseBool: parsing "": invalid syntax\nSee \'kubectl delete --help\' for usage.',
    ],
  ])("%s is refused", (line, message) => {
    expect(parsed(line)).toBe(message);
  });

  it("a bool flag leaves the next word an argument", () => {
    const cmd = parseKubectl("kubectl describe job work --show-events false".split(" "));
    expect(cmd.positionals).toEqual(["job", "work", "false"]);
    expect(cmd.flags.get("show-events")).toEqual(["true"]);
    const del = parseKubectl("kubectl delete pod x --wait false".split(" "));
    expect(del.positionals).toEqual(["pod", "x", "false"]);
  });
});

describe("boolean flag values in a session", () => {
  const outputOf = (out: string, command: string) => {
    const start = out.indexOf(`$ ${command}\n`) + command.length + 3;
    const end = out.indexOf("\n$ ", start);
    return out.slice(start, end < 0 ? undefined : end + 1);
  };

  it("--wait=F deletes without waiting; --wait=1 waits for the pod to go", () => {
    const noWait = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 10",
      "kubectl delete pod work-skg54 --wait=F",
      "kubectl get pods",
    ]);
    expect(outputOf(noWait, "kubectl get pods")).toContain("work-skg54");
    const wait = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 10",
      "kubectl delete pod work-skg54 --wait=1",
      "kubectl get pods",
    ]);
    expect(outputOf(wait, "kubectl get pods")).not.toContain("work-skg54");
  });

  it("--show-events false describes a Job named false too, with the events shown", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 10",
      "kubectl describe job work --show-events false",
    ]);
    const text = outputOf(out, "kubectl describe job work --show-events false");
    expect(text).toContain("Events:\n  Type    Reason            Age");
    expect(text).toContain('2> Error from server (NotFound): jobs.batch "false" not found\n');
  });

  it("-w=false lists once and does not watch", () => {
    const out = commandTranscript([
      "kubectl apply -f job.yaml",
      "sleep 10",
      "kubectl get jobs -w=false",
      "sleep 60",
      "kubectl get jobs",
    ]);
    expect(outputOf(out, "kubectl get jobs -w=false")).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nwork   Running   0/1           10s        10s\n",
    );
  });
});
