import type { CanvasSnapshot } from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { pageShown } from "../app/page-shown.ts";

/**
 * Longest wait for the first cards before the side panel's work starts anyway (an empty model,
 * or a server that is slow to answer).
 */
const FIRST_CARDS_WAIT_MS = 2000;

/**
 * True from the frame after the first cards were drawn (or the graph synced, or a short wait
 * passed): work only the side panel needs (the review document, its badges) starts then, so it
 * neither delays the canvas nor competes with the graph's sync. The page says so then too
 * (`pageShown`): the offline copy's install and the parts fetched ahead of use wait for it.
 */
export function useAfterFirstCards(hasCards: boolean, synced: boolean): boolean {
  const [after, setAfter] = useState(false);
  const ready = hasCards || synced;
  useEffect(() => {
    if (after) return;
    const timer = setTimeout(() => setAfter(true), FIRST_CARDS_WAIT_MS);
    let frame = 0;
    // Two frames: the cards are committed in one and painted before the next begins.
    if (ready)
      frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setAfter(true))));
    return () => {
      clearTimeout(timer);
      cancelAnimationFrame(frame);
    };
  }, [after, ready]);
  useEffect(() => {
    if (after) pageShown();
  }, [after]);
  return after;
}

/**
 * What the page shows of the model as a whole: the document's, or, until it has synced, the
 * canvas snapshot's title, mastery goal and numbers of cards and links (not the empty document's).
 */
export function modelFacts(
  firstLayer: CanvasSnapshot | null,
  model: { title: string; masteryGoal: string },
): { title: string; masteryGoal: string; counts?: { cards: number; links: number } } {
  if (!firstLayer) return { title: model.title, masteryGoal: model.masteryGoal };
  return {
    title: firstLayer.title,
    masteryGoal: firstLayer.masteryGoal ?? "",
    counts: { cards: firstLayer.cards.length, links: firstLayer.links.length },
  };
}
