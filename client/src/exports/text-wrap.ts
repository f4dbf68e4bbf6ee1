/**
 * Word wrap for the exports, with text measured by a function the caller gives (the browser's
 * canvas metrics in the app, a stand-in in tests). Framework-free. Measuring is the cost of an
 * export: a 1,000-card model wraps every title in full, so widths are cached and a word too long
 * for a line is cut by binary search rather than by trying every shorter prefix.
 */

/** Width in pixels of `text` set in `font` (a CSS font shorthand). */
export type MeasureText = (text: string, font: string) => number;

/**
 * `measure` with each width remembered per font and text: wrapping measures a line's prefixes
 * again for each of its words, and titles repeat words and whole lines across cards.
 */
export function cachedMeasure(measure: MeasureText): MeasureText {
  const byFont = new Map<string, Map<string, number>>();
  return (text, font) => {
    let widths = byFont.get(font);
    if (!widths) {
      widths = new Map();
      byFont.set(font, widths);
    }
    let width = widths.get(text);
    if (width === undefined) {
      width = measure(text, font);
      widths.set(text, width);
    }
    return width;
  };
}

/**
 * The longest prefix of `word` (at least 1 character) that fits `width`. Text grows no narrower
 * as characters are added, so a binary search finds what trying each shorter prefix would.
 */
function fittingPrefix(word: string, fits: (text: string) => boolean): number {
  let low = 1; // fits, or is the least a line may hold
  let high = word.length - 1; // the whole word does not fit
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(word.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Greedy word wrap; a word wider than the line is cut where it must be. */
export function wrapText(
  text: string,
  width: number,
  font: string,
  measure: MeasureText,
  maxLines = Number.POSITIVE_INFINITY,
): string[] {
  const fits = (candidate: string) => measure(candidate, font) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (line.length > 1 && !fits(line)) {
        const cut = fittingPrefix(line, fits);
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${(kept[maxLines - 1] as string).replace(/\s*\S?$/, "")}…`;
  return kept;
}
