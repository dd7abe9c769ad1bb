import { describe, expect, it } from "vitest";
import { NodeRecord } from "../../src/models/node-record.js";
import { PodPhase } from "../../src/models/objects.js";
import { behaviour, cluster, jobManifest, node, prepare } from "./harness.js";

/**
 * Pod IPs come from host-local IPAM on the node's /24 (containernetworking/plugins
 * plugins/ipam/host-local/backend/allocator): round-robin from the last reserved address + 1
 * through .1–.254, the gateway .1 skipped, an address still held by a live sandbox skipped.
 */
describe("pod IPs: host-local IPAM wraps round its range", () => {
  it("gives the 253rd pod of a node .3 again, not .255", () => {
    const c = cluster({
      nodes: [node("k3d-my-cluster-agent-0", "agent", 1)],
      behaviour: behaviour({ outcomes: [{ probability: 1, exitCode: 0, log: "" }] }),
    });
    const job = c.createJob(prepare(jobManifest({ completions: 254, parallelism: 1 })));
    c.sim.run({ until: 3 * 3_600_000 });
    const hosts = job.pods.map((p) => p.podIpHost);
    expect(hosts.length).toBe(254);
    expect(hosts.slice(0, 3)).toEqual([3, 4, 5]);
    expect(hosts[251]).toBe(254);
    // .1 is the gateway and .2 the system pod's (k3d's svclb): the next free one is .3.
    expect(hosts.slice(252)).toEqual([3, 4]);
    expect(Math.max(...hosts)).toBe(254);
  });

  it("skips an address a live pod still holds after wrapping", () => {
    const n = new NodeRecord(0, "n", "agent", 1000, 2 ** 30, 110, 0, 0, "172.18.0.3", 1, {}, 0);
    n.resetState(3, []);
    n.nextPodIp = 254;
    const live = { node: n, podIpHost: 3, removed: false, phase: PodPhase.Running };
    const done = { node: n, podIpHost: 4, removed: false, phase: PodPhase.Succeeded };
    expect(n.allocatePodIp([live, done])).toBe(254);
    expect(n.allocatePodIp([live, done])).toBe(4);
    expect(n.allocatePodIp([live, done])).toBe(5);
  });
});
