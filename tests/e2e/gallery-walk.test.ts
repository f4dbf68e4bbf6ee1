import type { BrowserContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { formatViolations, runAxe, severe } from "../support/axe.ts";
import { screenshot } from "../support/browser.ts";
import { waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { openTab } from "../support/side-panel.ts";
import { call, createModelIn } from "../support/workspaces.ts";
import { galleryWorld } from "../workspaces/gallery-world.ts";

/**
 * The gallery walk in Chromium (seed 004): team A's owner posts their model to the school's
 * gallery; a member of team B opens the gallery, reads the one-page summary, follows "Give
 * feedback" and comments; team A sees the comment in their model. The page is audited by axe
 * and walked with the keyboard.
 */

const { server, context } = chromiumSession();

const goal = (
  id: string,
  kind: "smallWin" | "midJourney" | "longTerm",
  title: string,
  values: { baseline: number; target: number; latest?: number },
) => ({
  id,
  kind,
  title,
  smart: {
    indicator: "students proficient on the spring benchmark",
    unit: "percent",
    baseline: { value: values.baseline, date: "2026-08-20" },
    target: { value: values.target, date: "2027-05-28" },
  },
  measurements: values.latest === undefined ? [] : [{ date: "2026-11-20", value: values.latest }],
});

const plan = (title: string, latest: number) => ({
  format: "logic-model",
  version: 1,
  title,
  masteryGoal: "Every student reads fluently and can say what helps them read better",
  nodes: [
    { id: "I1", kind: "input", title: "Daily 30-minute intervention block" },
    { id: "A1", kind: "activity", title: "Paired reading with fluency logs" },
    { id: "A2", kind: "activity", title: "Weekly running records" },
    goal("S1", "smallWin", "Students track their words per minute", {
      baseline: 10,
      target: 80,
      latest: 55,
    }),
    goal("M1", "midJourney", "Fluency at grade level", { baseline: 40, target: 70, latest }),
    goal("L1", "longTerm", "Proficient on the state reading test", { baseline: 62, target: 75 }),
  ],
  edges: [
    { id: "e1", source: "I1", target: "A1" },
    { id: "e2", source: "A1", target: "S1" },
    { id: "e3", source: "S1", target: "M1" },
    { id: "e4", source: "M1", target: "L1" },
  ],
});

async function signedIn(name: string, cookie: string): Promise<Page> {
  const ctx: BrowserContext = await context(name);
  await ctx.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
    }),
  );
  const page = await ctx.newPage();
  page.on("pageerror", (error) => console.error(`[${name}] page error:`, error.message));
  return page;
}

/** Tabs from the top of the page until `target` has focus: the keyboard reaches it. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, most = 60): Promise<void> {
  await page.locator("body").focus();
  for (let i = 0; i < most; i += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("the keyboard never reached it");
}

it("team A posts, team B reads the summary and comments, team A sees the comment", async () => {
  const w = await galleryWorld(server.url, plan("Grade 3 reading plan", 52));
  // Team B's admin model, posted by the district's admin (who owns it), to hang beside it.
  const teamB = await createModelIn(server.url, w.admin, w.teamB.id, plan("Grade 4 fluency", 44));
  const ann = await signedIn("Ann", w.ann.cookie);

  // Ann, team A's owner, goes from her school's page to its gallery and posts her model.
  await ann.goto(`${server.url}/workspaces/${w.school.id}`);
  await ann.getByRole("link", { name: "Gallery walk" }).click();
  await ann.getByRole("heading", { level: 1, name: "Gallery walk" }).waitFor();
  await ann.getByTestId("gallery-empty").waitFor();
  await ann.getByLabel("Your model").selectOption({ label: "Grade 3 reading plan (Grade 3)" });
  await ann.getByRole("button", { name: "Post to the gallery" }).click();
  await ann.getByRole("heading", { level: 2, name: "Grade 3 reading plan" }).waitFor();
  await ann.getByRole("button", { name: "Take down Grade 3 reading plan" }).waitFor();
  const posted = await call(server.url, `/api/models/${teamB.id}/gallery`, {
    method: "POST",
    cookie: w.admin,
    body: {},
  });
  expect(posted.status).toBe(201);

  // Ben, a member of team B, walks the gallery: both posters side by side.
  const ben = await signedIn("Ben", w.ben.cookie);
  await ben.setViewportSize({ width: 1440, height: 900 });
  await ben.goto(`${server.url}/workspaces/${w.school.id}`);
  await ben.getByRole("link", { name: "Gallery walk" }).click();
  const cards = ben.getByTestId("gallery-card");
  await cards.nth(1).waitFor();
  expect(await cards.count()).toBe(2);
  const annCard = ben.getByRole("article", { name: "Grade 3 reading plan" });
  expect(await annCard.textContent()).toContain(
    "Every student reads fluently and can say what helps them read better",
  );
  const goals = annCard.getByTestId("gallery-goal");
  expect(await goals.count()).toBe(3);
  expect(await goals.nth(1).textContent()).toMatch(
    /Fluency at grade level\s*On track Latest 52% on Nov 20, 2026; target 70% by May 28, 2027/,
  );
  expect(await goals.nth(1).getByTestId("goal-status").getAttribute("data-status")).toBe(
    "on-track",
  );
  expect(await annCard.getByText(/Activities\s*2/).count()).toBe(1);
  // Ben may give feedback but not take anyone's poster down.
  expect(await ben.getByRole("button", { name: /^Take down/ }).count()).toBe(0);
  const audit = await runAxe(ben);
  expect(formatViolations(severe(audit))).toBe("");
  await screenshot(ben, "gallery-walk");

  // With the keyboard alone, Ben reaches "Give feedback" and opens the model.
  const feedback = ben.getByRole("link", { name: "Give feedback on Grade 3 reading plan" });
  await tabTo(ben, feedback);
  await ben.keyboard.press("Enter");
  await ben.waitForURL(new RegExp(`/m/${w.model.id}$`));
  await waitForStatus(ben, "Saved");
  await openTab(ben, "Comments");
  const text = "We tried paired reading logs in grade 4: happy to share our log sheet.";
  await ben.getByRole("textbox", { name: "New comment" }).fill(text);
  await ben.getByRole("button", { name: "Comment", exact: true }).click();
  await ben.getByText(text).first().waitFor();

  // Team A sees Ben's feedback in their model's comments, as usual.
  await ann.getByRole("link", { name: "Give feedback on Grade 3 reading plan" }).click();
  await ann.waitForURL(new RegExp(`/m/${w.model.id}$`));
  await waitForStatus(ann, "Saved");
  await openTab(ann, "Comments");
  const thread = ann.locator("[data-testid=thread]").filter({ hasText: text });
  await thread.waitFor();
  expect(await thread.textContent()).toContain("Ben");
});
