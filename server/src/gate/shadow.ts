import * as Y from "yjs";
import type { ConnectionContext } from "../access/context.ts";

// biome-ignore lint/suspicious/noExplicitAny: Yjs types a type by its event; the gate handles any type.
export type AnyType = Y.AbstractType<any>;

/** What one incoming update changed, as Yjs reports it for the transaction that applied it. */
export type Changes = Map<AnyType, Set<string | null>>;

/**
 * Live updates kept for a shadow before it is dropped instead (and built again from the live
 * document when a write is next tried): a drag of a few minutes, a few hundred bytes each.
 */
const MAX_BEHIND = 1000;

/**
 * Refusal for an update that depends on changes the server has not seen. Yjs would keep it
 * "pending" and re-merge the whole pending set on every later update (a cheap way to stall the
 * server); a real provider sends those dependencies in its sync step, so the client is told to
 * reconnect and resync instead.
 */
export const OUT_OF_SYNC = "the change depends on changes the server has not received";

/** Write rules of one kind of document. */
export interface DocValidator {
  /**
   * Defines the document's root types on a fresh shadow. Yjs replaces an undefined root type
   * object when it is first defined, so this must run before any update is applied.
   */
  define(doc: Y.Doc): void;
  /**
   * Whether an update provably keeps the document within its rules without trying it (judged
   * against the live document and whatever the shadow knows beyond it); such an update skips the
   * shadow until the next write that is tried.
   */
  harmless?(update: Uint8Array, live: Y.Doc, shadow: Y.Doc | null): boolean;
  /** Called right before an incoming update is applied to the shadow. */
  begin?(shadow: Y.Doc, update: Uint8Array): void;
  /**
   * Given the shadow after the update, what changed and who wrote it, why the update must be
   * refused, or null.
   */
  check(shadow: Y.Doc, changes: Changes, writer: ConnectionContext): string | null;
}

/**
 * A copy of a live document that an incoming update is tried on before the live document sees
 * it. The live document's own updates are applied here too (applying an update twice is a no-op
 * in Yjs), so the shadow is the live state plus updates accepted but not yet applied live. Built
 * lazily on the first write, so read-only audiences never pay for it; the live updates are
 * applied lazily too, all in one transaction when the next write is tried, and past
 * `MAX_BEHIND` of them the shadow is dropped instead (a run of moves that never needed it).
 */
export class ShadowDoc {
  private shadow: Y.Doc | null = null;
  /** Live updates not yet applied to the shadow, in the order the live document applied them. */
  private behind: Uint8Array[] = [];
  /** Changes whenever the shadow is rebuilt, so callers can tell which incarnation saw what. */
  generation = 0;
  private collecting = false;
  private changes: Changes | null = null;

  constructor(private readonly live: Y.Doc) {}

  /** Mirrors a live update (any origin), applied before the next write is tried. */
  mirror(update: Uint8Array): void {
    if (!this.shadow) return;
    if (this.behind.length >= MAX_BEHIND) this.rebuild();
    else this.behind.push(update);
  }

  /** Whether `validate` lets `update` through untried (see `DocValidator.harmless`). */
  isHarmless(update: Uint8Array, validate: DocValidator): boolean {
    return validate.harmless?.(update, this.live, this.shadow) ?? false;
  }

  /** Applies `update` to the shadow and validates it; on refusal the shadow is rebuilt. */
  tryUpdate(update: Uint8Array, validate: DocValidator, writer: ConnectionContext): string | null {
    const shadow = this.ensure(validate);
    let refusal: string | null;
    this.changes = null;
    this.collecting = true;
    try {
      validate.begin?.(shadow, update);
      Y.applyUpdate(shadow, update);
      const pending = shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null;
      refusal = pending ? OUT_OF_SYNC : validate.check(shadow, this.changes ?? new Map(), writer);
    } catch (error) {
      refusal = `the update could not be read (${error instanceof Error ? error.message : String(error)})`;
    } finally {
      this.collecting = false;
      this.changes = null;
    }
    if (refusal !== null) this.rebuild();
    return refusal;
  }

  /** The shadow as the last tried write left it (null before the first write or after a rebuild). */
  current(): Y.Doc | null {
    return this.shadow;
  }

  /** Drops whatever the shadow holds beyond the live state (a refused or unstored update). */
  rebuild(): void {
    this.shadow?.destroy();
    this.shadow = null;
    this.behind = [];
    this.generation += 1;
  }

  /**
   * What the transactions of the update being tried changed. One update is one transaction, whose
   * own record is used as it is; a second one (should there be) is merged into a copy.
   */
  private collect(tr: Y.Transaction): void {
    if (!this.collecting) return;
    if (this.changes === null) {
      this.changes = tr.changed as Changes;
      return;
    }
    const merged: Changes = new Map();
    for (const record of [this.changes, tr.changed as Changes])
      for (const [type, keys] of record) {
        const into = merged.get(type);
        if (into) for (const key of keys) into.add(key);
        else merged.set(type, new Set(keys));
      }
    this.changes = merged;
  }

  private ensure(validator: DocValidator): Y.Doc {
    if (!this.shadow) {
      this.shadow = new Y.Doc();
      this.shadow.on("afterTransaction", (tr: Y.Transaction) => this.collect(tr));
      validator.define(this.shadow);
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.live));
    } else if (this.behind.length > 0) {
      const shadow = this.shadow;
      const behind = this.behind;
      this.behind = [];
      try {
        shadow.transact(() => {
          for (const update of behind) Y.applyUpdate(shadow, update);
        });
      } catch {
        // The live document applied them; a shadow that cannot is built again from it.
        this.rebuild();
        return this.ensure(validator);
      }
    }
    return this.shadow;
  }

  destroy(): void {
    this.rebuild();
  }
}
