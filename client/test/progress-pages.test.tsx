import type { ProgressRow, WorkspaceProgressAnswer } from "@logic-canvas/shared";
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useProgressPages } from "../src/cascade/progress-pages.ts";

const WORKSPACE = "AbCdEfGhIjKlMnOp";
const URL_ASKED = `/api/workspaces/${WORKSPACE}/cascade/progress?limit=200`;
const ANSWER = {
  rows: [{ title: "Reading" }, { title: "Attendance" }] as ProgressRow[],
  total: 2,
  unfiltered: 2,
} as WorkspaceProgressAnswer;

/** The live stream, which these tests do not exercise: never opens. */
class QuietEventSource {
  addEventListener() {}
  close() {}
}

type Early = { url: string; answer?: Promise<unknown>; settled?: unknown; taken?: boolean };
const early = (value: Early) => {
  (window as unknown as { __logicCanvasEarlyProgress?: Early }).__logicCanvasEarlyProgress = value;
  return value;
};

beforeEach(() => {
  vi.stubGlobal("EventSource", QuietEventSource);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete (window as unknown as { __logicCanvasEarlyProgress?: Early }).__logicCanvasEarlyProgress;
});

describe("the progress page's first rows", () => {
  it("are drawn in the first render when the early answer came before the page's code", async () => {
    const fetch = vi.fn();
    vi.stubGlobal("fetch", fetch);
    const settled = { status: 200, body: ANSWER };
    const e = early({ url: URL_ASKED, answer: Promise.resolve(settled), settled });
    const { result } = renderHook(() => useProgressPages(WORKSPACE, {}));
    // No "Loading" render first: the rows are there as the page first renders.
    expect(result.current.rows.map((r) => r.title)).toEqual(["Reading", "Attendance"]);
    expect(result.current.loading).toBe(false);
    expect(result.current.total).toBe(2);
    // Taken, so the live stream reads the rows once more when it opens; nothing asked again.
    await waitFor(() => expect(e.taken).toBe(true));
    expect(e.answer).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("wait for the early answer when it has not come, and for a refusal say why", async () => {
    const settled = { status: 403, body: { error: { code: "forbidden", message: "Not yours." } } };
    early({ url: URL_ASKED, answer: Promise.resolve(settled), settled });
    const { result } = renderHook(() => useProgressPages(WORKSPACE, {}));
    expect(result.current.rows).toEqual([]);
    expect(result.current.total).toBeNull();
    await waitFor(() => expect(result.current.error).toBe("Not yours."));
  });
});
