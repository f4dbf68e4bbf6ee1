import { isLinkExpired } from "@logic-canvas/shared";
import { ConnectionRegistry } from "../access/connection-registry.ts";
import { contextOf } from "../access/context.ts";
import { type CloseCode, isCloseCode } from "../runtime/close-reasons.ts";
import { errorText, type Logger } from "../runtime/logger.ts";
import type { Store } from "../storage/types.ts";

/** What one process tells the others: close what uses a link or a model, with a reason. */
export type ControlEvent =
  | { type: "close-link"; linkId: string; code: CloseCode }
  | { type: "close-model"; modelId: string; code: CloseCode }
  | { type: "recheck-account"; accountId: string | null }
  | { type: "cascade-changed"; modelIds: string[] }
  | { type: "inbox-changed"; personIds: string[] };

export function parseControlEvent(raw: unknown): ControlEvent | null {
  if (typeof raw !== "object" || raw === null) return null;
  const event = raw as Record<string, unknown>;
  if (
    event.type === "recheck-account" &&
    (typeof event.accountId === "string" || event.accountId === null)
  )
    return { type: "recheck-account", accountId: event.accountId };
  if (
    event.type === "cascade-changed" &&
    Array.isArray(event.modelIds) &&
    event.modelIds.every((id) => typeof id === "string")
  )
    return { type: "cascade-changed", modelIds: event.modelIds as string[] };
  if (
    event.type === "inbox-changed" &&
    Array.isArray(event.personIds) &&
    event.personIds.every((id) => typeof id === "string")
  )
    return { type: "inbox-changed", personIds: event.personIds as string[] };
  const code = event.code;
  if (typeof code !== "string" || !isCloseCode(code)) return null;
  if (event.type === "close-link" && typeof event.linkId === "string")
    return { type: "close-link", linkId: event.linkId, code };
  if (event.type === "close-model" && typeof event.modelId === "string")
    return { type: "close-model", modelId: event.modelId, code };
  return null;
}

/**
 * The connection registry of a process that shares documents with others: revoking a link or
 * deleting a model closes the connections that use it in every process, not only in the one
 * that served the API request. The event goes out over Redis; because pub/sub may drop it,
 * `revalidate` (run with every resync pass) also checks the links of live connections against
 * the store, so a missed event delays a close by one pass at most.
 */
export class ClusterRegistry extends ConnectionRegistry {
  /** Set once the persistence exists: what a model deletion elsewhere means here. */
  onModelDeleted: (modelId: string) => void = () => undefined;
  /** Set once the cascade hub exists: models whose goals changed on another process. */
  onCascadeChanged: (modelIds: string[]) => void = () => undefined;
  /** Set once the inbox hub exists: people whose inbox changed on another process. */
  onInboxChanged: (personIds: string[]) => void = () => undefined;

  constructor(
    private readonly publish: (event: ControlEvent) => void,
    private readonly logger: Logger,
  ) {
    super();
  }

  override closeLink(linkId: string, code: CloseCode = "link-revoked"): number {
    this.publish({ type: "close-link", linkId, code });
    return this.closeLinkHere(linkId, code);
  }

  override closeModel(modelId: string, code: CloseCode): number {
    this.publish({ type: "close-model", modelId, code });
    return this.closeModelHere(modelId, code);
  }

  /** Models whose goals changed here: the other processes' cascade hubs hear it. */
  cascadeChanged(modelIds: string[]): void {
    this.publish({ type: "cascade-changed", modelIds });
  }

  /** People whose inbox changed here: the other processes' streams hear it. */
  inboxChanged(personIds: string[]): void {
    this.publish({ type: "inbox-changed", personIds });
  }

  /** A person's workspace roles changed: every process re-checks their connections. */
  override async recheckAccount(accountId: string | null): Promise<number> {
    this.publish({ type: "recheck-account", accountId });
    return super.recheckAccount(accountId);
  }

  private closeLinkHere(linkId: string, code: CloseCode): number {
    return super.closeLink(linkId, code);
  }

  private closeModelHere(modelId: string, code: CloseCode): number {
    return super.closeModel(modelId, code);
  }

  /** An event from another process. */
  apply(event: ControlEvent): void {
    if (event.type === "cascade-changed") {
      this.onCascadeChanged(event.modelIds);
      return;
    }
    if (event.type === "inbox-changed") {
      this.onInboxChanged(event.personIds);
      return;
    }
    if (event.type === "recheck-account") {
      void super.recheckAccount(event.accountId);
      return;
    }
    if (event.type === "close-link") {
      this.closeLinkHere(event.linkId, event.code);
      return;
    }
    if (event.code === "model-deleted") this.onModelDeleted(event.modelId);
    this.closeModelHere(event.modelId, event.code);
  }

  /** Closes live connections whose link was revoked, whose model is gone or whose role fell. */
  async revalidate(store: Store): Promise<number> {
    const links = new Map<string, Set<string>>();
    for (const connection of this.live()) {
      const context = contextOf(connection);
      if (!context) continue;
      const set = links.get(context.modelId) ?? new Set<string>();
      if (context.linkId) set.add(context.linkId);
      links.set(context.modelId, set);
    }
    let closed = 0;
    for (const [modelId, linkIds] of links) {
      try {
        if (!(await store.getModel(modelId))) {
          this.onModelDeleted(modelId);
          closed += this.closeModelHere(modelId, "model-deleted");
          continue;
        }
        const stored = new Map((await store.listLinks(modelId)).map((l) => [l.id, l]));
        for (const linkId of linkIds) {
          const link = stored.get(linkId);
          if (!link || link.revokedAt) closed += this.closeLinkHere(linkId, "link-revoked");
          else if (isLinkExpired(link.expiresAt))
            closed += this.closeLinkHere(linkId, "link-expired");
        }
      } catch (error) {
        this.logger.warn("revalidate-failed", { model: modelId, error: errorText(error) });
      }
    }
    // A missed recheck event is caught here: every signed-in person's connections are re-checked.
    closed += await super.recheckAccount(null);
    return closed;
  }
}
