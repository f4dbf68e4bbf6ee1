import {
  type AnyType,
  entryFate,
  mentionsIn,
  NOTIFICATION_LIMITS,
  readThreadEntry,
  reviewChanges,
  threadsMap,
  votesMap,
} from "@logic-canvas/shared";
import * as Y from "yjs";
import type { Person } from "../access/identity.ts";
import type { Draft } from "./service.ts";

/**
 * Who a comment rings, read from the one transaction that wrote it on a review document:
 * everyone it @mentions by name (among the people who have written in the model or are
 * connected to it now, as the comment box offers them), at most `mentionsPerComment` of them,
 * and the author of the conversation it answers. One item per person per message, never to the
 * writer. Only messages written by the transaction's own person count, and only new ones: an
 * edit never rings again.
 */

interface NewMessage {
  threadId: string;
  messageId: string;
}

/** The messages a transaction added: a new conversation's first, or answers in one. */
function newMessages(doc: Y.Doc, tr: Y.Transaction): NewMessage[] {
  const threads = threadsMap(doc);
  const found: NewMessage[] = [];
  for (const change of reviewChanges(doc, tr.changed as Map<AnyType, Set<string | null>>)) {
    if (change.subject !== "thread" || change.id === null) continue;
    const threadId = change.id;
    const thread = threads.get(threadId);
    if (!(thread instanceof Y.Map)) continue;
    const messages = thread.get("messages");
    if (!(messages instanceof Y.Map)) continue;
    if (change.at === "entry") {
      if (entryFate(tr, threads as AnyType, threadId) !== "added") continue;
      for (const messageId of messages.keys()) found.push({ threadId, messageId });
    } else if (
      change.at === "inside" &&
      change.path.length === 1 &&
      change.path[0] === "messages"
    ) {
      for (const key of change.keys) {
        if (key !== null && entryFate(tr, messages as AnyType, key) === "added")
          found.push({ threadId, messageId: key });
      }
    }
  }
  return found;
}

/** Everyone named in the review document (authors of conversations, messages, votes). */
function writersOf(doc: Y.Doc): Person[] {
  const people: Person[] = [];
  const add = (id: unknown, name: unknown) => {
    if (typeof id === "string" && typeof name === "string") people.push({ id, name });
  };
  for (const thread of threadsMap(doc).values()) {
    if (!(thread instanceof Y.Map)) continue;
    add(thread.get("authorId"), thread.get("authorName"));
    const messages = thread.get("messages");
    if (!(messages instanceof Y.Map)) continue;
    for (const m of messages.values())
      if (m instanceof Y.Map) add(m.get("authorId"), m.get("authorName"));
  }
  for (const vote of votesMap(doc).values()) {
    if (typeof vote === "object" && vote !== null) {
      const v = vote as Record<string, unknown>;
      add(v.authorId, v.authorName);
    }
  }
  return people;
}

/** Ids by lower-cased name; one name may be several people (two browsers called "Ann"). */
function directory(people: readonly Person[]): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  for (const p of people) {
    const key = p.name.trim().toLowerCase();
    if (!key) continue;
    const ids = byName.get(key) ?? new Set<string>();
    ids.add(p.id);
    byName.set(key, ids);
  }
  return byName;
}

export interface CommentContext {
  modelId: string;
  writer: Person;
  /** People connected to the model now (they may not have written anything yet). */
  present: () => Person[];
}

/** The items one transaction on a review document makes, before quotas. */
export function commentDrafts(doc: Y.Doc, tr: Y.Transaction, ctx: CommentContext): Draft[] {
  const added = newMessages(doc, tr);
  if (added.length === 0) return [];
  const drafts: Draft[] = [];
  let known: Map<string, Set<string>> | undefined;
  for (const { threadId, messageId } of added) {
    const entry = readThreadEntry(threadId, threadsMap(doc).get(threadId));
    const message = entry.messages.get(messageId)?.read;
    if (!entry.read.ok || !message?.ok) continue;
    const head = entry.read.value;
    const { author, text } = message.value;
    if (author.id !== ctx.writer.id || message.value.deleted) continue;
    const base = {
      modelId: ctx.modelId,
      dedupeKey: `comment:${ctx.modelId}:${messageId}`,
      from: { id: author.id, name: author.name },
      excerpt: text.trim(),
      threadId,
      ...(head.anchor.kind === "node" ? { nodeId: head.anchor.id } : {}),
    };
    const reached = new Set<string>([author.id]);
    if (text.includes("@")) {
      known ??= directory([...writersOf(doc), ...ctx.present()]);
      let mentioned = 0;
      for (const name of mentionsIn(text, [...known.keys()])) {
        for (const id of known.get(name) ?? []) {
          if (reached.has(id) || mentioned >= NOTIFICATION_LIMITS.mentionsPerComment) continue;
          reached.add(id);
          mentioned += 1;
          drafts.push({ ...base, personId: id, kind: "mention" });
        }
      }
    }
    const isAnswer = head.author.id !== author.id && messageId !== firstMessageId(entry.messages);
    if (isAnswer && !reached.has(head.author.id))
      drafts.push({ ...base, personId: head.author.id, kind: "reply" });
  }
  return drafts;
}

/** The conversation's opening message: the oldest. */
function firstMessageId(messages: ReturnType<typeof readThreadEntry>["messages"]): string | null {
  let first: { id: string; at: string } | null = null;
  for (const [id, entry] of messages) {
    if (!entry.read.ok) continue;
    const at = entry.read.value.createdAt;
    if (!first || at < first.at) first = { id, at };
  }
  return first?.id ?? null;
}
