import type { TraceLine } from "../models/trace.js";
import { loadScenario } from "../scenario/load.js";
import { Session, type TranscriptSink } from "../session/session.js";
import { writeFileAtomic } from "./output.js";

export interface RunArgs {
  scenario: string;
  seed?: number | string;
  trace?: string;
}

/** `jobsim run`: the session as a terminal shows it; the trace, if asked, written whole at the end. */
export function runCommand(args: RunArgs, out: NodeJS.WriteStream, err: NodeJS.WriteStream): number {
  const scenario = loadScenario(args.scenario);
  const trace: string[] = [];
  const session = new Session(scenario, {
    seed: args.seed,
    trace: args.trace ? (l: TraceLine) => trace.push(JSON.stringify(l)) : undefined,
  });
  const color = out.isTTY === true;
  const sink: TranscriptSink = {
    prompt: (line) => out.write(color ? `\x1b[1m$ ${line}\x1b[0m\n` : `$ ${line}\n`),
    stdout: (text) => out.write(text),
    stderr: (text) => err.write(text),
  };
  session.run(sink);
  if (args.trace) writeFileAtomic(args.trace, trace.length > 0 ? `${trace.join("\n")}\n` : "");
  return 0;
}
