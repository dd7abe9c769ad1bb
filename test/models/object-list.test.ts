import { describe, expect, it } from "vitest";
import { objectList } from "../../src/models/objects.js";

/** objectList is a performance trick (see its comment); what callers rely on is that it is `[]`. */
describe("objectList", () => {
  it("is a new, empty array on every call", () => {
    const a = objectList<{ id: number }>();
    const b = objectList<{ id: number }>();
    expect(Array.isArray(a)).toBe(true);
    expect(a).toHaveLength(0);
    expect(a).not.toBe(b);
    expect(JSON.stringify(a)).toBe("[]");
    expect(0 in a).toBe(false);
  });

  it("holds objects, strings and numbers as any array does", () => {
    const list = objectList<unknown>();
    list.push({ id: 1 }, "two", 3);
    expect(list).toEqual([{ id: 1 }, "two", 3]);
    expect(list.pop()).toBe(3);
    expect(list.indexOf("two")).toBe(1);
    list.splice(0, 1);
    expect(list).toEqual(["two"]);
  });
});
