import { FILE_VERSION, toModelFile } from "../../src/index.ts";
import { chain } from "./models.ts";

/**
 * Malformed logic-model files, by subject, for file-format-malformed.test.ts: each case breaks a
 * valid file in one way and names the path and words of the error a teacher should read.
 */

export function validFile(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toModelFile(chain(), { checkIns: ["2027-01-15"] })));
}

export type Json = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
};

/** [what is wrong, how to break a valid file, expected path, message fragment] */
export type MalformedCase = [string, (f: Json) => unknown, string, string];

/** The file as a whole: not JSON, wrong format or version, top-level fields, check-ins. */
export const FILE_CASES: MalformedCase[] = [
  ["not an object", () => 42, "", "JSON object"],
  ["an array", () => [], "", "JSON object"],
  ["null", () => null, "", "JSON object"],
  ["not JSON text", () => "{ nodes: [", "", "not JSON"],
  ["empty text", () => "", "", "not JSON"],
  [
    "format missing",
    (f) => {
      delete f.format;
    },
    "format",
    "not a logic-model file",
  ],
  [
    "another format",
    (f) => {
      f.format = "drawio";
    },
    "format",
    "not a logic-model file",
  ],
  [
    "newer version",
    (f) => {
      f.version = FILE_VERSION + 1;
    },
    "version",
    "newer version",
  ],
  [
    "version as text",
    (f) => {
      f.version = "1";
    },
    "version",
    "whole number",
  ],
  [
    "version zero",
    (f) => {
      f.version = 0;
    },
    "version",
    "whole number",
  ],
  [
    "version fractional",
    (f) => {
      f.version = 1.5;
    },
    "version",
    "whole number",
  ],
  [
    "unknown top-level field",
    (f) => {
      f.comments = [];
    },
    "comments",
    "not a field",
  ],
  [
    "title missing",
    (f) => {
      delete f.title;
    },
    "title",
    "is missing",
  ],
  [
    "title empty",
    (f) => {
      f.title = "   ";
    },
    "title",
    "must not be empty",
  ],
  [
    "title a number",
    (f) => {
      f.title = 7;
    },
    "title",
    "must be a string",
  ],
  [
    "masteryGoal missing",
    (f) => {
      delete f.masteryGoal;
    },
    "masteryGoal",
    "is missing",
  ],
  [
    "nodes not a list",
    (f) => {
      (f as Record<string, unknown>).nodes = {};
    },
    "nodes",
    "must be a list",
  ],
  [
    "edges missing",
    (f) => {
      delete (f as Record<string, unknown>).edges;
    },
    "edges",
    "is missing",
  ],
  [
    "check-in not a date",
    (f) => {
      f.checkIns = ["soon"];
    },
    "checkIns[0]",
    "YYYY-MM-DD",
  ],
];

/** Links: missing ends, unknown fields, ids. */
export const LINK_CASES: MalformedCase[] = [
  [
    "edge without target",
    (f) => {
      delete (f.edges[2] as Json).target;
    },
    "edges[2].target",
    "is missing",
  ],
  [
    "edge with weight",
    (f) => {
      (f.edges[0] as Json).weight = 2;
    },
    "edges[0].weight",
    "not a field",
  ],
  [
    "edge source not an id",
    (f) => {
      (f.edges[1] as Json).source = "";
    },
    "edges[1].source",
    "1 to 64",
  ],
  [
    "duplicate edge id",
    (f) => {
      (f.edges[3] as Json).id = "I-A";
    },
    "edges[3].id",
    "repeats the id",
  ],
];
