import { type AlignmentContextAnswer, cascadePaths } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { api, createModel, useTestServer } from "../../tests/support/index.ts";

const server = useTestServer();

describe("a model outside any workspace", () => {
  it("answers its alignment context with no marks, so opening it logs no error", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const response = await api(server.url, cascadePaths.context(model.id), {
      token: model.tokens.viewer,
    });
    expect(response.status).toBe(200);
    const context = (await response.json()) as AlignmentContextAnswer;
    expect(context).toEqual({ modelId: model.id, hasParentWorkspace: false, cards: [] });
  });

  it("still refuses the context to a caller with no link", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const response = await api(server.url, cascadePaths.context(model.id));
    expect(response.status).toBe(401);
  });
});
