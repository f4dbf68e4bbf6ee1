import { describe, expect, it } from "vitest";
import { NODES_COLLECTION, plainFieldProblem } from "../src/index.ts";
import { positionSchema } from "../src/schema.ts";

/**
 * A card's position is checked on every drag without Zod; the verdict must be the schema's, and a
 * refused position is still refused in words.
 */
describe("a card position as the write gate judges it", () => {
  const fields = NODES_COLLECTION.value.type === "map" ? NODES_COLLECTION.value.fields : {};
  const def = (fields as Record<string, Parameters<typeof plainFieldProblem>[0]>).position;
  const nullPrototype = Object.assign(Object.create(null), { x: 1, y: 2 });
  const inherited = Object.assign(Object.create({ y: 2 }), { x: 1, z: 3 });
  const values: unknown[] = [
    { x: 1, y: 2 },
    { x: -0.5, y: 1e9 },
    { y: 2, x: 1 },
    { x: 1 },
    { x: 1, y: 2, z: 3 },
    { x: Number.NaN, y: 0 },
    { x: Number.POSITIVE_INFINITY, y: 0 },
    { x: "1", y: 2 },
    [1, 2],
    null,
    "1,2",
    nullPrototype,
    inherited,
  ];

  it("accepts and refuses exactly what the schema does, with a reason when refused", () => {
    expect(def).toBeDefined();
    for (const value of values) {
      const problem = plainFieldProblem(def as Parameters<typeof plainFieldProblem>[0], value);
      const fits = positionSchema.safeParse(value).success;
      expect(problem === null, JSON.stringify(value)).toBe(fits);
      if (!fits) expect(problem).toMatch(/\w/);
    }
  });
});
