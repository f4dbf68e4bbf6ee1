import { z } from "zod";
import { actionPlanSchema, personRefSchema } from "../action-plan.ts";
import { alignsToSchema } from "../alignment.ts";
import { cycleSchema } from "../cycle-schema.ts";
import { GOAL_KINDS, type NodeKind } from "../kinds.ts";
import {
  MAX_CHECK_INS,
  MAX_CYCLE_ENTRIES,
  MAX_EDGES,
  MAX_MEASUREMENTS,
  MAX_NODES,
  TITLE_MAX,
} from "../limits.ts";
import { missionSchema, valuesSchema, visionSchema } from "../purpose.ts";
import {
  cohortSizeSchema,
  finiteNumber,
  GOAL_OWNER_ONLY,
  idSchema,
  indicatorSchema,
  innovationStageSchema,
  isoDateSchema,
  measurementSchema,
  nodeKindSchema,
  notesSchema,
  positionSchema,
  subgroupsSchema,
  titleSchema,
  unitSchema,
} from "../schema.ts";
import { SCHEMA_VERSION } from "./layout.ts";

/**
 * The graph document's Yjs layout, field by field: the one definition that the readers
 * (`read.ts`) and the server's write gate use, so that a value the gate accepts is one the
 * readers read. Every map names its keys; a key it does not name is refused. Each field says how
 * it is stored (a plain value, never a Y.Text or Y.XmlFragment; or a nested Y.Map / Y.Array),
 * what values are valid, and on which card kinds a value there is read (elsewhere it is ignored
 * by the readers and refused by the gate when a writer puts it there).
 */

export type FieldDef =
  | {
      type: "plain";
      schema: z.ZodType;
      /** Card kinds on which a value here is read; every kind when absent. */
      kinds?: readonly NodeKind[];
      /** A card or link without it does not read. */
      required?: boolean;
      /** Says which kinds may carry it, when the general sentence (`kindsSentence`) would not. */
      kindsWords?: string;
    }
  | { type: "map"; fields: MapFields }
  | {
      type: "array";
      /** What each entry must be: a plain value. */
      entry: z.ZodType;
      /** Card kinds on which entries are read; the (empty) array itself may sit on any card. */
      kinds: readonly NodeKind[];
      max: number;
    };

export type MapFields = Readonly<Record<string, FieldDef>>;

/** A top-level map whose keys are ids (or dates) and whose values all have one definition. */
export interface CollectionDef {
  key: z.ZodType;
  value: FieldDef;
  max: number;
  /** The collection's name in messages, singular and plural. */
  one: string;
  many: string;
}

const GOALS: readonly NodeKind[] = GOAL_KINDS;

export const META_FIELDS: MapFields = {
  title: { type: "plain", schema: z.string().max(TITLE_MAX) },
  masteryGoal: { type: "plain", schema: notesSchema },
  // The school's mission, vision and values (issue 17); `values` is replaced whole.
  mission: { type: "plain", schema: missionSchema },
  vision: { type: "plain", schema: visionSchema },
  values: { type: "plain", schema: valuesSchema },
  // A writer never lowers the version: migrations would run again on an already-migrated
  // document. Clients and the server only ever write the current one.
  schemaVersion: {
    type: "plain",
    schema: z.literal(SCHEMA_VERSION, {
      error: `must be the current layout version ${SCHEMA_VERSION}`,
    }),
  },
};

const DATED_FIELDS: MapFields = {
  value: { type: "plain", schema: finiteNumber, kinds: GOALS },
  date: { type: "plain", schema: isoDateSchema, kinds: GOALS },
};

const SMART_FIELDS: MapFields = {
  indicator: { type: "plain", schema: indicatorSchema, kinds: GOALS },
  unit: { type: "plain", schema: unitSchema, kinds: GOALS },
  cohortSize: { type: "plain", schema: cohortSizeSchema, kinds: GOALS },
  baseline: { type: "map", fields: DATED_FIELDS },
  target: { type: "map", fields: DATED_FIELDS },
};

export const NODE_FIELDS: MapFields = {
  id: { type: "plain", schema: idSchema, required: true },
  kind: { type: "plain", schema: nodeKindSchema, required: true },
  title: { type: "plain", schema: titleSchema, required: true },
  notes: { type: "plain", schema: notesSchema },
  position: { type: "plain", schema: positionSchema },
  stage: { type: "plain", schema: innovationStageSchema, kinds: ["activity"] },
  // An action plan (owner, dates, status) is one plain value, replaced whole on each change.
  plan: { type: "plain", schema: actionPlanSchema, kinds: ["activity"] },
  // Every card gets these at creation (see `ensureGoalStructure`); only goals have values in them.
  smart: { type: "map", fields: SMART_FIELDS },
  measurements: { type: "array", entry: measurementSchema, kinds: GOALS, max: MAX_MEASUREMENTS },
  // A goal's PDCA log (issue 17): each entry is a cycle's id with the phases it saves.
  cycles: { type: "array", entry: cycleSchema, kinds: GOALS, max: MAX_CYCLE_ENTRIES },
  // Layout 2: replaced whole on each change (see doc/alignment.ts).
  alignsTo: { type: "plain", schema: alignsToSchema, kinds: GOALS },
  // Issue 18, optional under layout 2: the goal's subgroups, replaced whole on each change (see
  // doc/subgroups.ts); their measurements sit in `measurements`, each naming its subgroup's id.
  subgroups: { type: "plain", schema: subgroupsSchema, kinds: GOALS },
  // Issue 18, optional under layout 2: the person who answers for a goal, replaced whole.
  owner: { type: "plain", schema: personRefSchema, kinds: GOALS, kindsWords: GOAL_OWNER_ONLY },
};

export const EDGE_FIELDS: MapFields = {
  id: { type: "plain", schema: idSchema, required: true },
  source: { type: "plain", schema: idSchema, required: true },
  target: { type: "plain", schema: idSchema, required: true },
  rationale: { type: "plain", schema: notesSchema },
};

export const NODES_COLLECTION: CollectionDef = {
  key: idSchema,
  value: { type: "map", fields: NODE_FIELDS },
  max: MAX_NODES,
  one: "card",
  many: "cards",
};

export const EDGES_COLLECTION: CollectionDef = {
  key: idSchema,
  value: { type: "map", fields: EDGE_FIELDS },
  max: MAX_EDGES,
  one: "link",
  many: "links",
};

export const CHECK_INS_COLLECTION: CollectionDef = {
  key: isoDateSchema,
  value: { type: "plain", schema: z.literal(true) },
  max: MAX_CHECK_INS,
  one: "check-in date",
  many: "check-in dates",
};

/**
 * A card's position, recognised without Zod: a drag writes one on every move, and the write gate
 * checks each. Accepts only what `positionSchema` accepts (a plain object with exactly finite `x`
 * and `y`); anything else goes to the schema, which says what is wrong.
 */
function isPlainPosition(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  const { x, y } = value as { x?: unknown; y?: unknown };
  return (
    Object.keys(value).length === 2 &&
    Object.hasOwn(value, "x") &&
    Object.hasOwn(value, "y") &&
    Number.isFinite(x) &&
    Number.isFinite(y)
  );
}

/** Why a value does not fit a plain field, in words; null when it fits. */
export function plainFieldProblem(def: FieldDef, value: unknown): string | null {
  if (def.type !== "plain") return null;
  if (def.schema === positionSchema && isPlainPosition(value)) return null;
  const parsed = def.schema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  // Inside an object value (a position, an action plan), say which part: "owner.id must be…".
  const where = issue?.path.length ? `${issue.path.map(String).join(".")} ` : "";
  return `${where}${issue?.message ?? "is not valid"}`;
}

/** Whether a value in `def` is read on a card of `kind`. */
export function readOnKind(def: FieldDef, kind: unknown): boolean {
  const kinds = def.type === "map" ? undefined : def.kinds;
  return !kinds || (kinds as readonly unknown[]).includes(kind);
}

/** The sentence that says which kinds may carry a field. */
export function kindsSentence(def: FieldDef): string {
  const kinds = def.type === "map" ? undefined : def.kinds;
  if (!kinds) return "";
  if (def.type === "plain" && def.kindsWords) return def.kindsWords;
  return kinds.length === 1
    ? `only ${kinds[0] === "activity" ? "activities" : kinds[0]} carry it`
    : def.type === "array" && def.entry === cycleSchema
      ? "only goals (small-win, mid-journey, long-term) run PDCA cycles"
      : "only goals (small-win, mid-journey, long-term) carry SMART targets and measurements";
}

const plainCache = new WeakMap<MapFields, [string, FieldDef][]>();

/** The plain fields of a map, in table order, for readers that copy them out. */
export function plainFields(fields: MapFields): readonly [string, FieldDef][] {
  let list = plainCache.get(fields);
  if (!list) {
    list = Object.entries(fields).filter(([, def]) => def.type === "plain");
    plainCache.set(fields, list);
  }
  return list;
}
