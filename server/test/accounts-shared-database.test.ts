import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  createModel,
  setUpServer,
  signUp,
  useTestServer,
  whoAmI,
} from "../../tests/support/index.ts";

const server = useTestServer();

/** A small real update to the model's document, as an edit would append it. */
function anEdit(n: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("edits").set(`e${n}`, n);
  return Y.encodeStateAsUpdate(doc);
}

describe("accounts and models on one SQLite file", () => {
  it("sign-ups succeed while the models are being written, and the writes all succeed", async () => {
    await setUpServer(server.url);
    const model = await createModel(server.url);
    let writing = true;
    let written = 0;
    // Edits keep landing between the sign-ups' statements (each in its own turn of the loop),
    // as they do on a server in use: neither connection may lock the other out.
    const writer = (async () => {
      while (writing) {
        await server.store.appendUpdate(model.id, anEdit(written));
        written += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    try {
      const people = ["ana", "bo", "cy", "di"];
      const cookies = await Promise.all(
        people.map((p) => signUp(server.url, `${p}@district.test`, `${p}-password-1`, p)),
      );
      for (const [i, cookie] of cookies.entries())
        expect(await whoAmI(server.url, cookie)).toMatchObject({ name: people[i] });
    } finally {
      writing = false;
      await writer;
    }
    expect(written).toBeGreaterThan(0);
    expect(await server.store.countUpdates(model.id)).toBeGreaterThanOrEqual(written);
  });
});
