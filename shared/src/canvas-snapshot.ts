import { z } from "zod";
import { NODE_KINDS } from "./kinds.ts";
import { ROLES } from "./roles.ts";
import { ID_PATTERN, idSchema } from "./scalars.ts";
import { nodeKindSchema } from "./schema.ts";

/**
 * The canvas's first layer (issue 14): what a page draws of a model before its graph document has
 * synced. Decoding the whole Yjs document and waiting for the sync took seconds at 1,000 cards;
 * this is a compact list of every card's place, kind and title and of the links between them,
 * read by the server from the stored document and cached per state. The page draws it at once,
 * read-only, and replaces it with the live cards when the document arrives. Only someone who may
 * read the model gets it (the route's `requireRole("viewer")`). Model ids need no escaping in a
 * path (`idSchema`); the server registers the route as `canvasSnapshotPath(":id")`.
 */
export const canvasSnapshotPath = (modelId: string) => `/api/models/${modelId}/canvas-snapshot`;

/** One card: id, kind, x, y (as stored, before the lane clamp), title. */
export const snapshotCardSchema = z.tuple([
  idSchema,
  nodeKindSchema,
  z.number(),
  z.number(),
  z.string(),
]);
/** One link: id, source card, target card. */
export const snapshotLinkSchema = z.tuple([idSchema, idSchema, idSchema]);

export const canvasSnapshotSchema = z.object({
  title: z.string(),
  /** The model's mastery goal, shown across the top until the document has synced (optional:
   * an answer from before it was added has none). */
  masteryGoal: z.string().optional(),
  /** The caller's role on the model, as `GET /api/models/:id` answers it. */
  role: z.enum(ROLES),
  cards: z.array(snapshotCardSchema),
  links: z.array(snapshotLinkSchema),
});

export type CanvasSnapshot = z.infer<typeof canvasSnapshotSchema>;
export type SnapshotCard = z.infer<typeof snapshotCardSchema>;
export type SnapshotLink = z.infer<typeof snapshotLinkSchema>;

const KINDS: ReadonlySet<unknown> = new Set(NODE_KINDS);
const ROLE_SET: ReadonlySet<unknown> = new Set(ROLES);

/**
 * Reads an answer of the canvas-snapshot route: the same rules as `canvasSnapshotSchema`, checked
 * by hand because the page reads thousands of cards before it can draw them (the schema's pass
 * cost ~100 ms at 1,000 cards on a slow machine, on the way to the first cards). The first
 * problem is said in words.
 */
export function readCanvasSnapshotAnswer(
  body: unknown,
): { ok: true; snapshot: CanvasSnapshot } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  if (typeof body !== "object" || body === null) return fail("the answer is not an object");
  const { title, role, masteryGoal, cards, links } = body as Record<string, unknown>;
  if (typeof title !== "string") return fail("its title is not text");
  if (!ROLE_SET.has(role)) return fail("its role is not one of viewer, commenter, editor, owner");
  if (masteryGoal !== undefined && typeof masteryGoal !== "string")
    return fail("its mastery goal is not text");
  if (!Array.isArray(cards)) return fail("its cards are not a list");
  if (!Array.isArray(links)) return fail("its links are not a list");
  for (let i = 0; i < cards.length; i++) {
    const problem = cardProblem(cards[i]);
    if (problem) return fail(`card ${i + 1} ${problem}`);
  }
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    if (
      !Array.isArray(link) ||
      link.length !== 3 ||
      !link.every((id) => typeof id === "string" && ID_PATTERN.test(id))
    )
      return fail(`link ${i + 1} is not [id, source card, target card]`);
  }
  return {
    ok: true,
    snapshot: {
      title,
      role: role as CanvasSnapshot["role"],
      ...(masteryGoal === undefined ? {} : { masteryGoal: masteryGoal as string }),
      cards: cards as SnapshotCard[],
      links: links as SnapshotLink[],
    },
  };
}

function cardProblem(card: unknown): string | null {
  if (!Array.isArray(card) || card.length !== 5) return "is not [id, kind, x, y, title]";
  const [id, kind, x, y, title] = card;
  if (typeof id !== "string" || !ID_PATTERN.test(id)) return "has no valid id";
  if (!KINDS.has(kind)) return `has an unknown kind (${String(kind)})`;
  if (typeof x !== "number" || typeof y !== "number") return "has no numeric place";
  if (typeof title !== "string") return "has a title that is not text";
  return null;
}
