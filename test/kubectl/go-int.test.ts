import { describe, expect, it } from "vitest";
import { parseGoInt } from "../../src/kubectl/go-int.js";
import { commandOutput } from "./commands/session.js";

/** Integer flag values as pflag reads them: strconv.ParseInt(s, 0, 64) (Go strconv/atoi.go). */

const syntax = (s: string) => `strconv.ParseInt: parsing ${JSON.stringify(s)}: invalid syntax`;

describe("parseGoInt", () => {
  it.each([
    ["0", 0],
    ["30", 30],
    ["+5", 5],
    ["-1", -1],
    ["010", 8],
    ["0o10", 8],
    ["0O17", 15],
    ["0x1F", 31],
    ["0X10", 16],
    ["-0x10", -16],
    ["0b101", 5],
    ["1_000", 1000],
    ["0x_1f", 31],
    ["0_7", 7],
    ["9223372036854775807", Number(2n ** 63n - 1n)], // (a float64 past 2^53: rounded)
  ])("%s is %d", (s, n) => {
    expect(parseGoInt(s)).toBe(n);
  });

  it.each([
    "",
    "-",
    "abc",
    "1.0",
    "1e3",
    " 5",
    "5 ",
    "08",
    "0x",
    "0b2",
    "1__0",
    "_1",
    "1_",
    "0x_",
    "--1",
    "1,000",
  ])("%j is a syntax error", (s) => {
    expect(parseGoInt(s)).toBe(syntax(s));
  });

  it.each(["9223372036854775808", "-9223372036854775809", "0x8000000000000000"])(
    "%s is out of range",
    (s) => {
      expect(parseGoInt(s)).toBe(`strconv.ParseInt: parsing "${s}": value out of range`);
    },
  );

  it("the smallest int64 is in range", () => {
    expect(parseGoInt("-9223372036854775808")).toBe(-Number(2n ** 63n));
  });
});

describe("integer flags in a session", () => {
  it("--tail=0x1 reads one line; --tail=1.0 is pflag's error", () => {
    const steps = ["kubectl apply -f job.yaml", "sleep 40"];
    expect(commandOutput(steps, "kubectl logs job/work --tail=0x1")).toBe(
      commandOutput(steps, "kubectl logs job/work --tail=1"),
    );
    expect(commandOutput(steps, "kubectl logs job/work --tail=1.0")).toBe(
      `2> error: invalid argument "1.0" for "--tail" flag: ${syntax("1.0")}\n2> See 'kubectl logs --help' for usage.\n`,
    );
  });

  it("--grace-period=1e3 is pflag's error; --grace-period=010 is 8 s", () => {
    const steps = ["kubectl apply -f job.yaml", "sleep 10"];
    expect(commandOutput(steps, "kubectl delete pod work-skg54 --grace-period=1e3")).toBe(
      `2> error: invalid argument "1e3" for "--grace-period" flag: ${syntax("1e3")}\n2> See 'kubectl delete --help' for usage.\n`,
    );
    // (a container that ignores SIGTERM keeps the pod terminating for the whole grace period)
    const grace = commandOutput(
      [...steps, "kubectl delete pod work-skg54 --grace-period=010 --wait=false"],
      "kubectl get pod work-skg54 -o jsonpath={.metadata.deletionTimestamp}",
      { terminationSeconds: 60 },
    );
    expect(grace).toBe("2026-01-01T00:00:18Z"); // 10 s in, plus 8
  });
});
