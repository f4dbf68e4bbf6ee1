import type { Hocuspocus } from "@hocuspocus/server";
import {
  type Author,
  advance,
  CAFE_LIMITS,
  type CafeHead,
  type CafeNote,
  type CafeSession,
  cafesMap,
  createCafe,
  type NewNote,
  type newCafeBody,
  newId,
  noteRefusal,
  readCafe,
  seatRefusal,
  synthesisRefusal,
  writeCafeEntry,
  writeCafeHead,
} from "@logic-canvas/shared";
import type * as Y from "yjs";
import type { z } from "zod";
import type { Person } from "../access/identity.ts";
import { ApiError } from "../http/respond.ts";
import type { ServerChangeContext } from "../models/models.ts";
import { changeDocument } from "./documents.ts";

/**
 * A World Café session's steps on the server: each checks the session's stage and the caps in
 * shared/src/limits.ts, then writes the review document with the server's clock. Roles are the
 * routes' (commenters seat themselves and write notes; editors and owners facilitate).
 */

export interface Actor {
  role: Author["role"];
  person: Person | null;
}

export const refused = (message: string, status = 409) =>
  new ApiError(status, "cafe-refused", message);

export function authorOf(actor: Actor): Author {
  if (!actor.person)
    throw refused("Give your name first: café notes and sessions are signed.", 400);
  return { id: actor.person.id, name: actor.person.name, role: actor.role };
}

export function contextOf(actor: Actor, reason?: string): ServerChangeContext {
  return { source: "cafe", role: actor.role, person: actor.person, ...(reason ? { reason } : {}) };
}

export function sessionIn(doc: Y.Doc, id: string): CafeSession {
  const session = readCafe(doc, id);
  if (!session) throw new ApiError(404, "not-found", "This model has no such café session.");
  return session;
}

export class CafeService {
  constructor(private readonly hocuspocus: Hocuspocus) {}

  /** Runs `work` on the model's review document in one server-side transaction. */
  inReview<T>(modelId: string, actor: Actor, work: (doc: Y.Doc) => T): Promise<T> {
    return changeDocument(this.hocuspocus, "review", modelId, contextOf(actor), work);
  }

  create(modelId: string, actor: Actor, body: z.infer<typeof newCafeBody>): Promise<CafeHead> {
    const facilitator = authorOf(actor);
    return this.inReview(modelId, actor, (doc) => {
      if (cafesMap(doc).size >= CAFE_LIMITS.sessionsPerModel)
        throw refused(`A model keeps at most ${CAFE_LIMITS.sessionsPerModel} café sessions.`);
      const head: CafeHead = {
        id: newId(),
        title: body.title,
        prompts: body.prompts,
        minutes: body.minutes,
        tables: body.tables.map((name) => ({ id: newId(), name })),
        phase: "draft",
        round: 0,
        createdAt: new Date().toISOString(),
        facilitator,
      };
      createCafe(doc, head, null);
      return head;
    });
  }

  /** The next stage, its round stamped with the server's clock. */
  advance(modelId: string, actor: Actor, id: string, from: string): Promise<CafeHead> {
    return this.inReview(modelId, actor, (doc) => {
      const {
        participants: _p,
        notes: _n,
        themes: _t,
        proposals: _r,
        ...head
      } = sessionIn(doc, id);
      const next = advance(head, Date.now(), from);
      if (!next.ok) throw refused(next.message);
      writeCafeHead(doc, next.head, null);
      return next.head;
    });
  }

  seat(modelId: string, actor: Actor, id: string, table: string): Promise<void> {
    const person = authorOf(actor);
    return this.inReview(modelId, actor, (doc) => {
      const session = sessionIn(doc, id);
      const problem = seatRefusal(session);
      if (problem) throw refused(problem);
      if (!session.tables.some((t) => t.id === table))
        throw refused("This session has no such table.", 400);
      const known = session.participants.find((p) => p.person.id === person.id);
      if (!known && session.participants.length >= CAFE_LIMITS.participants)
        throw refused(`A session seats at most ${CAFE_LIMITS.participants} people.`);
      const joinedAt = known?.joinedAt ?? new Date().toISOString();
      writeCafeEntry(doc, id, "p", person.id, { person, table, joinedAt }, null);
    });
  }

  addNote(modelId: string, actor: Actor, id: string, body: NewNote): Promise<CafeNote> {
    const author = authorOf(actor);
    return this.inReview(modelId, actor, (doc) => {
      const session = sessionIn(doc, id);
      const problem = noteRefusal(session);
      if (problem) throw refused(problem);
      const seat = session.participants.find((p) => p.person.id === author.id);
      if (!seat) throw refused("Choose a table first: notes are written at a table.");
      if (session.notes.length >= CAFE_LIMITS.notes)
        throw refused(`A session holds at most ${CAFE_LIMITS.notes} notes.`);
      const mine = session.notes.filter((n) => n.author.id === author.id).length;
      if (mine >= CAFE_LIMITS.notesPerPerson)
        throw refused(`One person writes at most ${CAFE_LIMITS.notesPerPerson} notes a session.`);
      const note: CafeNote = {
        id: newId(),
        table: seat.table,
        round: session.round,
        tag: body.tag,
        text: body.text,
        ...(body.cardId ? { cardId: body.cardId } : {}),
        author,
        at: new Date().toISOString(),
      };
      writeCafeEntry(doc, id, "n", note.id, note, null);
      return note;
    });
  }

  addTheme(modelId: string, actor: Actor, id: string, title: string): Promise<{ id: string }> {
    return this.inReview(modelId, actor, (doc) => {
      const session = sessionIn(doc, id);
      const problem = synthesisRefusal(session);
      if (problem) throw refused(problem);
      if (session.themes.length >= CAFE_LIMITS.themes)
        throw refused(`A session has at most ${CAFE_LIMITS.themes} themes.`);
      const theme = { id: newId(), title, createdAt: new Date().toISOString() };
      writeCafeEntry(doc, id, "t", theme.id, theme, null);
      return { id: theme.id };
    });
  }

  /** Groups a note under a theme (or ungroups it with null). */
  groupNote(
    modelId: string,
    actor: Actor,
    id: string,
    noteId: string,
    theme: string | null,
  ): Promise<void> {
    return this.inReview(modelId, actor, (doc) => {
      const session = sessionIn(doc, id);
      const problem = synthesisRefusal(session);
      if (problem) throw refused(problem);
      const note = session.notes.find((n) => n.id === noteId);
      if (!note) throw new ApiError(404, "not-found", "This session has no such note.");
      if (theme !== null && !session.themes.some((t) => t.id === theme))
        throw refused("This session has no such theme.", 400);
      const { theme: _old, ...rest } = note;
      writeCafeEntry(doc, id, "n", noteId, theme === null ? rest : { ...rest, theme }, null);
    });
  }
}
