import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addCheckIn } from "../src/doc/check-ins.ts";
import { edgesMap } from "../src/doc/layout.ts";
import { loadModel } from "../src/doc/replace.ts";
import {
  type Author,
  castVote,
  loadReview,
  modelFileOfDocs,
  parseModelFile,
  readCheckIns,
  readModel,
  readReview,
  reply,
  setThreadStatus,
  startThread,
} from "../src/index.ts";
import { chain } from "./support/models.ts";

const ana: Author = { id: "ana-id", name: "Ana", role: "owner" };
const ben: Author = { id: "ben-id", name: "Ben (coach)", role: "commenter" };

/** A model's two documents with a resolved thread, a reply, two votes and a check-in date. */
function docs() {
  const graph = new Y.Doc();
  loadModel(graph, chain(), "t");
  addCheckIn(graph, "2027-01-15", "t");
  const review = new Y.Doc();
  const thread = startThread(
    review,
    {
      anchor: { kind: "node", id: "M" },
      type: "question",
      text: "How do we measure it?",
      author: ana,
    },
    "t",
  );
  reply(review, thread, "Walkthroughs, monthly.", ben, "t");
  setThreadStatus(review, thread, "resolved", ana, "t");
  castVote(review, { target: "M", level: 4, author: ben }, "t");
  castVote(review, { target: "mastery", level: 2, note: "Too soon", author: ana }, "t");
  return { graph, review };
}

describe("the model file of a model's two documents (the editor's and the API's export)", () => {
  it("holds the graph, the check-in dates, and every thread and vote", () => {
    const { graph, review } = docs();
    const file = modelFileOfDocs(graph, review);
    expect(file.nodes).toEqual(readModel(graph).nodes);
    expect(file.checkIns).toEqual(["2027-01-15"]);
    expect(file.review).toEqual(readReview(review));
    expect(file.review?.threads[0]?.status).toBe("resolved");
    expect(file.review?.threads[0]?.messages.map((m) => m.author.name)).toEqual([
      "Ana",
      "Ben (coach)",
    ]);
    expect(file.review?.votes).toHaveLength(2);
  });

  it("round-trips: export, import into new documents, export again gives the same file", () => {
    const { graph, review } = docs();
    const file = modelFileOfDocs(graph, review);
    const parsed = parseModelFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const graph2 = new Y.Doc();
    loadModel(graph2, parsed.model, "t");
    for (const date of parsed.file.checkIns ?? []) addCheckIn(graph2, date, "t");
    const review2 = new Y.Doc();
    if (parsed.file.review) loadReview(review2, parsed.file.review, "t");
    expect(modelFileOfDocs(graph2, review2)).toEqual(file);
    expect(readCheckIns(graph2)).toEqual(["2027-01-15"]);
  });

  it("leaves out a link whose card a concurrent delete removed, so the file imports", () => {
    const { graph, review } = docs();
    const link = new Y.Map<unknown>();
    edgesMap(graph).set("ghost", link);
    link.set("id", "ghost");
    link.set("source", "I");
    link.set("target", "gone");
    expect(readModel(graph).edges.some((e) => e.id === "ghost")).toBe(true);
    const file = modelFileOfDocs(graph, review);
    expect(file.edges.some((e) => e.id === "ghost")).toBe(false);
    expect(parseModelFile(JSON.stringify(file)).ok).toBe(true);
  });

  it("writes empty lists for a model with no comments, votes or check-ins", () => {
    const graph = new Y.Doc();
    loadModel(graph, chain(), "t");
    const file = modelFileOfDocs(graph, new Y.Doc());
    expect(file.checkIns).toEqual([]);
    expect(file.review).toEqual({ threads: [], votes: [] });
  });
});
