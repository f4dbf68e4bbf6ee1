import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  ActivityRecorder,
  type ChangeAuthor,
  REASON_WINDOW_MS,
} from "../src/revisions/recorder.ts";
import type { SubjectChange } from "../src/revisions/summary.ts";
import { createLogger } from "../src/runtime/logger.ts";
import type { ActivityRecord, Store } from "../src/storage/types.ts";

/** The two store methods the recorder uses, in memory. */
function memoryStore() {
  const rows = new Map<string, ActivityRecord>();
  const store = {
    async saveActivity(entries: ActivityRecord[]) {
      for (const entry of entries) rows.set(entry.id, structuredClone(entry));
    },
    async latestActivity(modelId: string, byKey: string, subjectId: string | null) {
      return [...rows.values()]
        .filter((r) => r.modelId === modelId && r.byKey === byKey && r.subjectId === subjectId)
        .sort((a, b) => b.at.localeCompare(a.at))[0];
    },
  } as unknown as Store;
  const newestFirst = () => [...rows.values()].sort((a, b) => b.at.localeCompare(a.at));
  return { store, newestFirst };
}

const ana: ChangeAuthor = { key: "ana", by: { id: "ana", name: "Ana", role: "editor" } };
const title = (nodeId: string, text: string): SubjectChange => ({
  subject: "node",
  subjectId: nodeId,
  added: false,
  removed: false,
  fields: ["title"],
  title: text,
});

describe("activity recorder", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-11-23T10:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("starts a new entry once a person's burst on a card has been quiet for the merge time", async () => {
    const { store, newestFirst } = memoryStore();
    const recorder = new ActivityRecorder(store, createLogger("silent"), 30_000);
    recorder.record("m", ana, [title("n1", "A")]);
    vi.advanceTimersByTime(20_000);
    recorder.record("m", ana, [{ ...title("n1", "AB"), fields: ["notes"] }]);
    vi.advanceTimersByTime(31_000);
    recorder.record("m", ana, [title("n1", "ABC")]);
    await recorder.close();
    const rows = newestFirst();
    expect(rows.map((r) => [r.summary.fields, r.summary.title])).toEqual([
      [["title"], "ABC"],
      [["notes", "title"], "AB"],
    ]);
    expect(rows[1]?.startedAt).toBe("2026-11-23T10:00:00.000Z");
    expect(rows[1]?.at).toBe("2026-11-23T10:00:20.000Z");
  });

  it("keeps a reason whose change never came as an entry of its own", async () => {
    const { store, newestFirst } = memoryStore();
    const recorder = new ActivityRecorder(store, createLogger("silent"), 30_000);
    expect(await recorder.attachReason("m", ana, "n1", "Target moved to June")).toBeNull();
    vi.advanceTimersByTime(REASON_WINDOW_MS + 1_000);
    await recorder.flush();
    const rows = newestFirst();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      subject: "node",
      subjectId: "n1",
      reason: "Target moved to June",
      summary: { fields: [] },
    });
    await recorder.close();
  });

  it("does not attach a reason to an entry older than a minute; it waits for the next change", async () => {
    const { store, newestFirst } = memoryStore();
    const recorder = new ActivityRecorder(store, createLogger("silent"), 30_000);
    recorder.record("m", ana, [title("n1", "Old")]);
    await recorder.flush();
    vi.advanceTimersByTime(REASON_WINDOW_MS + 5_000);
    expect(await recorder.attachReason("m", ana, "n1", "New data")).toBeNull();
    vi.advanceTimersByTime(10_000);
    recorder.record("m", ana, [title("n1", "New")]);
    await recorder.close();
    expect(newestFirst().map((r) => [r.summary.title, r.reason])).toEqual([
      ["New", "New data"],
      ["Old", null],
    ]);
  });
});
