import { type Author, type LogicModel, threadsMap, votesMap } from "@logic-canvas/shared";
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";
import { ReviewBinding } from "../src/collab/review-binding.ts";
import { CommentsPanel } from "../src/review/CommentsPanel.tsx";
import { ConsensusPanel } from "../src/review/ConsensusPanel.tsx";
import { ReviewContext, type ReviewContextValue } from "../src/review/review-context.ts";

/**
 * Issue 12, 1e: the review panels keep working on a review document holding entries no reader
 * accepts (stored by an older server or before the gate's field table), whether they were there
 * when the panel opened or arrive while it is open.
 */

const maria: Author = { id: "maria-id", name: "Maria", role: "editor" };
const chris: Author = { id: "chris-id", name: "Chris", role: "commenter" };

const model: LogicModel = {
  title: "Reading plan",
  masteryGoal: "Every student reads fluently",
  nodes: [{ id: "g1", kind: "smallWin", title: "Reading fluency", position: { x: 700, y: 0 } }],
  edges: [],
};

/** Entries of every unreadable shape: wrong types, shared types in fields, unknown keys. */
function poison(doc: Y.Doc, threadId: string): void {
  doc.transact(() => {
    const messages = threadsMap(doc).get(threadId)?.get("messages") as Y.Map<unknown>;
    messages.set("not-a-map", "just a string");
    const rich = new Y.Map<unknown>();
    messages.set("rich", rich);
    rich.set("text", new Y.XmlFragment());
    threadsMap(doc).set("string-thread", "hello" as never);
    votesMap(doc).set("odd", [1, 2, 3]);
    votesMap(doc).set("g1:x", { target: "g1", level: 9, padding: "x" });
  });
}

function setup() {
  const doc = new Y.Doc();
  const other = new ReviewBinding(doc, "model-1-other");
  other.setMe(chris);
  const threadId = other.startThread({ kind: "node", id: "g1" }, "question", "Readable question");
  other.vote("g1", 4, "Fine by me");
  const value: ReviewContextValue = {
    binding: new ReviewBinding(doc, "model-1"),
    role: "editor",
    modelId: "model-1",
    token: "t".repeat(24),
    displayName: "Maria",
    presentNames: [],
    focus: vi.fn(),
  };
  value.binding.setMe(maria);
  const panelProps = {
    binding: {} as YjsFlowBinding,
    model,
    selection: { nodeIds: ["g1"], edgeIds: [] },
    readOnly: false,
    onFocus: vi.fn(),
  };
  return { doc, threadId, value, panelProps };
}

function panels(value: ReviewContextValue, panelProps: ReturnType<typeof setup>["panelProps"]) {
  return (
    <ReviewContext.Provider value={value}>
      <CommentsPanel {...panelProps} />
      <ConsensusPanel {...panelProps} />
    </ReviewContext.Provider>
  );
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("review panels on a document with unreadable entries", () => {
  it("open on such a document and show what can be read", () => {
    const { doc, threadId, value, panelProps } = setup();
    poison(doc, threadId);
    render(panels(value, panelProps));
    expect(screen.getAllByTestId("thread")).toHaveLength(1);
    expect(screen.getByText(/Readable question/)).toBeTruthy();
    expect(value.binding.getSnapshot().votes.map((v) => v.author.name)).toEqual(["Chris"]);
  });

  it("keep working when such entries arrive while open", () => {
    const { doc, threadId, value, panelProps } = setup();
    render(panels(value, panelProps));
    act(() => poison(doc, threadId));
    expect(screen.getAllByTestId("thread")).toHaveLength(1);
    expect(screen.getByText(/Readable question/)).toBeTruthy();
  });
});
