import { readFile } from "node:fs/promises";
import { MODEL_LOCATIONS, type ModelLocation, WORKSPACE_MODEL_ROLES } from "@logic-canvas/shared";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { expect, it } from "vitest";
import { setUpServer, signUp } from "../support/accounts.ts";
import { screenshot } from "../support/browser.ts";
import { card, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { openTab } from "../support/side-panel.ts";
import { createModelIn, myWorkspaces } from "../support/workspaces.ts";

/**
 * An admin sets up a district with two schools and a team on the workspace pages, invites a
 * member of one school by link; the member signs in, accepts, and sees exactly the models
 * shared's role table gives a member of that school. Opened from the list (no link token), a
 * model takes the member's workspace role, and their comment is written as their account.
 */

/** Each model has one card, so there is something to comment on. */
const modelTitled = (title: string) => ({
  format: "logic-model",
  version: 1,
  title,
  masteryGoal: "Every student reads fluently by grade 3",
  nodes: [
    { id: "fluency", kind: "smallWin", title: "Reading fluency", position: { x: 40, y: 120 } },
  ],
  edges: [],
});

/** Every message's text and author name as the page's review document holds them. */
function authorsOn(page: Page): Promise<{ text: string; name: string }[]> {
  return page.evaluate(() => {
    type YMapLike = { get(key: string): unknown; values(): IterableIterator<unknown> };
    const review = (
      window as unknown as { logicCanvasReview: { doc: { getMap(n: string): YMapLike } } }
    ).logicCanvasReview;
    const found: { text: string; name: string }[] = [];
    for (const thread of review.doc.getMap("threads").values() as IterableIterator<YMapLike>)
      for (const m of (thread.get("messages") as YMapLike).values() as IterableIterator<YMapLike>)
        found.push({ text: m.get("text") as string, name: m.get("authorName") as string });
    return found;
  });
}

/** From a workspace's list: the model opens by the person's workspace role, with no link token. */
async function openFromList(page: Page, title: string): Promise<void> {
  await page.getByTestId("workspace-models").getByRole("link", { name: title }).click();
  await page.waitForURL(/\/m\/[A-Za-z0-9]+$/);
  await page.locator("[data-testid=status]").waitFor();
  await waitForStatus(page, "Saved");
}

const { server, context } = chromiumSession();

/** A signed-in browser: the session cookie of `cookie` ("a=1; b=2") in a fresh context. */
async function signedIn(
  name: string,
  cookie: string,
): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await context(name);
  await ctx.addCookies(
    cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.url };
    }),
  );
  return { page: await ctx.newPage(), ctx };
}

async function addUnder(page: Page, kind: "school" | "team", name: string): Promise<void> {
  const tools = page.locator("details.ws-manage");
  if ((await tools.getAttribute("open")) === null) await page.getByText(/^Manage this/).click();
  await page.getByLabel(`New ${kind}`).fill(name);
  await page.getByRole("button", { name: `Add ${kind}` }).click();
  await page.getByRole("navigation", { name: "Workspaces" }).getByText(name).waitFor();
}

async function select(page: Page, name: string): Promise<void> {
  await page
    .getByRole("navigation", { name: "Workspaces" })
    .getByText(name, { exact: true })
    .click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

async function listedTitles(page: Page): Promise<string[]> {
  const rows = page.getByTestId("workspace-models").locator("tbody th a");
  await page.getByText(/\d+ models?/).waitFor();
  return (await rows.allTextContents()).sort();
}

it("an admin builds the tree and invites a member, who sees exactly what the table gives", async () => {
  const adminCookie = await setUpServer(server.url);
  const district = (await myWorkspaces(server.url, adminCookie))[0];
  if (!district) throw new Error("no district");
  const admin = await signedIn("Ada", adminCookie);
  // From the home page, through the account menu.
  await admin.page.goto(server.url);
  await admin.page.getByRole("link", { name: "Your workspaces" }).click();
  await admin.page.getByRole("heading", { level: 1, name: district.name }).waitFor();
  await addUnder(admin.page, "school", "Lincoln Elementary");
  await addUnder(admin.page, "school", "Roosevelt Middle");
  await select(admin.page, "Lincoln Elementary");
  await addUnder(admin.page, "team", "Grade 3");

  // One model in each place seen from Lincoln (other districts' are tested by the matrices).
  const tree = await myWorkspaces(server.url, adminCookie);
  const id = (name: string) => tree.find((w) => w.name === name)?.id ?? "";
  const places: Partial<Record<ModelLocation, string>> = {
    own: id("Lincoln Elementary"),
    above: district.id,
    below: id("Grade 3"),
    sibling: id("Roosevelt Middle"),
  };
  for (const [location, workspaceId] of Object.entries(places))
    await createModelIn(server.url, adminCookie, workspaceId, modelTitled(`Model at ${location}`));
  await select(admin.page, district.name);
  expect(await listedTitles(admin.page)).toEqual(
    Object.keys(places)
      .map((l) => `Model at ${l}`)
      .sort(),
  );
  await screenshot(admin.page, "workspace-home-admin");
  // The district's written plan holds every model below it, from the workspace page.
  const [plan] = await Promise.all([
    admin.page.waitForEvent("download"),
    admin.page.getByTestId("workspace-plan-docx").click(),
  ]);
  const planXml = await (await JSZip.loadAsync(await readFile(await plan.path())))
    .file("word/document.xml")
    ?.async("string");
  for (const location of Object.keys(places)) expect(planXml).toContain(`Model at ${location}`);

  await select(admin.page, "Lincoln Elementary");
  await admin.page.getByRole("link", { name: "Members" }).click();
  await admin.page.getByRole("heading", { level: 1, name: "Members" }).waitFor();
  await admin.page.getByLabel("Role").selectOption("member");
  await admin.page.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.page.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite#token=/);

  const memberCookie = await signUp(server.url, "mo@district.test", "mo-password-12", "Mo Member");
  const member = await signedIn("Mo", memberCookie);
  await member.page.goto(link);
  await member.page.getByText(/You are invited to the school/).waitFor();
  await member.page.getByRole("button", { name: "Accept" }).click();
  await member.page.getByRole("heading", { level: 1, name: "Lincoln Elementary" }).waitFor();

  // From the district's page the member is shown every model the rule gives them, no other.
  await select(member.page, district.name);
  const expected = MODEL_LOCATIONS.filter((l) => places[l] && WORKSPACE_MODEL_ROLES.member[l])
    .map((l) => `Model at ${l}`)
    .sort();
  expect(expected.length).toBe(3);
  expect(await listedTitles(member.page)).toEqual(expected);
  await screenshot(member.page, "workspace-home-member");

  // A commenter on the district's model (a workspace above theirs), opened with no token: the
  // browser's own display name ("Mo") is not asked for and not used; the account's is.
  await openFromList(member.page, "Model at above");
  expect(await member.page.getByRole("dialog").count()).toBe(0);
  await card(member.page, "Reading fluency").click();
  await openTab(member.page, "Comments");
  await member.page.getByRole("textbox", { name: "New comment" }).fill("Which benchmark?");
  await member.page.getByRole("button", { name: "Comment", exact: true }).click();
  const watcher = await signedIn("Ada again", adminCookie);
  await watcher.page.goto(`${server.url}/workspaces/${district.id}`);
  await openFromList(watcher.page, "Model at above");
  await expect
    .poll(() => authorsOn(watcher.page))
    .toEqual([{ text: "Which benchmark?", name: "Mo Member" }]);

  await admin.page.reload();
  await admin.page.getByTestId("members").getByText("Mo Member").waitFor();
  await screenshot(admin.page, "workspace-members");
});
