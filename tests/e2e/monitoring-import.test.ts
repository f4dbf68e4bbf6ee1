import { addDays, toModelFile } from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import { screenshot } from "../support/browser.ts";
import { card, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel, modelInfo, tokenOf } from "../support/http.ts";
import { liveModel, template, titleOf, today } from "../support/monitoring-views.ts";

/** Importing a model file into an open model: every problem of a bad file, or the content replaced. */

const { server, person } = chromiumSession();

describe("importing a model file into the open model", () => {
  it("lists every problem of a bad file, and replaces the content for everyone with a good one", async () => {
    const model = await createModel(server.url, { title: "To be replaced" });
    const { page: maria } = await person("Maria", model.links.owner);
    const { page: sam } = await person("Sam", model.links.editor);
    const input = maria.getByTestId("import-into-model");

    const bad = {
      format: "logic-model",
      version: 1,
      title: "",
      masteryGoal: "",
      nodes: [{ id: "a", kind: "wish", title: "x" }],
      edges: [],
    };
    await input.setInputFiles({
      name: "bad.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    const errors = maria.getByTestId("import-report");
    await errors.waitFor();
    expect(await errors.textContent()).toContain("nodes[0].kind");
    expect(await errors.textContent()).toContain("title");
    expect((await modelInfo(server.url, model.id, tokenOf(model.links.owner))).nodeCount).toBe(0);
    await screenshot(maria, "editor-import-report");
    await maria
      .getByRole("dialog", { name: "This file cannot be imported" })
      .getByRole("button", { name: "Close" })
      .click();

    const checkIns = [addDays(today, 14), addDays(today, 60)];
    const good = toModelFile(template, { checkIns });
    await input.setInputFiles({
      name: "coaching.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(good)),
    });
    await maria
      .getByRole("dialog", { name: "Replace this model?" })
      .getByRole("button", { name: "Replace" })
      .click();
    await expect
      .poll(async () => (await liveModel(sam)).model.nodes.length)
      .toBe(template.nodes.length);
    await expect.poll(async () => (await liveModel(sam)).checkIns).toEqual(checkIns);
    await card(sam, titleOf("I1")).waitFor();
    await waitForStatus(maria, "Saved");
    expect((await modelInfo(server.url, model.id, tokenOf(model.links.owner))).nodeCount).toBe(
      template.nodes.length,
    );
    await screenshot(sam, "monitoring-imported");
  });
});
