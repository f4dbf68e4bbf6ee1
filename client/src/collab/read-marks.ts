import type { ReadMarks } from "@logic-canvas/shared";

/**
 * Where a person's unread markers live (shared/src/read-state.ts: per thread, the newest message
 * time they have seen). The review binding reads and writes them through this, never knowing
 * where they are kept: in this browser for link-only people, on the server for signed-in ones.
 */
export interface ReadMarksKeeper {
  /** The marks known now. */
  current(): ReadMarks;
  /** The thread has been read up to `at` (its newest message time). */
  remember(threadId: string, at: string): void;
  /** Called when marks change by themselves (the server answered); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

function storageKey(modelId: string): string {
  return `logic-canvas:read:${modelId}`;
}

function loadBrowserMarks(modelId: string): ReadMarks {
  try {
    const value = JSON.parse(localStorage.getItem(storageKey(modelId)) ?? "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

/** A person without an account: the marks are this browser's, in localStorage, per model. */
export class BrowserReadMarks implements ReadMarksKeeper {
  private marks: ReadMarks;

  constructor(private readonly modelId: string) {
    this.marks = loadBrowserMarks(modelId);
  }

  current(): ReadMarks {
    return this.marks;
  }

  remember(threadId: string, at: string): void {
    // Read again first: another tab of this browser may have read other threads meanwhile.
    this.marks = { ...loadBrowserMarks(this.modelId), [threadId]: at };
    localStorage.setItem(storageKey(this.modelId), JSON.stringify(this.marks));
  }

  subscribe(): () => void {
    return () => {};
  }

  destroy(): void {}
}
