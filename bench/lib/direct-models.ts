import { join } from "node:path";
import { modelFromCreateBody } from "../../server/src/http/model-bodies.ts";
import { ModelService } from "../../server/src/models/models.ts";
import { SqliteStore } from "../../server/src/storage/sqlite.ts";

/**
 * Models written straight into a data folder's SQLite store before our server starts on it, with
 * the code `POST /api/models` runs (the body's reading and `ModelService.create`), so their links
 * and tokens are the ones the server hands out. 300 models through the API took minutes on a
 * loaded machine (one upload at a time per address, each round trip waiting for a CPU), which the
 * capacity benchmark does not measure; this takes a second or two.
 */
export async function createModelsDirectly(
  dataDir: string,
  bodies: unknown[],
): Promise<{ id: string; editorToken: string }[]> {
  // The server's own file name in a data folder (server/src/startup/storage.ts).
  const store = new SqliteStore(join(dataDir, "logic-canvas.sqlite"));
  try {
    // `create` reads nothing but the store; the live-document parts are never reached.
    const service = new ModelService(store, null as never, null as never, null as never);
    const created: { id: string; editorToken: string }[] = [];
    for (const body of bodies) {
      const { model, extras } = modelFromCreateBody(body, Number.POSITIVE_INFINITY);
      const { id, tokens } = await service.create(model, extras);
      created.push({ id, editorToken: tokens.editor });
    }
    return created;
  } finally {
    await store.close();
  }
}
