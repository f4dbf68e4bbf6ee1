import { type Author, diffModels, type LogicModel, MASTERY_TARGET } from "@logic-canvas/shared";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";
import { ReviewBinding } from "../src/collab/review-binding.ts";
import { DiffView } from "../src/history/DiffView.tsx";
import { CardReviewBadges } from "../src/review/CardReviewBadges.tsx";
import { CommentsPanel } from "../src/review/CommentsPanel.tsx";
import { ConsensusPanel } from "../src/review/ConsensusPanel.tsx";
import { ReviewContext, type ReviewContextValue } from "../src/review/review-context.ts";

const maria: Author = { id: "maria-id", name: "Maria", role: "editor" };
const chris: Author = { id: "chris-id", name: "Chris", role: "commenter" };

const model: LogicModel = {
  title: "Reading plan",
  masteryGoal: "Every student reads fluently",
  nodes: [
    { id: "n1", kind: "activity", title: "Daily reading routine", position: { x: 0, y: 0 } },
    { id: "g1", kind: "smallWin", title: "Reading fluency", position: { x: 700, y: 0 } },
  ],
  edges: [],
};

function setup(role: string, me: Author | null, selection = { nodeIds: ["g1"], edgeIds: [] }) {
  const doc = new Y.Doc();
  const binding = new ReviewBinding(doc, "model-1");
  binding.setMe(me);
  const other = new ReviewBinding(doc, "model-1-other");
  other.setMe(chris);
  const focus = vi.fn();
  const value: ReviewContextValue = {
    binding,
    role,
    modelId: "model-1",
    token: "t".repeat(24),
    displayName: me?.name ?? "Vera",
    presentNames: ["Sam"],
    focus,
  };
  const panelProps = {
    binding: {} as YjsFlowBinding,
    model,
    selection,
    readOnly: role !== "editor",
    onFocus: vi.fn(),
  };
  return { doc, binding, other, focus, value, panelProps };
}

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe("CommentsPanel", () => {
  it("starts a typed thread on the selected card and centres it when opened", () => {
    const { value, panelProps, binding, focus } = setup("editor", maria);
    render(
      <ReviewContext.Provider value={value}>
        <CommentsPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    expect(screen.getByText("Reading fluency", { selector: "strong" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Idea" }));
    fireEvent.change(screen.getByRole("textbox", { name: "New comment" }), {
      target: { value: "Add a mid-year check" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Comment" }));
    const thread = binding.getSnapshot().threads[0];
    expect(thread?.type).toBe("idea");
    expect(thread?.anchor).toEqual({ kind: "node", id: "g1" });
    fireEvent.click(screen.getByText(/Add a mid-year check/));
    expect(focus).toHaveBeenCalledWith(["g1"]);
  });

  it("shows others' messages without edit controls, and a deleted card's thread as detached", () => {
    const { value, panelProps, other } = setup("commenter", maria);
    other.startThread({ kind: "node", id: "gone" }, "concern", "What happened to this goal?");
    render(
      <ReviewContext.Provider value={value}>
        <CommentsPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    const thread = screen.getByTestId("thread");
    expect(within(thread).getByText(/Detached: a deleted card/)).toBeTruthy();
    expect(within(thread).getByTestId("thread-unread").textContent).toBe("1 new");
    fireEvent.click(within(thread).getByText(/What happened/));
    expect(within(thread).queryByRole("button", { name: "Edit" })).toBeNull();
    expect(within(thread).queryByRole("button", { name: "Delete" })).toBeNull();
    expect(within(thread).getByRole("textbox", { name: "Reply" })).toBeTruthy();
  });

  it("gives a viewer the comments to read and nothing to write with", () => {
    const { value, panelProps, other } = setup("viewer", { ...maria, role: "viewer" });
    other.startThread({ kind: "model" }, "celebration", "We hit the target!");
    render(
      <ReviewContext.Provider value={value}>
        <CommentsPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    expect(screen.getByTestId("comments-read-only")).toBeTruthy();
    expect(screen.queryByRole("textbox", { name: "New comment" })).toBeNull();
    fireEvent.click(screen.getByText(/We hit the target/));
    expect(screen.queryByRole("textbox", { name: "Reply" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Resolve" })).toBeNull();
  });

  it("filters by status, type and mentions, and lists mentions of me first", () => {
    const { value, panelProps, other } = setup("commenter", maria);
    other.startThread({ kind: "model" }, "idea", "Plain idea");
    const resolved = other.startThread({ kind: "model" }, "question", "Old question");
    other.setStatus(resolved, "resolved");
    other.startThread({ kind: "node", id: "n1" }, "concern", "@Maria please look");
    render(
      <ReviewContext.Provider value={value}>
        <CommentsPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    const texts = () => screen.queryAllByTestId("thread").map((t) => t.textContent ?? "");
    expect(texts()).toHaveLength(2);
    expect(texts()[0]).toContain("@Maria please look");
    fireEvent.change(screen.getByRole("combobox", { name: "Status" }), {
      target: { value: "resolved" },
    });
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toContain("Old question");
    fireEvent.change(screen.getByRole("combobox", { name: "Status" }), {
      target: { value: "all" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "Type" }), { target: { value: "idea" } });
    expect(texts()).toHaveLength(1);
    fireEvent.change(screen.getByRole("combobox", { name: "Type" }), { target: { value: "all" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Mentions me" }));
    expect(texts()).toHaveLength(1);
    expect(texts()[0]).toContain("mentions you");
  });

  it("suggests names of people taking part after @", () => {
    const { value, panelProps } = setup("commenter", maria);
    render(
      <ReviewContext.Provider value={value}>
        <CommentsPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    const box = screen.getByRole("textbox", { name: "New comment" }) as HTMLTextAreaElement;
    fireEvent.change(box, { target: { value: "Ask @s", selectionStart: 6 } });
    fireEvent.click(screen.getByRole("button", { name: "@Sam" }));
    expect(box.value).toBe("Ask @Sam ");
  });
});

describe("CardReviewBadges", () => {
  it("shows open and unread counts for a card's threads", () => {
    const { value, other, binding } = setup("editor", maria);
    const id = other.startThread({ kind: "node", id: "g1" }, "question", "Why 80%?");
    other.startThread({ kind: "node", id: "n1" }, "question", "Elsewhere");
    render(
      <ReviewContext.Provider value={value}>
        <CardReviewBadges nodeId="g1" goal />
      </ReviewContext.Provider>,
    );
    const badge = screen.getByTestId("comment-badge");
    expect([badge.dataset.open, badge.dataset.unread]).toEqual(["1", "1"]);
    act(() => binding.markRead(id));
    expect(screen.getByTestId("comment-badge").dataset.unread).toBe("0");
  });
});

describe("ConsensusPanel", () => {
  it("records a vote and summarises agreement, objections and who has not weighed in", () => {
    const { value, panelProps, other } = setup("commenter", maria);
    other.vote("g1", 0, "Not without data");
    render(
      <ReviewContext.Provider value={value}>
        <ConsensusPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    const rows = () => screen.getAllByTestId("consensus-row");
    expect(rows()).toHaveLength(2);
    const fluency = rows()[1] as HTMLElement;
    // One vote is no quorum; the block is still named, to be talked through.
    expect(fluency.textContent).toContain("Not enough votes yet (1 of 1)");
    expect(fluency.textContent).toContain("Objections to talk through: Chris");
    // Maria and Sam are here but have not taken part: the "1 of 1" does not count them, so the
    // summary does not name them as missing votes either.
    expect(fluency.textContent).not.toContain("Not weighed in");

    // The mastery goal's own vote widget sits at the top of the panel.
    const widget = screen.getByTestId("vote-widget");
    fireEvent.click(within(widget).getByRole("button", { name: "5" }));
    expect(value.binding.getSnapshot().votes.find((v) => v.target === MASTERY_TARGET)?.level).toBe(
      5,
    );
    // Maria has now taken part too: one vote of two people.
    expect((rows()[0] as HTMLElement).textContent).toContain("Not enough votes yet (1 of 2)");
    expect((rows()[0] as HTMLElement).textContent).toContain("Not weighed in: Chris");
    expect(screen.getByTestId("quorum-rule").textContent).toContain("the 2 people who have");
  });
});

describe("DiffView", () => {
  it("lists added, removed and changed cards with the fields that changed", () => {
    const before = model;
    const after: LogicModel = {
      ...model,
      nodes: [
        {
          id: "g1",
          kind: "smallWin",
          title: "Reading fluency (grade 2)",
          position: { x: 700, y: 0 },
        },
        { id: "n3", kind: "input", title: "Reading coaches", position: { x: 0, y: 200 } },
      ],
    };
    render(<DiffView diff={diffModels(before, after)} label="Board approved" model={after} />);
    const view = screen.getByTestId("version-diff");
    expect(view.textContent).toContain("Cards added (1)Reading coaches");
    expect(view.textContent).toContain("Cards removed (1)Daily reading routine");
    expect(view.textContent).toContain("title: Reading fluency → Reading fluency (grade 2)");
    expect(view.textContent).toContain("Reading coaches (Input)");
  });

  it("names lanes, dates and link ends in words, never by their stored values", () => {
    const after: LogicModel = {
      ...model,
      nodes: [
        model.nodes[0] as LogicModel["nodes"][number],
        {
          id: "g1",
          kind: "longTerm",
          title: "Reading fluency",
          position: { x: 700, y: 0 },
          smart: {
            indicator: "fluent readers",
            unit: "percent",
            target: { value: 80, date: "2027-06-15" },
          },
        },
      ],
    };
    render(<DiffView diff={diffModels(model, after)} label="Board approved" model={after} />);
    const text = screen.getByTestId("version-diff").textContent ?? "";
    expect(text).toContain("lane: Small-win goal → Long-term goal");
    expect(text).not.toContain("longTerm");
    expect(text).toMatch(/target: — → 80 \(.*Jun.*2027\)/);
    expect(text).not.toContain("2027-06-15");
  });
});
