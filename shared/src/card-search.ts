import { columnOf } from "./kinds.ts";
import type { LogicNode } from "./schema.ts";

/**
 * Find on the canvas: which cards a query matches, in reading order. Matching ignores case and
 * accents, so "eleves" finds "Élèves" and "garcia" finds "García": school teams type names and
 * words in Spanish and French on keyboards that make accents slow to type.
 */

/** The parts of a card that find reads, in the order a match is reported. */
export const SEARCHED_FIELDS = ["title", "notes", "indicator"] as const;
export type SearchedField = (typeof SEARCHED_FIELDS)[number];

export interface CardMatch {
  id: string;
  /** The first field holding the query's first word: shown as "in notes" beside the count. */
  field: SearchedField;
}

/**
 * Text as find compares it: decomposed (NFD) so that accents become separate marks, the marks
 * dropped, lower-cased, runs of white space made one space.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** The words of a query, folded; empty when the query is blank. */
export function searchTerms(query: string): string[] {
  const folded = foldForSearch(query);
  return folded === "" ? [] : folded.split(" ");
}

type Folded = Record<SearchedField, string>;

// Cards are immutable values (a change makes a new object), so a card's folded text is computed
// once and reused for every keystroke: find re-reads 5,000 cards per key without re-folding them.
const foldedCache = new WeakMap<LogicNode, Folded>();

function foldedFields(node: LogicNode): Folded {
  let folded = foldedCache.get(node);
  if (!folded) {
    folded = {
      title: foldForSearch(node.title),
      notes: foldForSearch(node.notes ?? ""),
      indicator: foldForSearch(node.smart?.indicator ?? ""),
    };
    foldedCache.set(node, folded);
  }
  return folded;
}

/**
 * The field where a card matches, or undefined. Every word of the query must appear somewhere in
 * the card (title, notes or indicator), each as part of a word or a whole one; a blank query
 * matches nothing.
 */
export function matchCard(node: LogicNode, terms: readonly string[]): SearchedField | undefined {
  const first = terms[0];
  if (first === undefined) return undefined;
  const fields = foldedFields(node);
  const all = `${fields.title}\n${fields.notes}\n${fields.indicator}`;
  if (!terms.every((term) => all.includes(term))) return undefined;
  return SEARCHED_FIELDS.find((field) => fields[field].includes(first)) ?? "title";
}

/** Folds every card's text ahead of the first query, so that the first keystroke is as quick as the next. */
export function prepareSearch(nodes: readonly LogicNode[]): void {
  for (const node of nodes) foldedFields(node);
}

/** Reading order on the canvas: lane by lane, left to right, then top to bottom within a lane. */
function readingOrder(a: LogicNode, b: LogicNode): number {
  return (
    columnOf(a.kind) - columnOf(b.kind) ||
    (a.position?.y ?? 0) - (b.position?.y ?? 0) ||
    (a.position?.x ?? 0) - (b.position?.x ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** The cards in reading order, once per model, for `findInOrder` to keep between keystrokes. */
export function inReadingOrder(nodes: readonly LogicNode[]): LogicNode[] {
  return [...nodes].sort(readingOrder);
}

/** Every card the query matches among cards already in reading order, in that order. */
export function findInOrder(ordered: readonly LogicNode[], query: string): CardMatch[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const found: CardMatch[] = [];
  for (const node of ordered) {
    const field = matchCard(node, terms);
    if (field) found.push({ id: node.id, field });
  }
  return found;
}

/** Every card the query matches, in reading order (what Enter steps through). */
export function findCards(nodes: readonly LogicNode[], query: string): CardMatch[] {
  return findInOrder(inReadingOrder(nodes), query);
}
