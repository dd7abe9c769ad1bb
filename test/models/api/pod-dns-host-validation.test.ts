import type { Job } from "kubernetes-types/batch/v1.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatFieldError } from "../../../src/models/api/field-errors.js";
import { defaultJob } from "../../../src/models/api/job-defaults.js";
import { validateJob } from "../../../src/models/api/job-validation.js";

/**
 * Pod-spec checks of ValidatePodSpec (pkg/apis/core/validation/validation.go) in its order:
 * validatePodHostNetworkDeps (after the init containers: with hostNetwork a template's hostPort,
 * when set, must equal containerPort), restartPolicy, dnsPolicy, nodeSelector, affinity,
 * validatePodDNSConfig (dnsPolicy None needs a dnsConfig with a nameserver; at most 3
 * nameservers, each an IP; an option needs a name), then after the tolerations
 * ValidateHostAliases (each ip an IP, each hostname a DNS subdomain); hostname and subdomain are
 * DNS labels (checked after activeDeadlineSeconds).
 */
function errors(podSpec: string, containers = '[{name: c, image: "app:1"}]'): string[] {
  const job = parse(`apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      restartPolicy: Never
      containers: ${containers}
${podSpec
  .trim()
  .split("\n")
  .map((l) => `      ${l}`)
  .join("\n")}
`) as Job;
  return validateJob(defaultJob(job, "uid")).map(formatFieldError);
}

const S = "spec.template.spec";

describe("dnsConfig", () => {
  it("is required with dnsPolicy None", () => {
    expect(errors("dnsPolicy: None")).toEqual([
      `${S}.dnsConfig: Required value: must provide \`dnsConfig\` when \`dnsPolicy\` is None`,
    ]);
  });

  it("needs a nameserver with dnsPolicy None", () => {
    expect(errors("dnsPolicy: None\ndnsConfig: {searches: [svc.local]}")).toEqual([
      `${S}.dnsConfig.nameservers: Required value: must provide at least one DNS nameserver when \`dnsPolicy\` is None`,
    ]);
  });

  it("takes at most 3 nameservers, each an IP, and options with names", () => {
    expect(
      errors(
        "dnsPolicy: None\ndnsConfig:\n  nameservers: [1.1.1.1, 8.8.8.8, 9.9.9.9, dns.local]\n  options: [{name: ndots, value: '2'}, {value: '1'}]",
      ),
    ).toEqual([
      `${S}.dnsConfig.nameservers: Invalid value: ["1.1.1.1","8.8.8.8","9.9.9.9","dns.local"]: must not have more than 3 nameservers`,
      `${S}.dnsConfig.nameservers[3]: Invalid value: "dns.local": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
      `${S}.dnsConfig.options[1]: Required value: must not be empty`,
    ]);
  });

  it("accepts the usual ClusterFirst override", () => {
    expect(errors("dnsConfig:\n  options: [{name: ndots, value: '2'}, {name: edns0}]")).toEqual([]);
  });
});

describe("host fields", () => {
  it("checks hostAliases after the tolerations, and hostname and subdomain as DNS labels", () => {
    expect(
      errors(
        "hostname: Trainer\nsubdomain: train_svc\nhostAliases:\n- ip: not-an-ip\n  hostnames: [foo.local, Bad_Host]",
      ),
    ).toEqual([
      `${S}.hostname: Invalid value: "Trainer": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      `${S}.subdomain: Invalid value: "train_svc": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      `${S}.hostAliases[0].ip: Invalid value: "not-an-ip": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
      `${S}.hostAliases[0].hostnames[1]: Invalid value: "Bad_Host": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });

  it("with hostNetwork, a template's hostPort other than its containerPort", () => {
    expect(
      errors(
        "hostNetwork: true\ndnsPolicy: ClusterFirstWithHostNet",
        '[{name: c, image: "app:1", ports: [{containerPort: 80}, {containerPort: 81, hostPort: 81}, {containerPort: 82, hostPort: 8082}]}]',
      ),
    ).toEqual([
      `${S}.containers[0].ports[2].hostPort: Invalid value: 8082: must match \`containerPort\` when \`hostNetwork\` is true`,
    ]);
  });
});
