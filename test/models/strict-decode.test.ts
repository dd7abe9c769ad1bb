import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseQuantityError } from "../../src/models/api/quantity-parse-error.js";
import { parseRFC3339Error } from "../../src/models/api/rfc3339-parse-error.js";
import { decodeErrorMessage, strictDecodeErrors } from "../../src/models/api/strict-decode.js";

// Wording sources cited per case:
// [fv]     kubernetes/kubernetes test/integration/apiserver/field_validation_test.go (expects
//          `strict decoding error: ... unknown field "spec.unknown1", ...
//          unknown field "spec.template.spec.containers[0].unknownNested"`)
// [rest]   apiserver pkg/endpoints/handlers/rest.go transformDecodeError
//          (`%s in version %q cannot be handled as a %s: %v`)
// [decode] sigs.k8s.io/json internal/golang/encoding/json/decode.go (saveError keeps the first
//          UnmarshalTypeError; addErrorContext joins field names with "."; custom unmarshaler errors abort)
// [go]     encoding/json UnmarshalTypeError.Error (`json: cannot unmarshal %s into Go struct field %s.%s of type %s`)
// [types]  Go field types from staging/src/k8s.io/api/{batch,core}/v1/types.go
// Real captured messages are cited by the issue they come from.

/** The tutorial Job, as in shared/seed/000_*.txt ("Executing a Job"). */
const TUTORIAL = `apiVersion: batch/v1
kind: Job
metadata:
  name: example-job
spec:
  template:
    spec:
      containers:
        - name: flaky-app
          image: k3d-my-cluster-registry:50664/flaky-app:0.1
      restartPolicy: never
  backoffLimit: 10
`;

// biome-ignore lint/suspicious/noExplicitAny: manifests are plain parsed YAML
type Manifest = any;

function job(edit: (j: Manifest) => void = () => {}): Manifest {
  const j = parse(TUTORIAL);
  edit(j);
  return j;
}

function pod(edit: (p: Manifest) => void = () => {}): Manifest {
  const p: Manifest = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { containers: [{ name: "c", image: "busybox" }] },
  };
  edit(p);
  return p;
}

const FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

describe("strictDecodeErrors: manifests that decode", () => {
  it("accepts the tutorial Job; restartPolicy: never is a validation error, not a decoding one", () => {
    expect(strictDecodeErrors("Job", job())).toEqual([]);
  });

  it("accepts null anywhere (Go leaves the field unset) and a null creationTimestamp", () => {
    const j = job((j) => {
      j.spec.backoffLimit = null;
      j.metadata.creationTimestamp = null;
      j.metadata.labels = null;
      j.spec.template.spec.containers[0].args = null;
    });
    expect(strictDecodeErrors("Job", j)).toEqual([]);
  });

  it("accepts status on create (decoded, then dropped by the registry)", () => {
    const j = job((j) => {
      j.status = {
        active: 1,
        startTime: "2024-05-01T10:00:00Z",
        conditions: [{ type: "Complete", status: "True" }],
      };
    });
    expect(strictDecodeErrors("Job", j)).toEqual([]);
  });

  it("accepts quantities, IntOrString ports and RFC 3339 times in their usual forms", () => {
    const p = pod((p) => {
      const c = p.spec.containers[0];
      c.resources = { limits: { cpu: "500m", memory: "128Mi" }, requests: { cpu: 0.5, memory: "1e8" } };
      c.livenessProbe = { httpGet: { port: 8080, path: "/" }, periodSeconds: 5 };
      c.readinessProbe = { tcpSocket: { port: "http" } };
      p.metadata.creationTimestamp = "2024-05-01T10:00:00.123+02:00";
      p.spec.volumes = [{ name: "v", emptyDir: { sizeLimit: "1Gi" } }];
    });
    expect(strictDecodeErrors("Pod", p)).toEqual([]);
  });

  it("accepts fields added in Kubernetes 1.31-1.35 (schema.generated.ts, gen-api-schema.mjs ADDED_FIELDS)", () => {
    const p = pod((p) => {
      p.spec.resources = { limits: { cpu: "1" } }; // PodLevelResources 1.32
      p.spec.hostnameOverride = "h"; // HostnameOverride 1.34
      p.spec.workloadRef = { name: "w", podGroup: "g" }; // GenericWorkload 1.35
      p.spec.securityContext = { supplementalGroupsPolicy: "Strict", seLinuxChangePolicy: "Recursive" };
      p.spec.containers[0].restartPolicy = "Never";
      p.spec.containers[0].restartPolicyRules = [
        { action: "Restart", exitCodes: { operator: "In", values: [42] } },
      ];
      p.spec.containers[0].lifecycle = { stopSignal: "SIGUSR1" };
      p.spec.containers[0].env = [
        { name: "E", valueFrom: { fileKeyRef: { volumeName: "v", path: "p", key: "k" } } },
      ];
      p.spec.volumes = [{ name: "img", image: { reference: "r", pullPolicy: "IfNotPresent" } }];
      p.spec.resourceClaims = [{ name: "gpu", resourceClaimTemplateName: "t" }];
      p.status = {
        observedGeneration: 1,
        conditions: [{ type: "Ready", status: "True", observedGeneration: 1 }],
      };
    });
    expect(strictDecodeErrors("Pod", p)).toEqual([]);
  });

  it("accepts YAML-native Dates for times (sent as JSON strings)", () => {
    expect(
      strictDecodeErrors(
        "Job",
        job((j) => (j.metadata.creationTimestamp = new Date(0))),
      ),
    ).toEqual([]);
  });
});

describe("strictDecodeErrors: unknown fields", () => {
  const cases: [string, "Job" | "Pod", Manifest, string[]][] = [
    // [fv] top-level keys have no prefix: `unknown field "unknown1"` form at the root
    ["top level", "Job", job((j) => (j.extra = 1)), ['unknown field "extra"']],
    // [fv] nested: `unknown field "spec.unknown1"`; case-sensitive match, as captured on a 1.31
    // cluster in netbirdio/kubernetes-operator#30: `unknown field "spec.backOffLimit"`
    [
      "case-sensitive nested",
      "Job",
      job((j) => (j.spec.backOffLimit = 3)),
      ['unknown field "spec.backOffLimit"'],
    ],
    // [fv] list element: "spec.template.spec.containers[0].unknownNested"; kubernetes/website#52675:
    // `unknown field "spec.template.spec.initContainers[0].restartPolicy"`
    [
      "list element",
      "Job",
      job((j) => {
        j.spec.template.spec.containers.push({ name: "b", image: "x", imagee: "typo" });
      }),
      ['unknown field "spec.template.spec.containers[1].imagee"'],
    ],
    // GoogleCloudPlatform/container-engine-accelerators#265:
    // `unknown field "spec.template.spec.initContainers[0].volumeMounts[5].hostPath"`
    [
      "list inside list",
      "Pod",
      pod((p) => {
        p.spec.initContainers = [
          { name: "i", volumeMounts: [{ name: "v", mountPath: "/a" }, { hostPath: "/x" }] },
        ];
      }),
      ['unknown field "spec.initContainers[0].volumeMounts[1].hostPath"'],
    ],
    // dotnet/dotnet-docker#5214: `unknown field "spec.template.metadata.containers", unknown
    // field "spec.template.metadata.volumes"` - all unknown fields are reported, in key order
    // (kubectl's JSON body has sorted keys: kubernetes/kubernetes#85143 shows the body).
    [
      "several, sorted by key not by document order",
      "Job",
      job((j) => {
        j.spec.template.metadata = { volumes: [], containers: [] };
        j.spec.zeta = 1;
        j.spec.alpha = 1;
      }),
      [
        'unknown field "spec.alpha"',
        'unknown field "spec.template.metadata.containers"',
        'unknown field "spec.template.metadata.volumes"',
        'unknown field "spec.zeta"',
      ],
    ],
    // [decode] the value of an unknown field is skipped, so nothing inside it is reported
    [
      "inside an unknown field",
      "Job",
      job((j) => (j.spec.extra = { deeper: { x: 1 } })),
      ['unknown field "spec.extra"'],
    ],
    // status is decoded like the rest
    ["in status", "Job", job((j) => (j.status = { activ: 1 })), ['unknown field "status.activ"']],
    // 1.31 removed ClaimSource: PodResourceClaim.source no longer exists [types]
    [
      "field removed after 1.30",
      "Pod",
      pod((p) => (p.spec.resourceClaims = [{ name: "c", source: { resourceClaimName: "x" } }])),
      ['unknown field "spec.resourceClaims[0].source"'],
    ],
    // a Pod's container is under spec.containers, a Job's under spec.template.spec.containers
    [
      "Pod paths",
      "Pod",
      pod((p) => (p.spec.containers[0].resources = { limit: { cpu: "1" } })),
      ['unknown field "spec.containers[0].resources.limit"'],
    ],
  ];
  for (const [name, kind, manifest, expected] of cases) {
    it(name, () => expect(strictDecodeErrors(kind, manifest)).toEqual(expected));
  }

  it("keeps at most 100 unknown fields (kubernetes_patch.go saveStrictError)", () => {
    const j = job((j) => {
      for (let i = 0; i < 150; i++) j.spec[`x${String(i).padStart(3, "0")}`] = i;
    });
    const errors = strictDecodeErrors("Job", j);
    expect(errors).toHaveLength(100);
    expect(errors[99]).toBe('unknown field "spec.x099"');
  });

  it("formats the BadRequest message as the brief's example [rest] + runtime strictDecodingError", () => {
    const j = job((j) => {
      j.spec.backofflimit = 10;
      j.spec.template.spec.containers[0].imagee = "x";
    });
    const errors = strictDecodeErrors("Job", j);
    expect(decodeErrorMessage("Job", "v1", errors)).toBe(
      'Job in version "v1" cannot be handled as a Job: strict decoding error: unknown field "spec.backofflimit", ' +
        'unknown field "spec.template.spec.containers[0].imagee"',
    );
  });
});

describe("strictDecodeErrors: wrong types", () => {
  const typeError = (what: string, field: string, type: string) =>
    `json: cannot unmarshal ${what} into Go struct field ${field} of type ${type}`;
  const cases: [string, "Job" | "Pod", Manifest, string][] = [
    // [go][types] JobSpec.BackoffLimit *int32
    [
      "string for an int32",
      "Job",
      job((j) => (j.spec.backoffLimit = "10")),
      typeError("string", "JobSpec.spec.backoffLimit", "int32"),
    ],
    // [types] JobSpec.ActiveDeadlineSeconds *int64
    [
      "string for an int64",
      "Job",
      job((j) => (j.spec.activeDeadlineSeconds = "60")),
      typeError("string", "JobSpec.spec.activeDeadlineSeconds", "int64"),
    ],
    // [decode] literalStore: an integer target reports "number <literal>" when ParseInt fails
    [
      "fraction for an int32",
      "Job",
      job((j) => (j.spec.backoffLimit = 1.5)),
      typeError("number 1.5", "JobSpec.spec.backoffLimit", "int32"),
    ],
    [
      "int32 overflow",
      "Job",
      job((j) => (j.spec.parallelism = 3_000_000_000)),
      typeError("number 3000000000", "JobSpec.spec.parallelism", "int32"),
    ],
    // neondatabase/helm-charts#71 (Deployment, same Go struct path): `json: cannot unmarshal number
    // into Go struct field EnvVar.spec.template.spec.containers.env.value of type string` - no list index
    [
      "number for a string in a list element",
      "Job",
      job((j) => (j.spec.template.spec.containers[0].env = [{ name: "PORT", value: 8080 }])),
      typeError("number", "EnvVar.spec.template.spec.containers.env.value", "string"),
    ],
    // blinkbitcoin/charts#8228: `... cannot unmarshal object into Go struct field EnvVar.spec.template.spec.containers.env.value of type string`
    [
      "object for a string",
      "Job",
      job((j) => (j.spec.template.spec.containers[0].env = [{ name: "A", value: { x: 1 } }])),
      typeError("object", "EnvVar.spec.template.spec.containers.env.value", "string"),
    ],
    // kr8s-org/kr8s#286 (a real Pod create): `Pod in version "v1" cannot be handled as a Pod: json:
    // cannot unmarshal number into Go struct field Container.spec.containers.ports of type v1.ContainerPort`
    [
      "number for a struct list element",
      "Pod",
      pod((p) => (p.spec.containers[0].ports = [80])),
      typeError("number", "Container.spec.containers.ports", "v1.ContainerPort"),
    ],
    // chatwoot/charts#130: `cannot unmarshal string into Go struct field
    // PodSpec.spec.template.spec.imagePullSecrets of type v1.LocalObjectReference`
    [
      "string for a struct list element",
      "Job",
      job((j) => (j.spec.template.spec.imagePullSecrets = ["regcred"])),
      typeError("string", "PodSpec.spec.template.spec.imagePullSecrets", "v1.LocalObjectReference"),
    ],
    // open-cluster-management-io/ocm#530: `json: cannot unmarshal number into Go struct field
    // ObjectMeta.metadata.labels of type string` - map keys are not part of the path
    [
      "number in labels",
      "Job",
      job((j) => (j.metadata.labels = { app: "a", version: 5 })),
      typeError("number", "ObjectMeta.metadata.labels", "string"),
    ],
    [
      "bool in labels",
      "Pod",
      pod((p) => (p.metadata.labels = { enabled: true })),
      typeError("bool", "ObjectMeta.metadata.labels", "string"),
    ],
    // [decode] object() default branch: an object where a list is expected
    [
      "object for a list",
      "Job",
      job((j) => (j.spec.template.spec.containers = { name: "c", image: "x" })),
      typeError("object", "PodSpec.spec.template.spec.containers", "[]v1.Container"),
    ],
    // [decode] literalStore: a string where a []string is expected
    [
      "string for a list of strings",
      "Job",
      job((j) => (j.spec.template.spec.containers[0].command = "python app.py")),
      typeError("string", "Container.spec.template.spec.containers.command", "[]string"),
    ],
    [
      "number in a list of strings",
      "Pod",
      pod((p) => (p.spec.containers[0].args = ["--n", 3])),
      typeError("number", "Container.spec.containers.args", "string"),
    ],
    // [decode] array(): a list where a struct is expected
    [
      "list for a struct",
      "Job",
      job((j) => (j.spec.template = [])),
      typeError("array", "JobSpec.spec.template", "v1.PodTemplateSpec"),
    ],
    [
      "string for a map",
      "Job",
      job((j) => (j.metadata.annotations = "a=b")),
      typeError("string", "ObjectMeta.metadata.annotations", "map[string]string"),
    ],
    // [types] RestartPolicy is a named string type; reflect prints v1.RestartPolicy
    [
      "number for a named string type",
      "Job",
      job((j) => (j.spec.template.spec.restartPolicy = 1)),
      typeError("number", "PodSpec.spec.template.spec.restartPolicy", "v1.RestartPolicy"),
    ],
    [
      "string for a bool",
      "Job",
      job((j) => (j.spec.suspend = "true")),
      typeError("string", "JobSpec.spec.suspend", "bool"),
    ],
    ["number for a struct", "Job", job((j) => (j.spec = 3)), typeError("number", "Job.spec", "v1.JobSpec")],
    // [types] ResourceList is a named map type
    [
      "list for resource limits",
      "Pod",
      pod((p) => (p.spec.containers[0].resources = { limits: ["1"] })),
      typeError("array", "ResourceRequirements.spec.containers.resources.limits", "v1.ResourceList"),
    ],
  ];
  for (const [name, kind, manifest, expected] of cases) {
    it(name, () => expect(strictDecodeErrors(kind, manifest)).toEqual([expected]));
  }

  it("reports only the first type error, in sorted key order, and drops unknown fields [decode] unmarshal()", () => {
    const j = job((j) => {
      j.spec.parallelism = "y";
      j.spec.foo = 1; // unknown, but a type error was saved: not reported
      j.spec.backoffLimit = "x"; // "backoffLimit" sorts before "parallelism"
    });
    expect(strictDecodeErrors("Job", j)).toEqual([typeError("string", "JobSpec.spec.backoffLimit", "int32")]);
  });

  it("prints a type error without 'strict decoding error' [rest]", () => {
    const errors = strictDecodeErrors(
      "Job",
      job((j) => (j.spec.backoffLimit = "10")),
    );
    expect(decodeErrorMessage("Job", "v1", errors)).toBe(
      'Job in version "v1" cannot be handled as a Job: json: cannot unmarshal string into Go struct field JobSpec.spec.backoffLimit of type int32',
    );
  });

  it("reports a whole manifest of the wrong type as a Go value [go]", () => {
    expect(strictDecodeErrors("Job", "job")).toEqual([
      "json: cannot unmarshal string into Go value of type v1.Job",
    ]);
  });
});

describe("strictDecodeErrors: custom unmarshalers (abort decoding)", () => {
  it("bad cpu quantity: stackrox/acs-fleet-manager#1748 and kubeflow/spark-operator#2199 print exactly this", () => {
    const p = pod((p) => (p.spec.containers[0].resources = { limits: { cpu: "two" } }));
    expect(strictDecodeErrors("Pod", p)).toEqual([FORMAT_WRONG]);
    expect(decodeErrorMessage("Pod", "v1", strictDecodeErrors("Pod", p))).toBe(
      `Pod in version "v1" cannot be handled as a Pod: ${FORMAT_WRONG}`,
    );
  });

  it('bad suffix: vislee/leevis.com#186 got "unable to parse quantity\'s suffix" for memory "32MMi"', () => {
    const p = pod((p) => (p.spec.containers[0].resources = { requests: { memory: "32MMi" } }));
    expect(strictDecodeErrors("Pod", p)).toEqual(["unable to parse quantity's suffix"]);
  });

  it("a quantity error replaces an earlier type error and the unknown fields [decode] unmarshal()", () => {
    const j = job((j) => {
      j.spec.backoffLimit = "x";
      j.spec.extra = 1;
      j.spec.template.spec.containers[0].resources = { limits: { memory: true } };
    });
    expect(strictDecodeErrors("Job", j)).toEqual([FORMAT_WRONG]);
  });

  it("IntOrString port: encoding/json's int32 error gets the field context (source-derived, no capture found)", () => {
    const p = pod((p) => (p.spec.containers[0].livenessProbe = { httpGet: { port: true } }));
    expect(strictDecodeErrors("Pod", p)).toEqual([
      "json: cannot unmarshal bool into Go struct field HTTPGetAction.spec.containers.livenessProbe.httpGet.port of type int32",
    ]);
  });

  it("Time given a number: metav1.Time unmarshals a string first (time.go)", () => {
    const j = job((j) => (j.metadata.creationTimestamp = 5));
    expect(strictDecodeErrors("Job", j)).toEqual([
      "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.creationTimestamp of type string",
    ]);
  });

  it("Time that is not RFC 3339: Go time.ParseError text", () => {
    const j = job((j) => (j.metadata.creationTimestamp = "yesterday"));
    expect(strictDecodeErrors("Job", j)).toEqual([
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    ]);
  });
});

describe("parseQuantityError (apimachinery quantity.go ParseQuantity)", () => {
  it.each([
    ["0"],
    ["100m"],
    ["0.5"],
    ["1"],
    ["128Mi"],
    ["1Gi"],
    ["1e3"],
    ["1E-2"],
    ["1.5Ki"],
    ["-1"],
    ["+.5"],
    ["1."],
  ])("accepts %s", (q) => expect(parseQuantityError(q)).toBeNull());
  it.each([
    ["", FORMAT_WRONG],
    ["abc", FORMAT_WRONG],
    ["1 Gi", FORMAT_WRONG],
    ["1.2.3", FORMAT_WRONG],
    ["1Gb", FORMAT_WRONG], // "b" is not a suffix character
    ["1kM", "unable to parse quantity's suffix"],
    ["1MMi", "unable to parse quantity's suffix"],
    [".e-10", "unable to parse numeric part of quantity"],
  ])("rejects %j", (q, err) => expect(parseQuantityError(q)).toBe(err));
});

describe("parseRFC3339Error (Go time.Parse with time.RFC3339)", () => {
  it.each([
    ["2024-05-01T10:00:00Z"],
    ["2024-05-01T10:00:00.5+02:00"],
    ["2024-02-29T23:59:59-07:00"],
    ["2024-05-01T1:00:00Z"],
  ])("accepts %s", (t) => expect(parseRFC3339Error(t)).toBeNull());
  it.each([
    [
      "2024-05-01 10:00:00Z",
      'parsing time "2024-05-01 10:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 10:00:00Z" as "T"',
    ],
    ["2024-13-01T00:00:00Z", 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ["2023-02-29T00:00:00Z", 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    [
      "2024-05-01T10:00:00",
      'parsing time "2024-05-01T10:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"',
    ],
    ["2024-05-01T10:00:00Zx", 'parsing time "2024-05-01T10:00:00Zx": extra text: "x"'],
    ["2024-05-01T25:00:00Z", 'parsing time "2024-05-01T25:00:00Z": hour out of range'],
  ])("rejects %j", (t, err) => expect(parseRFC3339Error(t)).toBe(err));
});
