import type { HocuspocusProvider } from "@hocuspocus/provider";
import {
  type Author,
  authorSchema,
  type CloseExplanation,
  decodeServerMessage,
  encodeClientMessage,
  explainClose,
  type ModelFile,
  modelFileOfDocs,
  REVISION_REASON,
  REVISION_REASON_REFUSED,
  REVISION_REASON_SAVED,
  type Role,
  SESSION,
  VERSIONS_CHANGED,
} from "@logic-canvas/shared";
import { IndexeddbPersistence } from "y-indexeddb";
import * as Y from "yjs";

import type { ReadMarksKeeper } from "./read-marks.ts";
import { ReviewBinding } from "./review-binding.ts";
import { RevisionWatch } from "./review-revisions.ts";
import type { CollabSession } from "./session.ts";
import { SyncFirstProvider } from "./sync-first-provider.ts";

const meKey = (modelId: string) => `logic-canvas:me:${modelId}`;

function loadMe(modelId: string): Author | null {
  try {
    const parsed = authorSchema.safeParse(
      JSON.parse(localStorage.getItem(meKey(modelId)) ?? "null"),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface ReviewConnection {
  /** True once the server (or this device's copy) delivered the review document. */
  loaded: boolean;
  synced: boolean;
  problem?: CloseExplanation;
}

/**
 * The model's review document (`<id>/review`: comments and votes), on the same WebSocket as the
 * graph (Hocuspocus multiplexes documents), kept on this device by y-indexeddb so comments
 * written offline survive a reload. The server tells each connection who it is (a stateless
 * `session` message), which is how this browser learns its public person id.
 */
export class ReviewSession {
  readonly doc = new Y.Doc();
  readonly binding: ReviewBinding;
  readonly provider: HocuspocusProvider;
  readonly revisions: RevisionWatch;
  private readonly local: IndexeddbPersistence;
  private state: ReviewConnection = { loaded: false, synced: false };
  private listeners = new Set<() => void>();
  private role: Role | null = null;
  private readonly versionListeners = new Set<() => void>();

  /** `marks` keeps what the person has read (this browser's when not given). */
  constructor(
    readonly graph: CollabSession,
    token: string,
    marks?: ReadMarksKeeper,
  ) {
    const modelId = graph.modelId;
    this.binding = new ReviewBinding(this.doc, modelId, marks);
    this.local = new IndexeddbPersistence(`logic-canvas:${modelId}:review`, this.doc);
    this.local.whenSynced.then(() => this.update({ loaded: true }));
    this.provider = new SyncFirstProvider({
      websocketProvider: graph.socket,
      name: `${modelId}/review`,
      document: this.doc,
      token,
      // Presence travels on the graph document; one awareness per person is enough.
      awareness: null,
      onSynced: () => {
        if (this.state.problem?.retry) {
          this.binding.setProblem(null);
          this.update({ problem: undefined });
        }
        this.update({ loaded: true, synced: true });
      },
      onStateless: ({ payload }) => this.onStateless(payload),
      onAuthenticationFailed: ({ reason }) => this.closedBecause(reason),
      onClose: ({ event }) => {
        if (event?.reason) this.closedBecause(event.reason);
      },
    });
    // Who this browser is was learned on an earlier visit: comments can be written offline too.
    const known = loadMe(modelId);
    if (known) {
      this.role = known.role;
      this.binding.setMe(known);
    }
    this.provider.attach();
    this.revisions = new RevisionWatch(graph.doc);
    graph.provider.on("stateless", this.onGraphNotice);
  }

  /** Called when the model's saved versions change (saved, automatic, restored), by anyone. */
  onVersionsChanged(listener: () => void): () => void {
    this.versionListeners.add(listener);
    return () => this.versionListeners.delete(listener);
  }

  private onGraphNotice = ({ payload }: { payload: string }): void => {
    if (decodeServerMessage(payload)?.type === VERSIONS_CHANGED)
      for (const l of this.versionListeners) l();
  };

  destroy(): void {
    this.graph.provider.off("stateless", this.onGraphNotice);
    this.revisions.destroy();
    this.binding.destroy();
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
  }

  /**
   * Sends "why revised" for this person's latest change of a card to the server's revision log.
   * Resolves with null once the server saved it, or with what went wrong in words.
   */
  sendRevisionReason(nodeId: string, reason: string): Promise<string | null> {
    const provider = this.graph.provider;
    return new Promise((resolve) => {
      const done = (result: string | null) => {
        clearTimeout(timer);
        provider.off("stateless", onReply);
        resolve(result);
      };
      const onReply = ({ payload }: { payload: string }) => {
        const message = decodeServerMessage(payload);
        if (message?.type === REVISION_REASON_SAVED && message.nodeId === nodeId) done(null);
        else if (
          message?.type === REVISION_REASON_REFUSED &&
          (message.nodeId === undefined || message.nodeId === nodeId)
        )
          done(message.message);
      };
      const timer = setTimeout(
        () => done("The server did not confirm the reason; check your connection and try again."),
        10_000,
      );
      provider.on("stateless", onReply);
      provider.sendStateless(encodeClientMessage({ type: REVISION_REASON, nodeId, reason }));
    });
  }

  private onStateless(payload: string): void {
    const info = decodeServerMessage(payload);
    if (info?.type !== SESSION) return;
    this.role = info.role;
    const person = info.person;
    const me: Author | null = person ? { id: person.id, name: person.name, role: this.role } : null;
    this.binding.setMe(me);
    if (me) localStorage.setItem(meKey(this.graph.modelId), JSON.stringify(me));
    this.notify();
  }

  private closedBecause(reason: string): void {
    const problem = explainClose(reason);
    if (!problem) return;
    // The refused change sits in this device's copy too; dropping it lets a reload start from
    // the server's state instead of sending the same change again.
    if (problem.code === "read-only" || problem.code === "invalid-write")
      void this.local.clearData();
    this.binding.setProblem(
      problem.code === "invalid-write"
        ? "The server refused that change to the comments (you can only change your own messages and votes). Reload to continue."
        : problem.message,
    );
    this.update({ problem });
  }

  getRole = (): Role | null => this.role;

  /**
   * The whole model as a file, from this browser's copies of both documents (so it works offline,
   * for every role): shared's `modelFileOfDocs`, which the server's export uses too. Null until
   * the comments have arrived, so an early click cannot export a model without them.
   */
  modelFile = (): ModelFile | null =>
    this.state.loaded ? modelFileOfDocs(this.graph.doc, this.doc) : null;

  private update(patch: Partial<ReviewConnection>): void {
    this.state = { ...this.state, ...patch };
    this.notify();
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getState = (): ReviewConnection => this.state;
}
