import { describe, expect, it } from "vitest";
import { matchesWords, searchWords } from "../src/alignment.ts";

/** The alignment picker's search: words anywhere in the goal, its model and its workspace. */

const find = (query: string, ...fields: string[]) => matchesWords(searchWords(query), ...fields);

describe("searching goals to align to", () => {
  const goal = ["Reading proficiency by May", "Lincoln plan 2026", "Lincoln Elementary"];

  it("matches every word in any order across the goal, model and workspace", () => {
    expect(find("lincoln reading", ...goal)).toBe(true);
    expect(find("May  elementary PROFICIENCY", ...goal)).toBe(true);
    expect(find("2026 reading", ...goal)).toBe(true);
  });

  it("needs every word to be there", () => {
    expect(find("lincoln math", ...goal)).toBe(false);
    expect(find("roosevelt reading", ...goal)).toBe(false);
  });

  it("ignores case and accents, and an empty query matches everything", () => {
    expect(find("ÉLÉMENTARY", ...goal)).toBe(true);
    expect(find("Año", "Metas del año", "", "")).toBe(true);
    expect(find("   ", ...goal)).toBe(true);
  });

  it("does not join the end of one field to the start of the next", () => {
    expect(find("maylincoln", ...goal)).toBe(false);
  });
});
