import { describe, it } from "vitest";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";

const { server, person } = chromiumSession();

describe("layout that fits a laptop", () => {
  it("scratch", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const { page } = await person("Maria", model.links.owner);
    for (const [w, h] of [[1280, 800], [1440, 900]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.waitForTimeout(300);
      await page.screenshot({ path: `/tmp/i19a11y-${w}.png` });
    }
  });
});
