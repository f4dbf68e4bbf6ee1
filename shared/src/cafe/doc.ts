import * as Y from "yjs";
import { CAFE_LIMITS } from "../limits.ts";
import { shortKey } from "../review/read.ts";
import {
  type CafeHead,
  type CafeNote,
  type CafeParticipant,
  type CafeProposal,
  type CafeSession,
  type CafeTheme,
  cafeHeadSchema,
  cafeNoteSchema,
  cafeParticipantSchema,
  cafeProposalSchema,
  cafeThemeSchema,
} from "./schema.ts";

/**
 * World Café sessions live in the model's review document, beside its threads and votes (a
 * proposal's votes are ordinary review votes, its id their target):
 *
 *   cafes: Y.Map sessionId -> Y.Map {
 *     "head"        -> CafeHead (plain object)
 *     "p:<person>"  -> CafeParticipant   "n:<note>"  -> CafeNote
 *     "t:<theme>"   -> CafeTheme         "r:<prop>"  -> CafeProposal }
 *
 * Only the server writes here (the café API checks each role and stamps times with its clock);
 * the write gate refuses any client write under `cafes` as outside the review layout. Entries are
 * plain values replaced whole, one key each, so concurrent notes never collide.
 */

export type CafeEntryKind = "p" | "n" | "t" | "r";

export function cafesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap("cafes");
}

const HEAD = "head";

function sessionMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  const value = cafesMap(doc).get(id);
  return value instanceof Y.Map ? value : undefined;
}

/** Creates the session (server only). */
export function createCafe(doc: Y.Doc, head: CafeHead, origin: unknown): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    cafesMap(doc).set(head.id, map);
    map.set(HEAD, cafeHeadSchema.parse(head));
  }, origin);
}

export function writeCafeHead(doc: Y.Doc, head: CafeHead, origin: unknown): void {
  const map = sessionMap(doc, head.id);
  if (!map) throw new Error(`no café session ${head.id}`);
  doc.transact(() => map.set(HEAD, cafeHeadSchema.parse(head)), origin);
}

/** Sets one participant, note, theme or proposal of a session (server only). */
export function writeCafeEntry(
  doc: Y.Doc,
  sessionId: string,
  kind: CafeEntryKind,
  key: string,
  value: CafeParticipant | CafeNote | CafeTheme | CafeProposal,
  origin: unknown,
): void {
  const map = sessionMap(doc, sessionId);
  if (!map) throw new Error(`no café session ${sessionId}`);
  doc.transact(() => map.set(`${kind}:${key}`, value), origin);
}

const READERS = {
  p: cafeParticipantSchema,
  n: cafeNoteSchema,
  t: cafeThemeSchema,
  r: cafeProposalSchema,
} as const;

interface Parts {
  participants: CafeParticipant[];
  notes: CafeNote[];
  themes: CafeTheme[];
  proposals: CafeProposal[];
}

function readParts(map: Y.Map<unknown>, skipped: string[]): Parts {
  const parts: Parts = { participants: [], notes: [], themes: [], proposals: [] };
  const lists = { p: parts.participants, n: parts.notes, t: parts.themes, r: parts.proposals };
  for (const [key, value] of map.entries()) {
    if (key === HEAD) continue;
    const kind = key.slice(0, 2);
    const schema = kind.endsWith(":") ? READERS[kind[0] as CafeEntryKind] : undefined;
    const parsed = schema?.safeParse(value);
    if (!parsed?.success) {
      skipped.push(`café entry ${shortKey(key)} cannot be read`);
      continue;
    }
    (lists[kind[0] as CafeEntryKind] as unknown[]).push(parsed.data);
  }
  parts.participants.sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  parts.notes.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  parts.themes.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  parts.proposals.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const caps = {
    participants: CAFE_LIMITS.participants,
    notes: CAFE_LIMITS.notes,
    themes: CAFE_LIMITS.themes,
    proposals: CAFE_LIMITS.proposals,
  };
  for (const name of Object.keys(caps) as (keyof Parts)[]) {
    if (parts[name].length > caps[name]) {
      skipped.push(`${parts[name].length - caps[name]} ${name} past the cap`);
      parts[name].length = caps[name];
    }
  }
  return parts;
}

/** One session as plain data, or null when it does not exist or its head cannot be read. */
export function readCafe(doc: Y.Doc, id: string, skipped: string[] = []): CafeSession | null {
  const map = sessionMap(doc, id);
  if (!map) return null;
  const head = cafeHeadSchema.safeParse(map.get(HEAD));
  if (!head.success || head.data.id !== id) {
    skipped.push(`café session ${shortKey(id)} cannot be read`);
    return null;
  }
  return { ...head.data, ...readParts(map, skipped) };
}

/** Every readable session, newest first; what cannot be read is listed in `skipped`. */
export function readCafes(doc: Y.Doc, skipped: string[] = []): CafeSession[] {
  const sessions: CafeSession[] = [];
  for (const id of cafesMap(doc).keys()) {
    const session = readCafe(doc, id, skipped);
    if (session) sessions.push(session);
  }
  sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  if (sessions.length > CAFE_LIMITS.sessionsPerModel) {
    skipped.push(`${sessions.length - CAFE_LIMITS.sessionsPerModel} café sessions past the cap`);
    sessions.length = CAFE_LIMITS.sessionsPerModel;
  }
  return sessions;
}

/** Writes sessions read from a model file into an empty review document (import, recovery). */
export function loadCafes(doc: Y.Doc, sessions: readonly CafeSession[], origin: unknown): void {
  doc.transact(() => {
    for (const session of sessions) {
      const { participants, notes, themes, proposals, ...head } = session;
      const map = new Y.Map<unknown>();
      cafesMap(doc).set(head.id, map);
      map.set(HEAD, head);
      for (const p of participants) map.set(`p:${p.person.id}`, p);
      for (const n of notes) map.set(`n:${n.id}`, n);
      for (const t of themes) map.set(`t:${t.id}`, t);
      for (const r of proposals) map.set(`r:${r.id}`, r);
    }
  }, origin);
}
