import { describe, expect, it } from "vitest";
import { scenario } from "../analysis/helpers.js";
import { sessionTranscript } from "../helpers/session.js";

/**
 * `kubectl patch` with values that do not fit the Job: what the API server's PATCH handler and
 * kubectl print (apiserver endpoints/handlers/patch.go, runtime/converter.go; kubectl
 * cmd/patch/patch.go and cmd/util/helpers.go checkErr), and that the Job is left as it was —
 * the same `get -o json` (resourceVersion included) as without the patch.
 */

const GET = "kubectl get job work -o json";

/** The helpers' one-Job scenario (backoffLimit 0) with these steps, stderr lines marked "2> ". */
function transcript(steps: string[], extraSpec?: string): string {
  const sc = scenario({ p: 0.5, backoffLimit: 0, extraSpec, steps: steps.map((x) => JSON.stringify(x)) });
  return sessionTranscript(sc, { stderrPrefix: "2> " });
}

/** The patch step's output, after checking that the Job is exactly as without it. */
function refused(patch: string, extraSpec?: string): string {
  const without = transcript(["kubectl apply -f job.yaml", GET], extraSpec);
  const out = transcript(["kubectl apply -f job.yaml", patch, GET], extraSpec);
  const [head, rest] = out.split(`$ ${GET}\n`);
  expect(`$ ${GET}\n${rest}`).toBe(without.slice(without.indexOf(`$ ${GET}\n`)));
  return head.slice(head.indexOf(`$ ${patch}\n`) + patch.length + 3);
}

const INVALID_PATCH = "2> The request is invalid: patch: Invalid value: ";

const REFUSED: [string, string][] = [
  // strategicpatch ErrNoMergeKey: a plain error, so a Status without a reason.
  [
    `-p '{"spec":{"template":{"spec":{"containers":[{"image":"app:2"}]}}}}'`,
    "2> Error from server: map: map[image:app:2] does not contain declared merge key: name\n",
  ],
  // Strategic merge (kubectl's default): the unstructured converter's first error.
  [
    `-p '{"spec":{"parallelism":"x"}}'`,
    `${INVALID_PATCH}"map[spec:map[parallelism:x]]": unrecognized type: int32\n`,
  ],
  [
    `-p '{"spec":{"backoffLimit":"3"}}'`,
    `${INVALID_PATCH}"map[spec:map[backoffLimit:3]]": unrecognized type: int32\n`,
  ],
  [
    `-p '{"spec":{"suspend":"yes"}}'`,
    `${INVALID_PATCH}"map[spec:map[suspend:yes]]": unrecognized type: bool\n`,
  ],
  [
    `-p '{"spec":{"activeDeadlineSeconds":1.5}}'`,
    `${INVALID_PATCH}"map[spec:map[activeDeadlineSeconds:1.5]]": cannot convert float64 to int64\n`,
  ],
  [
    `-p '{"spec":{"activeDeadlineSeconds":"abc"}}'`,
    `${INVALID_PATCH}"map[spec:map[activeDeadlineSeconds:abc]]": unrecognized type: int64\n`,
  ],
  [
    `-p '{"spec":{"ttlSecondsAfterFinished":"abc"}}'`,
    `${INVALID_PATCH}"map[spec:map[ttlSecondsAfterFinished:abc]]": unrecognized type: int32\n`,
  ],
  [
    `-p '{"spec":{"podFailurePolicy":{"rules":"x"}}}'`,
    `${INVALID_PATCH}"map[spec:map[podFailurePolicy:map[rules:x]]]": cannot restore slice from string\n`,
  ],
  [
    `-p '{"spec":{"template":{"spec":{"containers":"x"}}}}'`,
    `${INVALID_PATCH}"map[spec:map[template:map[spec:map[containers:x]]]]": cannot restore slice from string\n`,
  ],
  [
    `-p '{"metadata":{"labels":"x"}}'`,
    `${INVALID_PATCH}"map[metadata:map[labels:x]]": cannot restore map from string\n`,
  ],
  [
    `-p '{"spec":{"template":"x"}}'`,
    `${INVALID_PATCH}"map[spec:map[template:x]]": cannot restore struct from: string\n`,
  ],
  [
    `-p '{"metadata":{"labels":{"a":1}}}'`,
    `${INVALID_PATCH}"map[metadata:map[labels:map[a:1]]]": cannot convert int64 to string\n`,
  ],
  [
    `-p '{"spec":{"parallelism":1234567.5}}'`,
    `${INVALID_PATCH}"map[spec:map[parallelism:1.2345675e+06]]": cannot convert float64 to int32\n`,
  ],
  // An int64 into an int32 keeps its low 32 bits (Go's conversion); validation then speaks.
  [
    `-p '{"spec":{"backoffLimit":1e12}}'`,
    `2> The Job "work" is invalid: spec.backoffLimit: Invalid value: -727379968: must be greater than or equal to 0\n`,
  ],
  [
    `-p '{"spec":{"parallelism":-1}}'`,
    `2> The Job "work" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0\n`,
  ],
  // The update rules (ValidateJobSpecUpdate): every immutable field, in upstream order.
  [
    `-p '{"spec":{"completions":2,"podReplacementPolicy":"Failed","managedBy":"x.io/y"}}'`,
    '2> The Job "work" is invalid: \n2> * spec.completions: Invalid value: 2: field is immutable\n2> * spec.managedBy: Invalid value: "x.io/y": field is immutable\n',
  ],
  // A field patched away is a nil pointer, which field.Error.ErrorBody (apimachinery
  // util/validation/field/errors.go) prints as the string "null", quoted like any string.
  [
    `-p '{"spec":{"completions":null}}'`,
    '2> The Job "work" is invalid: spec.completions: Invalid value: "null": field is immutable\n',
  ],
  // The body must be a JSON object: a bare word is valid YAML (a string) that the server refuses.
  [
    `-p notjson`,
    "2> Error from server (BadRequest): json: cannot unmarshal string into Go value of type map[string]interface {}\n",
  ],
  [
    `-p '[1]'`,
    "2> Error from server (BadRequest): json: cannot unmarshal array into Go value of type map[string]interface {}\n",
  ],
  [
    `--type merge -p '[1]'`,
    "2> Error from server (BadRequest): error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}\n",
  ],
  [
    `-p '{"metadata":{"name":"other"}}'`,
    "2> Error from server (BadRequest): the name of the object (other) does not match the name on the URL (work)\n",
  ],
  // checkName: an object left without a name is errEmptyName (apiserver handlers/namer.go),
  // whether the name is patched away or a top-level `$patch: delete` empties the whole object.
  [
    `-p '{"metadata":{"name":null}}'`,
    "2> Error from server (BadRequest): the name of the object (work based on URL) was undeterminable: name must be provided\n",
  ],
  [
    `-p '{"$patch":"delete"}'`,
    "2> Error from server (BadRequest): the name of the object (work based on URL) was undeterminable: name must be provided\n",
  ],
  // strategicpatch mergeSliceWithSpecialElements: plain errors, a Status without a reason.
  [
    `-p '{"spec":{"template":{"spec":{"containers":[{"name":"c","$patch":"merge"}]}}}}'`,
    "2> Error from server: merging lists cannot yet be specified in the patch\n",
  ],
  // mergepatch.ErrBadPatchFormatForRetainKeys: a BadRequest (interpretStrategicMergePatchError).
  [
    `-p '{"spec":{"$retainKeys":["suspend"],"backoffLimit":2}}'`,
    "2> Error from server (BadRequest): invalid patch format of retainKeys\n",
  ],
  // kubectl's own checks (patch.go Validate, RunPatch).
  [`--type foo -p '{}'`, `2> error: --type must be one of [json merge strategic], not "foo"\n`],
  [`-p ''`, "2> error: must specify --patch or --patch-file containing the contents of the patch\n"],
];

describe("kubectl patch: refused, and the Job is left as it was", () => {
  for (const [args, expected] of REFUSED) {
    it(args, () => {
      expect(refused(`kubectl patch job work ${args}`)).toBe(expected);
    });
  }

  it("-p that is not YAML: kubectl's `unable to parse %q` (the reason after `yaml: line N:` is the yaml library's wording, not go-yaml's)", () => {
    const out = refused(`kubectl patch job work -p '{"spec":'`);
    expect(out.startsWith('2> error: unable to parse "{\\"spec\\":": yaml: line 1: ')).toBe(true);
    expect(out.split("\n")).toHaveLength(2);
  });

  it("--type merge: the JSON decoder's error, about the whole patched object", () => {
    const out = refused(`kubectl patch job work --type merge -p '{"spec":{"parallelism":"x"}}'`);
    expect(out.startsWith(`${INVALID_PATCH}"{\\"apiVersion\\":\\"batch/v1\\",\\"kind\\":\\"Job\\"`)).toBe(
      true,
    );
    expect(out).toContain('\\"parallelism\\":\\"x\\"');
    expect(
      out.endsWith(
        `": json: cannot unmarshal string into Go struct field JobSpec.spec.parallelism of type int32\n`,
      ),
    ).toBe(true);
  });

  it("a selector: merged (strategic) into the generated one, then refused by ValidateJob and as immutable", () => {
    const out = refused(`kubectl patch job work -p '{"spec":{"selector":{"matchLabels":{"a":"b"}}}}'`);
    const uid = /controller-uid":"([0-9a-f-]{36})"/.exec(out)?.[1];
    const selector = `{"matchLabels":{"a":"b","batch.kubernetes.io/controller-uid":"${uid}"}}`;
    expect(out).toBe(
      [
        '2> The Job "work" is invalid: ',
        `2> * spec.selector: Invalid value: ${selector}: \`selector\` not auto-generated`,
        `2> * spec.template.metadata.labels: Invalid value: {"batch.kubernetes.io/controller-uid":"${uid}","batch.kubernetes.io/job-name":"work","controller-uid":"${uid}","job-name":"work"}: \`selector\` does not match template \`labels\``,
        `2> * spec.selector: Invalid value: ${selector}: field is immutable`,
        "",
      ].join("\n"),
    );
  });

  it("a template change of a Job that is not suspended", () => {
    const out = refused(
      `kubectl patch job work -p '{"spec":{"template":{"spec":{"activeDeadlineSeconds":5}}}}'`,
    );
    expect(out.startsWith(`2> The Job "work" is invalid: spec.template: Invalid value: {"metadata":`)).toBe(
      true,
    );
    expect(out).toContain('"activeDeadlineSeconds":5');
    expect(out.endsWith("}: field is immutable\n")).toBe(true);
  });

  it("a suspended Job that never started: scheduling directives may change, the containers may not", () => {
    const suspended = "\n      suspend: true";
    const image = refused(
      `kubectl patch job work -p '{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"app:2"}]}}}}'`,
      suspended,
    );
    expect(image).toContain('"image":"app:2"');
    expect(image.endsWith("}: field is immutable\n")).toBe(true);
    const out = transcript(
      [
        "kubectl apply -f job.yaml",
        `kubectl patch job work -p '{"spec":{"template":{"spec":{"nodeSelector":{"disk":"ssd"}}}}}'`,
        "kubectl get job work -o jsonpath={.spec.template.spec.nodeSelector.disk}/{.spec.template.metadata.labels.controller-uid}",
      ],
      suspended,
    );
    expect(out).toMatch(/job\.batch\/work patched\n\$ kubectl get .*\nssd\/[0-9a-f-]{36}$/);
  });
});

describe("kubectl patch: accepted", () => {
  it("an integer beyond int32 wraps as Go converts it; an unknown field is a warning (kubectl sends no fieldValidation)", () => {
    const out = transcript([
      "kubectl apply -f job.yaml",
      `kubectl patch job work -p '{"spec":{"backoffLimit":4294967301}}'`,
      `kubectl patch job work -p '{"spec":{"foo":1,"parallelism":1}}'`,
      "kubectl get job work -o jsonpath={.spec.backoffLimit}",
    ]);
    expect(out).toBe(
      [
        "$ kubectl apply -f job.yaml",
        "job.batch/work created",
        `$ kubectl patch job work -p '{"spec":{"backoffLimit":4294967301}}'`,
        "job.batch/work patched",
        `$ kubectl patch job work -p '{"spec":{"foo":1,"parallelism":1}}'`,
        '2> Warning: unknown field "spec.foo"',
        "job.batch/work patched (no change)",
        "$ kubectl get job work -o jsonpath={.spec.backoffLimit}",
        "5",
      ].join("\n"),
    );
  });

  it("YAML: yes is a boolean (YAML 1.1, as kubectl's yaml.ToJSON reads it); null changes nothing", () => {
    const out = transcript([
      "kubectl apply -f job.yaml",
      "kubectl patch job work -p '{spec: {suspend: yes}}'",
      "kubectl patch job work -p 'null'",
    ]);
    expect(out).toContain("$ kubectl patch job work -p '{spec: {suspend: yes}}'\njob.batch/work patched\n");
    expect(out.endsWith("$ kubectl patch job work -p 'null'\njob.batch/work patched (no change)\n")).toBe(
      true,
    );
  });
});

describe("kubectl patch: $patch delete on a map the Job has", () => {
  it("leaves an empty map (handleDirectiveInMergeMap): an empty struct stays, an empty map field is omitted", () => {
    const podSpecExtra =
      "\n          nodeSelector: {a: b}\n          affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: a, operator: In, values: [b]}]}]}}}";
    const sc = scenario({
      p: 0.5,
      backoffLimit: 0,
      extraSpec: "\n      suspend: true",
      podSpecExtra,
      steps: [
        "kubectl apply -f job.yaml",
        JSON.stringify(
          `kubectl patch job work -p '{"spec":{"template":{"spec":{"nodeSelector":{"$patch":"delete"},"affinity":{"$patch":"delete"}}}}}'`,
        ),
        JSON.stringify(
          "kubectl get job work -o jsonpath={.spec.template.spec.affinity}/{.spec.template.spec.nodeSelector}/",
        ),
      ],
    });
    const out = sessionTranscript(sc);
    expect(out).toContain("job.batch/work patched\n");
    expect(out).toContain("{}//");
  });
});
