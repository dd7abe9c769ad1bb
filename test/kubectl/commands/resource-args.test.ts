import { describe, expect, it } from "vitest";
import { commandTranscript } from "./session.js";

/**
 * Resource arguments as kubectl's resource builder reads them (cli-runtime
 * pkg/resource/builder.go `ResourceTypeOrNameArgs`, which `get` and `describe` both call):
 * `normalizeMultipleResourcesArgs` turns `a,b NAME` into `a/NAME b/NAME`; `hasCombinedTypeArgs`
 * refuses a mix of `type/name` and plain arguments wherever the slash is; `splitResourceTypeName`
 * refuses a second slash, an empty side or several types before the slash.
 */

function outputOf(command: string): string {
  const out = commandTranscript(["kubectl apply -f job.yaml", "sleep 10", command, "sleep 1"]);
  const start = out.indexOf(`$ ${command}\n`) + command.length + 3;
  return out.slice(start, out.indexOf("$ sleep 1\n", start));
}

const NO_NEED =
  "2> error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n";

describe("resource arguments (builder.go ResourceTypeOrNameArgs)", () => {
  it("`TYPE1,TYPE2 NAME` fetches NAME of each type (normalizeMultipleResourcesArgs)", () => {
    expect(outputOf("kubectl get jobs,pods work")).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nwork   Running   0/1           10s        10s\n" +
        '2> Error from server (NotFound): pods "work" not found\n',
    );
    expect(outputOf("kubectl get pods,jobs work -o name")).toBe(
      'job.batch/work\n2> Error from server (NotFound): pods "work" not found\n',
    );
    // Each type is looked up as a tuple's (resourceTupleMappings): an unknown one is the
    // discovery error, not a refusal of several types.
    expect(outputOf("kubectl get jobs,nosuchtype work")).toBe(
      '2> error: the server doesn\'t have a resource type "nosuchtype"\n',
    );
  });

  it("a type/name argument mixed with plain ones is refused wherever it stands (hasCombinedTypeArgs)", () => {
    expect(outputOf("kubectl get jobs/work pods")).toBe(NO_NEED);
    expect(outputOf("kubectl get job work pod/x")).toBe(NO_NEED);
  });

  it.each([
    [
      "kubectl get job/work/x",
      "2> error: arguments in resource/name form may not have more than one slash\n",
    ],
    ["kubectl get /work", "2> error: arguments in resource/name form must have a single resource and name\n"],
    ["kubectl get job/", "2> error: arguments in resource/name form must have a single resource and name\n"],
    [
      "kubectl get jobs,pods/work",
      "2> error: arguments in resource/name form must have a single resource and name\n",
    ],
    [
      "kubectl describe job/work/x",
      "2> error: arguments in resource/name form may not have more than one slash\n",
    ],
  ])("%s (splitResourceTypeName)", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  it("describe `TYPE1,TYPE2 NAME` with NAME missing in one type: the single-type refusal", () => {
    const out = outputOf("kubectl describe pods,jobs work");
    // The pod of that name is missing: one NotFound among two arguments goes to
    // DescribeMatchingResources, which builds with SingleResourceType (describe.go).
    expect(out).toBe("2> error: you may only specify a single resource type\n");
  });
});

/**
 * What the builder checks of names given with a selector or -A (builder.go visitBySelector,
 * visitByResource, visitByName): LabelSelectorParam and FieldSelectorParam keep a selector that
 * is not blank, and a namespaced object fetched by name needs a namespace, which -A
 * (NamespaceAll) does not give.
 */
describe("names with a selector or -A (builder.go visitBySelector, visitByName)", () => {
  it.each([
    [
      "kubectl get job work -l job-name=work",
      "2> error: name cannot be provided when a selector is specified\n",
    ],
    [
      "kubectl get job/work -l job-name=work",
      "2> error: selectors and the all flag cannot be used when passing resource/name arguments\n",
    ],
    [
      "kubectl get job/work --field-selector metadata.name=work",
      "2> error: selectors and the all flag cannot be used when passing resource/name arguments\n",
    ],
    [
      "kubectl describe job work -l job-name=work",
      "2> error: name cannot be provided when a selector is specified\n",
    ],
    ["kubectl get job work -A", "2> error: a resource cannot be retrieved by name across all namespaces\n"],
    ["kubectl get job/work -A", "2> error: a resource cannot be retrieved by name across all namespaces\n"],
    [
      "kubectl get job work -A -w",
      "2> error: a resource cannot be retrieved by name across all namespaces\n",
    ],
    [
      "kubectl describe job work -A",
      "2> error: a resource cannot be retrieved by name across all namespaces\n",
    ],
  ])("%s", (command, expected) => {
    expect(outputOf(command)).toBe(expected);
  });

  it("a blank selector is none, and a cluster-scoped object is fetched by name under -A", () => {
    expect(outputOf("kubectl get job work -l ' '")).toBe(
      "NAME   STATUS    COMPLETIONS   DURATION   AGE\nwork   Running   0/1           10s        10s\n",
    );
    expect(outputOf("kubectl get node node-0 -A")).toMatch(
      /^NAME {5}STATUS {3}ROLES {4}AGE {3}VERSION\nnode-0 {3}Ready/,
    );
  });
});
