import { readFileSync } from "node:fs";
import { checkShardFile } from "../analysis/shard-check.js";
import { mergeShards } from "../analysis/shards.js";
import { mcText } from "../report/mc-text.js";
import { CliError } from "./output.js";

/**
 * `jobsim merge <shard.json>...`: the one-process `mc --json` report from a complete set of
 * shards, or (`text`) the table `mc` prints without --json.
 */
export function mergeCommand(files: string[], out: NodeJS.WriteStream, text = false): number {
  const shards = files.map((name) => {
    let text: string;
    try {
      text = readFileSync(name, "utf8");
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(
        `${name}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory, expected a shard file" : (e as Error).message}`,
      );
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new CliError(
        `${name}: not JSON (${(e as Error).message}); expected the output of jobsim mc --shard i/n`,
      );
    }
    try {
      return { name, shard: checkShardFile(name, value) };
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  });
  try {
    const report = mergeShards(shards);
    out.write(text ? mcText(report) : `${JSON.stringify(report)}\n`);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  return 0;
}
