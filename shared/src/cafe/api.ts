import { z } from "zod";
import { CAFE_LIMITS } from "../limits.ts";
import { idSchema } from "../schema.ts";
import {
  CAFE_DEFAULT_MINUTES,
  cafeHeadSchema,
  cafeNoteSchema,
  cafeTableSchema,
  cafeThemeSchema,
  proposalChangeSchema,
} from "./schema.ts";

/**
 * The café API's request bodies (server/src/http/routes-cafe.ts), defined once for the server's
 * checks and the client's forms. Every refusal names the field and its limit.
 */

const API = "/api/models";
export const cafePaths = {
  list: (model: string) => `${API}/${model}/cafes`,
  clock: (model: string) => `${API}/${model}/cafes/clock`,
  session: (model: string, id: string) => `${API}/${model}/cafes/${id}`,
  advance: (model: string, id: string) => `${API}/${model}/cafes/${id}/advance`,
  seat: (model: string, id: string) => `${API}/${model}/cafes/${id}/seat`,
  notes: (model: string, id: string) => `${API}/${model}/cafes/${id}/notes`,
  noteTheme: (model: string, id: string, note: string) =>
    `${API}/${model}/cafes/${id}/notes/${note}/theme`,
  themes: (model: string, id: string) => `${API}/${model}/cafes/${id}/themes`,
  proposals: (model: string, id: string) => `${API}/${model}/cafes/${id}/proposals`,
  decide: (model: string, id: string, proposal: string) =>
    `${API}/${model}/cafes/${id}/proposals/${proposal}/decide`,
};

export const newCafeBody = z.strictObject(
  {
    title: cafeHeadSchema.shape.title,
    prompts: cafeHeadSchema.shape.prompts,
    minutes: cafeHeadSchema.shape.minutes.default(CAFE_DEFAULT_MINUTES),
    tables: z
      .array(cafeTableSchema.shape.name)
      .min(1, "A session needs at least one table")
      .max(CAFE_LIMITS.tables, `A session has at most ${CAFE_LIMITS.tables} tables`)
      .refine((names) => new Set(names.map((n) => n.toLowerCase())).size === names.length, {
        message: "Two tables have the same name",
      }),
  },
  { error: 'Send { "title", "prompts": [1 to 3], "minutes", "tables": [names] }' },
);
export type NewCafe = z.input<typeof newCafeBody>;

export const advanceBody = z.strictObject(
  { from: z.string().max(20) },
  { error: 'Send { "from" }: the stage you saw ("draft", "round:1"…)' },
);

export const seatBody = z.strictObject(
  { table: idSchema },
  { error: 'Send { "table" }: the id of a table' },
);

export const newNoteBody = z.strictObject(
  {
    tag: cafeNoteSchema.shape.tag,
    text: cafeNoteSchema.shape.text,
    cardId: cafeNoteSchema.shape.cardId,
  },
  { error: 'Send { "tag": concern, celebration or idea, "text", "cardId"? }' },
);
export type NewNote = z.infer<typeof newNoteBody>;

export const noteThemeBody = z.strictObject(
  { theme: idSchema.nullable() },
  { error: 'Send { "theme" }: a theme id, or null to ungroup' },
);

export const newThemeBody = z.strictObject(
  { title: cafeThemeSchema.shape.title },
  { error: 'Send { "title" }' },
);

export const newProposalBody = z.strictObject(
  { theme: idSchema, change: proposalChangeSchema },
  { error: 'Send { "theme", "change" }' },
);

/** The server's clock, for the round timer (`clockOffset`). */
export interface CafeClock {
  now: number;
}
