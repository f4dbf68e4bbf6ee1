import * as Y from "yjs";
import { z } from "zod";
import { idSchema } from "../schema.ts";
import { authorSchema, isoDateTime, messageSchema, threadSchema, voteSchema } from "./schema.ts";

/**
 * The review document's Yjs layout, field by field: the one definition that both the server's
 * write gate and every reader use (see read.ts), so that a write is accepted only when the readers
 * would show it exactly as written.
 *
 *   threads  Y.Map  id -> Y.Map  THREAD_FIELDS   (its `messages` is a Y.Map id -> Y.Map MESSAGE_FIELDS)
 *   votes    Y.Map  "<target>:<authorId>" -> plain object VOTE_FIELDS
 *
 * Every field other than `messages` holds a plain value (never a Y.Text, Y.XmlFragment or other
 * shared type); a key not named here is unreadable. Required fields and the combinations that
 * go together (an anchor id except on the model, all three author fields) are judged by the zod
 * schemas in schema.ts once the fields are read.
 */

/** A field that holds a nested Y.Map (the only shared type in the layout). */
const NESTED_MAP = "Y.Map";
type FieldType = z.ZodType | typeof NESTED_MAP;
type Fields = Readonly<Record<string, FieldType>>;

const optional = <T extends z.ZodType>(schema: z.ZodOptional<T>): T => schema.unwrap();

function authorFields(prefix: string): Record<string, z.ZodType> {
  return {
    [`${prefix}Id`]: authorSchema.shape.id,
    [`${prefix}Name`]: authorSchema.shape.name,
    [`${prefix}Role`]: authorSchema.shape.role,
  };
}

const ANCHOR_KINDS = ["node", "edge", "model"] as const;

export const THREAD_FIELDS: Fields = {
  id: threadSchema.shape.id,
  type: threadSchema.shape.type,
  status: threadSchema.shape.status,
  createdAt: threadSchema.shape.createdAt,
  anchorKind: z.enum(ANCHOR_KINDS),
  anchorId: idSchema,
  ...authorFields("author"),
  resolvedAt: isoDateTime,
  ...authorFields("resolvedBy"),
  messages: NESTED_MAP,
};

export const MESSAGE_FIELDS: Fields = {
  id: messageSchema.shape.id,
  ...authorFields("author"),
  text: messageSchema.shape.text,
  createdAt: messageSchema.shape.createdAt,
  editedAt: optional(messageSchema.shape.editedAt),
  deleted: optional(messageSchema.shape.deleted),
};

export const VOTE_FIELDS: Fields = {
  target: voteSchema.shape.target,
  ...authorFields("author"),
  level: voteSchema.shape.level,
  note: optional(voteSchema.shape.note),
  at: voteSchema.shape.at,
};

export type FieldsRead =
  | { ok: true; values: Record<string, unknown>; maps: Map<string, Y.Map<unknown>> }
  | { ok: false; problem: string };

const shown = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/** The fields of one entry, each checked against its type; the first problem otherwise. */
export function readFields(entries: Iterable<[string, unknown]>, fields: Fields): FieldsRead {
  const values: Record<string, unknown> = {};
  const maps = new Map<string, Y.Map<unknown>>();
  for (const [key, value] of entries) {
    const type = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (type === undefined) return { ok: false, problem: `has a field ${shown(key)} it may not` };
    if (type === NESTED_MAP) {
      if (!(value instanceof Y.Map)) return { ok: false, problem: `${key} must be a Y.Map` };
      maps.set(key, value);
      continue;
    }
    if (value instanceof Y.AbstractType)
      return {
        ok: false,
        problem: `${key} must be a plain value, not a ${value.constructor.name}`,
      };
    const parsed = type.safeParse(value);
    if (!parsed.success)
      return { ok: false, problem: `${key} ${parsed.error.issues[0]?.message ?? "is invalid"}` };
    values[key] = parsed.data;
  }
  return { ok: true, values, maps };
}

/** The author fields `<prefix>Id/Name/Role` as one author, or undefined when none is present. */
export function authorOf(values: Record<string, unknown>, prefix: string): unknown {
  const id = values[`${prefix}Id`];
  const name = values[`${prefix}Name`];
  const role = values[`${prefix}Role`];
  if (id === undefined && name === undefined && role === undefined) return undefined;
  return { id, name, role };
}

/** Whether `value` is a plain JSON object (what a vote entry must be). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
