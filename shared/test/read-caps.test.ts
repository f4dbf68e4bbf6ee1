import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  checkInsMap,
  MAX_CHECK_INS,
  MAX_NODES,
  nodesMap,
  parseModelFile,
  readCheckIns,
  readModelWithIssues,
  toModelFile,
  validateModel,
} from "../src/index.ts";

/**
 * A stored document past a cap (written before the gate enforced it, or by a store edited by
 * hand) still reads: up to the cap, with the rest listed, so export, version save and validation
 * keep working instead of failing on it for good.
 */
describe("readers on a document past the caps", () => {
  it(`reads ${MAX_NODES.toLocaleString("en")} of ${MAX_NODES + 5} cards and lists the rest`, () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      for (let i = 0; i < MAX_NODES + 5; i += 1) {
        const map = new Y.Map<unknown>();
        nodesMap(doc).set(`n${i}`, map);
        map.set("id", `n${i}`);
        map.set("kind", "activity");
        map.set("title", `Card ${i}`);
      }
      for (let d = 0; d < MAX_CHECK_INS + 5; d += 1) {
        const date = new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        checkInsMap(doc).set(date, true);
      }
    });
    const { model, unreadable } = readModelWithIssues(doc);
    expect(model.nodes).toHaveLength(MAX_NODES);
    expect(unreadable.map((u) => u.message)).toContain(
      "the model holds 20,005 cards; only the first 20,000 are read",
    );
    const checkIns = readCheckIns(doc);
    expect(checkIns).toHaveLength(MAX_CHECK_INS);
    const file = toModelFile(model, { checkIns });
    expect(parseModelFile(JSON.parse(JSON.stringify(file))).ok).toBe(true);
    expect(validateModel(model).errors).toEqual([]);
  });
});
