import type { FinalConnectionState } from "@xyflow/react";

/** Where a pointer or touch was released. */
function releasePoint(event: MouseEvent | TouchEvent): { x: number; y: number } | undefined {
  if ("changedTouches" in event) {
    const touch = event.changedTouches[0];
    return touch && { x: touch.clientX, y: touch.clientY };
  }
  return { x: event.clientX, y: event.clientY };
}

/** The id of the card at a point of the screen, if any. */
export function cardAt(x: number, y: number): string | undefined {
  return document.elementFromPoint(x, y)?.closest<HTMLElement>(".react-flow__node")?.dataset.id;
}

/**
 * A link dropped anywhere on a card's body, not only on its small handle: React Flow connects
 * only at a handle, so the card under the release point is found here, and the caller links it through
 * the same checked connect as a handle drop (a refused one says why).
 */
export function dropTarget(
  event: MouseEvent | TouchEvent,
  state: FinalConnectionState,
): { source: string; target: string } | undefined {
  // Dropped on a handle that accepts it: React Flow has already called onConnect.
  if (state.isValid || !state.fromNode) return undefined;
  const point = releasePoint(event);
  const dropped = point && cardAt(point.x, point.y);
  // Released on the pane or back on the card it started from: the person let go, nothing to say.
  if (!dropped || dropped === state.fromNode.id) return undefined;
  const fromSource = state.fromHandle?.type !== "target";
  return fromSource
    ? { source: state.fromNode.id, target: dropped }
    : { source: dropped, target: state.fromNode.id };
}
