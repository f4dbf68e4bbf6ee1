import {
  type Author,
  type ReviewSnapshot,
  readThread,
  readVote,
  reviewWriteViolations,
  threadsMap,
  votesMap,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import type { ConnectionContext } from "../context.ts";
import type { AnyType, Changes, DocValidator } from "./shadow.ts";

/**
 * Write validation of the review document: everyone writes as themselves and changes only their
 * own messages and votes (shared's `reviewWriteViolations`). Checking the whole document on every
 * write would cost its size; instead each shadow keeps a read copy of every thread and vote, kept
 * current by its own transactions, and a write is judged on the entries it touched, with their
 * values from just before it.
 */

interface ReviewCache {
  current: ReviewSnapshot;
  /** Values the touched entries had before the incoming update (undefined = absent). */
  before: ReviewSnapshot;
  /** Whether the incoming update wrote outside `threads` and `votes`. */
  foreign: boolean;
}

const caches = new WeakMap<Y.Doc, ReviewCache>();

/** The key of `root` under which `type` sits, or null when it is not below `root`. */
function keyUnder(type: AnyType, root: AnyType): string | null {
  let current: AnyType = type;
  while (current._item) {
    const parent = current._item.parent as AnyType;
    if (parent === root) return current._item.parentSub;
    current = parent;
  }
  return null;
}

function readThreadEntry(threads: AnyType, key: string): unknown {
  const value = (threads as Y.Map<unknown>).get(key);
  return value instanceof Y.Map ? readThread(value) : value;
}

function track(doc: Y.Doc): ReviewCache {
  const cache: ReviewCache = {
    current: { threads: new Map(), votes: new Map() },
    before: { threads: new Map(), votes: new Map() },
    foreign: false,
  };
  const threads = threadsMap(doc) as unknown as AnyType;
  const votes = votesMap(doc) as unknown as AnyType;
  doc.on("afterTransaction", (tr: Y.Transaction) => {
    const touchedThreads = new Set<string>();
    const touchedVotes = new Set<string>();
    for (const [type, keys] of tr.changed) {
      if (type === threads) {
        for (const key of keys) if (key !== null) touchedThreads.add(key);
        if (keys.has(null)) cache.foreign = true;
      } else if (type === votes) {
        for (const key of keys) if (key !== null) touchedVotes.add(key);
        if (keys.has(null)) cache.foreign = true;
      } else {
        const key = keyUnder(type, threads);
        if (key !== null) touchedThreads.add(key);
        else cache.foreign = true;
      }
    }
    for (const key of touchedThreads) {
      if (!cache.before.threads.has(key))
        cache.before.threads.set(key, cache.current.threads.get(key));
      const value = readThreadEntry(threads, key);
      if (value === undefined) cache.current.threads.delete(key);
      else cache.current.threads.set(key, value);
    }
    for (const key of touchedVotes) {
      if (!cache.before.votes.has(key)) cache.before.votes.set(key, cache.current.votes.get(key));
      const value = (votes as Y.Map<unknown>).get(key);
      if (value === undefined) cache.current.votes.delete(key);
      else cache.current.votes.set(key, readVote(value));
    }
  });
  caches.set(doc, cache);
  return cache;
}

/** Present entries only: `reviewWriteViolations` reads a missing key as "absent". */
function present(values: Map<string, unknown>): Map<string, unknown> {
  return new Map([...values].filter(([, value]) => value !== undefined));
}

export const reviewValidator: DocValidator = {
  define(doc) {
    track(doc);
  },
  begin(shadow) {
    const cache = caches.get(shadow);
    if (!cache) return;
    cache.before = { threads: new Map(), votes: new Map() };
    cache.foreign = false;
  },
  check(shadow: Y.Doc, _changes: Changes, writer: ConnectionContext): string | null {
    const cache = caches.get(shadow);
    if (!cache) return "the review document could not be checked";
    if (cache.foreign) return "the change writes outside the review document's layout";
    if (!writer.person) return "name yourself before writing comments or votes";
    const person: Author = { id: writer.person.id, name: writer.person.name, role: writer.role };
    const before: ReviewSnapshot = {
      threads: present(cache.before.threads),
      votes: present(cache.before.votes),
    };
    const after: ReviewSnapshot = {
      threads: new Map(
        [...cache.before.threads.keys()].map((k) => [k, cache.current.threads.get(k)]),
      ),
      votes: new Map([...cache.before.votes.keys()].map((k) => [k, cache.current.votes.get(k)])),
    };
    const problems = reviewWriteViolations(
      before,
      { threads: present(after.threads), votes: present(after.votes) },
      person,
    );
    return problems.length ? [...new Set(problems)].join("; ") : null;
  },
};
