import { describe, expect, it } from "vitest";
import { initialsOf } from "../src/initials.ts";

/** Whether a string holds a lone surrogate (half an emoji: a broken glyph on screen). */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

describe("initialsOf", () => {
  it.each([
    ["Ana (coach)", "AC"],
    ["Ana Ruiz", "AR"],
    ["ana", "A"],
    ["Maria de la Cruz", "MC"],
    ["  Ana   Ruiz  ", "AR"],
    ["Émile Zola", "ÉZ"],
    // "E" followed by a combining acute accent: one grapheme, composed to "É".
    ["E\u0301mile", "É"],
    ["王小明", "王"],
    ["王 小明", "王小"],
    ["محمد علي", "مع"],
    ["(coach)", "C"],
    ["3rd grade team", "3T"],
  ])("%s → %s", (name, expected) => {
    expect(initialsOf(name)).toBe(expected);
  });

  it("keeps a combining mark with its letter", () => {
    // Z + combining cedilla (U+0327): no precomposed form exists, so it stays two code points.
    expect(initialsOf("Z\u0327oe")).toBe("Z\u0327");
    expect(initialsOf("z\u0327oe ana")).toBe("Z\u0327A");
  });

  it("gives an emoji name its whole emoji, never half of it", () => {
    const teacher = "👩‍🏫";
    expect(initialsOf(`${teacher} Maria`)).toBe(teacher);
    expect(initialsOf("🙂")).toBe("🙂");
    expect(initialsOf("👍🏽 Ana")).toBe("👍🏽");
    expect(initialsOf("Ana 🙂")).toBe("A");
    expect(initialsOf("🇫🇷 Lea")).toBe("🇫🇷");
    for (const name of [`${teacher} Maria`, "🙂", "👍🏽 Ana", "Ana 🙂", "🇫🇷 Lea"]) {
      expect(hasLoneSurrogate(initialsOf(name))).toBe(false);
    }
  });

  it("shows a question mark for a name with nothing to show", () => {
    expect(initialsOf("  ")).toBe("?");
    expect(initialsOf("")).toBe("?");
    expect(initialsOf("(-)")).toBe("?");
  });
});
