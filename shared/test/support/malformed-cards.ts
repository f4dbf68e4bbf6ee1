import type { Json, MalformedCase } from "./malformed-files.ts";

/** Cards of a malformed file: kind, id, title, stage, SMART fields, position, measurements. */
export const CARD_CASES: MalformedCase[] = [
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
    "duplicate node id",
    (f) => {
      (f.nodes[4] as Json).id = "I";
    },
    "nodes[4].id",
    'repeats the id "I" of nodes[0]',
  ],
];
