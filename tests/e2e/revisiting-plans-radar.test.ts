import { addDays, todayIso } from "@logic-canvas/shared";
import type { Page } from "playwright-core";
import { afterAll, expect, it } from "vitest";
import { FIRST_ADMIN, setUpServer } from "../support/accounts.ts";
import { AxeReport, formatViolations, runAxe, severe } from "../support/axe.ts";
import { SCREENSHOT_DIR, screenshot } from "../support/browser.ts";
import { card, waitForStatus } from "../support/canvas.ts";
import { chromiumSession } from "../support/chromium-session.ts";
import { call, createModelIn, myWorkspaces } from "../support/workspaces.ts";

/**
 * Issue 17, action plans and the innovation radar, in Chromium: an admin gives an activity an
 * owner and a due date in the card's editor, sees the initials and the overdue mark on the card,
 * moves activities on the radar by drag and by keyboard (each move in the revision log), sees the
 * overload warning, opens the check-in agenda and its print view, then My actions and the
 * workspace's radar. Every new page passes the axe audit.
 */

const { server, context } = chromiumSession();
const report = new AxeReport();
afterAll(async () => {
  await report.write(`${SCREENSHOT_DIR}/axe-report-issue-17.txt`);
});

async function audit(page: Page, name: string): Promise<void> {
  const summary = await runAxe(page);
  report.add(name, summary);
  expect(formatViolations(severe(summary)), `${name}: serious or critical violations`).toBe("");
}

const today = todayIso();
const at = `${today}T09:00:00.000Z`;

function modelFile(admin: { id: string; name: string }) {
  const commenter = { id: "parent-pat", name: "Pat Parent", role: "commenter" };
  return {
    format: "logic-model",
    version: 2,
    title: "Self-assessment at Lincoln",
    masteryGoal: "Students become proficient self-assessors.",
    nodes: [
      {
        id: "cc",
        kind: "activity",
        title: "Coaching cycles",
        stage: "blossom",
        position: { x: 300, y: 40 },
      },
      {
        id: "lw",
        kind: "activity",
        title: "Learning walks",
        stage: "seed",
        position: { x: 300, y: 200 },
      },
      { id: "dw", kind: "activity", title: "Data wall", position: { x: 300, y: 360 } },
      {
        id: "ex",
        kind: "activity",
        title: "Exit tickets",
        stage: "blossom",
        plan: { owner: admin, due: addDays(today, 20), status: "inProgress" },
        position: { x: 300, y: 520 },
      },
      {
        id: "g1",
        kind: "midJourney",
        title: "Teachers share learning intentions",
        smart: {
          indicator: "lessons with a shared intention",
          unit: "percent",
          target: { value: 80, date: addDays(today, 200) },
        },
        measurements: [{ date: addDays(today, -90), value: 30 }],
        position: { x: 900, y: 40 },
      },
    ],
    edges: [],
    checkIns: [addDays(today, 10)],
    review: {
      threads: [
        {
          id: "t1",
          anchor: { kind: "node", id: "cc" },
          type: "concern",
          status: "open",
          createdAt: at,
          author: commenter,
          messages: [
            {
              id: "m1",
              author: commenter,
              text: "Coaches have no time left in March.",
              createdAt: at,
            },
          ],
        },
      ],
      votes: [],
    },
  };
}

async function view(page: Page, name: string): Promise<void> {
  await page.getByRole("navigation", { name: "Views" }).getByRole("button", { name }).click();
}

const column = (page: Page, stage: string) => page.locator(`.radar-column[data-stage=${stage}]`);

async function planOnCard(page: Page): Promise<void> {
  // The card's editor: owner and a due date three days ago.
  await card(page, "Coaching cycles").click();
  const plan = page.getByTestId("action-plan");
  await plan.getByLabel("Owner").selectOption({ label: `${FIRST_ADMIN.name} (me)` });
  await plan.getByLabel("Due").fill(addDays(today, -3));
  const onCard = card(page, "Coaching cycles");
  await expect.poll(() => onCard.getByTestId("plan-owner").textContent()).toContain("AA");
  await expect.poll(() => onCard.getByTestId("plan-due").textContent()).toMatch(/^Overdue since/);
  // A blocked status needs its reason: nothing is saved until it is given.
  await card(page, "Data wall").click();
  await plan.getByLabel("Status").selectOption("blocked");
  await plan
    .getByRole("alert")
    .getByText(/Say why it is blocked/)
    .waitFor();
  await plan.getByLabel("Blocked because…").fill("Waiting for the data team");
  await plan.getByLabel("Blocked because…").blur();
  await expect.poll(() => card(page, "Data wall").locator(".plan-status-blocked").count()).toBe(1);
  await screenshot(page, "issue-17-card-plan");
}

async function moveOnRadar(page: Page, modelId: string, cookie: string): Promise<void> {
  // The radar: overload flagged (Ada owns two activities in blossom), with the seed's reason.
  await view(page, "Radar");
  const overload = page.getByTestId("overload");
  await overload.getByText(/Ada Admin owns 2 activities in blossom/).waitFor();
  await overload.getByText(/great enemy/).waitFor();
  // Drag "Data wall" from "Not sorted yet" to Fruit.
  await column(page, "none").getByText("Data wall").dragTo(column(page, "fruit"));
  await column(page, "fruit").getByText("Data wall").waitFor();
  // Keyboard: focus "Learning walks" (seed) and press → twice: blossom, then fruit.
  const walks = page.getByRole("button", { name: /^Learning walks/ });
  await walks.focus();
  await page.keyboard.press("ArrowRight");
  await column(page, "blossom").getByText("Learning walks").waitFor();
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.textContent))
    .toContain("Learning walks");
  await page.keyboard.press("ArrowRight");
  await column(page, "fruit").getByText("Learning walks").waitFor();
  await page.keyboard.press("ArrowLeft");
  await column(page, "blossom").getByText("Learning walks").waitFor();
  // "Learning walks" has no owner: the warning still names Ada's two, no more.
  await overload.getByText(/Ada Admin owns 2 activities in blossom/).waitFor();
  await audit(page, "model radar");
  await screenshot(page, "issue-17-radar");

  // Each move is in the revision log as a change of the card's innovation stage.
  await expect
    .poll(async () => {
      const response = await call(server.url, `/api/models/${modelId}/activity?node=dw`, {
        cookie: cookie,
      });
      const { entries } = (await response.json()) as {
        entries: { summary: { fields?: string[] } }[];
      };
      return entries.some((e) => e.summary.fields?.includes("stage"));
    })
    .toBe(true);
}

async function agendaAndPrint(page: Page): Promise<void> {
  // The check-in agenda for the next check-in date.
  await view(page, "Agenda");
  const agenda = page.getByTestId("agenda-view");
  await agenda
    .getByRole("region", { name: "Goals due for a measurement" })
    .getByText("Teachers share learning intentions")
    .waitFor();
  await agenda
    .getByRole("region", { name: "Overdue actions" })
    .getByText("Coaching cycles")
    .waitFor();
  await agenda
    .getByRole("region", { name: "Blocked actions" })
    .getByText(/Waiting for the data team/)
    .waitFor();
  await agenda
    .getByRole("region", { name: "Open concerns and questions" })
    .getByText(/no time left in March/)
    .waitFor();
  await audit(page, "check-in agenda");
  await screenshot(page, "issue-17-agenda");
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await agenda.getByRole("button", { name: "Print agenda" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: "print" });
  expect(await page.getByRole("navigation", { name: "Views" }).isVisible()).toBe(false);
  expect(await agenda.getByRole("button", { name: "Print agenda" }).isVisible()).toBe(false);
  expect(
    await agenda
      .getByRole("region", { name: "Overdue actions" })
      .getByText("Coaching cycles")
      .isVisible(),
  ).toBe(true);
  await screenshot(page, "issue-17-agenda-print");
  await page.emulateMedia({ media: "screen" });
}

async function myActionsAndWorkspaceRadar(page: Page, districtId: string): Promise<void> {
  // My actions, from the home page's account menu: soonest due first, the overdue one marked.
  await page.goto(server.url);
  await page.getByRole("link", { name: "My actions" }).click();
  const table = page.getByTestId("my-actions");
  await table.waitFor();
  const rows = table.locator("tbody tr");
  expect(await rows.locator("td:nth-child(2)").allTextContents()).toEqual([
    "Coaching cycles",
    "Exit tickets",
  ]);
  expect(await rows.first().getAttribute("data-due")).toBe("overdue");
  await audit(page, "my actions");
  await screenshot(page, "issue-17-my-actions");

  // The workspace's radar, from the workspace page.
  await page.goto(`${server.url}/workspaces/${districtId}`);
  await page.getByRole("link", { name: "Innovation radar" }).click();
  await page.getByTestId("radar-board").waitFor();
  await page
    .getByTestId("overload")
    .getByText(/Ada Admin owns 2 activities in blossom/)
    .waitFor();
  await audit(page, "workspace radar");
  await screenshot(page, "issue-17-workspace-radar");
}

it("plans an action, moves activities on the radar, and prints the check-in agenda", async () => {
  const adminCookie = await setUpServer(server.url);
  const district = (await myWorkspaces(server.url, adminCookie))[0];
  if (!district) throw new Error("no district");
  const me = (await (
    await call(server.url, "/api/my-actions", { cookie: adminCookie })
  ).json()) as {
    person: { id: string; name: string };
  };
  const model = await createModelIn(server.url, adminCookie, district.id, modelFile(me.person));

  const ctx = await context("Ada");
  await ctx.addCookies(
    adminCookie.split("; ").map((pair) => {
      const cut = pair.indexOf("=");
      return { name: pair.slice(0, cut), value: pair.slice(cut + 1), url: server.url };
    }),
  );
  const page = await ctx.newPage();
  await page.goto(`${server.url}/m/${model.id}`);
  await waitForStatus(page, "Saved");
  await planOnCard(page);
  await moveOnRadar(page, model.id, adminCookie);
  await agendaAndPrint(page);
  await myActionsAndWorkspaceRadar(page, district.id);
});
