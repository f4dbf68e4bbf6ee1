/**
 * A uniform grid over flow coordinates: which ids have a box touching a rectangle, found by
 * visiting only the cells the rectangle covers. Each id remembers its cells, so moving, adding or
 * removing one box touches only its own cells (no rebuild over every box). Framework-free; the
 * canvas culls with it (`CardIndex`), so React Flow is handed only the cards near the view.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Flow pixels per cell: about a card and a half wide, a few cards tall. */
export const CELL = 400;

type CellRange = readonly [c0: number, r0: number, c1: number, r1: number];

function rangeOf(box: Rect, cell: number): CellRange {
  return [
    Math.floor(box.x / cell),
    Math.floor(box.y / cell),
    Math.floor((box.x + Math.max(0, box.width)) / cell),
    Math.floor((box.y + Math.max(0, box.height)) / cell),
  ];
}

export class SpatialGrid {
  private readonly cells = new Map<string, Set<string>>();
  private readonly placed = new Map<string, { box: Rect; range: CellRange }>();

  constructor(private readonly cell = CELL) {}

  get size(): number {
    return this.placed.size;
  }

  has(id: string): boolean {
    return this.placed.has(id);
  }

  boxOf(id: string): Rect | undefined {
    return this.placed.get(id)?.box;
  }

  /** Places (or moves) one box; a box in the same cells only updates its rectangle. */
  set(id: string, box: Rect): void {
    const range = rangeOf(box, this.cell);
    const before = this.placed.get(id);
    if (before && sameRange(before.range, range)) {
      before.box = box;
      return;
    }
    if (before) this.unplace(id, before.range);
    this.placed.set(id, { box, range });
    forEachCell(range, (key) => {
      let set = this.cells.get(key);
      if (!set) {
        set = new Set();
        this.cells.set(key, set);
      }
      set.add(id);
    });
  }

  delete(id: string): void {
    const before = this.placed.get(id);
    if (!before) return;
    this.unplace(id, before.range);
    this.placed.delete(id);
  }

  /** Ids whose box intersects `rect` (edges touching count), each once. */
  query(rect: Rect): Set<string> {
    const found = new Set<string>();
    forEachCell(rangeOf(rect, this.cell), (key) => {
      const set = this.cells.get(key);
      if (!set) return;
      for (const id of set) {
        if (found.has(id)) continue;
        const box = this.placed.get(id)?.box;
        if (box && intersects(box, rect)) found.add(id);
      }
    });
    return found;
  }

  private unplace(id: string, range: CellRange): void {
    forEachCell(range, (key) => {
      const set = this.cells.get(key);
      set?.delete(id);
      if (set?.size === 0) this.cells.delete(key);
    });
  }
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height
  );
}

function sameRange(a: CellRange, b: CellRange): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

function forEachCell(range: CellRange, visit: (key: string) => void): void {
  const [c0, r0, c1, r1] = range;
  for (let c = c0; c <= c1; c++) for (let r = r0; r <= r1; r++) visit(`${c}:${r}`);
}
