import { describe, expect, it } from "vitest";
import { ResourceError, resolveResourceArgs } from "../../src/kubectl/resources.js";

/** Resource arguments as kubectl resolves them through discovery (resources.ts). */
describe("resolveResourceArgs", () => {
  it.each([
    [["jobs"], ["jobs"]],
    [["job.batch"], ["jobs"]],
    [["po"], ["pods"]],
    [["jobs,pods"], ["jobs", "pods"]],
    [["ev"], ["events"]],
    [["ns"], ["namespaces"]],
    [["namespace"], ["namespaces"]],
    // RESTMapper ResourcesFor: a fully qualified resource.version.group matches the singular too.
    [["job.v1.batch"], ["jobs"]],
    [["Jobs.V1.Batch"], ["jobs"]],
  ])("%j → kinds %j", (args, kinds) => {
    expect(resolveResourceArgs(args).kinds).toEqual(kinds);
  });

  it.each([
    ["all", 'jobsim does not simulate "all": it simulates jobs, pods, events, nodes and namespaces'],
    ["svc", 'jobsim does not simulate "svc": it simulates jobs, pods, events, nodes and namespaces'],
    [
      "CronJobs",
      'jobsim does not simulate "CronJobs": it simulates jobs, pods, events, nodes and namespaces',
    ],
    // The events.k8s.io API serves events too; jobsim models only the core ones.
    [
      "events.events.k8s.io",
      'jobsim does not simulate "events.events.k8s.io": it simulates jobs, pods, events, nodes and namespaces',
    ],
    [
      "event.v1.events.k8s.io",
      'jobsim does not simulate "event.v1.events.k8s.io": it simulates jobs, pods, events, nodes and namespaces',
    ],
    // A type no cluster serves is kubectl's discovery error.
    ["rockets", 'error: the server doesn\'t have a resource type "rockets"'],
  ])("%s: %s", (type, message) => {
    expect(() => resolveResourceArgs([type])).toThrow(ResourceError);
    expect(() => resolveResourceArgs([type])).toThrow(message);
  });
});
