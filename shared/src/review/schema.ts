import { z } from "zod";
import { COMMENT_MAX, NAME_MAX, REVIEW_LIMITS } from "../limits.ts";
import { ROLES } from "../roles.ts";
import { idSchema } from "../schema.ts";

/**
 * The review document (`<model>/review`): comment threads and fist-to-five consensus votes.
 * It lives apart from the graph so that commenters can write it while the graph stays
 * read-only for them, and so that a graph restore never touches anyone's comments.
 */

/** The themes that revisiting a model surfaces (World Café: concerns, celebrations, ideas). */
export const THREAD_TYPES = ["question", "concern", "idea", "celebration"] as const;
export type ThreadType = (typeof THREAD_TYPES)[number];

/** The mastery goal is voted on like a goal node, under this reserved target. */
export const MASTERY_TARGET = "mastery";

export const isoDateTime = z.iso.datetime({ offset: true, error: "must be an ISO date and time" });

/**
 * A person, as far as share links know one: a display name they chose, the role of their link,
 * and a stable id the server derives from a secret their browser keeps (so nobody can pose as
 * the author of someone else's message without that secret).
 */
export const authorSchema = z.strictObject({
  id: idSchema,
  name: z.string().trim().min(1, "must not be empty").max(NAME_MAX),
  role: z.enum(ROLES),
});

const anchorSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("node"), id: idSchema }),
  z.strictObject({ kind: z.literal("edge"), id: idSchema }),
  z.strictObject({ kind: z.literal("model") }),
]);

export const messageSchema = z
  .strictObject({
    id: idSchema,
    author: authorSchema,
    text: z.string().max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`),
    createdAt: isoDateTime,
    editedAt: isoDateTime.optional(),
    deleted: z.boolean().optional(),
  })
  .refine((m) => m.deleted === true || m.text.trim() !== "", {
    path: ["text"],
    message: "must not be empty",
  });

export const threadSchema = z.strictObject({
  id: idSchema,
  anchor: anchorSchema,
  type: z.enum(THREAD_TYPES),
  status: z.enum(["open", "resolved"]),
  createdAt: isoDateTime,
  author: authorSchema,
  resolvedAt: isoDateTime.optional(),
  resolvedBy: authorSchema.optional(),
  messages: z.array(messageSchema).min(1).max(REVIEW_LIMITS.messagesPerThread),
});

export const voteSchema = z.strictObject({
  target: z.union([z.literal(MASTERY_TARGET), idSchema]),
  author: authorSchema,
  level: z.number().int().min(0, "must be 0 to 5").max(5, "must be 0 to 5"),
  note: z.string().max(COMMENT_MAX).optional(),
  at: isoDateTime,
});

export const reviewSchema = z.strictObject({
  threads: z.array(threadSchema).max(REVIEW_LIMITS.threads),
  votes: z.array(voteSchema).max(REVIEW_LIMITS.votes),
});

export type Author = z.infer<typeof authorSchema>;
export type Anchor = z.infer<typeof anchorSchema>;
export type CommentMessage = z.infer<typeof messageSchema>;
export type Thread = z.infer<typeof threadSchema>;
export type Vote = z.infer<typeof voteSchema>;
export type Review = z.infer<typeof reviewSchema>;

/** Names after an @ that match someone who has taken part; longest names first. */
export function mentionsIn(text: string, knownNames: readonly string[]): string[] {
  const found = new Set<string>();
  const byLength = [...knownNames].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  for (const name of byLength) {
    const needle = `@${name.toLowerCase()}`;
    let at = lower.indexOf(needle);
    while (at !== -1) {
      const after = lower[at + needle.length];
      if (after === undefined || !/[\p{L}\p{N}_]/u.test(after)) {
        found.add(name);
        break;
      }
      at = lower.indexOf(needle, at + 1);
    }
  }
  return [...found];
}
