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

/**
 * A copy's content without its goals' alignments. A copy starts outside every workspace, where
 * no alignment can lead anywhere, and it is the copier's, who may not see the goals the
 * original aligned to: copied, each would be a broken alignment that nobody checked. Dropped,
 * and counted so the person is told.
 */
export function withoutAlignments<N extends { alignsTo?: unknown[] }>(
  nodes: readonly N[],
): { nodes: N[]; dropped: number } {
  let dropped = 0;
  const out = nodes.map((node) => {
    if (!node.alignsTo) return node;
    dropped += node.alignsTo.length;
    const { alignsTo: _, ...rest } = node;
    return rest as N;
  });
  return { nodes: out, dropped };
}

/** What the person reads after a copy whose alignments were dropped (empty when none were). */
export function droppedAlignmentsText(dropped: number): string {
  if (dropped === 0) return "";
  const what =
    dropped === 1
      ? "one alignment to a goal above was"
      : `${dropped} alignments to goals above were`;
  return `The copy is in no workspace, so ${what} left out of it; the original keeps ${dropped === 1 ? "it" : "them"}. Align the copy's goals again once it is placed.`;
}
