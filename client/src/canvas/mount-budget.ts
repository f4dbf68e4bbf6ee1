import { useEffect, useState } from "react";

/**
 * At most this many cards render their full body (handles, editable title, badges, a goal's
 * progress) in one frame. Panning into an area not drawn yet, or zooming back in from the
 * overview, brings dozens of cards at once; each shows its frame and title at once and fills in
 * over the next frames, so no frame pays for them all.
 */
export const CARDS_PER_FRAME = 40;

let grantedThisFrame = 0;
let frameRequested = false;
const waiting = new Set<() => void>();

function nextFrame(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    grantedThisFrame = 0;
    for (const grant of waiting) {
      if (grantedThisFrame >= CARDS_PER_FRAME) break;
      waiting.delete(grant);
      grantedThisFrame += 1;
      grant();
    }
    if (waiting.size > 0) nextFrame();
  });
}

/** Takes a place in this frame's budget if one is left. */
function takeNow(): boolean {
  if (grantedThisFrame >= CARDS_PER_FRAME) return false;
  grantedThisFrame += 1;
  nextFrame();
  return true;
}

/** True once this card may render its full body: at once while the frame's budget lasts. */
export function useMountBudget(): boolean {
  const [ready, setReady] = useState(takeNow);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const grant = () => {
      if (live) setReady(true);
    };
    waiting.add(grant);
    nextFrame();
    return () => {
      live = false;
      waiting.delete(grant);
    };
  }, [ready]);
  return ready;
}
