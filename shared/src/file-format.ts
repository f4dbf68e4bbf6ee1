import { z } from "zod";
import { cafeSessionsSchema } from "./cafe/schema.ts";
import { describeProblem, describeSchemaIssue, type FileError, shortTitle } from "./file-report.ts";
import { NODE_KINDS } from "./kinds.ts";
import { checkLink, type LinkEnd } from "./link-rules.ts";
import { tidyPurpose } from "./purpose.ts";
import { reviewSchema } from "./review/schema.ts";
import { isoDateSchema, type LogicModel, modelSchema } from "./schema.ts";
import { unknownSubgroupRefs } from "./subgroup-refs.ts";

/**
 * The logic-model file: import/export and the API's wire format. It is the model schema plus a
 * header, so the file and the document can never disagree about what a node is.
 */

const FILE_FORMAT = "logic-model";
export const FILE_VERSION = 2;

/**
 * Optional top-level fields that features add to the file. Each is one line here; leaving a
 * field out of a file means "none". Issue 5 adds `review` (comments and votes) the same way.
 */
const fileExtensionsShape = {
  /** Check-in dates ("signposts") when the team revisits the model. */
  checkIns: z.array(isoDateSchema).max(1_000, "at most 1,000 check-in dates").optional(),
  /** Comment threads and consensus votes of the review document. */
  review: reviewSchema.optional(),
  /** World Café sessions kept with the model (issue 17): prompts, tables, notes, themes, proposals. */
  cafes: cafeSessionsSchema.optional(),
};
export type ModelFileExtensions = {
  [K in keyof typeof fileExtensionsShape]?: z.infer<(typeof fileExtensionsShape)[K]>;
};

const modelFileSchema = modelSchema.extend({
  format: z.literal(FILE_FORMAT),
  version: z.literal(FILE_VERSION),
  ...fileExtensionsShape,
});
export type ModelFile = z.infer<typeof modelFileSchema>;
export type { FileError };

type ParseModelFileResult =
  | { ok: true; model: LogicModel; file: ModelFile }
  | { ok: false; errors: FileError[] };

/**
 * Step N turns a version-N file object into version N+1. Version 1 is the first; add a step for
 * every change of the file, never edit an old one.
 */
const FILE_MIGRATIONS: FileMigrations = {
  /**
   * Version 2 adds optional fields only (a goal's alignments up the cascade, and the fields of
   * later features listed in the schema); a version-1 file has none of them, so it reads as is.
   * The number still changes so that an older app refuses a version-2 file in words instead of
   * reporting each new field as unknown.
   * Issue 17: a goal's `cycles` (PDCA) and the model's `mission`, `vision` and `values`.
   * Action plans: an activity's optional `plan` ({ owner {id,name}, start, due, status, blockedReason }).
   * Issue 17 adds `cafes` (World Café sessions, cafe/schema.ts) at the top level.
   * - goal cards' `alignsTo`: [{ modelId, cardId, note? }] (shared/src/alignment.ts).
   * Issue 18: a goal's optional `subgroups` ([{ id, name, baseline?, target? }], at most 12) and a
   * measurement's optional `subgroup` (a subgroup's id); without them, everything is the whole group.
   * - a goal's optional `owner` ({ id, name }, like an action plan's owner).
   */
  1: (file) => file,
};

type FileMigrations = Record<number, (file: Record<string, unknown>) => Record<string, unknown>>;

/** Runs the steps from `version` up to `to`; exported so the chain itself can be tested. */
export function migrateFileObject(
  file: Record<string, unknown>,
  version: number,
  steps: FileMigrations = FILE_MIGRATIONS,
  to = FILE_VERSION,
): Record<string, unknown> {
  let migrated = file;
  for (let v = version; v < to; v += 1) {
    const step = steps[v];
    if (!step) throw new Error(`No file migration from version ${v}`);
    migrated = { ...step(migrated), version: v + 1 };
  }
  return migrated;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** A problem with the file as a whole: its message is already in words. */
function fail(path: string, message: string, text = message): ParseModelFileResult {
  return { ok: false, errors: [{ path, message, text }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The entries of `nodes` or `edges` that carry a text id, whatever else is wrong with them. */
function withIds(data: Record<string, unknown>, collection: "nodes" | "edges") {
  const list = data[collection];
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, index) =>
    isRecord(item) && typeof item.id === "string" ? [{ item, index, id: item.id }] : [],
  );
}

/**
 * Duplicate ids would silently merge two cards into one when loaded, so the file is refused.
 * Checked on the file as written, so a file with other problems lists these too.
 */
function duplicateIds(data: Record<string, unknown>): FileError[] {
  const errors: FileError[] = [];
  for (const collection of ["nodes", "edges"] as const) {
    const seen = new Map<string, number>();
    for (const { index, id } of withIds(data, collection)) {
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, index);
        continue;
      }
      const other = collection === "nodes" ? `card ${first + 1}` : `link ${first + 1}`;
      errors.push(
        describeProblem(
          [collection, index],
          data,
          `${collection}[${index}].id`,
          `repeats the id "${id}" of ${collection}[${first}]`,
          `its id “${id}” is already the id of ${other}; each needs its own`,
        ),
      );
    }
  }
  return errors;
}

/**
 * A link drawn backward or to itself means nothing; a file that holds one is refused, with the
 * link's place, rather than stored. (A link to a card the file lacks is kept: `validateModel`
 * reports it, as it does for one a concurrent delete leaves.)
 */
function wrongWayLinks(data: Record<string, unknown>): FileError[] {
  const cards = new Map<string, LinkEnd>();
  for (const { item, id } of withIds(data, "nodes")) {
    const kind = item.kind as LinkEnd["kind"];
    if (cards.has(id) || !NODE_KINDS.includes(kind)) continue;
    // The title is shortened here so that the rule's message quotes it as the report does.
    const title = shortTitle(typeof item.title === "string" ? item.title : id);
    cards.set(id, { id, kind, title });
  }
  const errors: FileError[] = [];
  for (const { item, index } of withIds(data, "edges")) {
    const source = typeof item.source === "string" ? cards.get(item.source) : undefined;
    const target = typeof item.target === "string" ? cards.get(item.target) : undefined;
    if (!source || !target) continue;
    const check = checkLink(source, target, { source: source.id, target: target.id });
    if (check.ok) continue;
    const text = `Link ${index + 1}: ${check.message.replace(/"([^"]*)"/g, "“$1”")}`;
    errors.push({ path: `edges[${index}]`, message: check.message, text });
  }
  return errors;
}

/** Past this many lines the report ends with one that counts the rest: the first show what to fix. */
const REPORT_MAX = 1_000;

function capped(errors: FileError[]): FileError[] {
  if (errors.length <= REPORT_MAX) return errors;
  const text = `…and ${(errors.length - REPORT_MAX).toLocaleString("en")} more problems like these.`;
  return [...errors.slice(0, REPORT_MAX), { path: "", message: text, text }];
}

interface ParseOptions {
  /**
   * "keep" for files this app stored itself (saved versions): merging concurrent edits can leave
   * a backward link in a model, which `validateModel` reports, and its saved versions must still
   * read. Files from outside (imports, content replacement) are refused for one.
   */
  backwardLinks?: "refuse" | "keep";
}

/** Reads a file (its text or its parsed JSON) into a model, or says precisely what is wrong. */
export function parseModelFile(input: unknown, options: ParseOptions = {}): ParseModelFileResult {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (error) {
      const detail = error instanceof Error ? `: ${error.message}` : "";
      return fail("", `This file is not JSON, so it cannot be a logic model${detail}.`);
    }
  }
  if (!isRecord(data)) {
    return fail(
      "",
      "A logic-model file must hold a JSON object with format, version, title, nodes and edges.",
    );
  }
  if (data.format !== FILE_FORMAT) {
    return fail(
      "format",
      `This is not a logic-model file: "format" must be "${FILE_FORMAT}".`,
      `This is not a logic-model file: a logic-model file says “format”: “${FILE_FORMAT}” at its start.`,
    );
  }
  const version = data.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return fail(
      "version",
      `must be a whole number from 1 (this app writes ${FILE_VERSION})`,
      `The file's version must be a whole number from 1 (this app writes ${FILE_VERSION}).`,
    );
  }
  if (version > FILE_VERSION) {
    return fail(
      "version",
      `This file was saved by a newer version of Logic Canvas (file version ${version}; this one reads up to ${FILE_VERSION}). Update the app to open it.`,
    );
  }
  const migrated = migrateFileObject(data, version);
  const parsed = modelFileSchema.safeParse(migrated);
  // Every kind of problem is looked for, whatever else is wrong, so one try lists them all.
  const errors = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => describeSchemaIssue(issue, migrated, formatPath));
  errors.push(...duplicateIds(migrated), ...unknownSubgroupRefs(migrated));
  if (options.backwardLinks !== "keep") errors.push(...wrongWayLinks(migrated));
  if (!parsed.success || errors.length) return { ok: false, errors: capped(errors) };
  const { title, masteryGoal, nodes, edges, mission, vision, values } = parsed.data;
  const purpose = tidyPurpose({ mission, vision, values });
  return { ok: true, model: { title, masteryGoal, ...purpose, nodes, edges }, file: parsed.data };
}

/** The file for a model; `extras` carries the optional top-level fields. */
export function toModelFile(model: LogicModel, extras: ModelFileExtensions = {}): ModelFile {
  const present = Object.entries(extras).filter(
    ([key, value]) => key in fileExtensionsShape && value !== undefined,
  );
  return {
    format: FILE_FORMAT,
    version: FILE_VERSION,
    title: model.title,
    masteryGoal: model.masteryGoal,
    ...tidyPurpose(model),
    nodes: model.nodes,
    edges: model.edges,
    ...(Object.fromEntries(present) as ModelFileExtensions),
  };
}
