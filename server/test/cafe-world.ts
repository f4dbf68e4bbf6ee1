import { type CafeHead, type CafeSession, cafePaths, readCafe } from "@logic-canvas/shared";
import { expect } from "vitest";
import {
  api,
  type Client,
  connect,
  createModel,
  person,
  sessionToken,
  synced,
  type TestPerson,
  type TestServer,
} from "../../tests/support/index.ts";

type Model = Awaited<ReturnType<typeof createModel>>;

/**
 * The World Café tests' world: Fran facilitates, Ana, Ben and Cal sit at tables, Vic watches on
 * a viewer link; café calls go through the real HTTP API with each person's link and identity.
 */
export function cafeWorld(server: TestServer) {
  const fran = person("Fran");
  const ana = person("Ana");
  const ben = person("Ben");
  const cal = person("Cal");
  const vic = person("Vic");

  /** A café API call as `who` with the model's `role` link; the status and JSON body. */
  async function call(
    model: Model,
    role: keyof Model["tokens"],
    who: TestPerson | null,
    path: string,
    method: string,
    body?: unknown,
  ): Promise<{ status: number; body: Record<string, unknown> & { error?: { message: string } } }> {
    const headers: Record<string, string> = who
      ? { "x-person-secret": who.secret, "x-person-name": encodeURIComponent(who.name) }
      : {};
    const response = await api(server.url, path, {
      method,
      token: model.tokens[role],
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as never };
  }

  async function started(): Promise<{ model: Model; head: CafeHead; watcher: Client }> {
    const model = await createModel(server.url, { template: "coaching" });
    const created = await call(model, "editor", fran, cafePaths.list(model.id), "POST", {
      title: "Spring revisit",
      prompts: ["What is working?", "What worries you?"],
      tables: ["Oak", "Elm"],
    });
    expect(created.status).toBe(201);
    const head = created.body as unknown as CafeHead;
    expect(head.minutes).toBe(90);
    const watcher = connect(server, `${model.id}/review`, sessionToken(model.tokens.viewer, vic));
    await synced(watcher);
    return { model, head, watcher };
  }

  const seen = (watcher: Client, id: string) => readCafe(watcher.doc, id) as CafeSession;

  async function advanceTo(model: Model, head: CafeHead, from: string): Promise<CafeHead> {
    const response = await call(
      model,
      "owner",
      fran,
      cafePaths.advance(model.id, head.id),
      "POST",
      {
        from,
      },
    );
    expect(response.status).toBe(200);
    return response.body as unknown as CafeHead;
  }

  return { fran, ana, ben, cal, vic, call, started, seen, advanceTo };
}
