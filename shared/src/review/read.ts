import * as Y from "yjs";
import { typeRef } from "../doc/changes.ts";
import { REVIEW_LIMITS } from "../limits.ts";
import { threadsMap, voteKey, votesMap } from "./doc.ts";
import {
  authorOf,
  type FieldsRead,
  isPlainObject,
  MESSAGE_FIELDS,
  readFields,
  THREAD_FIELDS,
  VOTE_FIELDS,
} from "./fields.ts";
import {
  type CommentMessage,
  messageSchema,
  type Review,
  type Thread,
  threadSchema,
  type Vote,
  voteSchema,
} from "./schema.ts";

/**
 * Reading the review document entry by entry, through the field table of fields.ts. Each entry
 * keeps what it is at the Yjs level (which Y.Map holds it) beside what it reads as, so the write
 * gate judges both with the same reader. Readers never throw: what cannot be read is skipped and
 * reported.
 */

type Read<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A thread without its messages (they are entries of their own). */
export type ThreadHead = Omit<Thread, "messages">;

export interface MessageEntry {
  /** The Yjs item of the message's Y.Map, or null when the entry is not a Y.Map. */
  ref: string | null;
  read: Read<CommentMessage>;
}

export interface ThreadEntry {
  ref: string | null;
  /** The Yjs item of the thread's `messages` Y.Map. */
  messagesRef: string | null;
  read: Read<ThreadHead>;
  messages: Map<string, MessageEntry>;
}

/** Which Yjs item holds a shared type ("client:clock"), so a replaced copy tells apart. */
export function refOf(value: unknown): string | null {
  return value instanceof Y.AbstractType ? typeRef(value) : null;
}

/** A key as a message shows it: keys are whatever a client wrote, of any length. */
export function shortKey(key: string): string {
  return key.length > 40 ? `${key.slice(0, 40)}…` : key;
}

function fail<T>(problem: string): Read<T> {
  return { ok: false, problem };
}

/**
 * Gives `entry` a `read` computed on first use. Capturing an entry (its Yjs identity and raw
 * fields) is cheap; checking it against the schemas is not, and the write gate keeps every
 * entry of a document but judges only the few a write touched.
 */
function withRead<E extends object, T>(entry: E, compute: () => Read<T>): E & { read: Read<T> } {
  let memo: Read<T> | undefined;
  return Object.defineProperty(entry, "read", {
    enumerable: true,
    get: () => {
      memo ??= compute();
      return memo;
    },
  }) as E & { read: Read<T> };
}

/** A Y.Map's fields as they are now (values are plain data or shared types, never copied). */
function capture(value: unknown): [string, unknown][] | null {
  return value instanceof Y.Map ? [...value.entries()] : null;
}

function fieldsOf(entries: [string, unknown][] | null, fields: typeof THREAD_FIELDS): FieldsRead {
  if (!entries) return { ok: false, problem: "is not a Y.Map" };
  return readFields(entries, fields);
}

function parseMessage(key: string, entries: [string, unknown][] | null): Read<CommentMessage> {
  const fields = fieldsOf(entries, MESSAGE_FIELDS);
  if (!fields.ok) return fail(fields.problem);
  const { authorId, authorName, authorRole, ...rest } = fields.values;
  const parsed = messageSchema.safeParse({ ...rest, author: authorOf(fields.values, "author") });
  if (!parsed.success) return fail(issueText(parsed.error.issues[0]));
  if (parsed.data.id !== key) return fail("is filed under another id");
  return { ok: true, value: parsed.data };
}

function readMessageEntry(key: string, value: unknown): MessageEntry {
  const entries = capture(value);
  return withRead({ ref: refOf(value) }, () => parseMessage(key, entries));
}

function issueText(issue: { path: PropertyKey[]; message: string } | undefined): string {
  return issue ? `${issue.path.join(".")} ${issue.message}`.trim() : "is invalid";
}

const headSchema = threadSchema.omit({ messages: true });

function readHead(key: string, values: Record<string, unknown>): Read<ThreadHead> {
  const raw: Record<string, unknown> = {
    id: values.id,
    anchor:
      values.anchorId === undefined
        ? { kind: values.anchorKind }
        : { kind: values.anchorKind, id: values.anchorId },
    type: values.type,
    status: values.status,
    createdAt: values.createdAt,
    author: authorOf(values, "author"),
  };
  if (values.resolvedAt !== undefined) raw.resolvedAt = values.resolvedAt;
  const resolvedBy = authorOf(values, "resolvedBy");
  if (resolvedBy !== undefined) raw.resolvedBy = resolvedBy;
  const parsed = headSchema.safeParse(raw);
  if (!parsed.success) return fail(issueText(parsed.error.issues[0]));
  if (parsed.data.id !== key) return fail("is filed under another id");
  return { ok: true, value: parsed.data };
}

/**
 * Reads a thread entry. With `previous` (its entry before a change) and `touched` (the message
 * ids the change wrote), only those messages are read again: a write into a long conversation
 * costs what it wrote, not the conversation's length.
 */
export function readThreadEntry(
  key: string,
  value: unknown,
  previous?: ThreadEntry,
  touched?: ReadonlySet<string>,
): ThreadEntry {
  const ref = refOf(value);
  const entries = capture(value);
  const messagesMap = value instanceof Y.Map ? value.get("messages") : undefined;
  const messagesRef = messagesMap instanceof Y.Map ? refOf(messagesMap) : null;
  const incremental =
    previous && touched && previous.ref === ref && previous.messagesRef === messagesRef;
  const messages = incremental ? new Map(previous.messages) : new Map<string, MessageEntry>();
  if (messagesMap instanceof Y.Map) {
    for (const id of incremental ? touched : messagesMap.keys()) {
      const message = messagesMap.get(id);
      if (message === undefined) messages.delete(id);
      else messages.set(id, readMessageEntry(id, message));
    }
  }
  return withRead({ ref, messagesRef, messages }, (): Read<ThreadHead> => {
    const fields = fieldsOf(entries, THREAD_FIELDS);
    if (!fields.ok) return fail(fields.problem);
    return fields.maps.has("messages") ? readHead(key, fields.values) : fail("has no messages");
  });
}

/** A vote entry; its value is plain data that Yjs never changes in place, so it is kept as is. */
export interface VoteEntry {
  read: Read<Vote>;
}

function parseVote(key: string, value: unknown): Read<Vote> {
  if (!isPlainObject(value)) return fail("is not a plain object");
  const fields = readFields(Object.entries(value), VOTE_FIELDS);
  if (!fields.ok) return fail(fields.problem);
  const { authorId, authorName, authorRole, ...rest } = fields.values;
  const parsed = voteSchema.safeParse({ ...rest, author: authorOf(fields.values, "author") });
  if (!parsed.success) return fail(issueText(parsed.error.issues[0]));
  if (key !== voteKey(parsed.data.target, parsed.data.author.id))
    return fail("is filed under the wrong key");
  return { ok: true, value: parsed.data };
}

export function readVoteEntry(key: string, value: unknown): VoteEntry {
  return withRead({}, () => parseVote(key, value));
}

const byTime = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

/** A thread as the panels show it: its readable messages, oldest first, up to the cap. */
function threadOf(key: string, entry: ThreadEntry, skipped: string[]): Thread | null {
  if (!entry.read.ok) {
    skipped.push(`conversation ${shortKey(key)} ${entry.read.problem}`);
    return null;
  }
  const messages: CommentMessage[] = [];
  for (const [id, message] of entry.messages) {
    if (message.read.ok) messages.push(message.read.value);
    else skipped.push(`message ${shortKey(id)} ${message.read.problem}`);
  }
  messages.sort(byTime);
  if (messages.length > REVIEW_LIMITS.messagesPerThread) {
    skipped.push(`${messages.length - REVIEW_LIMITS.messagesPerThread} messages past the cap`);
    messages.length = REVIEW_LIMITS.messagesPerThread;
  }
  if (messages.length === 0) {
    skipped.push(`conversation ${shortKey(key)} has no readable message`);
    return null;
  }
  return { ...entry.read.value, messages };
}

interface ReviewReading {
  review: Review;
  /** What was left out and why (unreadable entries, entries past a cap). */
  skipped: string[];
}

/** Reads the review document, skipping (and reporting) what the readers cannot show. */
export function readReviewReport(doc: Y.Doc): ReviewReading {
  const skipped: string[] = [];
  const threads: Thread[] = [];
  for (const [key, value] of threadsMap(doc).entries()) {
    const thread = threadOf(key, readThreadEntry(key, value), skipped);
    if (thread) threads.push(thread);
  }
  threads.sort(byTime);
  if (threads.length > REVIEW_LIMITS.threads) {
    skipped.push(`${threads.length - REVIEW_LIMITS.threads} conversations past the cap`);
    threads.length = REVIEW_LIMITS.threads;
  }
  const votes: Vote[] = [];
  for (const [key, value] of votesMap(doc).entries()) {
    const vote = parseVote(key, value);
    if (vote.ok) votes.push(vote.value);
    else skipped.push(`vote ${shortKey(key)} ${vote.problem}`);
  }
  votes.sort((a, b) => a.target.localeCompare(b.target) || a.author.id.localeCompare(b.author.id));
  if (votes.length > REVIEW_LIMITS.votes) {
    skipped.push(`${votes.length - REVIEW_LIMITS.votes} votes past the cap`);
    votes.length = REVIEW_LIMITS.votes;
  }
  return { review: { threads, votes }, skipped };
}

/** Reads the review document; what cannot be read is left out (see `readReviewReport`). */
export function readReview(doc: Y.Doc): Review {
  return readReviewReport(doc).review;
}
