import {
  type Anchor,
  type Author,
  castVote,
  deleteMessage,
  editMessage,
  mentionsIn,
  type Review,
  readReview,
  reply,
  setThreadStatus,
  startThread,
  type Thread,
  type ThreadType,
  type Vote,
  withdrawVote,
} from "@logic-canvas/shared";
import type * as Y from "yjs";
import { BrowserReadMarks, type ReadMarksKeeper } from "./read-marks.ts";

/**
 * The review document as plain data and actions, for components (which never see Yjs). Reads go
 * through shared's `readReview`, so a malformed entry is left out rather than crashing a panel;
 * writes go through shared's mutations under this person's name, and the server checks them.
 */

export interface ThreadView extends Thread {
  /** Messages by others newer than this person last read the thread. */
  unread: number;
  /** Whether a message mentions this person by name. */
  mentionsMe: boolean;
  lastActivity: string;
}

export interface ReviewSnapshot {
  threads: ThreadView[];
  votes: Vote[];
  me: Author | null;
  /** Names that have taken part: authors and voters (present people are added by the caller). */
  participants: string[];
  /** Why the server closed the review connection, in words (a refused write, a revoked link). */
  problem: string | null;
}

const LOCAL_ORIGIN = { source: "logic-canvas-review" };

function changedAt(message: Thread["messages"][number]): string {
  return message.editedAt && message.editedAt > message.createdAt
    ? message.editedAt
    : message.createdAt;
}

export class ReviewBinding {
  private me: Author | null = null;
  private problem: string | null = null;
  private snapshot: ReviewSnapshot = {
    threads: [],
    votes: [],
    me: null,
    participants: [],
    problem: null,
  };
  private listeners = new Set<() => void>();
  private destroyed = false;
  private readonly unsubscribeMarks: () => void;

  /** `marks` keeps what this person has read: this browser's by default (see read-marks.ts). */
  constructor(
    readonly doc: Y.Doc,
    readonly modelId: string,
    private readonly marks: ReadMarksKeeper = new BrowserReadMarks(modelId),
  ) {
    doc.on("update", this.refresh);
    this.unsubscribeMarks = marks.subscribe(this.refresh);
    this.refresh();
  }

  destroy(): void {
    this.destroyed = true;
    this.doc.off("update", this.refresh);
    this.unsubscribeMarks();
    this.marks.destroy();
    this.listeners.clear();
  }

  /** Who this browser is, as the server told it (id) and the link's role. */
  setMe(me: Author | null): void {
    if (JSON.stringify(me) === JSON.stringify(this.me)) return;
    this.me = me;
    this.refresh();
  }

  setProblem(problem: string | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.refresh();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReviewSnapshot => this.snapshot;

  private refresh = (): void => {
    if (this.destroyed) return;
    const review: Review = readReview(this.doc);
    const me = this.me;
    const names = new Set<string>();
    for (const thread of review.threads)
      for (const m of thread.messages) if (!m.deleted) names.add(m.author.name);
    for (const vote of review.votes) names.add(vote.author.name);
    const participants = [...names].sort((a, b) => a.localeCompare(b));
    const read = this.marks.current();
    const threads = review.threads.map((thread): ThreadView => {
      const lastRead = Object.hasOwn(read, thread.id) ? (read[thread.id] ?? "") : "";
      let unread = 0;
      let lastActivity = thread.createdAt;
      let mentionsMe = false;
      for (const message of thread.messages) {
        const at = changedAt(message);
        if (at > lastActivity) lastActivity = at;
        if (message.deleted) continue;
        if (me && message.author.id !== me.id && at > lastRead) unread += 1;
        if (me && mentionsIn(message.text, [me.name]).length > 0) mentionsMe = true;
      }
      return { ...thread, unread, mentionsMe, lastActivity };
    });
    this.snapshot = { threads, votes: review.votes, me, participants, problem: this.problem };
    for (const listener of this.listeners) listener();
  };

  private author(): Author {
    if (!this.me)
      throw new Error("Choose a display name and reconnect before commenting or voting.");
    return this.me;
  }

  /**
   * Remembers that the person has seen the thread as it is now (in this browser, or on the server
   * for a signed-in person). What is kept is the thread's newest message time (the writers'
   * clocks), not this machine's clock, so a clock running behind elsewhere cannot hide a message
   * written after the thread was read.
   */
  markRead(threadId: string): void {
    const thread = this.snapshot.threads.find((t) => t.id === threadId);
    if (!thread || thread.unread === 0) return;
    this.remember(threadId, thread.lastActivity);
  }

  private remember(threadId: string, at: string): void {
    this.marks.remember(threadId, at);
    this.refresh();
  }

  startThread(anchor: Anchor, type: ThreadType, text: string): string {
    const id = startThread(this.doc, { anchor, type, text, author: this.author() }, LOCAL_ORIGIN);
    this.markOwn(id);
    return id;
  }

  reply(threadId: string, text: string): void {
    reply(this.doc, threadId, text, this.author(), LOCAL_ORIGIN);
    this.markOwn(threadId);
  }

  edit(threadId: string, messageId: string, text: string): void {
    editMessage(this.doc, threadId, messageId, text, this.author(), LOCAL_ORIGIN);
  }

  remove(threadId: string, messageId: string): void {
    deleteMessage(this.doc, threadId, messageId, this.author(), LOCAL_ORIGIN);
  }

  setStatus(threadId: string, status: "open" | "resolved"): void {
    setThreadStatus(this.doc, threadId, status, this.author(), LOCAL_ORIGIN);
  }

  vote(target: string, level: number, note?: string): void {
    const trimmed = note?.trim();
    castVote(
      this.doc,
      { target, level, ...(trimmed ? { note: trimmed } : {}), author: this.author() },
      LOCAL_ORIGIN,
    );
  }

  withdrawVote(target: string): void {
    withdrawVote(this.doc, target, this.author(), LOCAL_ORIGIN);
  }

  // What one writes oneself is read.
  private markOwn(threadId: string): void {
    const thread = this.snapshot.threads.find((t) => t.id === threadId);
    if (thread) this.remember(threadId, thread.lastActivity);
  }
}
