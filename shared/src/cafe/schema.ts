import { z } from "zod";
import { NODE_KINDS } from "../kinds.ts";
import { CAFE_LIMITS, INDICATOR_MAX, TITLE_MAX } from "../limits.ts";
import { authorSchema, isoDateTime, voteSchema } from "../review/schema.ts";
import { idSchema, isoDateSchema } from "../schema.ts";

/**
 * A World Café session (seed 001): a facilitator reveals up to three prompts one round at a
 * time, people talk at tables of their choosing and leave sticky notes (concerns, celebrations,
 * ideas), then the room groups the notes into themes that become proposed revisions of the
 * model, each decided by a fist-to-five vote. The record is one of these objects; the API's
 * bodies (api.ts), the review document's layout (doc.ts) and the model file all use them.
 */

export const NOTE_TAGS = ["concern", "celebration", "idea"] as const;
export type NoteTag = (typeof NOTE_TAGS)[number];

export const CAFE_PHASES = ["draft", "round", "synthesis", "closed"] as const;
export type CafePhase = (typeof CAFE_PHASES)[number];

export const CAFE_DEFAULT_MINUTES = 90;

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} must be at most ${max} characters`);

export const cafeTableSchema = z.strictObject({
  id: idSchema,
  name: text(CAFE_LIMITS.tableNameLength, "A table's name"),
});

export const cafeHeadSchema = z.strictObject({
  id: idSchema,
  title: text(CAFE_LIMITS.titleLength, "The session's title"),
  prompts: z
    .array(text(CAFE_LIMITS.promptLength, "A prompt"))
    .min(1, "A session needs at least one prompt")
    .max(CAFE_LIMITS.prompts, `A session has at most ${CAFE_LIMITS.prompts} prompts`),
  minutes: z
    .number({ error: "The duration must be a number of minutes" })
    .int("The duration must be whole minutes")
    .min(CAFE_LIMITS.minutesMin, `A session lasts at least ${CAFE_LIMITS.minutesMin} minutes`)
    .max(CAFE_LIMITS.minutesMax, `A session lasts at most ${CAFE_LIMITS.minutesMax} minutes`),
  tables: z
    .array(cafeTableSchema)
    .min(1, "A session needs at least one table")
    .max(CAFE_LIMITS.tables, `A session has at most ${CAFE_LIMITS.tables} tables`),
  phase: z.enum(CAFE_PHASES),
  /** The round under way (1-based; 0 before the first). */
  round: z.number().int().min(0).max(CAFE_LIMITS.prompts),
  /** Stamped by the server's clock when the round began and when it is due to end. */
  roundStartedAt: isoDateTime.optional(),
  roundEndsAt: isoDateTime.optional(),
  createdAt: isoDateTime,
  facilitator: authorSchema,
});

export const cafeParticipantSchema = z.strictObject({
  person: authorSchema,
  table: idSchema,
  joinedAt: isoDateTime,
});

export const cafeNoteSchema = z.strictObject({
  id: idSchema,
  table: idSchema,
  round: z.number().int().min(1).max(CAFE_LIMITS.prompts),
  tag: z.enum(NOTE_TAGS, { error: `A note's tag must be one of ${NOTE_TAGS.join(", ")}` }),
  text: text(CAFE_LIMITS.noteLength, "A note"),
  cardId: idSchema.optional(),
  author: authorSchema,
  at: isoDateTime,
  /** The theme the note was grouped under during synthesis. */
  theme: idSchema.optional(),
});

export const cafeThemeSchema = z.strictObject({
  id: idSchema,
  title: text(CAFE_LIMITS.themeTitleLength, "A theme's title"),
  createdAt: isoDateTime,
});

/** What a proposal would change in the model: one card field, a new card, or a removed link. */
export const proposalChangeSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      kind: z.literal("title"),
      cardId: idSchema,
      title: text(TITLE_MAX, "The new title"),
    }),
    z.strictObject({
      kind: z.literal("target"),
      cardId: idSchema,
      value: z.number({ error: "The target must be a number" }).finite(),
      date: isoDateSchema,
    }),
    z.strictObject({
      kind: z.literal("indicator"),
      cardId: idSchema,
      indicator: text(INDICATOR_MAX, "The indicator"),
    }),
    z.strictObject({
      kind: z.literal("newCard"),
      cardKind: z.enum(NODE_KINDS, { error: "The new card's kind is not one of the lanes" }),
      title: text(TITLE_MAX, "The new card's title"),
    }),
    z.strictObject({ kind: z.literal("removeLink"), edgeId: idSchema }),
  ],
  { error: "A proposal changes a title, target, indicator, adds a card or removes a link" },
);
export type ProposalChange = z.infer<typeof proposalChangeSchema>;

export const PROPOSAL_STATUSES = ["open", "accepted", "rejected"] as const;

export const cafeProposalSchema = z.strictObject({
  /** Also the target of its fist-to-five votes in the review document. */
  id: idSchema,
  theme: idSchema,
  /** The theme's title when proposed: the "why" the revision log keeps. */
  reason: text(CAFE_LIMITS.themeTitleLength, "The reason"),
  change: proposalChangeSchema,
  status: z.enum(PROPOSAL_STATUSES),
  createdAt: isoDateTime,
  decidedAt: isoDateTime.optional(),
  /** The votes as they stood when the vote was closed (kept with a rejected proposal too). */
  votes: z.array(voteSchema).max(CAFE_LIMITS.participants).optional(),
  /** The card a new-card proposal created. */
  createdCard: idSchema.optional(),
});

export const cafeSessionSchema = cafeHeadSchema.extend({
  participants: z
    .array(cafeParticipantSchema)
    .max(CAFE_LIMITS.participants, `A session seats at most ${CAFE_LIMITS.participants} people`),
  notes: z
    .array(cafeNoteSchema)
    .max(CAFE_LIMITS.notes, `A session holds at most ${CAFE_LIMITS.notes} notes`),
  themes: z
    .array(cafeThemeSchema)
    .max(CAFE_LIMITS.themes, `A session has at most ${CAFE_LIMITS.themes} themes`),
  proposals: z
    .array(cafeProposalSchema)
    .max(CAFE_LIMITS.proposals, `A session has at most ${CAFE_LIMITS.proposals} proposals`),
});

export const cafeSessionsSchema = z
  .array(cafeSessionSchema)
  .max(
    CAFE_LIMITS.sessionsPerModel,
    `A model keeps at most ${CAFE_LIMITS.sessionsPerModel} café sessions`,
  );

export type CafeTable = z.infer<typeof cafeTableSchema>;
export type CafeHead = z.infer<typeof cafeHeadSchema>;
export type CafeParticipant = z.infer<typeof cafeParticipantSchema>;
export type CafeNote = z.infer<typeof cafeNoteSchema>;
export type CafeTheme = z.infer<typeof cafeThemeSchema>;
export type CafeProposal = z.infer<typeof cafeProposalSchema>;
export type CafeSession = z.infer<typeof cafeSessionSchema>;
