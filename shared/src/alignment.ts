import { z } from "zod";
import { idSchema } from "./scalars.ts";

/**
 * A goal card's alignments up the goals cascade (a team's goal to its school's, a school's to
 * the district's): which goal of which model it contributes to, and how, in words. Stored on the
 * card (`alignsTo`, a plain value replaced whole on each change), carried by the file format
 * from version 2, and validated by this one schema in the file, the readers and the write gate.
 * An alignment names a goal by model id and card id only, so a goal that is deleted, or a model
 * archived or moved out of the tree, leaves the alignment in place, and the server reports it
 * as broken instead of dropping it.
 */

/** Model ids are made by the server: 16 letters and digits (the server checks paths with it too). */
export const MODEL_ID_PATTERN = /^[0-9A-Za-z]{16}$/;
export const modelIdSchema = z.string().regex(MODEL_ID_PATTERN, {
  error: "must be a model id (16 letters and digits)",
});

export const ALIGNMENT_LIMITS = {
  /** Goals one card aligns to: a team goal usually serves one school goal, rarely three. */
  perCard: 10,
  /** The note on how the goal contributes. */
  noteMax: 500,
} as const;

export const alignmentSchema = z.strictObject({
  modelId: modelIdSchema,
  cardId: idSchema,
  note: z
    .string()
    .max(ALIGNMENT_LIMITS.noteMax, {
      error: `must be at most ${ALIGNMENT_LIMITS.noteMax} characters`,
    })
    .optional(),
});

export const alignsToSchema = z
  .array(alignmentSchema, { error: "must be a list of goals it aligns to" })
  .max(ALIGNMENT_LIMITS.perCard, {
    error: `a goal aligns to at most ${ALIGNMENT_LIMITS.perCard} goals`,
  })
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((a, index) => {
      const key = `${a.modelId}:${a.cardId}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: "aligns to the same goal twice",
        });
      }
      seen.add(key);
    });
  });

export type Alignment = z.infer<typeof alignmentSchema>;

/** The key of one aligned-to goal, as maps and sets of the cascade use it. */
export function goalKey(modelId: string, cardId: string): string {
  return `${modelId}:${cardId}`;
}

/**
 * The alignment picker's search: every word of the query, in any order, somewhere in the goal's
 * title, its model's title or its workspace's name ("grade 3 reading" finds “Reading
 * proficiency” in Grade 3's plan). Case and accents are ignored; an empty query matches all.
 */
export function searchWords(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

export function matchesWords(words: readonly string[], ...fields: readonly string[]): boolean {
  if (words.length === 0) return true;
  const text = fold(fields.join(" \u0000 "));
  return words.every((w) => text.includes(w));
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase();
}
