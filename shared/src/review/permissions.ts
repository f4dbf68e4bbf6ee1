import type * as Y from "yjs";
import { sameJson } from "../json-equal.ts";
import { REVIEW_LIMITS } from "../limits.ts";
import { threadsMap, votesMap } from "./doc.ts";
import {
  type MessageEntry,
  readThreadEntry,
  readVoteEntry,
  shortKey,
  type ThreadEntry,
  type ThreadHead,
  type VoteEntry,
} from "./read.ts";
import type { Author } from "./schema.ts";

/**
 * Who may change what in the review document, as a pure check the server runs on every
 * review write before it is stored: everyone writes as themselves, edits and deletes only
 * their own messages and votes, and nothing is ever removed outright. Entries are judged as
 * read.ts reads them, Yjs structure included: a Y.Map once written is never replaced (a copy
 * that reads the same would drop whatever others write into the original meanwhile).
 */

export interface ReviewSnapshot {
  threads: Map<string, ThreadEntry>;
  votes: Map<string, VoteEntry>;
}

/** How many entries the whole document holds before and after the write. */
interface ReviewTotals {
  threads: [before: number, after: number];
  votes: [before: number, after: number];
}

export function snapshotReview(doc: Y.Doc): ReviewSnapshot {
  const threads = new Map<string, ThreadEntry>();
  for (const [key, value] of threadsMap(doc).entries())
    threads.set(key, readThreadEntry(key, value));
  const votes = new Map<string, VoteEntry>();
  for (const [key, value] of votesMap(doc).entries()) votes.set(key, readVoteEntry(key, value));
  return { threads, votes };
}

function sameAuthor(a: Author | undefined, b: Author): boolean {
  return a?.id === b.id && a.name === b.name && a.role === b.role;
}

const changed = (a: unknown, b: unknown) => !sameJson(a, b);
const sameMessage = (a: MessageEntry, b: MessageEntry) =>
  a === b || (a.ref === b.ref && sameJson(a.read, b.read));

function messageViolation(
  id: string,
  previous: MessageEntry | undefined,
  next: MessageEntry,
  person: Author,
): string | null {
  if (!next.read.ok) return `message ${shortKey(id)} ${next.read.problem}`;
  const message = next.read.value;
  if (!previous) {
    return sameAuthor(message.author, person)
      ? null
      : "a new message must be written under your own name";
  }
  if (!previous.read.ok) return `message ${shortKey(id)} cannot be read, so it cannot be changed`;
  const before = previous.read.value;
  if (before.author.id !== person.id) return `you cannot change ${before.author.name}'s message`;
  if (previous.ref !== next.ref) return "a message cannot be replaced, only edited";
  if (changed(before.author, message.author) || before.createdAt !== message.createdAt)
    return "a message's author and time cannot be changed";
  return null;
}

function messagesViolations(
  before: ThreadEntry | undefined,
  after: ThreadEntry,
  person: Author,
): string[] {
  const problems: string[] = [];
  const old = before?.messages ?? new Map<string, MessageEntry>();
  for (const [id, next] of after.messages) {
    const previous = old.get(id);
    if (previous && sameMessage(previous, next)) continue;
    const problem = messageViolation(id, previous, next, person);
    if (problem) problems.push(problem);
  }
  for (const id of old.keys()) {
    if (!after.messages.has(id))
      problems.push("messages cannot be removed, only marked as deleted by their author");
  }
  const cap = REVIEW_LIMITS.messagesPerThread;
  if (after.messages.size > cap && after.messages.size > old.size)
    problems.push(`a conversation holds at most ${cap} messages`);
  return problems;
}

function headViolations(previous: ThreadHead, next: ThreadHead, person: Author): string[] {
  const problems: string[] = [];
  if (
    changed(previous.anchor, next.anchor) ||
    changed(previous.author, next.author) ||
    previous.createdAt !== next.createdAt
  ) {
    problems.push("a conversation's anchor, author and time cannot be changed");
  }
  if (previous.type !== next.type && previous.author.id !== person.id) {
    problems.push("only the person who started a conversation can change its type");
  }
  if (
    next.resolvedBy &&
    changed(previous.resolvedBy, next.resolvedBy) &&
    !sameAuthor(next.resolvedBy, person)
  ) {
    problems.push("a conversation is resolved under your own name");
  }
  return problems;
}

function threadViolations(
  key: string,
  before: ThreadEntry | undefined,
  after: ThreadEntry,
  person: Author,
): string[] {
  if (!after.read.ok) return [`conversation ${shortKey(key)} ${after.read.problem}`];
  const next = after.read.value;
  if (!before) {
    if (!sameAuthor(next.author, person))
      return ["a new conversation must be started under your own name"];
    if (after.messages.size === 0) return ["a new conversation starts with a message"];
    return messagesViolations(undefined, after, person);
  }
  if (before.ref !== after.ref) return ["a conversation cannot be replaced, only changed"];
  if (!before.read.ok)
    return [`conversation ${shortKey(key)} cannot be read, so it cannot be changed`];
  if (before.messagesRef !== after.messagesRef)
    return ["a conversation's messages cannot be replaced"];
  return [
    ...headViolations(before.read.value, next, person),
    ...messagesViolations(before, after, person),
  ];
}

function voteViolations(key: string, entry: VoteEntry | undefined, person: Author): string[] {
  if (entry === undefined) {
    return key.endsWith(`:${person.id}`) ? [] : ["you can only withdraw your own vote"];
  }
  const after = entry.read;
  if (!after.ok) return [`vote ${shortKey(key)} ${after.problem}`];
  if (!sameAuthor(after.value.author, person)) return ["you can only vote under your own name"];
  return [];
}

function capViolations(totals: ReviewTotals): string[] {
  const problems: string[] = [];
  const [threadsBefore, threadsAfter] = totals.threads;
  if (threadsAfter > REVIEW_LIMITS.threads && threadsAfter > threadsBefore)
    problems.push(`a model holds at most ${REVIEW_LIMITS.threads} conversations`);
  const [votesBefore, votesAfter] = totals.votes;
  if (votesAfter > REVIEW_LIMITS.votes && votesAfter > votesBefore)
    problems.push(`a model holds at most ${REVIEW_LIMITS.votes} votes`);
  return problems;
}

function sameThread(a: ThreadEntry, b: ThreadEntry): boolean {
  if (a.ref !== b.ref || a.messagesRef !== b.messagesRef || !sameJson(a.read, b.read)) return false;
  if (a.messages.size !== b.messages.size) return false;
  for (const [id, message] of a.messages) {
    const other = b.messages.get(id);
    if (!other || !sameMessage(message, other)) return false;
  }
  return true;
}

/**
 * What is wrong with going from `before` to `after` when `person` wrote it; empty when allowed.
 * The snapshots may hold only the entries a write touched; `totals` then gives the document's
 * entry counts (by default the snapshots' own).
 */
export function reviewWriteViolations(
  before: ReviewSnapshot,
  after: ReviewSnapshot,
  person: Author,
  totals: ReviewTotals = {
    threads: [before.threads.size, after.threads.size],
    votes: [before.votes.size, after.votes.size],
  },
): string[] {
  const problems: string[] = [];
  for (const [key, value] of after.threads) {
    const previous = before.threads.get(key);
    if (previous !== undefined && sameThread(previous, value)) continue;
    problems.push(...threadViolations(key, previous, value, person));
  }
  for (const key of before.threads.keys()) {
    if (!after.threads.has(key)) problems.push("conversations cannot be deleted");
  }
  const voteKeys = new Set([...before.votes.keys(), ...after.votes.keys()]);
  for (const key of voteKeys) {
    const previous = before.votes.get(key);
    const next = after.votes.get(key);
    if (previous === next || (previous && next && sameJson(previous.read, next.read))) continue;
    problems.push(...voteViolations(key, next, person));
  }
  return [...problems, ...capViolations(totals)];
}
