import { describe, expect, it } from "vitest";
import {
  checkWaitJsonPath,
  executeJsonPath,
  findResults,
  goFloatV,
  goSharpV,
  JsonPathError,
  parseJsonPath,
  parseWaitJsonPath,
  printerExecErrorMessage,
  printerParseErrorMessage,
  relaxedJsonPathExpression,
} from "../../src/kubectl/jsonpath.js";

function run(template: string, data: unknown, allowMissingKeys = false): string {
  const t = parseJsonPath(template);
  if (t instanceof JsonPathError) throw new Error(`parse error: ${t.message}`);
  return executeJsonPath(t, data, { allowMissingKeys });
}

function execError(template: string, data: unknown, allowMissingKeys = false): string {
  const t = parseJsonPath(template);
  if (t instanceof JsonPathError) throw new Error(`parse error: ${t.message}`);
  try {
    executeJsonPath(t, data, { allowMissingKeys });
  } catch (e) {
    if (e instanceof JsonPathError) return e.message;
    throw e;
  }
  return "nil";
}

function parseError(template: string): string {
  const t = parseJsonPath(template);
  return t instanceof JsonPathError ? t.message : "nil";
}

// Ported (facts) from kubernetes/kubernetes staging/src/k8s.io/client-go/util/jsonpath/jsonpath_test.go
// @ 054d429d9f8bc8de4fc82e6cf2281e12a13fe1f2, TestTypesInput (JSON-representable parts).
const types = {
  bools: [true, false, true, false],
  integers: [1, 2, 3, 4],
  floats: [1.0, 2.2, 3.3, 4.0],
  strings: ["one", "two", "three", "four"],
  interfaces: [true, "one", 1, 1.1],
  maps: [
    { name: "one", value: 1 },
    { name: "two", value: 2.02 },
    { name: "three", value: 3.03 },
    { name: "four", value: 4.04 },
  ],
};
const typesTests: [string, string][] = [
  ["{ .bools }", "[true,false,true,false]"],
  ["{ .bools[0] }", "true"],
  ["{ .bools[-1] }", "false"],
  ["{ .bools[0:2] }", "true false"],
  ["{ .bools[:2] }", "true false"],
  ["{ .bools[:4:2] }", "true true"],
  ["{ .integers }", "[1,2,3,4]"],
  ["{ .integers[0] }", "1"],
  ["{ .integers[-2] }", "3"],
  ["{ .integers[0:2] }", "1 2"],
  ["{ .integers[:4:2] }", "1 3"],
  ["{ .floats }", "[1,2.2,3.3,4]"],
  ["{ .floats[0] }", "1"],
  ["{ .floats[-2] }", "3.3"],
  ["{ .floats[:4:2] }", "1 3.3"],
  ["{ .strings }", '["one","two","three","four"]'],
  ["{ .strings[-2] }", "three"],
  ["{ .strings[:4:2] }", "one three"],
  ["{ .interfaces }", '[true,"one",1,1.1]'],
  ["{ .interfaces[:2] }", "true one"],
  ["{ .interfaces[:4:2] }", "true 1"],
  [
    "{ .maps }",
    '[{"name":"one","value":1},{"name":"two","value":2.02},{"name":"three","value":3.03},{"name":"four","value":4.04}]',
  ],
  ["{ .maps[0] }", '{"name":"one","value":1}'],
  ["{ .maps[-2] }", '{"name":"three","value":3.03}'],
  ["{ .maps[0:2] }", '{"name":"one","value":1} {"name":"two","value":2.02}'],
  ["{ .maps[::2] }", '{"name":"one","value":1} {"name":"three","value":3.03}'],
  ["{ .maps[1::2] }", '{"name":"two","value":2.02} {"name":"four","value":4.04}'],
];

describe("jsonpath upstream TestTypesInput", () => {
  it.each(typesTests)("%s", (tmpl, want) => {
    expect(run(tmpl, types)).toBe(want);
  });
});

// TestStructInput facts expressed over JSON (struct field order becomes sorted JSON keys).
const store = {
  Name: "jsonpath",
  Book: [
    { Category: "reference", Author: "Nigel Rees", Title: "Sayings of the Centurey", Price: 8.95 },
    { Category: "fiction", Author: "Evelyn Waugh", Title: "Sword of Honour", Price: 12.99 },
    { Category: "fiction", Author: "Herman Melville", Title: "Moby Dick", Price: 8.99 },
  ],
  Bicycle: [
    { Color: "red", Price: 19.95, IsNew: true },
    { Color: "green", Price: 20.01, IsNew: false },
  ],
  Labels: { engieer: 10, "web/html": 15, "k8s-app": 20 },
  Employees: { jason: "manager", dan: "clerk" },
};

const storeTests: [string, string, unknown, string][] = [
  ["plain", "hello jsonpath", null, "hello jsonpath"],
  ["recursive", "{..}", [1, 2, 3], "[1,2,3]"],
  ["filter", "{[?(@<5)]}", [2, 6, 3, 7], "2 3"],
  ["quote", '{"{"}', null, "{"],
  ["union", "{[1,3,4]}", [0, 1, 2, 3, 4], "1 3 4"],
  ["array", "{[0:2]}", ["Monday", "Tudesday"], "Monday Tudesday"],
  ["variable", "hello {.Name}", store, "hello jsonpath"],
  ["dict/", "{$.Labels.web/html}", store, "15"],
  ["dict/ 2", "{$.Employees.jason}", store, "manager"],
  ["dict-", "{.Labels.k8s-app}", store, "20"],
  ["nest", "{.Bicycle[*].Color}", store, "red green"],
  ["allarray", "{.Book[*].Author}", store, "Nigel Rees Evelyn Waugh Herman Melville"],
  // Upstream walks struct fields in declaration order (Book first); JSON maps are walked in sorted key
  // order here (upstream: Go's random map order), so Bicycle comes first.
  ["recurfields", "{..Price}", store, "19.95 20.01 8.95 12.99 8.99"],
  ["recurdotfields", "{...Price}", store, "19.95 20.01 8.95 12.99 8.99"],
  [
    "allstructsSlice",
    "{.Bicycle}",
    store,
    '[{"Color":"red","IsNew":true,"Price":19.95},{"Color":"green","IsNew":false,"Price":20.01}]',
  ],
  [
    "allstructs",
    '{range .Bicycle[*]}{ @ }{ " " }{end}',
    store,
    '{"Color":"red","IsNew":true,"Price":19.95} {"Color":"green","IsNew":false,"Price":20.01} ',
  ],
  [
    "lastarray",
    "{.Book[-1:]}",
    store,
    '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}',
  ],
  [
    "recurarray",
    "{..Book[2]}",
    store,
    '{"Author":"Herman Melville","Category":"fiction","Price":8.99,"Title":"Moby Dick"}',
  ],
  ["bool", "{.Bicycle[?(@.IsNew==true)]}", store, '{"Color":"red","IsNew":true,"Price":19.95}'],
];

describe("jsonpath upstream TestStructInput (as JSON)", () => {
  it.each(storeTests)("%s", (_name, tmpl, data, want) => {
    expect(run(tmpl, data)).toBe(want);
  });
  it("superrecurfields is a parse error", () => {
    expect(parseError("{............................................................Price}")).toBe(
      "invalid multiple recursive descent",
    );
  });
  it("missing key with allowMissingKeys prints nothing", () => {
    expect(run("{.hello}", store, true)).toBe("");
  });
  it.each([
    ["{hello}", "unrecognized identifier hello"],
    ["{.hello}", "hello is not found"],
    ["{.Labels[0]}", "map[string]interface {} is not array or slice"],
    ["{.Book[?(@.Price<>10)]}", "unrecognized filter operator <>"],
    ["{range .Labels.*}{@}{end}{end}", "not in range, nothing to end"],
  ])("execution error %s", (tmpl, want) => {
    expect(execError(tmpl, store)).toBe(want);
  });
});

describe("jsonpath upstream TestJSONInput / TestKubernetes", () => {
  const points = [
    { id: "i1", x: 4, y: -5 },
    { id: "i2", x: -2, y: -5, z: 1 },
    { id: "i3", x: 8, y: 3 },
    { id: "i4", x: -6, y: -1 },
    { id: "i5", x: 0, y: 2, z: 1 },
    { id: "i6", x: 1, y: 4 },
  ];
  it("exists filter", () => expect(run("{[?(@.z)].id}", points)).toBe("i2 i5"));
  it("bracket key", () => expect(run("{[0]['id']}", points)).toBe("i1"));

  const nodes = {
    kind: "List",
    items: [
      {
        kind: "None",
        metadata: { name: "127.0.0.1", labels: { "kubernetes.io/hostname": "127.0.0.1" } },
        status: {
          capacity: { cpu: "4" },
          ready: true,
          addresses: [{ type: "LegacyHostIP", address: "127.0.0.1" }],
        },
      },
      {
        kind: "None",
        metadata: { name: "127.0.0.2", labels: { "kubernetes.io/hostname": "127.0.0.2" } },
        status: {
          capacity: { cpu: "8" },
          ready: false,
          addresses: [
            { type: "LegacyHostIP", address: "127.0.0.2" },
            { type: "another", address: "127.0.0.3" },
          ],
        },
      },
    ],
    users: [
      { name: "myself", user: {} },
      { name: "e2e", user: { username: "admin", password: "secret" } },
    ],
  };
  it.each([
    ["{range .items[*]}{.metadata.name}, {end}{.kind}", "127.0.0.1, 127.0.0.2, List"],
    ['{range .items[*]}{.metadata.name}{"\\t"}{end}', "127.0.0.1\t127.0.0.2\t"],
    ["{.items[*].status.addresses[*].address}", "127.0.0.1 127.0.0.2 127.0.0.3"],
    [
      "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}",
      "127.0.0.1, 127.0.0.2, 127.0.0.3, ",
    ],
    ["{.items[*].metadata.name}", "127.0.0.1 127.0.0.2"],
    ["{.items[*]['metadata.name', 'status.capacity']}", '127.0.0.1 127.0.0.2 {"cpu":"4"} {"cpu":"8"}'],
    [
      "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}",
      '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ',
    ],
    ['{.users[?(@.name=="e2e")].user.password}', "secret"],
    ["{.items[0].metadata.labels.kubernetes\\.io/hostname}", "127.0.0.1"],
    ['{.items[?(@.metadata.labels.kubernetes\\.io/hostname=="127.0.0.1")].kind}', "None"],
    ["{.items[?(@..ready==true)].metadata.name}", "127.0.0.1"],
  ])("%s", (tmpl, want) => {
    expect(run(tmpl, nodes)).toBe(want);
  });
  it("recursive name (sorted-key map order)", () => {
    expect(run("{..name}", nodes).split(" ").sort()).toEqual(["127.0.0.1", "127.0.0.2", "e2e", "myself"]);
  });
});

describe("jsonpath ranges", () => {
  it("empty range and empty nested range print nothing", () => {
    expect(run("{range .items[*]}{.metadata.name}{end}", { items: [] }, true)).toBe("");
    expect(
      run(
        '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
        { items: [] },
        true,
      ),
    ).toBe("");
  });
  it("empty range still evaluates its body (missing keys error when not allowed)", () => {
    expect(execError("{range .items[*]}{.metadata.name}{end}", { items: [] })).toBe("metadata is not found");
  });
  const pods = {
    items: [
      {
        metadata: { name: "pod1" },
        spec: {
          containers: [
            { name: "foo", another: [{ name: "value1" }, { name: "value2" }] },
            { name: "bar", another: [{ name: "value1" }, { name: "value2" }] },
          ],
        },
      },
      {
        metadata: { name: "pod2" },
        spec: { containers: [{ name: "baz", another: [{ name: "value1" }, { name: "value2" }] }] },
      },
    ],
  };
  it.each([
    [
      '{range .items[*]}{.metadata.name}{":"}{range @.spec.containers[*]}{.name}{","}{end}{"+"}{end}',
      "pod1:foo,bar,+pod2:baz,+",
    ],
    [
      '{range .items[*]}{.metadata.name}{"~"}{range @.spec.containers[*]}{.name}{":"}{range @.another[*]}{.name}{","}{end}{"+"}{end}{"#"}{end}',
      "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#",
    ],
    [
      '{range .items[*]}{.metadata.name}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\t"}{range @.spec.containers[*]}{.name}{" "}{end}{"\\n"}{end}',
      "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n",
    ],
  ])("nested %#", (tmpl, want) => {
    expect(run(tmpl, pods)).toBe(want);
  });
  it("null range item prints <no value>, null field prints <nil>", () => {
    expect(run("{range .a[*]}{@};{end}", { a: [null, 1] })).toBe("<no value>;1;");
    expect(run("{.a[0]}", { a: [null] })).toBe("<nil>");
  });
});

describe("jsonpath filter partial matches (issue 45546)", () => {
  const data = {
    kind: "List",
    items: [
      { kind: "Pod", metadata: { name: "pod1", annotations: { color: "blue" } } },
      { kind: "Pod", metadata: { name: "pod2" } },
      { kind: "Pod", metadata: { name: "pod3", annotations: { color: "green" } } },
      { kind: "Pod", metadata: { name: "pod4", annotations: { color: "blue" } } },
    ],
  };
  const tmpl = '{.items[?(@.metadata.annotations.color=="blue")].metadata.name}';
  it("tolerates missing keys", () => expect(run(tmpl, data, true)).toBe("pod1 pod4"));
  it("errors without allowMissingKeys", () => expect(execError(tmpl, data)).toBe("annotations is not found"));
});

describe("jsonpath negative index and step (TestNegativeIndex, TestStep)", () => {
  const c = (n: number) => ({
    spec: { containers: Array.from({ length: n }, (_, i) => ({ name: `fake${i}` })) },
  });
  it.each([
    ["{.spec.containers[0].name}", "fake0"],
    ["{.spec.containers[0:0].name}", ""],
    ["{.spec.containers[0:-1].name}", "fake0 fake1 fake2"],
    ["{.spec.containers[-1].name}", "fake3"],
    ["{.spec.containers[-1:].name}", "fake3"],
    ["{.spec.containers[-2].name}", "fake2"],
    ["{.spec.containers[-2:].name}", "fake2 fake3"],
    ["{.spec.containers[-3].name}", "fake1"],
    ["{.spec.containers[-4].name}", "fake0"],
    ["{.spec.containers[-4:].name}", "fake0 fake1 fake2 fake3"],
    ["{.spec.containers[5:5].name}", ""],
    ["{.spec.containers[-5:-5].name}", ""],
  ])("%s", (tmpl, want) => expect(run(tmpl, c(4))).toBe(want));
  it.each([
    ["{.spec.containers[-1:0].name}", "starting index 3 is greater than ending index 0"],
    ["{.spec.containers[-5].name}", "array index out of bounds: index -1, length 4"],
    ["{.spec.containers[3:1].name}", "starting index 3 is greater than ending index 1"],
    ["{.spec.containers[-1:-2].name}", "starting index 3 is greater than ending index 2"],
    ["{.spec.containers[4].name}", "array index out of bounds: index 4, length 4"],
  ])("%s errors", (tmpl, want) => expect(execError(tmpl, c(4))).toBe(want));
  it.each([
    ["{.spec.containers[0:].name}", "fake0 fake1 fake2 fake3 fake4 fake5"],
    ["{.spec.containers[0:6:].name}", "fake0 fake1 fake2 fake3 fake4 fake5"],
    ["{.spec.containers[0:6:1].name}", "fake0 fake1 fake2 fake3 fake4 fake5"],
    ["{.spec.containers[1:4:2].name}", "fake1 fake3"],
    ["{.spec.containers[1:4:3].name}", "fake1"],
    ["{.spec.containers[1:4:4].name}", "fake1"],
    ["{.spec.containers[0:6:2].name}", "fake0 fake2 fake4"],
    ["{.spec.containers[0:6:3].name}", "fake0 fake3"],
    ["{.spec.containers[0:6:5].name}", "fake0 fake5"],
    ["{.spec.containers[0:6:6].name}", "fake0"],
  ])("%s", (tmpl, want) => expect(run(tmpl, c(6))).toBe(want));
  it.each(["{.spec.containers[0:6:0].name}", "{.spec.containers[0:6:-1].name}"])(
    "%s: step must be > 0",
    (tmpl) => expect(execError(tmpl, c(6))).toBe("step must be > 0"),
  );
});

describe("jsonpath parse errors", () => {
  it.each([
    ["{.a", "unclosed action"],
    ["{.a[0}", "unterminated array"],
    ['{"abc}', "unterminated quoted string"],
    ["{.a[?(@.x=='y'}", "unterminated filter"],
    ["{.a[?(@.x=='y')}", "unclosed array expect ]"],
    ["{.a[x]}", "invalid array index x"],
    ["{.a[-]}", "array index - is not a number"],
    ["{#}", "unrecognized character in action: U+0023 '#'"],
    ["{\t.a}", "unrecognized character in action: U+0009"],
    ["{1.2.3}", "cannot parse number 1.2.3"],
    ["{....a}", "invalid multiple recursive descent"],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
  ])("%s", (tmpl, want) => expect(parseError(tmpl)).toBe(want));
  it("printer wraps parse errors", () => {
    const e = parseJsonPath("{.a");
    expect(e).toBeInstanceOf(JsonPathError);
    expect(printerParseErrorMessage("{.a", e as JsonPathError)).toBe(
      "error parsing jsonpath {.a, unclosed action",
    );
  });
});

describe("jsonpath literals and printing", () => {
  it.each([
    ['{"\\n"}', "\n"],
    ["{'a\\'b'}", "a'b"],
    ['{"\\u00e9\\x41"}', "éA"],
    ["{1}{2.50}{true}", "12.5true"],
    ["{@}", '{"a":"<&>"}'],
  ])("%s", (tmpl, want) =>
    expect(run(tmpl, { a: "<&>" })).toBe(want.replace('"<&>"', '"\\u003c\\u0026\\u003e"')),
  );
  it("Go %v floats", () => {
    expect([0.5, 1e-5, 1234567.5, 123456.5, 1e21].map(goFloatV)).toEqual([
      "0.5",
      "1e-05",
      "1.2345675e+06",
      "123456.5",
      "1e+21",
    ]);
    expect(run("{.a} {.b} {.c}", { a: 1e21, b: 2 ** 53, c: -0.25 })).toBe(`1e+21 ${2 ** 53} -0.25`);
  });
  it("wildcard over a map visits sorted keys; over a string yields its bytes", () => {
    expect(run("{.m.*}", { m: { b: 2, a: 1 } })).toBe("1 2");
    expect(run("{.s.*}", { s: "ab" })).toBe("97 98");
  });
  it("existence filter keeps an item whose left side errors with a non-empty value (upstream quirk)", () => {
    // evalArray returns its input next to "string is not array or slice"; the exists filter ignores the error.
    expect(
      run("{.a[?(@.n[0])].id}", { a: [{ id: "x", n: "str" }, { id: "y", n: ["v"] }, { id: "z" }] }, true),
    ).toBe("x y");
    expect(run("{.a[?(@.n)].id}", { a: [{ id: "x", n: "str" }, { id: "z" }] })).toBe("x");
  });
  it("filter comparison type errors", () => {
    expect(execError("{.a[?(@.x==1.0)]}", { a: [{ x: 1 }] })).toBe("incompatible types for comparison");
    expect(execError("{.a[?(@.x<true)]}", { a: [{ x: true }] })).toBe("invalid type for comparison");
    expect(execError('{.a[?(@.x=="y")]}', { a: [{ x: null }] })).toBe("invalid type for comparison");
    expect(execError('{.a[?(@.x=="y")]}', { a: { x: 1 } })).toBe(
      "map[x:1] is not array or slice and cannot be filtered",
    );
    expect(run("{.a[?(@.x>=2)].x}", { a: [{ x: 1 }, { x: 2 }, { x: 3 }] })).toBe("2 3");
    expect(run("{.a[?(@.x!=2)].x}", { a: [{ x: 1 }, { x: 2 }, { x: 3 }] })).toBe("1 3");
    expect(run("{.a[?(@.x>1.5)].x}", { a: [{ x: 1.25 }, { x: 2.5 }] })).toBe("2.5");
  });
});

const job = {
  apiVersion: "batch/v1",
  kind: "Job",
  metadata: { name: "pi", namespace: "default", labels: { "app.kubernetes.io/name": "pi" } },
  spec: { completions: 1, parallelism: 1, backoffLimit: 6 },
  status: {
    startTime: "2024-01-01T00:00:00Z",
    completionTime: "2024-01-01T00:00:10Z",
    succeeded: 1,
    ready: 0,
    terminating: 0,
    uncountedTerminatedPods: {},
    conditions: [
      { type: "SuccessCriteriaMet", status: "True", lastProbeTime: "2024-01-01T00:00:10Z" },
      { type: "Complete", status: "True", lastProbeTime: "2024-01-01T00:00:10Z" },
    ],
  },
};
const list = {
  apiVersion: "v1",
  kind: "List",
  metadata: { resourceVersion: "" },
  items: [job, { ...job, metadata: { name: "pi2" } }],
};

describe("jsonpath on Jobs", () => {
  it.each([
    ["{.status.succeeded}", job, "1"],
    ['{.status.conditions[?(@.type=="Complete")].status}', job, "True"],
    ['{.status.conditions[?(@.type=="Failed")].status}', job, ""],
    ['{range .items[*]}{.metadata.name}{"\\n"}{end}', list, "pi\npi2\n"],
    ["{.items[*].metadata.name}", list, "pi pi2"],
    ["{.status.failed}", job, ""],
    ["{.metadata.labels.app\\.kubernetes\\.io/name}", job, "pi"],
    ["{.metadata.labels['app\\.kubernetes\\.io/name']}", job, "pi"],
    ["{.spec}", job, '{"backoffLimit":6,"completions":1,"parallelism":1}'],
    [
      "{.status}",
      job,
      '{"completionTime":"2024-01-01T00:00:10Z","conditions":[{"lastProbeTime":"2024-01-01T00:00:10Z","status":"True","type":"SuccessCriteriaMet"},{"lastProbeTime":"2024-01-01T00:00:10Z","status":"True","type":"Complete"}],"ready":0,"startTime":"2024-01-01T00:00:00Z","succeeded":1,"terminating":0,"uncountedTerminatedPods":{}}',
    ],
  ])("%s", (tmpl, data, want) => expect(run(tmpl, data, true)).toBe(want));
  it("missing key is an error when not allowed", () => {
    expect(execError("{.status.failed}", job)).toBe("failed is not found");
  });
  it("findResults returns one list per action", () => {
    const t = parseJsonPath("x{.spec.completions}{.items}") as never;
    expect(findResults(t, job, { allowMissingKeys: true })).toEqual([["x"], [1], []]);
  });
  it("printer execution error message", () => {
    const tmpl = "{.spec.completions[0]}";
    const msg = execError(tmpl, { spec: { completions: 1, x: null, l: ["a"] } });
    expect(msg).toBe("int64 is not array or slice");
    expect(
      printerExecErrorMessage(tmpl, new JsonPathError(msg), { spec: { completions: 1, x: null, l: ["a"] } }),
    ).toBe(
      'error executing jsonpath "{.spec.completions[0]}": Error executing template: int64 is not array or slice. Printing more information for debugging the template:\n' +
        "\ttemplate was:\n\t\t{.spec.completions[0]}\n" +
        '\tobject given to jsonpath engine was:\n\t\tmap[string]interface {}{"spec":map[string]interface {}{"completions":1, "l":[]interface {}{"a"}, "x":interface {}(nil)}}\n\n\n',
    );
    expect(goSharpV({ a: 1.5, b: true })).toBe('map[string]interface {}{"a":1.5, "b":true}');
  });
});

describe("kubectl wait --for=jsonpath", () => {
  const ok = (forValue: string) => {
    const w = parseWaitJsonPath(forValue);
    if (w instanceof JsonPathError) throw new Error(w.message);
    return w;
  };
  it("splits expression and value", () => {
    expect(ok("{.status.succeeded}=1")).toMatchObject({ expression: "{.status.succeeded}", value: "1" });
    expect(ok(".status.succeeded")).toMatchObject({ expression: "{.status.succeeded}", value: undefined });
    expect(ok("status.succeeded='1'")).toMatchObject({ expression: "{.status.succeeded}", value: "1" });
    expect(ok('{.status.conditions[?(@.type=="Complete")].status}=True')).toMatchObject({
      expression: '{.status.conditions[?(@.type=="Complete")].status}',
      value: "True",
    });
  });
  it.each([
    [
      "{.a}=b=c",
      "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'",
    ],
    [
      "{.a}=",
      "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    ],
    [
      "{.a}=''",
      "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3",
    ],
    ["=x", "jsonpath expression cannot be empty"],
    [
      "{.a}{.b}",
      "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    ],
    ["{.a[}=1", "unterminated array"],
  ])("%s -> error", (forValue, want) => {
    const w = parseWaitJsonPath(forValue);
    expect(w).toBeInstanceOf(JsonPathError);
    expect((w as JsonPathError).message).toBe(want);
  });
  it("relaxed expressions", () => {
    expect(relaxedJsonPathExpression("metadata.name")).toBe("{.metadata.name}");
    expect(relaxedJsonPathExpression("{metadata.name}")).toBe("{.metadata.name}");
    expect(relaxedJsonPathExpression("")).toBe("");
  });
  it("checks conditions", () => {
    expect(checkWaitJsonPath(ok("{.status.succeeded}=1"), job)).toBe(true);
    expect(checkWaitJsonPath(ok("{.status.succeeded}=2"), job)).toBe(false);
    expect(checkWaitJsonPath(ok("{.status.failed}=1"), job)).toBe(false);
    expect(checkWaitJsonPath(ok("{.status.failed}"), job)).toBe(false);
    expect(checkWaitJsonPath(ok("{.status.succeeded}"), job)).toBe(true);
    expect(checkWaitJsonPath(ok("{.status}"), job)).toBe(true);
    expect(checkWaitJsonPath(ok('{.status.conditions[?(@.type=="Complete")].status}=True'), job)).toBe(true);
    expect(checkWaitJsonPath(ok('{.status.conditions[?(@.type=="Complete")].status}=true'), job)).toBe(false);
    expect(checkWaitJsonPath(ok("{.status.succeeded}= 1 "), job)).toBe(true);
    expect(checkWaitJsonPath(ok("{.status.succeeded}=\u00851"), job)).toBe(true);
    expect(checkWaitJsonPath(ok("{.status.succeeded}=\ufeff1"), job)).toBe(false);
    expect(checkWaitJsonPath(ok("{.metadata.x}=<nil>"), { metadata: { x: null } })).toBe(true);
    const many = checkWaitJsonPath(ok("{.status.conditions[*].type}=Complete"), job);
    expect((many as JsonPathError).message).toBe("given jsonpath expression matches more than one value");
    const nested = checkWaitJsonPath(ok("{.status}=x"), job);
    expect((nested as JsonPathError).message).toBe(
      "jsonpath leads to a nested object or list which is not supported",
    );
    const oob = checkWaitJsonPath(ok("{.status.conditions[5].type}=x"), job);
    expect((oob as JsonPathError).message).toBe("array index out of bounds: index 5, length 2");
  });
});
