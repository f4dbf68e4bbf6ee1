import { describe, expect, it } from "vitest";
import {
  coachingTemplate,
  FILE_VERSION,
  type LogicModel,
  parseModelFile,
  toModelFile,
} from "../src/index.ts";
import { chain } from "./support/models.ts";

describe("parseModelFile accepts good files losslessly", () => {
  function roundTrip(model: LogicModel, extras = {}) {
    const text = JSON.stringify(toModelFile(model, extras));
    const result = parseModelFile(text);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result;
  }

  it("round-trips the template, a measured chain and check-ins", () => {
    expect(roundTrip(coachingTemplate({ firstSchoolYear: 2026 })).model).toEqual(
      coachingTemplate({ firstSchoolYear: 2026 }),
    );
    const result = roundTrip(chain(), { checkIns: ["2027-01-15", "2027-04-01"] });
    expect(result.model).toEqual(chain());
    expect(result.file.checkIns).toEqual(["2027-01-15", "2027-04-01"]);
    expect(result.file).toMatchObject({ format: "logic-model", version: FILE_VERSION });
    expect(toModelFile(result.model, { checkIns: result.file.checkIns })).toEqual(result.file);
  });

  it("keeps unicode, notes, rationales and stages exactly", () => {
    const m = chain();
    m.title = "Lecture pour tous — 読書 ✓";
    const activity = m.nodes[1];
    if (activity) Object.assign(activity, { notes: 'Line one\nline "two"', stage: "blossom" });
    const link = m.edges[0];
    if (link) link.rationale = "Coaches are the people who can hire… no, who need hiring";
    expect(roundTrip(m).model).toEqual(m);
  });

  it("accepts a file that starts with a UTF-8 byte-order mark", () => {
    expect(parseModelFile(`\uFEFF${JSON.stringify(toModelFile(chain()))}`).ok).toBe(true);
  });

  it("leaves optional extensions out of an export that has none", () => {
    expect(Object.keys(toModelFile(chain()))).toEqual([
      "format",
      "version",
      "title",
      "masteryGoal",
      "nodes",
      "edges",
    ]);
  });
});
