import { describe, expect, it } from "vitest";
import { MonteCarlo } from "../../src/analysis/monte-carlo.js";
import { parseScenario } from "../../src/scenario/load.js";
import { scenarioProblems } from "../helpers/session.js";
import { commandOutput } from "./commands/session.js";

/**
 * The objects a Job ships with in a chart (ServiceAccount, ConfigMap, Secret, RBAC) are kept as
 * inert objects: apply, create and delete answer for them as kubectl does, nothing simulates them.
 */

const SA = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: runner}\n";
const CHART = `${SA}---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {mode: fast}
---
apiVersion: v1
kind: Secret
metadata: {name: token}
stringData: {t: x}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: reader}
rules: [{apiGroups: [""], resources: [pods], verbs: [get]}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: reader}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: reader}
subjects: [{kind: ServiceAccount, name: runner}]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: watcher}
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: watcher}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: watcher}
---
apiVersion: batch/v1
kind: Job
metadata: {name: work}
spec:
  template:
    spec:
      serviceAccountName: runner
      containers: [{name: c, image: "app:1"}]
      restartPolicy: Never
`;

const files = { "chart.yaml": CHART, "sa.yaml": SA };

describe("kubectl apply -f of a Job with the objects it uses", () => {
  // cli-runtime printers/name.go printObj: lower-case kind, then ".group" unless core, "/name".
  it("prints each object in document order", () => {
    expect(commandOutput([], "kubectl apply -f chart.yaml", { files })).toBe(
      [
        "serviceaccount/runner created",
        "configmap/settings created",
        "secret/token created",
        "role.rbac.authorization.k8s.io/reader created",
        "rolebinding.rbac.authorization.k8s.io/reader created",
        "clusterrole.rbac.authorization.k8s.io/watcher created",
        "clusterrolebinding.rbac.authorization.k8s.io/watcher created",
        "job.batch/work created",
        "",
      ].join("\n"),
    );
  });

  // apply.go applyOneObject: an empty three-way patch is `unchanged`, any other `configured`.
  it("a second apply of the same content is unchanged, of changed content configured", () => {
    const changed = SA.replace("{name: runner}", "{name: runner, labels: {a: b}}");
    const opts = { files: { "sa.yaml": SA, "sa2.yaml": changed } };
    expect(commandOutput(["kubectl apply -f sa.yaml"], "kubectl apply -f sa.yaml", opts)).toBe(
      "serviceaccount/runner unchanged\n",
    );
    expect(commandOutput(["kubectl apply -f sa.yaml"], "kubectl apply -f sa2.yaml", opts)).toBe(
      "serviceaccount/runner configured\n",
    );
    expect(
      commandOutput(
        ["kubectl apply -f sa.yaml", "kubectl apply -f sa2.yaml"],
        "kubectl apply -f sa2.yaml",
        opts,
      ),
    ).toBe("serviceaccount/runner unchanged\n");
  });

  // The live object is not what was applied, so the three-way patch is never empty: the API
  // server moves a Secret's stringData into data (kubernetes/kubernetes#87736), and rbac/v1
  // defaults.go SetDefaults_Subject gives a User or Group subject its apiGroup (subjects is a
  // list without a merge key: replaced whole when it differs).
  it("a Secret with stringData, a binding with a User subject, are configured again", () => {
    const secret = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData: {a: b}\n";
    const binding =
      "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: b}\n" +
      "roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects: [{kind: User, name: ann}]\n";
    const grouped = binding.replace(
      "{kind: User, name: ann}",
      "{kind: User, name: ann, apiGroup: rbac.authorization.k8s.io}",
    );
    const data = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: Yg==}\n";
    const opts = { files: { "s.yaml": secret, "b.yaml": binding, "g.yaml": grouped, "d.yaml": data } };
    expect(commandOutput(["kubectl apply -f s.yaml"], "kubectl apply -f s.yaml", opts)).toBe(
      "secret/s configured\n",
    );
    expect(commandOutput(["kubectl apply -f b.yaml"], "kubectl apply -f b.yaml", opts)).toBe(
      "clusterrolebinding.rbac.authorization.k8s.io/b configured\n",
    );
    expect(commandOutput(["kubectl apply -f g.yaml"], "kubectl apply -f g.yaml", opts)).toBe(
      "clusterrolebinding.rbac.authorization.k8s.io/b unchanged\n",
    );
    expect(commandOutput(["kubectl apply -f d.yaml"], "kubectl apply -f d.yaml", opts)).toBe(
      "secret/s unchanged\n",
    );
  });

  // apply.go warningNoLastAppliedConfigAnnotation with info.ObjectName() (mapping's resource/name).
  it("apply over a created one warns of the missing annotation", () => {
    expect(commandOutput(["kubectl create -f sa.yaml"], "kubectl apply -f sa.yaml", { files })).toBe(
      "2> Warning: resource serviceaccounts/runner is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\nserviceaccount/runner configured\n",
    );
  });

  // create.go RunCreate → cmdutil.AddSourceToErr("creating", ...) around the AlreadyExists status,
  // whose message names the resource (group-qualified unless core).
  it("create -f of an existing one is AlreadyExists", () => {
    expect(commandOutput(["kubectl apply -f sa.yaml"], "kubectl create -f sa.yaml", { files })).toBe(
      '2> Error from server (AlreadyExists): error when creating "sa.yaml": serviceaccounts "runner" already exists\n',
    );
    const out = commandOutput(["kubectl apply -f chart.yaml"], "kubectl create -f chart.yaml", { files });
    expect(out).toContain(
      'Error from server (AlreadyExists): error when creating "chart.yaml": roles.rbac.authorization.k8s.io "reader" already exists\n',
    );
    expect(out).toContain(
      'Error from server (AlreadyExists): error when creating "chart.yaml": clusterrolebindings.rbac.authorization.k8s.io "watcher" already exists\n',
    );
  });

  // dry-run: the printer's operation gets " (dry run)" / " (server dry run)"; nothing is stored.
  it("dry runs store nothing", () => {
    expect(commandOutput([], "kubectl apply -f sa.yaml --dry-run=client", { files })).toBe(
      "serviceaccount/runner created (dry run)\n",
    );
    expect(commandOutput([], "kubectl apply -f sa.yaml --dry-run=server", { files })).toBe(
      "serviceaccount/runner created (server dry run)\n",
    );
    expect(
      commandOutput(["kubectl apply -f sa.yaml --dry-run=server"], "kubectl apply -f sa.yaml", { files }),
    ).toBe("serviceaccount/runner created\n");
  });

  // NamespaceLifecycle admission answers NotFound for the namespace before validation; a
  // cluster-scoped object has no namespace to check.
  it("a namespaced object in a namespace that does not exist is NotFound", () => {
    expect(commandOutput([], "kubectl apply -f sa.yaml -n nowhere", { files })).toBe(
      '2> Error from server (NotFound): error when creating "sa.yaml": namespaces "nowhere" not found\n',
    );
    const cr = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: w}\n";
    expect(commandOutput([], "kubectl apply -f cr.yaml -n nowhere", { files: { "cr.yaml": cr } })).toBe(
      "clusterrole.rbac.authorization.k8s.io/w created\n",
    );
  });

  // cli-runtime resource/visitor.go RequireNamespace: a namespaced object written for another
  // namespace than -n is refused before any request.
  it("-n against the document's namespace", () => {
    const other = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: team}\n";
    expect(commandOutput([], "kubectl apply -f cm.yaml -n default", { files: { "cm.yaml": other } })).toBe(
      `2> error: the namespace from the provided object "team" does not match the namespace "default". You must pass '--namespace=team' to perform this operation.\n`,
    );
  });

  // pkg/apis/core/validation ValidateServiceAccountName (NameIsDNSSubdomain) and
  // pkg/apis/rbac/validation ValidateRBACName (path.IsValidPathSegmentName).
  it("names the API server refuses", () => {
    const bad = "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: Runner}\n";
    expect(commandOutput([], "kubectl apply -f bad.yaml", { files: { "bad.yaml": bad } })).toBe(
      `2> The ServiceAccount "Runner" is invalid: metadata.name: Invalid value: "Runner": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
    const role = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: "a%b"}\n';
    expect(commandOutput([], "kubectl apply -f role.yaml", { files: { "role.yaml": role } })).toBe(
      `2> The Role "a%b" is invalid: metadata.name: Invalid value: "a%b": may not contain '%'\n`,
    );
    const upper = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: Reader}\n";
    expect(commandOutput([], "kubectl apply -f role.yaml", { files: { "role.yaml": upper } })).toBe(
      "role.rbac.authorization.k8s.io/Reader created\n",
    );
  });

  // apply.go applyOneObject: info.Get() of an unnamed object fails in client-go (request.go Name:
  // "resource name may not be empty"), not NotFound, so apply wraps it with AddSourceToErr
  // ("retrieving current configuration of:\n" + info.String() + "\nfrom server for:"); create
  // POSTs it and validation (ValidateObjectMeta) requires a name.
  it("an object without a name", () => {
    const unnamed = "apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}\n";
    const role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {labels: {a: b}}\n";
    const opts = { files: { "cm.yaml": unnamed, "cr.yaml": role } };
    expect(commandOutput([], "kubectl apply -f cm.yaml", opts)).toBe(
      `2> error: error when retrieving current configuration of:\n2> Resource: "/v1, Resource=configmaps", GroupVersionKind: "/v1, Kind=ConfigMap"\n2> Name: "", Namespace: "default"\n2> from server for: "cm.yaml": resource name may not be empty\n`,
    );
    expect(commandOutput([], "kubectl apply -f cr.yaml", opts)).toBe(
      `2> error: error when retrieving current configuration of:\n2> Resource: "rbac.authorization.k8s.io/v1, Resource=clusterroles", GroupVersionKind: "rbac.authorization.k8s.io/v1, Kind=ClusterRole"\n2> Name: "", Namespace: ""\n2> from server for: "cr.yaml": resource name may not be empty\n`,
    );
    expect(commandOutput([], "kubectl create -f cm.yaml", opts)).toBe(
      '2> The ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required\n',
    );
  });

  // apiserver strict decoding (runtime.strictDecodingError) of a top-level field the kind lacks.
  it("an unknown top-level field is a strict decoding error", () => {
    const typo = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndate: {a: b}\n";
    expect(commandOutput([], "kubectl apply -f cm.yaml", { files: { "cm.yaml": typo } })).toBe(
      '2> Error from server (BadRequest): error when creating "cm.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "date"\n',
    );
  });
});

describe("kubectl delete -f of inert objects", () => {
  // delete.go (*DeleteOptions).PrintObj: `kind[.group] "name" deleted`, `from NS namespace` for a
  // namespaced mapping (kubectl ≥1.34).
  it("deletes each, namespaced ones with their namespace", () => {
    const out = commandOutput(["kubectl apply -f chart.yaml"], "kubectl delete -f chart.yaml", { files });
    expect(out.split("\n").slice(0, 7)).toEqual([
      'serviceaccount "runner" deleted from default namespace',
      'configmap "settings" deleted from default namespace',
      'secret "token" deleted from default namespace',
      'role.rbac.authorization.k8s.io "reader" deleted from default namespace',
      'rolebinding.rbac.authorization.k8s.io "reader" deleted from default namespace',
      'clusterrole.rbac.authorization.k8s.io "watcher" deleted',
      'clusterrolebinding.rbac.authorization.k8s.io "watcher" deleted',
    ]);
    expect(out).toContain('job.batch "work" deleted from default namespace\n');
  });

  // delete.go deleteResource → AddSourceToErr("deleting", ...) around the DELETE's NotFound.
  it("an absent one is NotFound, unless --ignore-not-found", () => {
    expect(commandOutput([], "kubectl delete -f sa.yaml", { files })).toBe(
      '2> Error from server (NotFound): error when deleting "sa.yaml": serviceaccounts "runner" not found\n',
    );
    expect(commandOutput([], "kubectl delete -f sa.yaml --ignore-not-found", { files })).toBe("");
    expect(
      commandOutput(["kubectl apply -f sa.yaml", "kubectl delete -f sa.yaml"], "kubectl apply -f sa.yaml", {
        files,
      }),
    ).toBe("serviceaccount/runner created\n");
  });
});

describe("kubectl delete -f of inert objects, dry run", () => {
  // delete.go PrintObj: the dry-run words after the namespace; nothing is deleted.
  it("a dry run deletes nothing", () => {
    expect(
      commandOutput(
        ["kubectl apply -f sa.yaml", "kubectl delete -f sa.yaml --dry-run=server"],
        "kubectl apply -f sa.yaml",
        {
          files,
        },
      ),
    ).toBe("serviceaccount/runner unchanged\n");
    expect(
      commandOutput(["kubectl apply -f sa.yaml"], "kubectl delete -f sa.yaml --dry-run=client", { files }),
    ).toBe('serviceaccount "runner" deleted from default namespace (dry run)\n');
  });
});

describe("reading commands of a file holding inert objects", () => {
  // As for Namespace documents (file-targets.ts): jobsim lists and describes Jobs and pods only,
  // so it refuses rather than print a listing that leaves the file's other objects out.
  it.each(["get", "describe", "wait --for=condition=Complete"])(
    "kubectl %s -f is refused as not simulated",
    (verb) => {
      const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: t}
images: {}
files:
  sa.yaml: ${JSON.stringify(SA)}
steps:
  - kubectl ${verb} -f sa.yaml
`;
      expect(scenarioProblems(text, "s.yaml")).toEqual([
        `s.yaml: steps: kubectl ${verb} -f sa.yaml: jobsim does not simulate reading a ServiceAccount by file (sa.yaml holds ServiceAccount "runner"): name its Jobs instead`,
      ]);
    },
  );
});

describe("Monte Carlo of a file holding inert objects", () => {
  // plan.ts takes a file's Jobs only: the chart's other objects change nothing of how they run.
  it("runs the file's Job and nothing else", () => {
    const text = `apiVersion: jobsim/v1alpha1
kind: Scenario
metadata: {name: t}
images:
  app:1:
    runSeconds: 3
    outcomes: [{probability: 1, exitCode: 0, log: ok}]
files:
  chart.yaml: ${JSON.stringify(CHART)}
steps:
  - kubectl apply -f chart.yaml
  - kubectl wait --for=condition=Complete job/work --timeout=1m
`;
    expect(new MonteCarlo(parseScenario(text, "s.yaml", "/nonexistent"), 1).jobKeys).toEqual([
      "default/work",
    ]);
  });
});
