/**
 * The letters an avatar shows for a display name. Built from grapheme clusters (what a reader
 * sees as one character), never from UTF-16 code units: `name[0]` would cut an emoji in half (a
 * lone surrogate renders as a broken glyph) and keep punctuation ("Ana (coach)" → "A(").
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** A grapheme that can stand for a word: it starts with a letter or a digit. */
const WORD_START = /^[\p{L}\p{N}]/u;
/** A grapheme that is a picture (emoji, with its modifiers and joined parts). */
const PICTURE = /^[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

/** The first grapheme of a word that is a letter, a digit or an emoji, skipping punctuation. */
function firstSign(word: string): string | undefined {
  for (const { segment } of segmenter.segment(word)) {
    if (WORD_START.test(segment) || PICTURE.test(segment)) return segment;
  }
  return undefined;
}

/**
 * Up to two graphemes: the first and the last word's first letters ("Ana Ruiz" → "AR",
 * "Ana (coach)" → "AC", "ana" → "A"), upper-cased where the script has case. A name that starts
 * with an emoji shows that emoji alone ("👩‍🏫 Maria" → "👩‍🏫"). "?" when the name has nothing to show.
 */
export function initialsOf(name: string): string {
  const signs = name
    .normalize("NFC")
    .split(/\s+/u)
    .map(firstSign)
    .filter((s): s is string => s !== undefined);
  const first = signs[0];
  if (first === undefined) return "?";
  if (PICTURE.test(first)) return first;
  const last = signs.length > 1 ? signs[signs.length - 1] : undefined;
  const letters = last === undefined || PICTURE.test(last) ? [first] : [first, last];
  return letters.map((l) => l.toLocaleUpperCase()).join("");
}
