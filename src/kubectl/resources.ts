/**
 * Resource names as kubectl resolves them through discovery: plural, singular, short names
 * and group-qualified forms; `TYPE NAME...`, `TYPE1,TYPE2`, and `TYPE/NAME` arguments.
 */

export type ResourceKind = "jobs" | "pods" | "events" | "nodes" | "namespaces";

const ALIASES: Record<string, ResourceKind> = {
  jobs: "jobs",
  job: "jobs",
  "jobs.batch": "jobs",
  "job.batch": "jobs",
  "jobs.v1.batch": "jobs",
  // RESTMapper ResourcesFor: a fully qualified resource.version.group matches the singular too.
  "job.v1.batch": "jobs",
  pods: "pods",
  pod: "pods",
  po: "pods",
  events: "events",
  event: "events",
  ev: "events",
  nodes: "nodes",
  node: "nodes",
  no: "nodes",
  namespaces: "namespaces",
  namespace: "namespaces",
  ns: "namespaces",
};

/** Kind, group (for `job.batch/x` prefixes and errors) and whether it is namespaced. */
export const RESOURCE_INFO: Record<ResourceKind, { kind: string; group: string; namespaced: boolean }> = {
  jobs: { kind: "Job", group: "batch", namespaced: true },
  pods: { kind: "Pod", group: "", namespaced: true },
  events: { kind: "Event", group: "", namespaced: true },
  nodes: { kind: "Node", group: "", namespaced: false },
  namespaces: { kind: "Namespace", group: "", namespaced: false },
};

/** "jobs.batch" / "pods": the resource as NotFound errors name it. */
export function qualifiedResource(kind: ResourceKind): string {
  const g = RESOURCE_INFO[kind].group;
  return g ? `${kind}.${g}` : kind;
}

/** "job.batch" / "pod": the prefix of `-o name` and multi-kind tables. */
export function kindPrefix(kind: ResourceKind): string {
  const info = RESOURCE_INFO[kind];
  const k = info.kind.toLowerCase();
  return info.group ? `${k}.${info.group}` : k;
}

export interface ResourceArgs {
  /** Requested kinds in order, each once (several for `jobs,pods`; one for `pods,po`). */
  kinds: ResourceKind[];
  /** Named objects: kind and name. Empty means "all of each kind". */
  named: { kind: ResourceKind; name: string }[];
}

export class ResourceError extends Error {}

/**
 * Resource types a real cluster serves that jobsim does not model (`kubectl api-resources` of
 * Kubernetes 1.35: names, singulars and short names), and the category `all`. A cluster would
 * answer for them, so "the server doesn't have a resource type" would be false.
 */
const UNMODELLED = new Set(
  [
    "all services service svc deployments deployment deploy replicasets replicaset rs ",
    "statefulsets statefulset sts daemonsets daemonset ds cronjobs cronjob cj configmaps ",
    "configmap cm secrets secret serviceaccounts serviceaccount sa ",
    "endpoints ep persistentvolumeclaims persistentvolumeclaim pvc persistentvolumes ",
    "persistentvolume pv ingresses ingress ing replicationcontrollers rc horizontalpodautoscalers ",
    "hpa poddisruptionbudgets pdb networkpolicies netpol storageclasses sc limitranges limits ",
    "resourcequotas quota priorityclasses priorityclass pc roles role rolebindings rolebinding ",
    "clusterroles clusterrole clusterrolebindings clusterrolebinding ",
    "customresourcedefinitions customresourcedefinition crd crds ",
    // events.k8s.io/v1 serves Events too (the same objects in another shape): not modelled.
    "events.events.k8s.io event.events.k8s.io events.v1.events.k8s.io event.v1.events.k8s.io",
  ]
    .join("")
    .split(" "),
);

/**
 * The API group of each name in UNMODELLED that discovery serves (`kubectl api-resources`,
 * Kubernetes 1.35); `all` is a category, not a resource, so a RESTMapper does not know it.
 */
const UNMODELLED_GROUP: Record<string, string> = Object.fromEntries(
  [
    ["", "services service svc configmaps configmap cm secrets secret serviceaccounts serviceaccount sa"],
    ["", "endpoints ep persistentvolumeclaims persistentvolumeclaim pvc persistentvolumes persistentvolume"],
    ["", "pv replicationcontrollers rc limitranges limits resourcequotas quota"],
    ["apps", "deployments deployment deploy replicasets replicaset rs statefulsets statefulset sts"],
    ["apps", "daemonsets daemonset ds"],
    ["batch", "cronjobs cronjob cj"],
    ["networking.k8s.io", "ingresses ingress ing networkpolicies netpol"],
    ["autoscaling", "horizontalpodautoscalers hpa"],
    ["policy", "poddisruptionbudgets pdb"],
    ["storage.k8s.io", "storageclasses sc"],
    ["scheduling.k8s.io", "priorityclasses priorityclass pc"],
    ["rbac.authorization.k8s.io", "roles role rolebindings rolebinding clusterroles clusterrole"],
    ["rbac.authorization.k8s.io", "clusterrolebindings clusterrolebinding"],
    ["apiextensions.k8s.io", "customresourcedefinitions customresourcedefinition crd crds"],
  ].flatMap(([group, names]) => names.split(" ").map((name) => [name, group])),
);

/** Whether a RESTMapper finds `resource` (plural, singular or short name) in `group` at `version`
 * (either may be unsaid): a kind jobsim models, one it does not, or null. */
function mapperFinds(resource: string, group?: string, version?: string): ResourceKind | "unmodelled" | null {
  const kind = Object.hasOwn(ALIASES, resource) ? ALIASES[resource] : undefined;
  const actualGroup =
    kind !== undefined
      ? RESOURCE_INFO[kind].group
      : Object.hasOwn(UNMODELLED_GROUP, resource)
        ? UNMODELLED_GROUP[resource]
        : undefined;
  if (actualGroup === undefined || (group !== undefined && group !== actualGroup)) return null;
  // Every version served is v1 but autoscaling's v2 (and v1).
  if (version !== undefined && version !== "v1" && !(actualGroup === "autoscaling" && version === "v2"))
    return null;
  return kind ?? "unmodelled";
}

/**
 * `kubectl events --for TYPE/NAME`'s TYPE as events.go decodeResourceTypeName resolves it:
 * schema.ParseResourceArg of the lower-cased TYPE, its fully specified `resource.version.group`
 * form first, then `resource.group` (no group: any). What a RESTMapper does not find is a
 * NoResourceMatchError, which helpers.go standardErrorMessage words with the resource alone; an
 * empty one is DefaultRESTMapper.ResourcesFor's own error.
 */
export function resourceForArg(type: string): ResourceKind | "unmodelled" | { error: string } {
  const arg = type.toLowerCase();
  const parts = arg.split(".");
  if (parts.length >= 3) {
    const found = mapperFinds(parts[0], parts.slice(2).join("."), parts[1]);
    if (found !== null) return found;
  }
  const dot = arg.indexOf(".");
  const resource = dot < 0 ? arg : arg.slice(0, dot);
  if (resource === "") {
    const group = dot < 0 ? "" : arg.slice(dot + 1);
    return { error: `error: a resource must be present, got: ${group}/, Resource=` };
  }
  const found = mapperFinds(resource, dot < 0 ? undefined : arg.slice(dot + 1));
  return found ?? { error: `error: the server doesn't have a resource type "${resource}"` };
}

/** What discovery makes of a resource name: a kind jobsim models, one it does not, or none. */
export function lookupResource(type: string): ResourceKind | "unmodelled" | "unknown" {
  const k = ALIASES[type.toLowerCase()];
  if (k !== undefined) return k;
  return UNMODELLED.has(type.toLowerCase()) ? "unmodelled" : "unknown";
}

function resolve(type: string): ResourceKind {
  const k = ALIASES[type.toLowerCase()];
  if (k !== undefined) return k;
  if (UNMODELLED.has(type.toLowerCase()))
    throw new ResourceError(
      `jobsim does not simulate "${type}": it simulates jobs, pods, events, nodes and namespaces`,
    );
  throw new ResourceError(`error: the server doesn't have a resource type "${type}"`);
}

/**
 * cli-runtime resource/builder.go missingResourceError: what a command built on the resource
 * builder (delete, wait) says when given neither a resource nor a file.
 */
export const MISSING_RESOURCE_ERROR = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** What else the builder was given, for the checks it makes of names (builder.go `visitBySelector`,
 * `visitByResource`, `visitByName`). */
export interface BuilderParams {
  /** A label or field selector that is not blank (LabelSelectorParam / FieldSelectorParam trim it). */
  selector?: boolean;
  /** `-A`: the builder's namespace is NamespaceAll. */
  allNamespaces?: boolean;
}

/**
 * builder.go `normalizeMultipleResourcesArgs`: `a,b NAME...` becomes `a/NAME b/NAME ...`, every
 * type with every name (types first), so `get jobs,pods work` fetches job/work and pod/work.
 */
function normalizeMultipleResourcesArgs(args: readonly string[]): string[] {
  if (args.length < 2) return [...args];
  const types = [...new Set(args[0].split(","))];
  if (types.length < 2) return [...args];
  return types.flatMap((t) => args.slice(1).map((name) => `${t}/${name}`));
}

/** builder.go `splitResourceTypeName`: one slash, a non-empty single resource and a name. */
function splitResourceTypeName(arg: string): { type: string; name: string } {
  const seg = arg.split("/");
  if (seg.length !== 2)
    throw new ResourceError("error: arguments in resource/name form may not have more than one slash");
  const [type, name] = seg;
  if (type === "" || name === "" || new Set(type.split(",")).size !== 1)
    throw new ResourceError("error: arguments in resource/name form must have a single resource and name");
  return { type, name };
}

const ACROSS_ALL_NAMESPACES = "error: a resource cannot be retrieved by name across all namespaces";

/**
 * The builder's reading of `ResourceTypeOrNameArgs` (cli-runtime pkg/resource/builder.go), in
 * its order: the arguments' own errors (`hasCombinedTypeArgs`, `splitResourceTypeName`); with a
 * selector, no names (`visitBySelector`); the types looked up; then, for a namespaced kind
 * fetched by name under `-A`, NamespaceAll refused (`visitByResource`, `visitByName`).
 */
export function resolveResourceArgs(
  positionals: readonly string[],
  params: BuilderParams = {},
): ResourceArgs {
  if (positionals.length === 0)
    throw new ResourceError(
      'error: You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  const args = normalizeMultipleResourcesArgs(positionals);
  const slashes = args.filter((p) => p.includes("/")).length;
  if (slashes > 0 && slashes !== args.length)
    throw new ResourceError(
      "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  if (slashes > 0) {
    const tuples = args.map(splitResourceTypeName);
    if (params.selector)
      throw new ResourceError(
        "error: selectors and the all flag cannot be used when passing resource/name arguments",
      );
    const named = tuples.map((t) => ({ kind: resolve(t.type), name: t.name }));
    if (params.allNamespaces && named.some((n) => RESOURCE_INFO[n.kind].namespaced))
      throw new ResourceError(ACROSS_ALL_NAMESPACES);
    const kinds: ResourceKind[] = [];
    for (const n of named) if (!kinds.includes(n.kind)) kinds.push(n.kind);
    return { kinds, named };
  }
  // One type here (several with names became tuples above). SplitResourceArgument drops a
  // repeated type (`jobs,jobs` is one); resourceMappings keeps one mapping per kind (`pods,po`
  // lists the pods once, as one kind).
  const types = [...new Set(args[0].split(","))];
  const names = args.slice(1);
  if (names.length > 0 && params.selector)
    throw new ResourceError("error: name cannot be provided when a selector is specified");
  const kinds = [...new Set(types.map(resolve))];
  if (names.length > 0 && params.allNamespaces && RESOURCE_INFO[kinds[0]].namespaced)
    throw new ResourceError(ACROSS_ALL_NAMESPACES);
  return { kinds, named: names.map((name) => ({ kind: kinds[0], name })) };
}

/** What `describe`, `delete` and `wait` act on, for their refusal of other kinds. */
const VERB_KINDS: Readonly<Record<string, { does: string; kinds: readonly ResourceKind[]; named: string }>> =
  {
    describe: { does: "describes", kinds: ["jobs", "pods", "nodes"], named: "jobs, pods and nodes" },
    delete: { does: "deletes", kinds: ["jobs", "pods"], named: "jobs and pods" },
    wait: { does: "waits for", kinds: ["jobs", "pods"], named: "jobs and pods" },
  };

/**
 * `describe`, `delete` and `wait` of a kind jobsim lists but does not act on (events,
 * namespaces; nodes but for describe): refused in jobsim's words, when the scenario loads and in
 * the session alike (kubectl itself acts on them). Null for the kinds the verb acts on, and for
 * other verbs.
 */
export function kindNotActedOn(verb: string, kinds: readonly ResourceKind[]): string | null {
  const acts = VERB_KINDS[verb];
  const other = acts === undefined ? undefined : kinds.find((k) => !acts.kinds.includes(k));
  return acts === undefined || other === undefined
    ? null
    : `jobsim does not simulate "kubectl ${verb} ${other}" (it ${acts.does} ${acts.named})`;
}
