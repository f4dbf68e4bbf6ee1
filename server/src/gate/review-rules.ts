import {
  type Author,
  type ReviewSnapshot,
  readThreadEntry,
  readVoteEntry,
  reviewChanges,
  reviewWriteViolations,
  type ThreadEntry,
  threadsMap,
  type VoteEntry,
  votesMap,
} from "@logic-canvas/shared";
import type * as Y from "yjs";
import type { ConnectionContext } from "../access/context.ts";
import type { Changes, DocValidator } from "./shadow.ts";

/**
 * Write validation of the review document: every entry a write touches is read with shared's
 * readers (field table in shared/src/review/fields.ts), Yjs structure included, and judged by
 * `reviewWriteViolations`. Checking the whole document on every write would cost its size;
 * instead each shadow keeps the read entry of every thread and vote, kept current by its own
 * transactions (so the entry counts behind the caps are a Map's size), and a write is judged on
 * the entries it touched, with their values from just before it.
 */

interface ReviewCache {
  threads: Map<string, ThreadEntry>;
  votes: Map<string, VoteEntry>;
  /** Entries the incoming update touched, as they were before it (undefined = absent). */
  beforeThreads: Map<string, ThreadEntry | undefined>;
  beforeVotes: Map<string, VoteEntry | undefined>;
  /** Whether the incoming update wrote outside `threads` and `votes`. */
  foreign: boolean;
}

const caches = new WeakMap<Y.Doc, ReviewCache>();

/** Per touched thread: the message ids written, or null when the whole thread must be read. */
type Touched = Map<string, Set<string> | null>;

function touchThread(touched: Touched, key: string, messageIds: Iterable<string> | null): void {
  const known = touched.get(key);
  if (known === null) return;
  if (messageIds === null) touched.set(key, null);
  else touched.set(key, new Set([...(known ?? []), ...messageIds]));
}

/** Where a change below `threads` landed: a thread's own fields, its messages, or elsewhere. */
function touchBelow(touched: Touched, path: string[], keys: ReadonlySet<string | null>): void {
  const [thread, field, messageId] = path as [string, string | undefined, string | undefined];
  if (field === undefined) {
    touchThread(touched, thread, keys.has("messages") ? null : []);
  } else if (field === "messages" && messageId === undefined) {
    touchThread(
      touched,
      thread,
      [...keys].filter((k): k is string => k !== null),
    );
  } else if (field === "messages" && messageId !== undefined) {
    touchThread(touched, thread, [messageId]);
  } else {
    touchThread(touched, thread, null);
  }
}

function touchedKeys(tr: Y.Transaction, doc: Y.Doc, cache: ReviewCache) {
  const touchedThreads: Touched = new Map();
  const touchedVotes = new Set<string>();
  for (const change of reviewChanges(doc, tr.changed)) {
    if (change.subject === "outside") {
      cache.foreign = true;
    } else if (change.at === "entry") {
      // A list write on `threads` or `votes` itself has no key.
      if (change.id === null) cache.foreign = true;
      else if (change.subject === "thread") touchThread(touchedThreads, change.id, null);
      else touchedVotes.add(change.id);
    } else if (change.subject === "vote") {
      cache.foreign = true;
    } else {
      // An element of a list (as in a Y.XmlFragment) has no key; "" names no field of the layout.
      const path = [change.id, ...change.path].map((key) => key ?? "");
      touchBelow(touchedThreads, path, change.keys);
    }
  }
  return { touchedThreads, touchedVotes };
}

function track(doc: Y.Doc): void {
  const cache: ReviewCache = {
    threads: new Map(),
    votes: new Map(),
    beforeThreads: new Map(),
    beforeVotes: new Map(),
    foreign: false,
  };
  const threads = threadsMap(doc);
  const votes = votesMap(doc);
  doc.on("afterTransaction", (tr: Y.Transaction) => {
    const touched = touchedKeys(tr, doc, cache);
    for (const [key, messageIds] of touched.touchedThreads) {
      const previous = cache.threads.get(key);
      if (!cache.beforeThreads.has(key)) cache.beforeThreads.set(key, previous);
      const value = threads.get(key);
      if (value === undefined) cache.threads.delete(key);
      else cache.threads.set(key, readThreadEntry(key, value, previous, messageIds ?? undefined));
    }
    for (const key of touched.touchedVotes) {
      if (!cache.beforeVotes.has(key)) cache.beforeVotes.set(key, cache.votes.get(key));
      const value = votes.get(key);
      if (value === undefined) cache.votes.delete(key);
      else cache.votes.set(key, readVoteEntry(key, value));
    }
  });
  caches.set(doc, cache);
}

/** Before and after snapshots of the touched entries, and how many entries each side counts. */
function judged<T>(before: Map<string, T | undefined>, current: Map<string, T>) {
  const was = new Map<string, T>();
  const now = new Map<string, T>();
  let added = 0;
  for (const [key, previous] of before) {
    const next = current.get(key);
    if (previous !== undefined) was.set(key, previous);
    if (next !== undefined) now.set(key, next);
    added += Number(next !== undefined) - Number(previous !== undefined);
  }
  return { was, now, total: [current.size - added, current.size] as [number, number] };
}

export const reviewValidator: DocValidator = {
  define(doc) {
    track(doc);
  },
  begin(shadow) {
    const cache = caches.get(shadow);
    if (!cache) return;
    cache.beforeThreads = new Map();
    cache.beforeVotes = new Map();
    cache.foreign = false;
  },
  check(shadow: Y.Doc, _changes: Changes, writer: ConnectionContext): string | null {
    const cache = caches.get(shadow);
    if (!cache) return "the review document could not be checked";
    if (cache.foreign) return "the change writes outside the review document's layout";
    if (!writer.person) return "name yourself before writing comments or votes";
    const person: Author = { id: writer.person.id, name: writer.person.name, role: writer.role };
    const threads = judged(cache.beforeThreads, cache.threads);
    const votes = judged(cache.beforeVotes, cache.votes);
    const before: ReviewSnapshot = { threads: threads.was, votes: votes.was };
    const after: ReviewSnapshot = { threads: threads.now, votes: votes.now };
    const problems = reviewWriteViolations(before, after, person, {
      threads: threads.total,
      votes: votes.total,
    });
    return problems.length ? [...new Set(problems)].join("; ") : null;
  },
};
