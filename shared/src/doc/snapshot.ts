import * as Y from "yjs";
import type { SnapshotCard, SnapshotLink } from "../canvas-snapshot.ts";
import { NODE_KINDS } from "../kinds.ts";
import { NOTES_MAX, TITLE_MAX } from "../limits.ts";
import { ID_PATTERN } from "../scalars.ts";
import { edgesMap, metaMap, nodesMap } from "./layout.ts";
import { UNTITLED } from "./read.ts";

const KINDS: ReadonlySet<unknown> = new Set(NODE_KINDS);

function finite(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * The cards and links of a graph document for the canvas's first layer (`canvas-snapshot.ts`):
 * only the fields a card's frame shows, read straight from the maps (no schema pass over every
 * field), so it costs a fraction of `readModel`. An entry a reader could not draw (no kind, no
 * title, a bad id) is left out, as `readModel` leaves it out; the live cards replace these anyway.
 */
export function readCanvasSnapshot(doc: Y.Doc): {
  title: string;
  masteryGoal: string;
  cards: SnapshotCard[];
  links: SnapshotLink[];
} {
  const cards: SnapshotCard[] = [];
  const ids = new Set<string>();
  for (const [id, map] of nodesMap(doc)) {
    if (!(map instanceof Y.Map) || !ID_PATTERN.test(id)) continue;
    const kind = map.get("kind");
    const title = map.get("title");
    if (!KINDS.has(kind) || typeof title !== "string") continue;
    const position = map.get("position") as { x?: unknown; y?: unknown } | undefined;
    cards.push([id, kind as SnapshotCard[1], finite(position?.x), finite(position?.y), title]);
    ids.add(id);
  }
  const links: SnapshotLink[] = [];
  for (const [id, map] of edgesMap(doc)) {
    if (!(map instanceof Y.Map) || !ID_PATTERN.test(id)) continue;
    const source = map.get("source");
    const target = map.get("target");
    // As the canvas draws them: a link whose card is gone is not drawn.
    if (typeof source !== "string" || typeof target !== "string") continue;
    if (ids.has(source) && ids.has(target)) links.push([id, source, target]);
  }
  const title = metaMap(doc).get("title");
  const masteryGoal = metaMap(doc).get("masteryGoal");
  return {
    title: typeof title === "string" && title.trim() !== "" ? title.slice(0, TITLE_MAX) : UNTITLED,
    masteryGoal: typeof masteryGoal === "string" ? masteryGoal.slice(0, NOTES_MAX) : "",
    cards,
    links,
  };
}
