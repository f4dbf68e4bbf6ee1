import { describe, expect, it } from "vitest";
import { FILE_VERSION, parseModelFile, TITLE_MAX, toModelFile } from "../src/index.ts";
import { chain } from "./support/models.ts";

type Json = Record<string, unknown> & {
  nodes: Record<string, unknown>[];
  edges: Record<string, unknown>[];
};

function validFile(): Json {
  return JSON.parse(JSON.stringify(toModelFile(chain(), { checkIns: ["2027-01-15"] })));
}

/** The report's lines for a file, or [] when it imports. */
function report(file: unknown): string[] {
  const result = parseModelFile(file);
  return result.ok ? [] : result.errors.map((e) => e.text);
}

describe("the import report, in words a teacher reads", () => {
  it("lists every problem of a file with five different ones, one line each, in one pass", () => {
    const file = validFile();
    file.nodes.push({ id: "G", kind: "goal", title: "Coaches visit classrooms every week" });
    (file.nodes[1] as Json).title = "t".repeat(TITLE_MAX + 1);
    (file.nodes[2] as Json).id = "I";
    file.edges.push({ id: "back", source: "L", target: "I" });
    file.edges.push({ id: "self", source: "M", target: "M" });
    const result = parseModelFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.text)).toEqual([
      "Card 2 “tttttttttttttttttttttttttttttt…”: the title is 501 characters long; at most 500 are allowed",
      "Card 6 “Coaches visit classrooms every…”: the kind “goal” is not one of inputs, activities, small-win goals, mid-journey goals, long-term performance goals",
      "Card 3 “Coaches in classrooms”: its id “I” is already the id of card 1; each needs its own",
      "Link 5: “60% proficient” links backward to “Coaches”: links run left to right, and long-term performance goals are the last column.",
      "Link 6: “Teachers share learning…” cannot link to itself.",
    ]);
    // The technical path stays beside each line, for whoever edits the JSON.
    expect(result.errors.map((e) => e.path)).toEqual([
      "nodes[1].title",
      "nodes[5].kind",
      "nodes[2].id",
      "edges[4]",
      "edges[5]",
    ]);
  });

  it("refuses a title of 501 characters with its length, and takes one of 500 whole", () => {
    const file = validFile();
    file.title = "m".repeat(TITLE_MAX + 1);
    expect(report(file)).toEqual([
      "The model's title is 501 characters long; at most 500 are allowed",
    ]);
    file.title = "m".repeat(TITLE_MAX);
    (file.nodes[0] as Json).title = "c".repeat(TITLE_MAX);
    const result = parseModelFile(file);
    expect(result.ok && result.model.title.length).toBe(TITLE_MAX);
    expect(result.ok && result.model.nodes[0]?.title.length).toBe(TITLE_MAX);
  });

  it("names the card, link, comment or vote, and the field inside it", () => {
    const file = validFile();
    delete (file.nodes[0] as Json).title;
    (file.nodes[1] as Json).colour = "red";
    type Fields = Record<string, unknown>;
    const goal = file.nodes[3] as Fields & { measurements: Fields[]; smart: { baseline: Fields } };
    goal.measurements[0] = { date: "soon", value: 40 };
    goal.smart.baseline.value = "twenty";
    (file.edges[0] as Json).source = "not an id!";
    (file.edges[1] as Json).weight = 3;
    file.checkIns = ["2027-02-30"];
    const ana = { id: "p1", name: "Ana", role: "editor" };
    const at = "2026-11-01T10:00:00.000Z";
    file.review = {
      threads: [
        {
          id: "t1",
          anchor: { kind: "node", id: "M" },
          type: "question",
          status: "open",
          createdAt: at,
          author: ana,
          messages: [{ id: "m1", author: ana, text: "  ", createdAt: at }],
        },
      ],
      votes: [
        {
          target: "M",
          author: { id: "p1", name: "Ana", role: "editor" },
          level: 7,
          at: "2026-11-01T10:00:00.000Z",
        },
      ],
    };
    expect(report(file)).toEqual([
      "Card 1: the title is missing",
      "Card 2 “Principals hire coaches”: “colour” is not a field of a card",
      "Card 4 “Teachers share learning…”: the baseline’s value must be a number, not “twenty”",
      "Card 4 “Teachers share learning…”: measurement 1’s date “soon” is not a date written YYYY-MM-DD",
      "Link 1: where it starts “not an id!” must be 1 to 64 letters, digits, “-” or “_”",
      "Link 2 (from “Principals hire coaches” to “Coaches in classrooms”): “weight” is not a field of a link",
      "Check-in date 1: “2027-02-30” is not a date written YYYY-MM-DD",
      "Comment thread 1, message 1: the text must not be empty",
      "Vote 1: the level is 7; it must be 0 to 5",
    ]);
  });

  it("says what is wrong with a file that is not a logic model at all", () => {
    expect(report("{ nodes: [")[0]).toMatch(/^This file is not JSON/);
    expect(report({ format: "drawio" })).toEqual([
      "This is not a logic-model file: a logic-model file says “format”: “logic-model” at its start.",
    ]);
    expect(report({ format: "logic-model", version: "1" })).toEqual([
      `The file's version must be a whole number from 1 (this app writes ${FILE_VERSION}).`,
    ]);
    expect(report({ format: "logic-model", version: 1, title: "x", masteryGoal: "" })).toEqual([
      "The list of cards is missing",
      "The list of links is missing",
    ]);
  });

  it("checks ids and links even when cards have other problems", () => {
    const file = validFile();
    (file.nodes[0] as Json).title = "";
    (file.nodes[1] as Json).id = "I";
    file.edges.push({ id: "self", source: "S", target: "S" });
    expect(report(file)).toEqual([
      "Card 1: the title is empty",
      "Card 2 “Principals hire coaches”: its id “I” is already the id of card 1; each needs its own",
      "Link 5: “Coaches in classrooms” cannot link to itself.",
    ]);
  });

  it("names a value by its kind when it is a list nested 100,000 deep, without reading it", () => {
    const file = validFile() as Record<string, unknown>;
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    file.title = deep;
    expect(report(file)).toEqual(["The model's title must be text, not a list"]);
  });

  it("counts what lies past a thousand lines instead of listing it", () => {
    const file = validFile();
    for (let i = 0; i < 1_200; i += 1) file.nodes.push({ id: `x${i}`, kind: "wish", title: "x" });
    const lines = report(file);
    expect(lines).toHaveLength(1_001);
    expect(lines.at(-1)).toBe("…and 200 more problems like these.");
  });
});
