import type { LogicModel } from "@logic-canvas/shared";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import type { YjsFlowBinding } from "../src/canvas/yjs-flow-binding.ts";
import { ReviewBinding } from "../src/collab/review-binding.ts";
import type { GoalRevision } from "../src/collab/review-revisions.ts";
import { HistoryPanel } from "../src/history/HistoryPanel.tsx";
import { RevisionReasonPrompt } from "../src/history/RevisionReasonPrompt.tsx";
import { ReviewContext, type ReviewContextValue } from "../src/review/review-context.ts";

const model: LogicModel = {
  title: "Plan",
  masteryGoal: "",
  nodes: [{ id: "g1", kind: "midJourney", title: "Attendance", position: { x: 0, y: 0 } }],
  edges: [],
};

function contextFor(role: string, extra: Partial<ReviewContextValue> = {}): ReviewContextValue {
  return {
    binding: new ReviewBinding(new Y.Doc(), "model-1"),
    role,
    modelId: "model-1",
    token: "link-token-0123456789",
    displayName: "Maria",
    presentNames: [],
    focus: vi.fn(),
    ...extra,
  };
}

const panelProps = {
  binding: {} as YjsFlowBinding,
  model,
  selection: { nodeIds: [], edgeIds: [] },
  readOnly: false,
  onFocus: vi.fn(),
};

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("HistoryPanel", () => {
  it("saves a named version as the person and lists versions with who and when", async () => {
    const versions: {
      id: string;
      label: string;
      kind: string;
      createdAt: string;
      createdBy: { id: string | null; name: string | null; role: string | null };
    }[] = [
      {
        id: "v1",
        label: "Automatic save",
        kind: "auto",
        createdAt: new Date().toISOString(),
        createdBy: { id: null, name: null, role: null },
      },
    ];
    const calls: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        if (url.endsWith("/versions") && init?.method === "POST") {
          const { label } = JSON.parse(String(init.body));
          versions.unshift({
            id: "v2",
            label,
            kind: "named",
            createdAt: new Date().toISOString(),
            createdBy: { id: "p1", name: "Maria", role: "owner" },
          });
          return json(versions[0], 201);
        }
        if (url.endsWith("/versions")) return json({ versions });
        if (url.includes("/activity")) return json({ entries: [] });
        return json({ error: { message: "unexpected" } }, 500);
      }),
    );
    render(
      <ReviewContext.Provider value={contextFor("owner")}>
        <HistoryPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    await screen.findByText("Automatic save");
    fireEvent.change(screen.getByPlaceholderText("e.g. Draft shared with staff"), {
      target: { value: "Board approved" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save version" }));
    await screen.findByText("Board approved");
    expect(screen.getAllByTestId("version")[0]?.textContent).toContain("Maria (owner)");
    const post = calls.find((c) => c.init?.method === "POST");
    const headers = post?.init?.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer link-token-0123456789");
    expect(headers["x-person-name"]).toBe("Maria");
    expect(headers["x-person-secret"]?.length).toBeGreaterThanOrEqual(32);
  });

  it("offers a commenter versions to look at, but no saving or restoring", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) =>
        url.includes("/activity")
          ? json({ entries: [] })
          : json({
              versions: [
                {
                  id: "v1",
                  label: "Draft",
                  kind: "named",
                  createdAt: new Date().toISOString(),
                  createdBy: { id: "p", name: "Sam", role: "editor" },
                },
              ],
            }),
      ),
    );
    render(
      <ReviewContext.Provider value={contextFor("commenter")}>
        <HistoryPanel {...panelProps} />
      </ReviewContext.Provider>,
    );
    await screen.findByText("Draft");
    expect(screen.getByRole("button", { name: "What changed" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Restore" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Save version" })).toBeNull();
  });
});

describe("RevisionReasonPrompt", () => {
  it("asks why after this person revises the goal, and sends the reason", async () => {
    let emit: ((r: GoalRevision) => void) | undefined;
    const sendRevisionReason = vi.fn(async () => null);
    const value = contextFor("editor", {
      onRevision: (listener) => {
        emit = listener;
        return () => {
          emit = undefined;
        };
      },
      sendRevisionReason,
    });
    render(
      <ReviewContext.Provider value={value}>
        <RevisionReasonPrompt nodeId="g1" />
      </ReviewContext.Provider>,
    );
    expect(screen.queryByTestId("revision-reason")).toBeNull();
    emit?.({ nodeId: "other", fields: ["smart.target"] });
    expect(screen.queryByTestId("revision-reason")).toBeNull();
    await waitFor(() => expect(emit).toBeDefined());
    act(() => emit?.({ nodeId: "g1", fields: ["smart.target"] }));
    expect(screen.getByTestId("revision-reason").textContent).toContain("target");
    fireEvent.change(screen.getByRole("textbox"), {
      target: { value: "Baseline data arrived" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Save reason" }));
    expect(sendRevisionReason).toHaveBeenCalledWith("g1", "Baseline data arrived");
    expect((await screen.findByRole("status")).textContent).toContain("Reason saved");
  });
});
