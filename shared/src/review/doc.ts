import * as Y from "yjs";
import { DomainError } from "../errors.ts";
import { newId } from "../ids.ts";
import {
  type Anchor,
  type Author,
  type CommentMessage,
  messageSchema,
  type Review,
  type Thread,
  type ThreadType,
  threadSchema,
  type Vote,
  voteSchema,
} from "./schema.ts";

/**
 * The review document's Yjs layout (public, like the graph's; field by field in fields.ts,
 * read through read.ts):
 *
 *   threads: Y.Map id -> Y.Map { id, type, status, createdAt, anchorKind, anchorId?,
 *                                authorId, authorName, authorRole,
 *                                resolvedAt?, resolvedById?, resolvedByName?, resolvedByRole?,
 *                                messages: Y.Map id -> Y.Map { id, authorId, authorName,
 *                                  authorRole, text, createdAt, editedAt?, deleted? } }
 *   votes:   Y.Map "<target>:<authorId>" -> { target, authorId, authorName, authorRole,
 *                                              level, note?, at }
 *
 * Author fields are flat strings so the server can check them against the connection cheaply.
 * One key per person per vote target makes "one vote per person, changeable" structural.
 * Nothing is ever removed: a deleted message is marked, so replies keep their context.
 */

type FieldMap = Y.Map<unknown>;

export function threadsMap(doc: Y.Doc): Y.Map<FieldMap> {
  return doc.getMap("threads");
}

export function votesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap("votes");
}

export function voteKey(target: string, authorId: string): string {
  return `${target}:${authorId}`;
}

function setAuthor(map: FieldMap, prefix: string, author: Author): void {
  map.set(`${prefix}Id`, author.id);
  map.set(`${prefix}Name`, author.name);
  map.set(`${prefix}Role`, author.role);
}

function now(): string {
  return new Date().toISOString();
}

function writeMessage(messages: Y.Map<FieldMap>, message: CommentMessage): void {
  const map = new Y.Map<unknown>();
  messages.set(message.id, map);
  map.set("id", message.id);
  setAuthor(map, "author", message.author);
  map.set("text", message.text);
  map.set("createdAt", message.createdAt);
  if (message.editedAt) map.set("editedAt", message.editedAt);
  if (message.deleted) map.set("deleted", true);
}

function writeThread(doc: Y.Doc, thread: Thread): void {
  const map = new Y.Map<unknown>();
  threadsMap(doc).set(thread.id, map);
  map.set("id", thread.id);
  map.set("type", thread.type);
  map.set("status", thread.status);
  map.set("createdAt", thread.createdAt);
  map.set("anchorKind", thread.anchor.kind);
  if (thread.anchor.kind !== "model") map.set("anchorId", thread.anchor.id);
  setAuthor(map, "author", thread.author);
  if (thread.resolvedAt) map.set("resolvedAt", thread.resolvedAt);
  if (thread.resolvedBy) setAuthor(map, "resolvedBy", thread.resolvedBy);
  const messages = new Y.Map<FieldMap>();
  map.set("messages", messages);
  for (const message of thread.messages) writeMessage(messages, message);
}

export function startThread(
  doc: Y.Doc,
  input: { anchor: Anchor; type: ThreadType; text: string; author: Author },
  origin: unknown,
): string {
  const at = now();
  const thread = threadSchema.parse({
    id: newId(),
    anchor: input.anchor,
    type: input.type,
    status: "open",
    createdAt: at,
    author: input.author,
    messages: [{ id: newId(), author: input.author, text: input.text, createdAt: at }],
  });
  doc.transact(() => writeThread(doc, thread), origin);
  return thread.id;
}

function threadOrThrow(doc: Y.Doc, threadId: string): FieldMap {
  const thread = threadsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map))
    throw new DomainError("thread-not-found", "That conversation no longer exists.");
  return thread;
}

function messagesOf(thread: FieldMap): Y.Map<FieldMap> {
  return thread.get("messages") as Y.Map<FieldMap>;
}

export function reply(
  doc: Y.Doc,
  threadId: string,
  text: string,
  author: Author,
  origin: unknown,
): string {
  const thread = threadOrThrow(doc, threadId);
  const message = messageSchema.parse({ id: newId(), author, text, createdAt: now() });
  doc.transact(() => writeMessage(messagesOf(thread), message), origin);
  return message.id;
}

function ownMessageOrThrow(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  author: Author,
): FieldMap {
  const message = messagesOf(threadOrThrow(doc, threadId)).get(messageId);
  if (!(message instanceof Y.Map))
    throw new DomainError("message-not-found", "That message no longer exists.");
  if (message.get("authorId") !== author.id) {
    throw new DomainError("not-your-message", "Only the person who wrote a message can change it.");
  }
  return message;
}

export function editMessage(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  text: string,
  author: Author,
  origin: unknown,
): void {
  const message = ownMessageOrThrow(doc, threadId, messageId, author);
  messageSchema.shape.text.parse(text);
  if (text.trim() === "")
    throw new DomainError("message-empty", "A message cannot be empty; delete it instead.");
  doc.transact(() => {
    message.set("text", text);
    message.set("editedAt", now());
  }, origin);
}

export function deleteMessage(
  doc: Y.Doc,
  threadId: string,
  messageId: string,
  author: Author,
  origin: unknown,
): void {
  const message = ownMessageOrThrow(doc, threadId, messageId, author);
  doc.transact(() => {
    message.set("text", "");
    message.set("deleted", true);
    message.set("editedAt", now());
  }, origin);
}

export function setThreadStatus(
  doc: Y.Doc,
  threadId: string,
  status: "open" | "resolved",
  by: Author,
  origin: unknown,
): void {
  const thread = threadOrThrow(doc, threadId);
  doc.transact(() => {
    thread.set("status", status);
    if (status === "resolved") {
      thread.set("resolvedAt", now());
      setAuthor(thread, "resolvedBy", by);
    } else {
      for (const key of ["resolvedAt", "resolvedById", "resolvedByName", "resolvedByRole"])
        thread.delete(key);
    }
  }, origin);
}

function writeVote(doc: Y.Doc, vote: Vote): void {
  const value: Record<string, unknown> = {
    target: vote.target,
    authorId: vote.author.id,
    authorName: vote.author.name,
    authorRole: vote.author.role,
    level: vote.level,
    at: vote.at,
  };
  if (vote.note) value.note = vote.note;
  votesMap(doc).set(voteKey(vote.target, vote.author.id), value);
}

export function castVote(
  doc: Y.Doc,
  input: { target: string; level: number; note?: string; author: Author },
  origin: unknown,
): void {
  const vote = voteSchema.parse({ ...input, at: now() });
  doc.transact(() => writeVote(doc, vote), origin);
}

export function withdrawVote(doc: Y.Doc, target: string, author: Author, origin: unknown): void {
  doc.transact(() => votesMap(doc).delete(voteKey(target, author.id)), origin);
}

/** Writes a review (from a model file) into an empty review document. */
export function loadReview(doc: Y.Doc, review: Review, origin: unknown): void {
  doc.transact(() => {
    for (const thread of review.threads) writeThread(doc, thread);
    for (const vote of review.votes) writeVote(doc, vote);
  }, origin);
}
