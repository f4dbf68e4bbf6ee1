import { describe, expect, it } from "vitest";
import { parseModelFile, toModelFile } from "../src/index.ts";
import { chain } from "./support/models.ts";

function validFile(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(toModelFile(chain(), { checkIns: ["2027-01-15"] })));
}

type Json = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
};

/** [what is wrong, how to break a valid file, expected path, message fragment] */
const MALFORMED: [string, (f: Json) => unknown, string, string][] = [
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
      f.version = 2;
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
    "node kind unknown",
    (f) => {
      (f.nodes[3] as Json).kind = "goal";
    },
    "nodes[3].kind",
    "must be one of input, activity",
  ],
  [
    "node id with a space",
    (f) => {
      (f.nodes[1] as Json).id = "a b";
    },
    "nodes[1].id",
    "letters, digits",
  ],
  [
    "node id too long",
    (f) => {
      (f.nodes[1] as Json).id = "x".repeat(65);
    },
    "nodes[1].id",
    "1 to 64",
  ],
  [
    "node title too long",
    (f) => {
      (f.nodes[0] as Json).title = "t".repeat(501);
    },
    "nodes[0].title",
    "at most 500",
  ],
  [
    "node title missing",
    (f) => {
      delete (f.nodes[2] as Json).title;
    },
    "nodes[2].title",
    "is missing",
  ],
  [
    "unknown node field",
    (f) => {
      (f.nodes[2] as Json).colour = "red";
    },
    "nodes[2].colour",
    "not a field",
  ],
  [
    "stage on a goal",
    (f) => {
      (f.nodes[2] as Json).stage = "seed";
    },
    "nodes[2].stage",
    "only activities",
  ],
  [
    "unknown stage",
    (f) => {
      (f.nodes[1] as Json).stage = "sprout";
    },
    "nodes[1].stage",
    "seed, blossom",
  ],
  [
    "SMART on an input",
    (f) => {
      (f.nodes[0] as Json).smart = { indicator: "x", unit: "count" };
    },
    "nodes[0].smart",
    "only goals",
  ],
  [
    "position not numbers",
    (f) => {
      (f.nodes[0] as Json).position = { x: "1", y: 2 };
    },
    "nodes[0].position.x",
    "number",
  ],
  [
    "position with z",
    (f) => {
      (f.nodes[0] as Json).position = { x: 1, y: 2, z: 3 };
    },
    "nodes[0].position.z",
    "not a field",
  ],
  [
    "impossible baseline date",
    (f) => {
      ((f.nodes[2] as Json).smart as Json).baseline = { value: 1, date: "2026-02-30" };
    },
    "nodes[2].smart.baseline.date",
    "YYYY-MM-DD",
  ],
  [
    "target value as text",
    (f) => {
      ((f.nodes[2] as Json).smart as Json).target = { value: "50%" };
    },
    "nodes[2].smart.target.value",
    "number",
  ],
  [
    "unit empty",
    (f) => {
      ((f.nodes[2] as Json).smart as Json).unit = "";
    },
    "nodes[2].smart.unit",
    "must not be empty",
  ],
  [
    "cohort size fractional",
    (f) => {
      ((f.nodes[2] as Json).smart as Json).cohortSize = 10.5;
    },
    "nodes[2].smart.cohortSize",
    "whole number",
  ],
  [
    "cohort size zero",
    (f) => {
      ((f.nodes[2] as Json).smart as Json).cohortSize = 0;
    },
    "nodes[2].smart.cohortSize",
    "more than 0",
  ],
  [
    "measurement without date",
    (f) => {
      (f.nodes[3] as Json).measurements = [{ value: 3 }];
    },
    "nodes[3].measurements[0].date",
    "is missing",
  ],
  [
    "measurement date as US text",
    (f) => {
      (f.nodes[3] as Json).measurements = [{ date: "11/23/2026", value: 3 }];
    },
    "nodes[3].measurements[0].date",
    "YYYY-MM-DD",
  ],
  [
    "measurement with unknown field",
    (f) => {
      (f.nodes[3] as Json).measurements = [{ date: "2026-11-01", value: 3, by: "me" }];
    },
    "nodes[3].measurements[0].by",
    "not a field",
  ],
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
    "duplicate node id",
    (f) => {
      (f.nodes[4] as Json).id = "I";
    },
    "nodes[4].id",
    'repeats the id "I" of nodes[0]',
  ],
  [
    "duplicate edge id",
    (f) => {
      (f.edges[3] as Json).id = "I-A";
    },
    "edges[3].id",
    "repeats the id",
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

describe("parseModelFile rejects malformed files with a path", () => {
  it("has at least 30 cases", () => expect(MALFORMED.length).toBeGreaterThanOrEqual(30));
  for (const [what, breakIt, path, fragment] of MALFORMED) {
    it(`${what} → ${path || "(file)"}`, () => {
      const file = validFile() as Json;
      const replaced = breakIt(file);
      const result = parseModelFile(replaced === undefined ? file : replaced);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const error = result.errors.find((e) => e.path === path);
      expect(error, JSON.stringify(result.errors)).toBeDefined();
      expect(error?.message).toContain(fragment);
    });
  }

  it("lists every problem, not only the first", () => {
    const file = validFile() as Json;
    (file.nodes[0] as Json).kind = "x";
    (file.edges[0] as Json).extra = 1;
    const result = parseModelFile(file);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      "nodes[0].kind",
      "edges[0].extra",
    ]);
  });
});
