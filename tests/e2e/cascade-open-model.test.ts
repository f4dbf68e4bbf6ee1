import { addDays, todayIso } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpServer, signUp } from "../support/accounts.ts";
import { logPageErrors, screenshot } from "../support/browser.ts";
import { card, waitForStatus } from "../support/canvas.ts";
import { type GeneratedDistrict, generateDistrict } from "../support/cascade-district.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { join } from "../support/workspaces.ts";

/**
 * The cascade in an open model: Lincoln's principal has the school plan open with the reading
 * goal selected; a grade-3 teacher records a measurement and aligns a small win in her team's
 * model; the principal's roll-up ("…today they stand at…") and the card's count of goals below
 * change without a reload. Then the principal posts the plan to the district's gallery and
 * duplicates it from the Model menu, and is told the copy's alignments were left out.
 */

const { server, context } = chromiumSession();
const SCHOOL_READING = "Increase the share of students proficient in reading";

async function signedIn(name: string, cookie: string): Promise<Page> {
  const ctx = await context(name);
  await ctx.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
    }),
  );
  const page = await ctx.newPage();
  logPageErrors(page, name);
  return page;
}

describe("the cascade in an open model", () => {
  let district: GeneratedDistrict;
  let principal: Page;
  let teacher: Page;

  it("a team member's measurement and alignment reach the school leader's open model live", async () => {
    const adminCookie = await setUpServer(server.url);
    district = await generateDistrict(server.url, adminCookie, { schools: 1, teams: 4 });
    const lincoln = district.schools[0];
    const grade3 = lincoln?.teams[3];
    if (!lincoln || !grade3) throw new Error("no Lincoln grade 3");
    const patCookie = await signUp(server.url, "pat@district.test", "pat-password-123", "Pat");
    await join(server.url, adminCookie, lincoln.id, "admin", patCookie);
    const tessCookie = await signUp(server.url, "tess@district.test", "tess-password-12", "Tess");
    await join(server.url, adminCookie, grade3.id, "member", tessCookie);

    // The principal opens the school plan and selects the reading goal: its roll-up shows.
    principal = await signedIn("Pat", patCookie);
    await principal.goto(`${server.url}/m/${lincoln.modelId}`);
    await waitForStatus(principal, "Saved");
    const goalCard = card(principal, SCHOOL_READING);
    await goalCard.click();
    const sentence = principal.getByTestId("rollup-sentence");
    await expect.poll(() => sentence.textContent()).toContain("today they stand at");
    const before = (await sentence.textContent()) ?? "";
    const standing = (text: string) => Number(/today they stand at (\d+)/.exec(text)?.[1]);
    const grade3Now = principal
      .getByTestId("rollup-details")
      .locator("tr", { hasText: "Grade 3: reading proficiency" })
      .getByTestId("rollup-now");
    const nowBefore = Number(await grade3Now.textContent().then((t) => t?.replace(/\D/g, "")));
    await expect.poll(() => goalCard.getByTestId("align-down").textContent()).toContain("4");

    // The teacher records 91 % in her team's model.
    teacher = await signedIn("Tess", tessCookie);
    await teacher.goto(`${server.url}/m/${grade3.modelId}`);
    await waitForStatus(teacher, "Saved");
    await card(teacher, "Grade 3: reading proficiency").click();
    const form = teacher.getByTestId("measurement-form");
    await form.getByTestId("measurement-date").fill(addDays(todayIso(), -1));
    await form.getByTestId("measurement-value").fill("91");
    await form.getByTestId("measurement-save").click();

    // Without a reload, the principal's roll-up moves by grade 3's gain in students.
    await expect
      .poll(async () => standing((await sentence.textContent()) ?? ""), { timeout: 15_000 })
      .not.toBe(standing(before));
    const nowAfter = Number(await grade3Now.textContent().then((t) => t?.replace(/\D/g, "")));
    expect(nowAfter).toBeGreaterThan(nowBefore);
    await principal.getByTestId("rollup-details").scrollIntoViewIfNeeded();
    await screenshot(principal, "rollup-live");
    expect(standing((await sentence.textContent()) ?? "")).toBe(
      standing(before) + nowAfter - nowBefore,
    );

    // She aligns her small win to the school's goal, finding it by words from two fields.
    await card(teacher, "Grade 3: weekly data meetings held").click();
    await teacher.getByRole("button", { name: "Align to…" }).click();
    const picker = teacher.getByTestId("align-picker");
    await picker.getByLabel("Search goals").fill("lincoln reading");
    await picker.getByRole("radio", { name: new RegExp(SCHOOL_READING) }).check();
    await picker.getByRole("button", { name: "Align", exact: true }).click();

    // The principal's card counts five goals from below now, without a reload.
    await expect
      .poll(() => goalCard.getByTestId("align-down").textContent(), { timeout: 15_000 })
      .toContain("5");
  });

  it("the principal posts the plan to the district's gallery and copies it from the Model menu", async () => {
    await principal.getByTestId("model-menu").click();
    await principal.getByRole("menuitem", { name: "Post to the gallery" }).click();
    const posted = principal.getByTestId("gallery-posted");
    await expect.poll(() => posted.textContent()).toContain("Posted to the gallery of “");
    await posted.getByRole("link", { name: "Open the gallery" }).waitFor();

    await principal.getByTestId("model-menu").click();
    await principal.getByRole("menuitem", { name: "Duplicate" }).click();
    const notice = principal.getByTestId("copy-notice");
    await expect
      .poll(() => notice.textContent())
      .toContain("2 alignments to goals above were left out of it");
    await notice.getByRole("link", { name: "Open the copy" }).click();
    await waitForStatus(principal, "Saved");
    await expect
      .poll(() => card(principal, SCHOOL_READING).getByTestId("align-up").count())
      .toBe(0);
  });
});
