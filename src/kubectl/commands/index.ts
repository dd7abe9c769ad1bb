import { SelectorError } from "../../models/api/label-selector-parse.js";
import type { CommandResult, KubectlContext } from "../context.js";
import { isCreateJob, type KubectlCommand } from "../parse.js";
import { selectorRefusal } from "../selector-errors.js";
import { applyCommand } from "./apply.js";
import { cordonCommand } from "./cordon.js";
import { createJobCommand } from "./create-job.js";
import { deleteCommand } from "./delete.js";
import { describeCommand } from "./describe.js";
import { drainCommand } from "./drain.js";
import { eventsCommand } from "./events.js";
import { getCommand } from "./get.js";
import { logsCommand } from "./logs.js";
import { patchCommand } from "./patch.js";
import { waitCommand } from "./wait.js";

const COMMANDS: Record<string, (ctx: KubectlContext, cmd: KubectlCommand) => CommandResult> = {
  apply: applyCommand,
  cordon: cordonCommand,
  // `create job NAME` builds its Job itself (create_job.go); `create -f` and `create namespace`
  // go the way of apply.
  create: (ctx, cmd) => (isCreateJob(cmd) ? createJobCommand(ctx, cmd) : applyCommand(ctx, cmd)),
  delete: deleteCommand,
  describe: describeCommand,
  drain: drainCommand,
  events: eventsCommand,
  get: getCommand,
  logs: logsCommand,
  patch: patchCommand,
  uncordon: cordonCommand,
  wait: waitCommand,
};

/** Runs one parsed kubectl command against the simulated cluster. */
export function runKubectl(ctx: KubectlContext, cmd: KubectlCommand): CommandResult {
  const run = COMMANDS[cmd.verb];
  if (run === undefined)
    return { stdout: "", stderr: `error: unknown command "${cmd.verb}" for "kubectl"\n`, exitCode: 1 };
  try {
    return run(ctx, cmd);
  } catch (e) {
    if (e instanceof SelectorError) return selectorRefusal(cmd, e);
    throw e;
  }
}
