import type { z } from "zod";
import { INNOVATION_STAGES, NODE_KINDS, type NodeKind } from "./kinds.ts";
import { laneName } from "./link-rules.ts";

/**
 * The import report in words a teacher reads: every problem of a model file names the card,
 * link, comment or vote it is about (by its number and title) and says what is wrong with it;
 * the technical path (`nodes[3].kind`) and message stay beside it as a detail.
 */

export interface FileError {
  /** Where in the file, like `nodes[3].kind`; "" is the file as a whole. */
  path: string;
  /** The technical message, for whoever edits the JSON. */
  message: string;
  /** The sentence a person reads: “Card 4 “Coaches visit…”: the kind “goal” is not one of …”. */
  text: string;
}

export type PathPart = string | number;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** A title as the report shows it: cut at a word near 30 characters. */
export function shortTitle(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed.length <= 32) return trimmed;
  const cut = trimmed.slice(0, 30);
  // A cut that falls between two words keeps the last one whole.
  const space = trimmed[30] === " " ? 30 : cut.lastIndexOf(" ");
  return `${(space > 12 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

/** A title as the report quotes it: in curly quotes, shortened. */
export function quoted(text: string): string {
  return `“${shortTitle(text)}”`;
}

/**
 * What the report calls a value it quotes: a text shortened, in curly quotes; a number as it is;
 * a list or an object by its kind only (it may be nested 100,000 deep: never serialised here).
 */
function shown(value: unknown): string {
  if (typeof value === "string") return quoted(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a group of fields" : "nothing";
}

/** "Card 4 “Coaches visit…”" for `nodes[3]`, "Card 4" when it has no title to show. */
export function cardName(data: unknown, index: number): string {
  const title = at(data, ["nodes", index, "title"]);
  return typeof title === "string" && title.trim() !== ""
    ? `Card ${index + 1} ${quoted(title)}`
    : `Card ${index + 1}`;
}

function titleOfId(data: unknown, id: unknown): string | undefined {
  const nodes = at(data, ["nodes"]);
  if (!Array.isArray(nodes) || typeof id !== "string") return undefined;
  const node = nodes.find((n) => isRecord(n) && n.id === id);
  return isRecord(node) && typeof node.title === "string" ? quoted(node.title) : undefined;
}

/** "Link 2 (from “Coach time” to “Model lessons”)" for `edges[1]`. */
export function linkName(data: unknown, index: number): string {
  const edge = at(data, ["edges", index]);
  if (!isRecord(edge)) return `Link ${index + 1}`;
  const from = titleOfId(data, edge.source);
  const to = titleOfId(data, edge.target);
  return from && to ? `Link ${index + 1} (from ${from} to ${to})` : `Link ${index + 1}`;
}

const TOP: Record<string, string> = {
  title: "The model's title",
  masteryGoal: "The mastery goal",
  nodes: "The list of cards",
  edges: "The list of links",
  checkIns: "The check-in dates",
  review: "The comments and votes",
};

/** Who or what a problem is about, and the rest of its path (the field inside it). */
function subjectOf(path: readonly PathPart[], data: unknown): [string, PathPart[]] {
  const [top, index, ...rest] = path;
  if ((top === "nodes" || top === "edges") && typeof index === "number") {
    return [top === "nodes" ? cardName(data, index) : linkName(data, index), rest];
  }
  if (top === "checkIns" && typeof index === "number") return [`Check-in date ${index + 1}`, rest];
  if (top === "review" && typeof rest[0] === "number") {
    const n = rest[0] + 1;
    if (index === "votes") return [`Vote ${n}`, rest.slice(1)];
    if (index === "threads") {
      const [, field, message, ...inner] = rest;
      if (field === "messages" && typeof message === "number")
        return [`Comment thread ${n}, message ${message + 1}`, inner];
      return [`Comment thread ${n}`, rest.slice(1)];
    }
  }
  if (typeof top === "string" && TOP[top]) return [TOP[top], path.slice(1)];
  return ["The file", [...path]];
}

const FIELD_WORDS: Record<string, string> = {
  id: "its id",
  kind: "the kind",
  title: "the title",
  notes: "the notes",
  position: "the position",
  stage: "the stage",
  smart: "the SMART target",
  indicator: "the indicator",
  unit: "the unit",
  baseline: "the baseline",
  target: "the target",
  cohortSize: "the cohort size",
  measurements: "the measurements",
  source: "where it starts",
  rationale: "the rationale",
  author: "the author",
  anchor: "what it is about",
  type: "the type",
  status: "the status",
  text: "the text",
  level: "the level",
  note: "the note",
  messages: "the messages",
  createdAt: "the time it was written",
  editedAt: "the time it was edited",
  resolvedAt: "the time it was resolved",
  resolvedBy: "who resolved it",
  at: "the time",
  value: "the value",
  date: "the date",
  x: "the x",
  y: "the y",
  name: "the name",
  role: "the role",
  deleted: "“deleted”",
};

/** "it must be 0 to 5" from the schema's "must be 0 to 5"; else the bound, in numbers. */
function bound(message: string, words: string): string {
  return message.startsWith("must") ? `it ${message}` : words;
}

/** The field inside the subject: "the baseline’s date", "measurement 2’s value", "" for none. */
function fieldWords(rest: readonly PathPart[], subject: string): string {
  const words: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const part = rest[i] as PathPart;
    const next = rest[i + 1];
    if (part === "smart" && rest.length > 1) continue;
    if (part === "measurements" && typeof next === "number") {
      words.push(`measurement ${next + 1}`);
      i += 1;
    } else if (typeof part === "number") words.push(`entry ${part + 1}`);
    else if (part === "target" && subject.startsWith("Link")) words.push("where it ends");
    else if (part === "target" && subject.startsWith("Vote")) words.push("what it is on");
    else words.push(FIELD_WORDS[part] ?? `“${part}”`);
  }
  return words
    .map((w, i) => (i < words.length - 1 ? `${w}’s` : i > 0 ? w.replace(/^(the|its) /, "") : w))
    .join(" ");
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  array: "a list",
  object: "a group of fields",
  boolean: "true or false",
};

const KIND_WORDS = NODE_KINDS.map((k: NodeKind) => laneName(k)).join(", ");

/** What is wrong, after the field: "is missing", "is 612 characters long; at most 500 …". */
function problemWords(issue: z.core.$ZodIssue, data: unknown): string {
  const value = at(data, issue.path);
  const last = issue.path.at(-1);
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return "is missing";
      return `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}, not ${shown(value)}`;
    case "too_big":
      if (typeof value === "string")
        return `is ${value.length.toLocaleString("en")} characters long; at most ${Number(issue.maximum).toLocaleString("en")} are allowed`;
      if (Array.isArray(value))
        return `has ${value.length.toLocaleString("en")} entries; at most ${Number(issue.maximum).toLocaleString("en")} are allowed`;
      return `is ${shown(value)}; ${bound(issue.message, `at most ${String(issue.maximum)}`)}`;
    case "too_small":
      if (typeof value === "string" || Array.isArray(value)) return "is empty";
      return `is ${shown(value)}; ${bound(issue.message, `at least ${String(issue.minimum)}`)}`;
    case "invalid_value":
      if (last === "kind") return `${shown(value)} is not one of ${KIND_WORDS}`;
      if (last === "stage") return `${shown(value)} is not one of ${INNOVATION_STAGES.join(", ")}`;
      return `${shown(value)} is not one of ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_format":
      if (issue.format === "date") return `${shown(value)} is not a date written YYYY-MM-DD`;
      if (issue.format === "regex")
        return `${shown(value)} must be 1 to 64 letters, digits, “-” or “_”`;
      return `${shown(value)} ${issue.message}`;
    default:
      return issue.message;
  }
}

function sentence(subject: string, field: string, problem: string): string {
  // "The model's title is 612 characters long…"; "Card 4 “…”: the kind …".
  if (!field)
    return Object.values(TOP).includes(subject)
      ? `${subject} ${problem}`
      : `${subject}: ${problem}`;
  return `${subject}: ${field} ${problem}`;
}

/** One schema problem as a report line; an unknown field gives one line per field. */
export function describeSchemaIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  path: (parts: readonly PropertyKey[]) => string,
): FileError[] {
  const parts = issue.path as PathPart[];
  const [subject, rest] = subjectOf(parts, data);
  if (issue.code === "unrecognized_keys") {
    const what = subject.startsWith("Card")
      ? "a card"
      : subject.startsWith("Link")
        ? "a link"
        : "this part of a logic-model file";
    const field = fieldWords(rest, subject);
    return issue.keys.map((key) => ({
      path: path([...issue.path, key]),
      message: `"${key}" is not a field of a logic-model file here`,
      text: field
        ? `${subject}: ${field} has “${key}”, which is not one of its fields`
        : subject === "The file"
          ? `“${key}” is not a field of a logic-model file`
          : `${subject}: “${key}” is not a field of ${what}`,
    }));
  }
  const technical =
    issue.code === "invalid_type" && at(data, issue.path) === undefined
      ? "is missing"
      : issue.code === "invalid_type" && issue.message.startsWith("Invalid input")
        ? `must be ${issue.expected === "array" ? "a list" : issue.expected === "object" ? "an object" : `a ${issue.expected}`}`
        : issue.message;
  return [
    {
      path: path(issue.path),
      message: technical,
      text: sentence(subject, fieldWords(rest, subject), problemWords(issue, data)),
    },
  ];
}

/** A problem found outside the schema (a repeated id, a backward link), as a report line. */
export function describeProblem(
  parts: readonly PathPart[],
  data: unknown,
  path: string,
  message: string,
  words: string,
): FileError {
  const [subject] = subjectOf(parts, data);
  return { path, message, text: `${subject}: ${words}` };
}
