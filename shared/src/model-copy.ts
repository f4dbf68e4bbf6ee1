import { TITLE_MAX } from "./limits.ts";

const SUFFIX = " (copy)";

/**
 * The title of a duplicated model: the original's with " (copy)", so the two are told apart in
 * the list of models. A title already at the limit loses its end, never the suffix, so the copy
 * still fits `TITLE_MAX` (cut on a code point boundary: no half emoji).
 */
export function copyTitle(title: string): string {
  const room = TITLE_MAX - SUFFIX.length;
  // The limit counts UTF-16 units (as the schema's max does); whole code points are kept.
  let kept = "";
  for (const char of title.trim()) {
    if (kept.length + char.length > room) break;
    kept += char;
  }
  kept = kept.trimEnd();
  return `${kept || "Untitled model"}${SUFFIX}`;
}
