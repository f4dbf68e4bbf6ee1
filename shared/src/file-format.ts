import { z } from "zod";
import { checkLink } from "./link-rules.ts";
import { reviewSchema } from "./review/schema.ts";
import { isoDateSchema, type LogicModel, modelSchema } from "./schema.ts";

/**
 * The logic-model file: import/export and the API's wire format. It is the model schema plus a
 * header, so the file and the document can never disagree about what a node is.
 */

const FILE_FORMAT = "logic-model";
export const FILE_VERSION = 1;

/**
 * Optional top-level fields that features add to the file. Each is one line here; leaving a
 * field out of a file means "none". Issue 5 adds `review` (comments and votes) the same way.
 */
const fileExtensionsShape = {
  /** Check-in dates ("signposts") when the team revisits the model. */
  checkIns: z.array(isoDateSchema).max(1_000, "at most 1,000 check-in dates").optional(),
  /** Comment threads and consensus votes of the review document. */
  review: reviewSchema.optional(),
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

export interface FileError {
  /** Where in the file, like `nodes[3].kind`; "" is the file as a whole. */
  path: string;
  message: string;
}

type ParseModelFileResult =
  | { ok: true; model: LogicModel; file: ModelFile }
  | { ok: false; errors: FileError[] };

/**
 * Step N turns a version-N file object into version N+1. Version 1 is the first; add a step for
 * every change of the file, never edit an old one.
 */
const FILE_MIGRATIONS: FileMigrations = {};

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

function fail(path: string, message: string): ParseModelFileResult {
  return { ok: false, errors: [{ path, message }] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_WORDS: Record<string, string> = { array: "a list", object: "an object" };

function describeZodIssue(issue: z.core.$ZodIssue, data: unknown): FileError[] {
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: `"${key}" is not a field of a logic-model file here`,
    }));
  }
  if (issue.code === "invalid_type" && valueAt(data, issue.path) === undefined) {
    return [{ path, message: "is missing" }];
  }
  // Zod's own wording ("Invalid input: expected …") is replaced; the schema's messages are kept.
  if (issue.code === "invalid_type" && issue.message.startsWith("Invalid input")) {
    return [{ path, message: `must be ${TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`}` }];
  }
  return [{ path, message: issue.message }];
}

/** Duplicate ids would silently merge two cards into one when loaded, so the file is refused. */
function duplicateIds(file: ModelFile): FileError[] {
  const errors: FileError[] = [];
  for (const collection of ["nodes", "edges"] as const) {
    const seen = new Map<string, number>();
    file[collection].forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else
        errors.push({
          path: `${collection}[${index}].id`,
          message: `repeats the id "${item.id}" of ${collection}[${first}]`,
        });
    });
  }
  return errors;
}

/**
 * A link drawn backward or to itself means nothing; a file that holds one is refused, with the
 * link's place, rather than stored. (A link to a card the file lacks is kept: `validateModel`
 * reports it, as it does for one a concurrent delete leaves.)
 */
function wrongWayLinks(file: ModelFile): FileError[] {
  const byId = new Map(file.nodes.map((node) => [node.id, node]));
  const errors: FileError[] = [];
  file.edges.forEach((edge, index) => {
    if (errors.length >= 50) return;
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) return;
    const check = checkLink(source, target, edge);
    if (!check.ok) errors.push({ path: `edges[${index}]`, message: check.message });
  });
  return errors;
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
    return fail("format", `This is not a logic-model file: "format" must be "${FILE_FORMAT}".`);
  }
  const version = data.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return fail("version", `must be a whole number from 1 (this app writes ${FILE_VERSION})`);
  }
  if (version > FILE_VERSION) {
    return fail(
      "version",
      `This file was saved by a newer version of Logic Canvas (file version ${version}; this one reads up to ${FILE_VERSION}). Update the app to open it.`,
    );
  }
  const migrated = migrateFileObject(data, version);
  const parsed = modelFileSchema.safeParse(migrated);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.error.issues.flatMap((issue) => describeZodIssue(issue, migrated)),
    };
  const errors = duplicateIds(parsed.data);
  if (options.backwardLinks !== "keep") errors.push(...wrongWayLinks(parsed.data));
  if (errors.length) return { ok: false, errors };
  const { title, masteryGoal, nodes, edges } = parsed.data;
  return { ok: true, model: { title, masteryGoal, nodes, edges }, file: parsed.data };
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
    nodes: model.nodes,
    edges: model.edges,
    ...(Object.fromEntries(present) as ModelFileExtensions),
  };
}
