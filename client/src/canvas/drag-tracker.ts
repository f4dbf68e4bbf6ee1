import { canChangeKind, type LogicModel, laneX, type NodeKind } from "@logic-canvas/shared";
import type { XYPosition } from "@xyflow/react";
import { CARD_WIDTH, DRAG_WRITE_INTERVAL_MS, laneAt } from "./flow-types.ts";

type Move = { id: string; position: XYPosition };

/**
 * Local state of a drag: where each dragged card is on screen (every frame) and where it
 * started. Writes to the document go through `write`, at most once per interval.
 */
export class DragTracker {
  private current = new Map<string, XYPosition>();
  private start = new Map<string, XYPosition>();
  private lastWrite = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly write: (moves: Move[]) => void,
    private readonly interval = DRAG_WRITE_INTERVAL_MS,
  ) {}

  positionOf(id: string): XYPosition | undefined {
    return this.current.get(id);
  }
  has(id: string): boolean {
    return this.current.has(id);
  }
  get active(): boolean {
    return this.start.size > 0;
  }
  forget(id: string): void {
    this.current.delete(id);
    this.start.delete(id);
  }

  /** Records one card's move; `startedAt` is its position before the drag. */
  move(id: string, position: XYPosition | undefined, startedAt: XYPosition): void {
    if (!this.start.has(id)) this.start.set(id, startedAt);
    if (position) this.current.set(id, { ...position });
  }

  /** Writes now if the interval has passed, else once it has. */
  schedule(): void {
    const wait = this.interval - (Date.now() - this.lastWrite);
    if (wait <= 0) this.flush();
    else if (!this.timer) this.timer = setTimeout(() => this.flush(), wait);
  }

  private flush(): void {
    this.cancel();
    this.lastWrite = Date.now();
    const moves = [...this.current].map(([id, position]) => ({ id, position }));
    if (moves.length) this.write(moves);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Ends the drag and returns each card's drop and start positions. */
  finish(): { id: string; position: XYPosition; start: XYPosition }[] {
    this.cancel();
    const drops = [...this.current].map(([id, position]) => ({
      id,
      position,
      start: this.start.get(id) ?? position,
    }));
    this.current.clear();
    this.start.clear();
    return drops;
  }
}

/**
 * Where dropped cards go: into the lane under their centre, which changes their kind when
 * `canChangeKind` allows it; otherwise back where they started, with the reason.
 */
export function planDrop(
  model: LogicModel,
  drops: { id: string; position: XYPosition; start: XYPosition }[],
  widthOf: (id: string) => number | undefined,
): { moves: Move[]; kindChanges: { id: string; kind: NodeKind }[]; refusals: string[] } {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const moves: Move[] = [];
  const kindChanges: { id: string; kind: NodeKind }[] = [];
  const refusals: string[] = [];
  for (const { id, position, start } of drops) {
    const node = byId.get(id);
    if (!node) continue;
    const lane = laneAt(position.x + (widthOf(id) ?? CARD_WIDTH) / 2);
    const check = lane === node.kind ? { ok: true as const } : canChangeKind(model, id, lane);
    if (check.ok) {
      moves.push({ id, position: { x: laneX(lane), y: Math.round(position.y) } });
      if (lane !== node.kind) kindChanges.push({ id, kind: lane });
    } else {
      refusals.push(check.message);
      moves.push({ id, position: start });
    }
  }
  return { moves, kindChanges, refusals };
}
