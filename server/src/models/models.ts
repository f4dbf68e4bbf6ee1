import type { Hocuspocus } from "@hocuspocus/server";
import type { Role } from "@logic-canvas/shared";
import {
  edgesMap,
  type LogicModel,
  loadCafes,
  loadModel,
  loadReview,
  type ModelFileExtensions,
  nodesMap,
  type Review,
  readModel,
  replaceCheckIns,
  replaceModel,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import type { ConnectionRegistry } from "../access/connection-registry.ts";
import type { Person } from "../access/identity.ts";
import { hashToken, newLinkId, newModelId, newToken } from "../access/tokens.ts";
import { graphDocName, reviewDocName } from "../documents/doc-names.ts";
import { applyStored, type DocumentPersistence } from "../documents/persistence.ts";
import { CloseError } from "../runtime/close-reasons.ts";
import type { LinkRecord, Store } from "../storage/types.ts";

export const LINK_ROLES: readonly Role[] = ["owner", "editor", "commenter", "viewer"];

export class ModelUnavailableError extends Error {}

/**
 * The context of a server-side change (the origin's `context` of its transaction), so the revision
 * log can say who made it and how.
 */
export interface ServerChangeContext {
  source: "api" | "restore" | "cafe";
  role: Role;
  person: Person | null;
  /** For an accepted World Café proposal: its theme, the "why" the revision log keeps. */
  reason?: string;
  /** For a restore: the version restored. */
  version?: { id: string; label: string };
}

/** The model operations behind the HTTP API, on top of the store and the live documents. */
export class ModelService {
  /**
   * Told of each model created here with its graph document as stored (the canvas snapshot's
   * cache reads it then: http/canvas-snapshots.ts), before the document is let go.
   */
  onGraphCreated: ((modelId: string, graph: Y.Doc) => void) | undefined;

  constructor(
    private readonly store: Store,
    private readonly hocuspocus: Hocuspocus,
    private readonly persistence: DocumentPersistence,
    private readonly registry: ConnectionRegistry,
  ) {}

  /**
   * Creates a model with one link per role; returns their tokens (kept, see `LinkRecord.token`). A file's
   * check-in dates go into the graph document, its comments and votes into the review document.
   */
  async create(
    model: LogicModel,
    extras: ModelFileExtensions = {},
    workspaceId: string | null = null,
  ): Promise<{ id: string; title: string; tokens: Record<Role, string> }> {
    const id = newModelId();
    const now = new Date().toISOString();
    const graph = new Y.Doc();
    loadModel(graph, model, "create");
    if (extras.checkIns?.length) replaceCheckIns(graph, extras.checkIns, "create");
    const snapshot = Y.encodeStateAsUpdate(graph);
    const reviewDoc = new Y.Doc();
    if (extras.review) loadReview(reviewDoc, extras.review, "create");
    if (extras.cafes) loadCafes(reviewDoc, extras.cafes, "create");
    const reviewSnapshot = Y.encodeStateAsUpdate(reviewDoc);
    reviewDoc.destroy();
    const tokens = {} as Record<Role, string>;
    const links: LinkRecord[] = LINK_ROLES.map((role) => {
      const token = newToken();
      tokens[role] = token;
      return {
        id: newLinkId(),
        modelId: id,
        role,
        tokenHash: hashToken(token),
        token,
        label: null,
        createdAt: now,
        expiresAt: null,
        revokedAt: null,
      };
    });
    await this.store.createModel({
      model: { id, title: model.title, createdAt: now, updatedAt: now, workspaceId },
      documents: [
        { name: graphDocName(id), snapshot },
        { name: reviewDocName(id), snapshot: reviewSnapshot },
      ],
      links,
    });
    this.graphCreated(id, graph);
    return { id, title: model.title, tokens };
  }

  /** The new model's graph document, read by whoever listens, then let go. */
  private graphCreated(modelId: string, graph: Y.Doc): void {
    try {
      this.onGraphCreated?.(modelId, graph);
    } catch {
      // What is read from a new document is a cache (the canvas snapshot): the model stands.
    } finally {
      graph.destroy();
    }
  }

  async createLink(
    modelId: string,
    role: Role,
    options: { label?: string | undefined; expiresAt?: string | null | undefined } = {},
  ): Promise<{ link: LinkRecord; token: string }> {
    const token = newToken();
    const link: LinkRecord = {
      id: newLinkId(),
      modelId,
      role,
      tokenHash: hashToken(token),
      token,
      label: options.label ?? null,
      createdAt: new Date().toISOString(),
      // Stored in one spelling (UTC, with milliseconds) so stores compare it as text alike.
      expiresAt: options.expiresAt ? new Date(options.expiresAt).toISOString() : null,
      revokedAt: null,
    };
    await this.store.createLink(link);
    return { link, token };
  }

  /** Revokes a link and closes every connection that used it. */
  async revokeLink(modelId: string, linkId: string): Promise<LinkRecord | undefined> {
    const link = await this.store.revokeLink(modelId, linkId, new Date().toISOString());
    if (link) this.registry.closeLink(link.id);
    return link;
  }

  /** Reads the graph: the live document when loaded, else a fresh copy from the store. */
  async readGraph(
    modelId: string,
  ): Promise<{ model: LogicModel; nodeCount: number; edgeCount: number; updatedAt: string }> {
    const name = graphDocName(modelId);
    const stored = await this.store.loadDocument(name);
    if (!stored) throw new ModelUnavailableError(`model ${modelId} has no graph document`);
    const live = this.hocuspocus.documents.get(name);
    const read = (doc: Y.Doc) => ({
      model: readModel(doc),
      nodeCount: nodesMap(doc).size,
      edgeCount: edgesMap(doc).size,
      updatedAt: stored.updatedAt,
    });
    if (live && !live.isLoading) return read(live);
    const doc = new Y.Doc();
    try {
      applyStored(doc, stored);
      return read(doc);
    } catch (error) {
      throw new ModelUnavailableError(`model ${modelId} could not be read: ${String(error)}`);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Replaces the graph as one forward change, seen live by connected clients; durable on return.
   * Comments and votes are never replaced, unless the review document cannot be loaded at all:
   * then it gets `review` (a restored version's comments; none for an import), or it could never
   * be opened again.
   */
  async replaceContent(
    modelId: string,
    model: LogicModel,
    change: Omit<ServerChangeContext, "source"> & { source?: ServerChangeContext["source"] },
    checkIns?: readonly string[],
    review?: Review,
  ): Promise<void> {
    await this.replaceGraph(modelId, model, change, checkIns);
    await this.recoverReview(modelId, review ?? { threads: [], votes: [] });
  }

  private async replaceGraph(
    modelId: string,
    model: LogicModel,
    change: Omit<ServerChangeContext, "source"> & { source?: ServerChangeContext["source"] },
    checkIns?: readonly string[],
  ): Promise<void> {
    const name = graphDocName(modelId);
    const context: ServerChangeContext = { source: "api", ...change };
    const write = (doc: Y.Doc) => {
      replaceModel(doc, model, context.source);
      if (checkIns) replaceCheckIns(doc, checkIns, context.source);
    };
    let connection: Awaited<ReturnType<Hocuspocus["openDirectConnection"]>>;
    try {
      connection = await this.hocuspocus.openDirectConnection(name, context);
    } catch (error) {
      // The stored document is refused on load: the new content is how its owner recovers it,
      // so it goes straight to the store, and the next open loads it.
      if (!(error instanceof CloseError && error.closeCode === "document-unreadable")) throw error;
      await this.persistence.overwriteStored(name, write);
      await this.store.updateModelTitle(modelId, model.title, new Date().toISOString());
      return;
    }
    try {
      await connection.transact(write);
      await this.persistence.flush(name);
    } finally {
      await connection.disconnect();
    }
  }

  /** Opening the review document is the test of whether it loads (the same path every page takes). */
  private async recoverReview(modelId: string, review: Review): Promise<void> {
    const name = reviewDocName(modelId);
    if (this.hocuspocus.documents.has(name)) return;
    try {
      const connection = await this.hocuspocus.openDirectConnection(name, { source: "api" });
      await connection.disconnect();
    } catch (error) {
      if (!(error instanceof CloseError && error.closeCode === "document-unreadable")) throw error;
      await this.persistence.overwriteStored(name, (doc) => loadReview(doc, review, "api"));
    }
  }

  /** Deletes the model: no new connection or write gets in, live ones are closed with a reason. */
  async delete(modelId: string): Promise<boolean> {
    this.persistence.markModelDeleted(modelId);
    this.registry.closeModel(modelId, "model-deleted");
    // Appends already in flight may fail now that the model is going; nothing is left to keep.
    await this.persistence.flush(graphDocName(modelId)).catch(() => undefined);
    await this.persistence.flush(reviewDocName(modelId)).catch(() => undefined);
    return this.store.deleteModel(modelId);
  }
}
