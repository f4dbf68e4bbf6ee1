import * as Y from "yjs";
import { sameJson } from "../json-equal.ts";
import { readThread, readVote, threadsMap, voteKey, votesMap } from "./doc.ts";
import {
  type Author,
  type CommentMessage,
  type Thread,
  threadSchema,
  voteSchema,
} from "./schema.ts";

/**
 * Who may change what in the review document, as a pure check the server runs on every
 * review write before it is stored: everyone writes as themselves, edits and deletes only
 * their own messages and votes, and nothing is ever removed outright.
 */

function sameAuthor(a: Author | undefined, b: Author): boolean {
  return a?.id === b.id && a.name === b.name && a.role === b.role;
}

function snapshotThreads(doc: Y.Doc): Map<string, unknown> {
  const threads = new Map<string, unknown>();
  for (const [key, map] of threadsMap(doc))
    threads.set(key, map instanceof Y.Map ? readThread(map) : map);
  return threads;
}

function snapshotVotes(doc: Y.Doc): Map<string, unknown> {
  return new Map([...votesMap(doc)].map(([key, value]) => [key, readVote(value)]));
}

export interface ReviewSnapshot {
  threads: Map<string, unknown>;
  votes: Map<string, unknown>;
}

export function snapshotReview(doc: Y.Doc): ReviewSnapshot {
  return { threads: snapshotThreads(doc), votes: snapshotVotes(doc) };
}

function changedJson(a: unknown, b: unknown): boolean {
  return !sameJson(a, b);
}

function messageViolations(before: Thread | undefined, after: Thread, person: Author): string[] {
  const problems: string[] = [];
  const old = new Map<string, CommentMessage>((before?.messages ?? []).map((m) => [m.id, m]));
  for (const message of after.messages) {
    const previous = old.get(message.id);
    old.delete(message.id);
    if (!previous) {
      if (!sameAuthor(message.author, person))
        problems.push("a new message must be written under your own name");
      continue;
    }
    if (!changedJson(previous, message)) continue;
    if (previous.author.id !== person.id)
      problems.push(`you cannot change ${previous.author.name}'s message`);
    else if (
      changedJson(previous.author, message.author) ||
      previous.createdAt !== message.createdAt
    ) {
      problems.push("a message's author and time cannot be changed");
    }
  }
  if (old.size > 0)
    problems.push("messages cannot be removed, only marked as deleted by their author");
  return problems;
}

function threadViolations(key: string, before: unknown, after: unknown, person: Author): string[] {
  const parsed = threadSchema.safeParse(after);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return [`conversation ${key} is malformed: ${issue?.path.join(".")} ${issue?.message}`];
  }
  const next = parsed.data;
  if (next.id !== key) return [`conversation ${key} carries another id`];
  const previous = before === undefined ? undefined : threadSchema.safeParse(before).data;
  if (!previous) {
    if (!sameAuthor(next.author, person))
      return ["a new conversation must be started under your own name"];
    return messageViolations(undefined, next, person);
  }
  const problems: string[] = [];
  if (
    changedJson(previous.anchor, next.anchor) ||
    changedJson(previous.author, next.author) ||
    previous.createdAt !== next.createdAt
  ) {
    problems.push("a conversation's anchor, author and time cannot be changed");
  }
  if (previous.type !== next.type && previous.author.id !== person.id) {
    problems.push("only the person who started a conversation can change its type");
  }
  if (
    next.resolvedBy &&
    changedJson(previous.resolvedBy, next.resolvedBy) &&
    !sameAuthor(next.resolvedBy, person)
  ) {
    problems.push("a conversation is resolved under your own name");
  }
  return [...problems, ...messageViolations(previous, next, person)];
}

function voteViolations(key: string, after: unknown, person: Author): string[] {
  if (after === undefined) {
    return key.endsWith(`:${person.id}`) ? [] : ["you can only withdraw your own vote"];
  }
  const parsed = voteSchema.safeParse(after);
  if (!parsed.success) return [`vote ${key} is malformed`];
  if (!sameAuthor(parsed.data.author, person)) return ["you can only vote under your own name"];
  if (key !== voteKey(parsed.data.target, person.id))
    return [`vote ${key} is filed under the wrong key`];
  return [];
}

/** What is wrong with going from `before` to `after` when `person` wrote it; empty when allowed. */
export function reviewWriteViolations(
  before: ReviewSnapshot,
  after: ReviewSnapshot,
  person: Author,
): string[] {
  const problems: string[] = [];
  for (const [key, value] of after.threads) {
    const previous = before.threads.get(key);
    if (previous !== undefined && !changedJson(previous, value)) continue;
    problems.push(...threadViolations(key, previous, value, person));
  }
  for (const key of before.threads.keys()) {
    if (!after.threads.has(key)) problems.push("conversations cannot be deleted");
  }
  const voteKeys = new Set([...before.votes.keys(), ...after.votes.keys()]);
  for (const key of voteKeys) {
    const previous = before.votes.get(key);
    const next = after.votes.get(key);
    if (!changedJson(previous, next)) continue;
    problems.push(...voteViolations(key, next, person));
  }
  return problems;
}
