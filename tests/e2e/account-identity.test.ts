import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { setUpServer, signIn, signUp } from "../support/accounts.ts";
import { screenshot } from "../support/browser.ts";
import { card, openEditor } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";
import { openTab } from "../support/side-panel.ts";

const { server, context, person } = chromiumSession();

const MODEL = {
  format: "logic-model",
  version: 1,
  title: "Reading plan",
  masteryGoal: "Every student reads fluently by grade 3",
  nodes: [
    { id: "fluency", kind: "smallWin", title: "Reading fluency", position: { x: 40, y: 120 } },
  ],
  edges: [],
};

/** A browser (its own cookies and storage) signed in with `cookie`, the editor open at `link`. */
async function device(label: string, cookie: string, link: string) {
  // The browser declares a display name of its own: the account's must win over it.
  const browser: BrowserContext = await context(label);
  const url = new URL(server.url);
  await browser.addCookies(
    cookie.split("; ").map((pair) => {
      const [name = "", ...value] = pair.split("=");
      return { name, value: value.join("="), domain: url.hostname, path: "/" };
    }),
  );
  const page = await browser.newPage();
  page.on("pageerror", (error) => console.error(`[${label}] page error:`, error.message));
  await openEditor(page, link);
  return page;
}

/** Every message's text and author as the page's review document holds them. */
function authors(page: Page): Promise<{ text: string; id: string; name: string }[]> {
  return page.evaluate(() => {
    type YMapLike = { get(key: string): unknown; values(): IterableIterator<unknown> };
    const review = (
      window as unknown as { logicCanvasReview: { doc: { getMap(n: string): YMapLike } } }
    ).logicCanvasReview;
    const found: { text: string; id: string; name: string }[] = [];
    for (const thread of review.doc.getMap("threads").values() as IterableIterator<YMapLike>)
      for (const m of (thread.get("messages") as YMapLike).values() as IterableIterator<YMapLike>)
        found.push({
          text: m.get("text") as string,
          id: m.get("authorId") as string,
          name: m.get("authorName") as string,
        });
    return found;
  });
}

async function comment(page: Page, text: string): Promise<void> {
  const thread = page.locator("[data-testid=thread]").first();
  if (!(await thread.getByRole("textbox", { name: "Reply" }).isVisible()))
    await thread.locator(".thread-head").click();
  await thread.getByRole("textbox", { name: "Reply" }).fill(text);
  await thread.getByRole("button", { name: "Reply", exact: true }).click();
}

const unreadOf = (page: Page) =>
  card(page, "Reading fluency").locator("[data-testid=comment-badge]").getAttribute("data-unread");

describe("a signed-in person across two devices", () => {
  it("comments as one author, one name and one avatar, and reads a thread once for both", async () => {
    await setUpServer(server.url);
    const email = "maria.lopez@school.test";
    const laptopCookie = await signUp(server.url, email, "maria-password-1", "Maria Lopez");
    const phoneCookie = await signIn(server.url, email, "maria-password-1");
    const model = await createModel(server.url, MODEL);

    // Chris, link-only, starts a thread on the card.
    const chris = await person("Chris", model.links.commenter);
    await card(chris.page, "Reading fluency").click();
    await openTab(chris.page, "Comments");
    await chris.page
      .getByRole("textbox", { name: "New comment" })
      .fill("How will we measure this?");
    await chris.page.getByRole("button", { name: "Comment", exact: true }).click();

    const laptop = await device("Tab on laptop", laptopCookie, model.links.editor);
    const phone = await device("Phone browser", phoneCookie, model.links.commenter);
    // Neither device asks for a display name.
    expect(await laptop.getByRole("dialog").count()).toBe(0);
    for (const page of [laptop, phone]) {
      await card(page, "Reading fluency").click();
      await openTab(page, "Comments");
    }
    await comment(laptop, "Words correct per minute, from the laptop");
    await comment(phone, "And a running record, from the phone");

    await expect.poll(async () => (await authors(chris.page)).length).toBe(3);
    const written = await authors(chris.page);
    const by = (words: string) => written.find((m) => m.text.includes(words));
    const [fromChris, fromLaptop, fromPhone] = [by("measure"), by("laptop"), by("phone")];
    expect(fromChris?.name).toBe("Chris");
    expect(fromLaptop?.name).toBe("Maria Lopez");
    expect({ ...fromPhone, text: "" }).toEqual({ ...fromLaptop, text: "" });
    expect(fromLaptop?.id).not.toBe(fromChris?.id);
    // Each device sees both messages as its own, and the other device's avatar under the same
    // initials (the browsers' own names would give "TL" and "PB").
    for (const page of [laptop, phone]) {
      await expect.poll(() => page.locator("[data-testid=message][data-own=true]").count()).toBe(2);
      const avatars = page.locator("[data-testid=avatar] > span[aria-hidden=true]:first-child");
      const initials = async () => (await avatars.allTextContents()).filter((t) => t === "ML");
      await expect.poll(async () => (await initials()).length).toBe(2);
      expect(await page.getByText("Tab on laptop").count()).toBe(0);
    }
    await screenshot(laptop, "account-identity-laptop");
    await screenshot(phone, "account-identity-phone");

    // Chris writes again: unread on both devices; read on the laptop, read on the phone after a reload.
    await comment(chris.page, "Thanks, Maria");
    for (const page of [laptop, phone]) await expect.poll(() => unreadOf(page)).toBe("1");
    await laptop.locator("[data-testid=thread] .thread-head").first().click();
    await expect.poll(() => unreadOf(laptop)).toBe("0");
    await phone.reload();
    await phone.locator("[data-testid=status]").waitFor();
    await expect.poll(() => unreadOf(phone), { timeout: 15_000 }).toBe("0");
    await screenshot(phone, "account-identity-phone-read");
  });
});
