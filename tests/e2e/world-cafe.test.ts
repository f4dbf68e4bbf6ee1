import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { formatViolations, runAxe, severe } from "../support/axe.ts";
import { logPageErrors, SCREENSHOT_DIR } from "../support/browser.ts";
import { card, openEditor } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { createModel } from "../support/http.ts";
import { openTab } from "../support/side-panel.ts";

const { server, person, context } = chromiumSession();
const COACHES = "Principals hire instructional coaches.";
const SHOTS = resolve(SCREENSHOT_DIR, "../../docs/screenshots/issue-17");

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.ISSUE17_SHOTS ?? SHOTS;
  await mkdir(dir, { recursive: true });
  await page.getByTestId("cafe-dialog").screenshot({ path: resolve(dir, `${name}.png`) });
}

async function audit(page: Page, name: string): Promise<void> {
  const found = severe(await runAxe(page));
  expect(formatViolations(found), `${name}: serious or critical violations`).toBe("");
}

/** Opens the café from the toolbar and the session by its title. */
async function openSession(page: Page, title: string): Promise<Locator> {
  await page.getByRole("button", { name: "World Café" }).click();
  const dialog = page.getByTestId("cafe-dialog");
  await dialog.getByRole("button", { name: title }).click();
  await dialog.getByTestId("cafe-stage").waitFor();
  return dialog;
}

/** A person whose computer's clock is an hour behind. */
async function personWithWrongClock(name: string, link: string) {
  const created = await context(name);
  await created.addInitScript(() => {
    const real = Date.now.bind(Date);
    Date.now = () => real() - 3_600_000;
  });
  const page = await created.newPage();
  logPageErrors(page, name);
  await openEditor(page, link);
  return { page, context: created };
}

/** Minutes left on the round's timer as shown ("44:59" → 44.98). */
async function minutesLeft(dialog: Locator): Promise<number> {
  const text = (await dialog.getByTestId("cafe-timer").textContent()) ?? "";
  const [m, s] = text.split(":").map(Number);
  return (m ?? 0) + (s ?? 0) / 60;
}

async function writeNote(dialog: Locator, tag: string, text: string, cardTitle?: string) {
  await dialog.getByRole("radio", { name: tag }).check();
  await dialog.getByRole("textbox", { name: "Note" }).fill(text);
  if (cardTitle)
    await dialog.getByRole("combobox", { name: /About a card/ }).selectOption({ label: cardTitle });
  await dialog.getByRole("button", { name: "Add note" }).click();
  await dialog.getByText(text).first().waitFor();
}

describe("World Café", () => {
  it("runs a whole café: two tables, three participants, to an accepted revision with its reason", async () => {
    const model = await createModel(server.url, { template: "coaching" });
    const fran = await person("Fran", model.links.owner);
    const ana = await person("Ana", model.links.commenter);
    const ben = await person("Ben", model.links.commenter);
    const cal = await personWithWrongClock("Cal", model.links.commenter);

    // The facilitator starts a session: two prompts, 90 minutes by default, two named tables.
    await fran.page.getByRole("button", { name: "World Café" }).click();
    const franCafe = fran.page.getByTestId("cafe-dialog");
    await franCafe.getByRole("button", { name: "New session" }).click();
    await franCafe.getByRole("textbox", { name: "Title" }).fill("Spring revisit");
    await franCafe.getByRole("textbox", { name: "Prompt 1" }).fill("What is working in coaching?");
    await franCafe.getByRole("textbox", { name: /Prompt 2/ }).fill("What should change next year?");
    await franCafe.getByRole("textbox", { name: /Tables/ }).fill("Oak\nElm");
    await franCafe.getByRole("button", { name: "Create session" }).click();
    await franCafe.getByTestId("cafe-next").waitFor();

    const anaCafe = await openSession(ana.page, "Spring revisit");
    const benCafe = await openSession(ben.page, "Spring revisit");
    const calCafe = await openSession(cal.page, "Spring revisit");
    await anaCafe.getByRole("button", { name: /^Oak/ }).click();
    await benCafe.getByRole("button", { name: /^Oak/ }).click();
    await calCafe.getByRole("button", { name: /^Elm/ }).click();
    await expect.poll(() => franCafe.textContent()).toContain("3 seated");

    await franCafe.getByRole("button", { name: "Reveal prompt 1" }).click();
    await anaCafe.getByText("What is working in coaching?").waitFor();
    // Round 1 lasts 45 minutes; Cal's clock is an hour behind, and his timer still reads 45.
    await calCafe.getByTestId("cafe-timer").waitFor();
    await expect.poll(() => minutesLeft(calCafe), { timeout: 15_000 }).toBeGreaterThan(43);
    expect(await minutesLeft(calCafe)).toBeLessThanOrEqual(45);

    await writeNote(anaCafe, "Concern", "Coaches are spread thin across schools", COACHES);
    await writeNote(benCafe, "Celebration", "Peer observation is working");
    await writeNote(calCafe, "Idea", "Pair new teachers with a coach");
    // Each table sees its own notes; the facilitator sees every table.
    await benCafe.getByText("Coaches are spread thin across schools").waitFor();
    await expect.poll(() => franCafe.getByTestId("sticky-note").count()).toBe(3);
    expect(await anaCafe.getByTestId("sticky-note").count()).toBe(2);
    expect(await anaCafe.getByText("Pair new teachers with a coach").count()).toBe(0);
    await expect.poll(() => anaCafe.textContent()).toContain(`On “${COACHES}”`);
    await shot(ana.page, "table-notes");
    await audit(ana.page, "a table's notes");

    // The timer survives a reload: it is the server's round, not the page's.
    await cal.page.reload();
    const calAgain = await openSession(cal.page, "Spring revisit");
    await expect.poll(() => minutesLeft(calAgain), { timeout: 15_000 }).toBeGreaterThan(40);

    // Round 2: Cal moves to Oak and sees its notes.
    await franCafe.getByRole("button", { name: "Reveal prompt 2" }).click();
    await calAgain.getByText("What should change next year?").waitFor();
    await calAgain.getByRole("button", { name: /^Oak/ }).click();
    await calAgain.getByText("Peer observation is working").waitFor();
    await franCafe.getByRole("button", { name: "End the last round and start synthesis" }).click();

    // Synthesis: a theme, one note dragged onto it, another grouped from the keyboard.
    await franCafe.getByRole("textbox", { name: "New theme" }).fill("Coaching capacity");
    await franCafe.getByRole("button", { name: "Add theme" }).click();
    const theme = franCafe.getByTestId("theme");
    await theme.waitFor();
    const concern = franCafe.getByTestId("sticky-note").filter({ hasText: "spread thin" });
    await concern.dragTo(theme);
    await theme.getByText("Coaches are spread thin across schools").waitFor();
    await franCafe
      .getByRole("combobox", { name: /Theme of the note “Pair new teachers/ })
      .selectOption({ label: "Coaching capacity" });
    await expect.poll(() => theme.getByTestId("sticky-note").count()).toBe(2);

    await theme.getByRole("combobox", { name: "Propose" }).selectOption("title");
    await theme.getByRole("combobox", { name: "Card" }).selectOption({ label: COACHES });
    await theme.getByRole("textbox", { name: "Title" }).fill("Principals hire and share coaches.");
    await theme.getByRole("button", { name: "Propose" }).click();
    await theme.getByTestId("proposal").waitFor();

    for (const [who, level] of [
      [ana, 4],
      [ben, 5],
      [cal, 4],
    ] as const) {
      const proposal = who.page.getByTestId("cafe-dialog").getByTestId("proposal");
      await proposal.getByRole("button", { name: String(level), exact: true }).click();
      await proposal.getByText(`Your vote: ${level}`).waitFor();
    }
    await expect.poll(() => theme.getByTestId("proposal").textContent()).toContain("3 votes");
    await shot(fran.page, "synthesis-board");
    await audit(fran.page, "the synthesis board");

    await theme.getByRole("button", { name: "Close the vote" }).click();
    await theme.getByText("Accepted and applied to the model").waitFor();

    // The revision is on everyone's canvas, with the theme as its reason in the history.
    await ana.page.keyboard.press("Escape");
    await card(ana.page, "Principals hire and share coaches.").waitFor();
    await fran.page.keyboard.press("Escape");
    await openTab(fran.page, "History");
    const reason = fran.page.getByText("Why: Coaching capacity (World Café “Spring revisit”)");
    await reason.waitFor({ timeout: 15_000 });
    const listed = fran.page.getByTestId("cafe-history");
    await expect.poll(() => listed.textContent()).toContain("1 of 1 proposals decided");
  }, 300_000);
});
