import {
  type CardFilter,
  type CardMatch,
  type Chain,
  describeFilter,
  findInOrder,
  inReadingOrder,
  isFiltering,
  type LogicEdge,
  type LogicModel,
  type LogicNode,
  NO_FILTER,
  type NodeKind,
  onChain,
  passesFilter,
  prepareSearch,
  todayIso,
  traceChain,
} from "@logic-canvas/shared";
import type { CardMarks } from "../canvas/card-marks.ts";
import { chainSummary, laneNotes, type ReadingView } from "./reading-view.ts";

/**
 * The state of the reading tools for one editor: find, trace and filter. Inputs arrive from the
 * editor (the model and the selection, after each render) and from the tools' controls; the
 * sets they produce are computed once per change here, and each card reads its own mark.
 */
export class ReadingStore implements CardMarks {
  private readonly listeners = new Set<() => void>();
  private nodes: readonly LogicNode[] = [];
  private edges: readonly LogicEdge[] = [];
  private byId = new Map<string, LogicNode>();
  private selected: readonly string[] = [];
  private findOpen = false;
  private findRequest = 0;
  private query = "";
  /** The cards find searches (those shown), in reading order: sorted once per change, not per key. */
  private searchable: LogicNode[] | null = null;
  private matches: CardMatch[] = [];
  private matchIds = new Set<string>();
  private current = -1;
  private filter: CardFilter = NO_FILTER;
  private filtered: Set<string> | null = null;
  /** Whether a card passes the filter, by card object: a drag does not re-judge 3,000 goals. */
  private passes = new WeakMap<LogicNode, boolean>();
  private passesDay = "";
  private pinned: string | null = null;
  private chain: Chain | null = null;
  private shown: Set<string> | null = null;
  private laneNotes: Partial<Record<NodeKind, string>> = {};
  private view: ReadingView = this.buildView();

  // ---- what cards, links, lanes and the canvas read (CardMarks) ----
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  cardMark = (id: string): string => {
    const found = this.matchIds.has(id);
    const current = found && this.matches[this.current]?.id === id;
    const trace = this.chain ? this.traceMark(this.chain, id) : "";
    return [found && "found", current && "current", trace].filter(Boolean).join(" ");
  };

  private traceMark(chain: Chain, id: string): string {
    if (chain.from.has(id)) return "traced";
    if (chain.upstream.has(id)) return "upstream";
    if (chain.downstream.has(id)) return "downstream";
    return "dimmed";
  }

  linkMark = (id: string): string => {
    if (!this.chain) return "";
    return this.chain.links.has(id) ? "on-chain" : "dimmed";
  };

  laneNote = (kind: NodeKind): string => this.laneNotes[kind] ?? "";
  shownCards = (): ReadonlySet<string> | null => this.shown;
  getView = (): ReadingView => this.view;

  // ---- inputs from the editor ----
  /** After each render: the model (a new object when the document changed) and the selection. */
  sync(model: LogicModel, selectedIds: readonly string[]): void {
    const modelChanged = model.nodes !== this.nodes || model.edges !== this.edges;
    const sameSelection =
      selectedIds.length === this.selected.length &&
      selectedIds.every((id, i) => this.selected[i] === id);
    if (!modelChanged && sameSelection) return;
    this.selected = [...selectedIds];
    if (modelChanged) {
      this.nodes = model.nodes;
      this.edges = model.edges;
      this.byId = new Map(model.nodes.map((n) => [n.id, n]));
      if (this.pinned && !this.byId.has(this.pinned)) this.pinned = null;
      this.filtered = this.filterNodes();
    }
    this.recompute(true);
  }

  // ---- find ----
  openFind(): void {
    this.findOpen = true;
    this.findRequest += 1;
    this.emit();
    // Fold the cards' text while the person starts typing, not on their first key.
    setTimeout(() => prepareSearch(this.nodes), 0);
  }

  closeFind(): void {
    this.findOpen = false;
    this.query = "";
    this.recompute(false);
  }

  /** Sets the query; returns the first match (to centre), if any. */
  setQuery(query: string): string | undefined {
    this.query = query;
    this.current = -1;
    this.recompute(false);
    return this.matches[this.current]?.id;
  }

  /** Moves to the next (+1) or previous (-1) match, wrapping; returns it. */
  step(delta: 1 | -1): string | undefined {
    const count = this.matches.length;
    if (count === 0) return undefined;
    this.current = (((this.current + delta) % count) + count) % count;
    this.emit();
    return this.matches[this.current]?.id;
  }

  // ---- filter ----
  setFilter(filter: CardFilter): void {
    this.filter = filter;
    this.passes = new WeakMap();
    this.filtered = this.filterNodes();
    this.recompute(true);
  }

  // ---- trace ----
  /** Draws only the chain now traced, until `showAll`. */
  showOnlyChain(): void {
    const from = this.chain ? [...this.chain.from][0] : undefined;
    if (!from) return;
    this.pinned = from;
    this.recompute(true);
  }

  showAll(): void {
    this.pinned = null;
    this.recompute(true);
  }

  // ---- derived state ----
  private filterNodes(): Set<string> | null {
    if (!isFiltering(this.filter)) return null;
    const today = todayIso();
    if (today !== this.passesDay) {
      this.passes = new WeakMap();
      this.passesDay = today;
    }
    const shown = new Set<string>();
    for (const node of this.nodes) {
      let passes = this.passes.get(node);
      if (passes === undefined) {
        passes = passesFilter(node, this.filter, today);
        this.passes.set(node, passes);
      }
      if (passes) shown.add(node.id);
    }
    return shown;
  }

  /** Recomputes the chain (when `graph` changed), what is shown, and the matches among it. */
  private recompute(graph: boolean): void {
    if (graph) {
      const single = this.selected.length === 1 ? (this.selected[0] as string) : null;
      this.chain = this.traceFrom(this.pinned ?? single);
      this.shown = this.shownSet();
      this.laneNotes = laneNotes(this.byId, this.shown);
      this.searchable = null;
    }
    const previous = this.matches[this.current]?.id;
    this.matches = this.query ? findInOrder(this.searchableCards(), this.query) : [];
    this.matchIds = new Set(this.matches.map((m) => m.id));
    const kept = previous === undefined ? -1 : this.matches.findIndex((m) => m.id === previous);
    this.current = kept >= 0 ? kept : this.matches.length > 0 ? 0 : -1;
    this.emit();
  }

  private searchableCards(): LogicNode[] {
    if (!this.searchable) {
      const shown = this.shown;
      this.searchable = inReadingOrder(
        shown ? this.nodes.filter((n) => shown.has(n.id)) : this.nodes,
      );
    }
    return this.searchable;
  }

  private traceFrom(id: string | null): Chain | null {
    if (!id || !this.byId.has(id)) return null;
    // A card without links has no chain; dimming everything else would only hide the canvas.
    const linked = this.edges.some((e) => e.source === id || e.target === id);
    if (!linked && id !== this.pinned) return null;
    return traceChain(this.edges, [id]);
  }

  /**
   * The filter's cards, narrowed to the chain while only it is shown. Selected cards always show:
   * a card just created, or picked from the Checks or Comments tab, must not vanish.
   */
  private shownSet(): Set<string> | null {
    const chain = this.pinned ? this.chain : null;
    if (!chain && !this.filtered) return null;
    const shown = new Set<string>();
    for (const node of this.nodes)
      if ((!chain || onChain(chain, node.id)) && (!this.filtered || this.filtered.has(node.id)))
        shown.add(node.id);
    for (const id of this.selected) if (this.byId.has(id)) shown.add(id);
    return shown;
  }

  private buildView(): ReadingView {
    const currentMatch = this.matches[this.current];
    return {
      findOpen: this.findOpen,
      findRequest: this.findRequest,
      query: this.query,
      matchCount: this.matches.length,
      current: this.current,
      currentMatch,
      filter: this.filter,
      filterWords: describeFilter(this.filter),
      chain: this.chain ? chainSummary(this.chain, this.byId, this.pinned) : undefined,
      hiddenCount: this.shown ? this.nodes.length - this.shown.size : 0,
      filterHidden: this.filtered ? this.nodes.length - this.filtered.size : 0,
    };
  }

  private emit(): void {
    this.view = this.buildView();
    for (const listener of this.listeners) listener();
  }
}
