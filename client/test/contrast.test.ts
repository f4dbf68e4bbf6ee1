import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { NODE_KINDS } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";

/**
 * The text colours of the design tokens (client/src/ui/tokens.css) against the backgrounds they
 * are shown on meet WCAG 2 AA for normal text, 4.5:1. axe's color-contrast rule checks what a page
 * happens to render; this checks every pair, including statuses no test model happens to show.
 */
// A path, not a URL object: the test's DOM (happy-dom) brings its own URL class.
const TOKENS = readFileSync(
  join(dirname(fileURLToPath(import.meta.url)), "../src/ui/tokens.css"),
  "utf8",
);
const AA = 4.5;

function token(name: string): string {
  const found = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(TOKENS);
  if (!found?.[1]) throw new Error(`tokens.css has no colour --${name}`);
  return found[1];
}

/** WCAG 2 relative luminance of an sRGB colour written #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, from 1 (same colour) to 21 (black on white). */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const STATUSES = ["achieved", "on-track", "at-risk", "off-track", "not-measured"];
const WHITE = "#ffffff";

describe("contrast of the design tokens", () => {
  it("the formula gives WCAG's own reference values", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#767676", "#ffffff")).toBeGreaterThanOrEqual(AA);
    expect(contrast("#abcdef", "#abcdef")).toBe(1);
  });

  it.each(NODE_KINDS)("the %s lane's text colour reads on white, its tint and the page", (kind) => {
    const text = token(`${kind}-text`);
    expect(contrast(text, token("surface"))).toBeGreaterThanOrEqual(AA);
    expect(contrast(text, token(`${kind}-soft`))).toBeGreaterThanOrEqual(AA);
    expect(contrast(text, token("bg"))).toBeGreaterThanOrEqual(AA);
  });

  it.each(STATUSES)("the %s status badge's words read on its tint", (status) => {
    expect(
      contrast(token(`status-${status}-fg`), token(`status-${status}-bg`)),
    ).toBeGreaterThanOrEqual(AA);
  });

  it("the stale flag, the count badges and the coloured words read", () => {
    expect(contrast(token("stale-fg"), token("stale-bg"))).toBeGreaterThanOrEqual(AA);
    for (const fill of ["danger", "warning", "ok", "accent"])
      expect(contrast(WHITE, token(fill)), `white on --${fill}`).toBeGreaterThanOrEqual(AA);
    for (const words of ["text", "muted", "danger", "warning", "ok", "accent"]) {
      expect(contrast(token(words), token("surface")), `--${words}`).toBeGreaterThanOrEqual(AA);
      expect(contrast(token(words), token("bg")), `--${words} on --bg`).toBeGreaterThanOrEqual(AA);
    }
    expect(contrast(token("accent"), token("accent-soft"))).toBeGreaterThanOrEqual(AA);
  });
});
