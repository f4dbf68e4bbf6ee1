import { describe, expect, it } from "vitest";
import { cachedMeasure, type MeasureText, wrapText } from "../src/exports/text-wrap.ts";

/**
 * The exports' word wrap measures less than it did (widths cached, long words cut by binary
 * search); the lines it gives must be the ones it gave before, or an exported card would differ
 * from what people saw. `reference` is the earlier wrap, kept here to compare against.
 */
function reference(text: string, width: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate, font) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (measure(line, font) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut), font) > width) cut -= 1;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Proportional widths, as a sans-serif has them: narrow i and l, wide m and W, wider CJK. */
function proportional(calls: { count: number }): MeasureText {
  const widthOf = (c: string) => {
    if (/[iljt.,:;'!|]/.test(c)) return 3.4;
    if (/[mwMW@]/.test(c)) return 11.2;
    if (/[A-Z]/.test(c)) return 8.9;
    if (/[\u0300-\u036f]/.test(c)) return 0; // a combining accent adds no width
    if (/[\u3000-\u9fff]/.test(c)) return 13.5;
    if (c === " ") return 3.8;
    return 7.1;
  };
  return (text, font) => {
    calls.count += 1;
    const size = Number(/([\d.]+)px/.exec(font)?.[1] ?? 13.5) / 13.5;
    let width = 0;
    for (const c of text) width += widthOf(c) * size;
    return width;
  };
}

const TITLES = [
  "Teachers give feedback within 48 hours on every written task",
  "Élèves en difficulté de lecture — soutien individualisé, deux fois par semaine",
  "Combining accents: e\u0301le\u0300ves, cafe\u0301 and nai\u0308ve readers",
  "Family literacy nights\nfour a year,\n\nwith childcare and translation",
  "https://docs.google.com/document/d/1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV2wX3yZ4aB5cD6eF7gH8iJ9kL0mN1oP2/edit",
  "Supercalifragilisticexpialidocious-and-then-some-more-words-hyphenated-together in a title",
  "読解力の向上を目指した週一回のコーチングサイクルと学年チームでの振り返り",
  "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii",
  "   spaces   around\tand\ttabs   ",
  "",
  "x",
];

describe("the exports' word wrap", () => {
  it("gives the same lines as before for long words, accents, newlines and scripts", () => {
    for (const font of ["600 13.5px sans-serif", "400 14px sans-serif"])
      for (const width of [40, 120, 214, 700])
        for (const title of TITLES) {
          const before = reference(title, width, font, proportional({ count: 0 }));
          const now = wrapText(title, width, font, cachedMeasure(proportional({ count: 0 })));
          expect(now, `${JSON.stringify(title)} at ${width}px in ${font}`).toEqual(before);
        }
  });

  it("keeps every character of a title, in order, across its lines", () => {
    for (const title of TITLES) {
      const lines = wrapText(title, 120, "600 13.5px sans-serif", proportional({ count: 0 }));
      expect(lines.join("").replace(/\s/g, "")).toBe(title.replace(/\s/g, ""));
    }
  });

  it("cuts a long unbroken word with far fewer measurements than trying every prefix", () => {
    const url = TITLES[4] as string;
    const before = { count: 0 };
    const now = { count: 0 };
    reference(url, 214, "600 13.5px sans-serif", proportional(before));
    wrapText(url, 214, "600 13.5px sans-serif", cachedMeasure(proportional(now)));
    expect(now.count * 5).toBeLessThan(before.count);
  });

  it("remembers a width per font, not across fonts", () => {
    const calls = { count: 0 };
    const measure = cachedMeasure(proportional(calls));
    expect(measure("Reading", "400 14px sans-serif")).toBe(
      measure("Reading", "400 14px sans-serif"),
    );
    expect(calls.count).toBe(1);
    expect(measure("Reading", "400 27px sans-serif")).toBeGreaterThan(
      measure("Reading", "400 14px sans-serif"),
    );
    expect(calls.count).toBe(2);
  });
});
