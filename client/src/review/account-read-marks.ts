import {
  mergeReadMarks,
  type ReadMarks,
  type ReadState,
  readStatePath,
} from "@logic-canvas/shared";
import { requestJson } from "../app/json-api.ts";
import type { ReadMarksKeeper } from "../collab/read-marks.ts";

/**
 * A signed-in person's unread markers, kept by the server so they follow the person to every
 * device (`GET` / `PUT …/read-state`). Marks are shown at once and sent behind; what cannot be
 * sent (offline, a failed request) waits and goes with the next mark or when the network is
 * back. The server's marks are read when the model opens and whenever the page comes back into
 * view, so a thread read on another device stops counting as unread here too.
 */
export class AccountReadMarks implements ReadMarksKeeper {
  private marks: ReadMarks = {};
  private pending: ReadMarks = {};
  private sending = false;
  private destroyed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly modelId: string,
    private readonly linkToken: string,
  ) {
    window.addEventListener("online", this.flush);
    document.addEventListener("visibilitychange", this.onVisible);
    void this.load();
  }

  current(): ReadMarks {
    return this.marks;
  }

  remember(threadId: string, at: string): void {
    const mark = Object.fromEntries([[threadId, at]]);
    this.marks = mergeReadMarks(this.marks, mark);
    this.pending = mergeReadMarks(this.pending, mark);
    void this.flush();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener("online", this.flush);
    document.removeEventListener("visibilitychange", this.onVisible);
    this.listeners.clear();
  }

  private request(body?: ReadState): Promise<ReadState> {
    return requestJson<ReadState>(readStatePath(this.modelId), {
      ...(body ? { method: "PUT", body } : {}),
      headers: { authorization: `Bearer ${this.linkToken}` },
    });
  }

  private receive(state: ReadState): void {
    if (this.destroyed) return;
    this.marks = mergeReadMarks(this.marks, state.threads);
    for (const listener of this.listeners) listener();
  }

  private async load(): Promise<void> {
    try {
      this.receive(await this.request());
    } catch {
      // Offline or refused: the marks of this visit still count, and go out with the next one.
    }
    await this.flush();
  }

  private onVisible = (): void => {
    if (document.visibilityState === "visible") void this.load();
  };

  private flush = async (): Promise<void> => {
    if (this.sending || this.destroyed || Object.keys(this.pending).length === 0) return;
    this.sending = true;
    const sent = this.pending;
    this.pending = {};
    try {
      this.receive(await this.request({ threads: sent }));
    } catch {
      this.pending = mergeReadMarks(sent, this.pending);
      return;
    } finally {
      this.sending = false;
    }
    // Marks made while this request was out.
    await this.flush();
  };
}
