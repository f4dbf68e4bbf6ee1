import { describe, expect, it } from "vitest";
import { parseModelFile } from "../src/index.ts";
import { CARD_CASES } from "./support/malformed-cards.ts";
import { FILE_CASES, type Json, LINK_CASES, validFile } from "./support/malformed-files.ts";

/** Every case, by subject: the file as a whole, its cards, its links. */
const MALFORMED = [...FILE_CASES, ...CARD_CASES, ...LINK_CASES];

describe("parseModelFile rejects malformed files with a path", () => {
  it("has at least 30 cases", () => expect(MALFORMED.length).toBeGreaterThanOrEqual(30));
  for (const [what, breakIt, path, fragment] of MALFORMED) {
    it(`${what} → ${path || "(file)"}`, () => {
      const file = validFile() as Json;
      const replaced = breakIt(file);
      const result = parseModelFile(replaced === undefined ? file : replaced);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const error = result.errors.find((e) => e.path === path);
      expect(error, JSON.stringify(result.errors)).toBeDefined();
      expect(error?.message).toContain(fragment);
    });
  }

  it("lists every problem, not only the first", () => {
    const file = validFile() as Json;
    (file.nodes[0] as Json).kind = "x";
    (file.edges[0] as Json).extra = 1;
    const result = parseModelFile(file);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      "nodes[0].kind",
      "edges[0].extra",
    ]);
  });
});
