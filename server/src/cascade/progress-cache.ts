import { type ProgressRow, todayIso } from "@logic-canvas/shared";
import { TREE_CHANGED } from "./hub.ts";

/**
 * The workspace progress rows kept between requests (issue 16: a district's 10,000 rows took
 * ~290 ms to build, on every page, "Show more" and filter change). An entry is one workspace as
 * one scope sees it; its key holds everything the rows read besides the models' documents: the
 * workspace tree, the roles the person's memberships give (not who they are: two people of the
 * same roles share an entry), the models filed at or below the workspace, and the day (statuses
 * are of today). The documents are covered by the hub: a change to any model an entry read (its
 * own models and the goals they align to) drops the entry, as does any move or archiving. So a
 * person never gets rows another scope built, and never rows older than the last change heard.
 */

/**
 * Past this age an entry is answered once more and built again behind the answer, as the goal
 * index does (goal-index.ts `MAX_AGE_MS`): the safety net for a change message another process
 * never delivered. Who may see what is in the key, checked on every request, whatever the age.
 */
const MAX_AGE_MS = 60_000;
/** Scopes kept at once (a district's rows are a few megabytes); the least recently used goes. */
const MAX_ENTRIES = 16;
/** Filtered orders kept per entry: the page's filters and sorts as a person clicks through. */
const MAX_ORDERS = 12;

export interface BuiltRows {
  /** Every row, in their own order (level, school, workspace, model, lane). */
  rows: ProgressRow[];
  /** Every model the rows read: their own, and those their goals align to. */
  modelIds: ReadonlySet<string>;
}

interface Entry {
  built: BuiltRows;
  at: number;
  orders: Map<string, ProgressRow[]>;
}

export class ProgressCache {
  private readonly entries = new Map<string, Entry>();
  /** Per build in flight: the models changed while it ran (TREE_CHANGED for a move). */
  private readonly inFlight = new Set<Set<string>>();
  /** Entries past their age being built again behind the answer. */
  private readonly refreshing = new Set<string>();

  /** The hub's changes (on any process): entries that read a changed model are dropped. */
  invalidate(modelIds: readonly string[]): void {
    for (const changes of this.inFlight) for (const id of modelIds) changes.add(id);
    if (modelIds.includes(TREE_CHANGED)) {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries)
      if (modelIds.some((id) => entry.built.modelIds.has(id))) this.entries.delete(key);
  }

  /**
   * The rows of the scope `key` (see above), from the cache or built by `build`, and the rows
   * that pass a filter in its order (`orderKey` names the filter), kept too.
   */
  async rows(
    key: string,
    build: () => Promise<BuiltRows>,
  ): Promise<{
    rows: ProgressRow[];
    ordered: (orderKey: string, order: () => ProgressRow[]) => ProgressRow[];
  }> {
    const full = `${todayIso()}\n${key}`;
    let entry = this.entries.get(full);
    if (entry) {
      // Most recently used last, so the first key is the one to drop.
      this.entries.delete(full);
      this.entries.set(full, entry);
      if (Date.now() - entry.at >= MAX_AGE_MS && !this.refreshing.has(full)) {
        this.refreshing.add(full);
        void this.build(full, build)
          .catch(() => undefined)
          .finally(() => this.refreshing.delete(full));
      }
    } else entry = await this.build(full, build);
    const { orders } = entry;
    const ordered = (orderKey: string, order: () => ProgressRow[]) => {
      let rows = orders.get(orderKey);
      if (!rows) {
        rows = order();
        orders.set(orderKey, rows);
        if (orders.size > MAX_ORDERS) orders.delete(orders.keys().next().value as string);
      }
      return rows;
    };
    return { rows: entry.built.rows, ordered };
  }

  private async build(key: string, build: () => Promise<BuiltRows>): Promise<Entry> {
    const changes = new Set<string>();
    this.inFlight.add(changes);
    try {
      const built = await build();
      const entry: Entry = { built, at: Date.now(), orders: new Map() };
      // A model it read changed while it was read: answered, but not kept.
      const stale = changes.has(TREE_CHANGED) || [...changes].some((id) => built.modelIds.has(id));
      if (!stale) {
        this.entries.set(key, entry);
        if (this.entries.size > MAX_ENTRIES)
          this.entries.delete(this.entries.keys().next().value as string);
      }
      return entry;
    } finally {
      this.inFlight.delete(changes);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
