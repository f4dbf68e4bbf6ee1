import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addMeasurements,
  type Cell,
  CSV_HEADER,
  checkImport,
  EXPORT_MAPPING,
  guessMapping,
  type ImportChoices,
  importGoalsOf,
  importTableOf,
  loadModel,
  mappingProblems,
  modelToCsv,
  parseCsv,
  readModel,
} from "../../src/index.ts";
import { chain } from "../support/models.ts";

const goals = importGoalsOf(chain());
const choose = (extra: Partial<ImportChoices> = {}): ImportChoices => ({
  mapping: { goal: 0, date: 1, value: 2, note: 3 },
  goalFor: {},
  excluded: new Set(),
  ...extra,
});
const table = (rows: Cell[][]) => importTableOf([["Goal", "Date", "Value", "Note"], ...rows]);

describe("column mapping", () => {
  it("guesses each field from the header words, exact words first", () => {
    expect(
      guessMapping(["Student group", "Date of walkthrough", "Goal", "Score", "Comments"]),
    ).toEqual({ goal: 2, date: 1, value: 3, subgroup: 0, note: 4 });
    expect(guessMapping(["When", "Outcome", "Percent"])).toEqual({ goal: 1, date: 0, value: 2 });
  });

  it("says what is missing or doubled, in words", () => {
    expect(mappingProblems({ goal: 0, value: 0 }, 3)).toEqual([
      "Choose the column that holds the date.",
      "One column cannot hold both the goal and the value.",
    ]);
  });

  it("recognises Logic Canvas's own CSV export, which needs no mapping step", () => {
    const rows = parseCsv(modelToCsv(chain())).rows;
    const own = importTableOf(rows);
    expect(own.headers).toEqual([...CSV_HEADER]);
    expect(guessMapping(own.headers)).toEqual(EXPORT_MAPPING);
  });
});

describe("checking rows against the model", () => {
  it("reads good rows into measurements the schema accepts", () => {
    const check = checkImport(
      table([
        ["Teachers share learning intentions", "2026-12-01", 55, "walkthroughs"],
        ["coaches IN classrooms", "12/15/2026", "35%", null],
      ]),
      goals,
      choose(),
    );
    expect(check.canApply).toBe(true);
    expect(check.entries).toEqual([
      { goalId: "M", measurement: { date: "2026-12-01", value: 55, note: "walkthroughs" } },
      { goalId: "S", measurement: { date: "2026-12-15", value: 35 } },
    ]);
  });

  it("lists every problem of a row in words, and applies nothing while one is left", () => {
    const check = checkImport(
      table([
        ["Teachers share learning intentions", "2026-12-01", 55, null],
        ["Parents attend", "2026-12-01", 12, null],
        ["60% proficient", "not yet", 140, null],
        ["60% proficient", "2026-12-03", "", null],
        ["60% proficient", "2026-12-04", "12,5", null],
      ]),
      goals,
      choose(),
    );
    expect(check.canApply).toBe(false);
    expect(check.rows.map((r) => [r.line, r.status, r.problems])).toEqual([
      [2, "ready", []],
      [3, "problem", ["no goal is called “Parents attend”: choose the goal"]],
      [
        4,
        "problem",
        [
          "“not yet” is not a date this import understands",
          "140 is out of range for a percent (0 to 100)",
        ],
      ],
      [5, "problem", ["the value is empty"]],
      [6, "problem", ["the value “12,5” has a decimal comma: write it with a point (12.5)"]],
    ]);
    expect([...check.unmatchedGoals.values()]).toEqual(["Parents attend"]);
  });

  it("is fixed by choosing the goal for an unknown name, or by leaving the row out", () => {
    const rows = table([
      ["Parents attend", "2026-12-01", 12, null],
      ["Parents attend", "2026-12-08", 14, null],
      ["Nobody", "2026-12-08", 14, null],
    ]);
    const fixed = checkImport(
      rows,
      goals,
      choose({ goalFor: { "parents attend": "S" }, excluded: new Set([4]) }),
    );
    expect(fixed.counts).toMatchObject({ ready: 2, problem: 0, excluded: 1 });
    expect(fixed.canApply).toBe(true);
    expect(fixed.entries.map((e) => e.goalId)).toEqual(["S", "S"]);
  });

  it("asks for the date order when the file does not say, and reads it once chosen", () => {
    const rows = table([["60% proficient", "3/4/2027", 50, null]]);
    const asked = checkImport(rows, goals, choose());
    expect(asked.dates.needsChoice).toBe(true);
    expect(asked.canApply).toBe(false);
    expect(asked.rows[0]?.problems).toEqual([
      "“3/4/2027” could be 3 April or March 4: choose the date order",
    ]);
    const answered = checkImport(rows, goals, choose({ dateOrder: "dmy" }));
    expect(answered.entries[0]?.measurement.date).toBe("2027-04-03");
  });

  it("reads a subgroup column as the goal's subgroup of that name, and says when it has none", () => {
    const tracked = goals.map((g) =>
      g.id === "L" ? { ...g, subgroups: [{ id: "el", name: "English learners" }] } : g,
    );
    const rows = importTableOf([
      ["Goal", "Date", "Value", "Group"],
      ["60% proficient", "2026-12-01", 50, "english LEARNERS "],
      ["60% proficient", "2026-12-02", 51, ""],
      ["60% proficient", "2026-12-03", 52, "Grade 3 — class A"],
    ]);
    const check = checkImport(
      rows,
      tracked,
      choose({ mapping: { goal: 0, date: 1, value: 2, subgroup: 3 } }),
    );
    expect(check.rows.map((r) => r.measurement ?? r.problems)).toEqual([
      { date: "2026-12-01", value: 50, subgroup: "el" },
      { date: "2026-12-02", value: 51 },
      [
        "“60% proficient” tracks no subgroup “Grade 3 — class A”: add it in the goal's panel first, or leave the row out",
      ],
    ]);
  });

  it("leaves out rows already recorded, and the export's rows of goals without measurements", () => {
    const csv = parseCsv(modelToCsv(chain())).rows;
    const own = importTableOf(csv);
    const check = checkImport(own, goals, { ...choose(), mapping: guessMapping(own.headers) });
    expect(check.counts).toMatchObject({ duplicate: 1, blank: 2, ready: 0, problem: 0 });
    expect(check.canApply).toBe(false);
  });
});

describe("the CSV export imports back", () => {
  it("into a model without those measurements: every one, subgroups matched by name, no mapping", () => {
    const measuredModel = chain();
    const nodes = measuredModel.nodes.map((n) =>
      n.id === "L"
        ? {
            ...n,
            subgroups: [{ id: "el", name: "English learners" }],
            measurements: [
              { date: "2026-11-01", value: 41, note: "=state test" },
              { date: "2026-11-01", value: 30, subgroup: "el" },
            ],
          }
        : n,
    );
    const own = importTableOf(parseCsv(modelToCsv({ nodes })).rows);
    const empty = importGoalsOf({ nodes: nodes.map((n) => ({ ...n, measurements: [] })) });
    const check = checkImport(own, empty, { ...choose(), mapping: guessMapping(own.headers) });
    expect(check.canApply).toBe(true);
    expect(check.entries).toEqual([
      { goalId: "M", measurement: { date: "2026-11-01", value: 40 } },
      { goalId: "L", measurement: { date: "2026-11-01", value: 41, note: "=state test" } },
      { goalId: "L", measurement: { date: "2026-11-01", value: 30, subgroup: "el" } },
    ]);
  });
});

describe("addMeasurements", () => {
  it("writes every row in one transaction, and nothing when one entry is refused", () => {
    const doc = new Y.Doc();
    loadModel(doc, chain(), "load");
    let transactions = 0;
    doc.on("afterTransaction", () => {
      transactions += 1;
    });
    addMeasurements(
      doc,
      [
        { goalId: "S", measurement: { date: "2026-12-01", value: 20 } },
        { goalId: "L", measurement: { date: "2026-12-01", value: 45, note: "state test" } },
      ],
      "import",
    );
    expect(transactions).toBe(1);
    expect(() =>
      addMeasurements(
        doc,
        [
          { goalId: "S", measurement: { date: "2026-12-02", value: 21 } },
          { goalId: "A", measurement: { date: "2026-12-02", value: 1 } },
        ],
        "import",
      ),
    ).toThrow("The card A is not a goal: it takes no measurements.");
    const read = readModel(doc);
    expect(read.nodes.find((n) => n.id === "S")?.measurements).toEqual([
      { date: "2026-12-01", value: 20 },
    ]);
    expect(read.nodes.find((n) => n.id === "L")?.measurements).toHaveLength(1);
    expect(transactions).toBe(1);
  });
});
