import {
  addCheckIn,
  addMeasurement,
  addNode,
  checkInsMap,
  readCheckIns,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import {
  acknowledged,
  connect,
  createModel,
  synced,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

/** The write gate and the shared layout agree on check-ins (a top-level map) and measurements. */

const server = useTestServer();

describe("check-ins and measurements through the write gate", () => {
  it("accepts check-in dates and measurements from an editor and relays them", async () => {
    const model = await createModel(server.url, { title: "Signposts" });
    const writer = connect(server, model.id, model.tokens.editor);
    const watcher = connect(server, model.id, model.tokens.viewer);
    await synced(writer);
    await synced(watcher);
    const id = addNode(writer.doc, { kind: "midJourney", title: "Teachers share intentions" }, "t");
    addMeasurement(writer.doc, id, { date: "2026-01-15", value: 40 }, "t");
    addCheckIn(writer.doc, "2026-02-01", "t");
    addCheckIn(writer.doc, "2026-05-01", "t");
    await acknowledged(writer);
    await waitFor(() => readCheckIns(watcher.doc).length === 2, "the check-ins to arrive");
    expect(readCheckIns(watcher.doc)).toEqual(["2026-02-01", "2026-05-01"]);
    expect(writer.closes).toEqual([]);
    writer.destroy();
    watcher.destroy();
  });

  it("refuses a check-in that is not a date, with a reason", async () => {
    const model = await createModel(server.url, { title: "Bad signposts" });
    const writer = connect(server, model.id, model.tokens.editor);
    const watcher = connect(server, model.id, model.tokens.editor);
    await synced(writer);
    await synced(watcher);
    writer.doc.transact(() => checkInsMap(writer.doc).set("next spring", true));
    await waitFor(() => writer.closes.length > 0, "the writer to be closed");
    expect(writer.closes[0]).toMatch(/^invalid-write: .*check-in/);
    expect(readCheckIns(watcher.doc)).toEqual([]);
    expect(checkInsMap(watcher.doc).size).toBe(0);
    writer.destroy();
    watcher.destroy();
  });
});
