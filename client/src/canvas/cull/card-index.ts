import { CARD_HEIGHT_ESTIMATE, CARD_WIDTH, type CardNode, type LinkEdge } from "../flow-types.ts";
import { type Rect, SpatialGrid } from "./spatial-grid.ts";

/**
 * Every card and link of the model as React Flow objects, indexed by place: the cards (and the
 * links among them) near a rectangle are found without visiting the rest. `FlowView` keeps it
 * up to date one object at a time as it rebuilds them, so a remote move costs one grid update,
 * not a pass over the model. Framework-free.
 */
export class CardIndex {
  private readonly grid = new SpatialGrid();
  private readonly cards = new Map<string, CardNode>();
  private readonly links = new Map<string, LinkEdge>();
  /** Each card's links, both directions, by link id. */
  private readonly linksOf = new Map<string, Set<string>>();

  get cardCount(): number {
    return this.cards.size;
  }

  card(id: string): CardNode | undefined {
    return this.cards.get(id);
  }

  link(id: string): LinkEdge | undefined {
    return this.links.get(id);
  }

  /** The links that start or end at a card. */
  linksAt(id: string): LinkEdge[] {
    const ids = this.linksOf.get(id);
    if (!ids) return [];
    const found: LinkEdge[] = [];
    for (const linkId of ids) {
      const link = this.links.get(linkId);
      if (link) found.push(link);
    }
    return found;
  }

  setCard(node: CardNode): void {
    this.cards.set(node.id, node);
    this.grid.set(node.id, {
      x: node.position.x,
      y: node.position.y,
      width: node.measured?.width ?? CARD_WIDTH,
      height: node.measured?.height ?? CARD_HEIGHT_ESTIMATE,
    });
  }

  deleteCard(id: string): void {
    this.cards.delete(id);
    this.grid.delete(id);
  }

  setLink(edge: LinkEdge): void {
    const before = this.links.get(edge.id);
    if (before && (before.source !== edge.source || before.target !== edge.target))
      this.unlink(before);
    this.links.set(edge.id, edge);
    for (const end of [edge.source, edge.target]) {
      let set = this.linksOf.get(end);
      if (!set) {
        set = new Set();
        this.linksOf.set(end, set);
      }
      set.add(edge.id);
    }
  }

  deleteLink(id: string): void {
    const before = this.links.get(id);
    if (!before) return;
    this.unlink(before);
    this.links.delete(id);
  }

  /**
   * The cards whose box meets `rect`, the links at them, and each such link's far end (React
   * Flow draws a link only between two cards it holds), limited to `shown` when a filter is on.
   */
  near(rect: Rect, shown?: ReadonlySet<string>): { nodes: CardNode[]; edges: LinkEdge[] } {
    const ids = this.grid.query(rect);
    const nodes: CardNode[] = [];
    const edges: LinkEdge[] = [];
    const taken = new Set<string>();
    const take = (id: string) => {
      if (taken.has(id) || (shown && !shown.has(id))) return false;
      const card = this.cards.get(id);
      if (!card) return false;
      taken.add(id);
      nodes.push(card);
      return true;
    };
    for (const id of ids) take(id);
    const seenLinks = new Set<string>();
    for (const id of ids) {
      if (!taken.has(id)) continue;
      for (const link of this.linksAt(id)) {
        if (seenLinks.has(link.id)) continue;
        seenLinks.add(link.id);
        const far = link.source === id ? link.target : link.source;
        if (taken.has(far) || take(far)) edges.push(link);
      }
    }
    return { nodes, edges };
  }

  private unlink(edge: LinkEdge): void {
    for (const end of [edge.source, edge.target]) {
      const set = this.linksOf.get(end);
      set?.delete(edge.id);
      if (set?.size === 0) this.linksOf.delete(end);
    }
  }
}
