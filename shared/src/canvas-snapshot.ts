import { z } from "zod";
import { ROLES } from "./roles.ts";
import { idSchema } from "./scalars.ts";
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
  /** The caller's role on the model, as `GET /api/models/:id` answers it. */
  role: z.enum(ROLES),
  cards: z.array(snapshotCardSchema),
  links: z.array(snapshotLinkSchema),
});

export type CanvasSnapshot = z.infer<typeof canvasSnapshotSchema>;
export type SnapshotCard = z.infer<typeof snapshotCardSchema>;
export type SnapshotLink = z.infer<typeof snapshotLinkSchema>;
