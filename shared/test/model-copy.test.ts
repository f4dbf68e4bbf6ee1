import { describe, expect, it } from "vitest";
import { TITLE_MAX } from "../src/limits.ts";
import { copyTitle } from "../src/model-copy.ts";

describe("copyTitle", () => {
  it("adds (copy) to the title", () => {
    expect(copyTitle("Coaching for self-assessment")).toBe("Coaching for self-assessment (copy)");
  });

  it("keeps a copy of a title at the limit within the limit, suffix included", () => {
    const long = "a".repeat(TITLE_MAX);
    const copy = copyTitle(long);
    expect(copy.length).toBe(TITLE_MAX);
    expect(copy.endsWith(" (copy)")).toBe(true);
    expect(copyTitle("b".repeat(TITLE_MAX - 7))).toBe(`${"b".repeat(TITLE_MAX - 7)} (copy)`);
  });

  it("never cuts an emoji in half", () => {
    const copy = copyTitle("🙂".repeat(TITLE_MAX));
    expect(copy).toMatch(/^(🙂)+ \(copy\)$/u);
    expect(copy.length).toBeLessThanOrEqual(TITLE_MAX);
  });

  it("names an empty title", () => {
    expect(copyTitle("   ")).toBe("Untitled model (copy)");
  });
});
