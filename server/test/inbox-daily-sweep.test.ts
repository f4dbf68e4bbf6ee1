/**
 * The daily sweep (issue 18), what no edit announces:
 * - "a check-in date arriving": on a model's check-in day, the owners of its open actions each
 *   get one item naming their actions;
 * - "a goal they own going off track" with time alone: the plan's line moved past a measurement
 *   that was on track when taken, and the goal's owner hears.
 * A second sweep rings nobody again.
 */
import { type Account, addDays, type InboxResponse } from "@logic-canvas/shared";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  setUpServer,
  signUp,
  startTestServer,
  type TestServer,
  whoAmI,
} from "../../tests/support/index.ts";
import { call, createModelIn, join, myWorkspaces } from "../../tests/support/workspaces.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

let admin: string;
let districtId: string;
let dee: string;
let owner: { id: string; name: string };
beforeAll(async () => {
  admin = await setUpServer(server.url);
  const [district] = await myWorkspaces(server.url, admin);
  districtId = district?.id as string;
  dee = await signUp(server.url, "dee@district.test", "dee-password-long", "Dee Owner");
  await join(server.url, admin, districtId, "member", dee);
  const deeAccount = (await whoAmI(server.url, dee)) as Account;
  owner = { id: deeAccount.id, name: deeAccount.name };
});

const inboxOf = async (cookie: string) =>
  (await (await call(server.url, "/api/inbox", { cookie })).json()) as InboxResponse;

it("rings each owner of an open action on the check-in day, once", async () => {
  const today = new Date().toISOString().slice(0, 10);
  const model = await createModelIn(server.url, admin, districtId, {
    format: "logic-model",
    version: 1,
    title: "Reading plan",
    masteryGoal: "Every student reads fluently by grade 3",
    nodes: [
      {
        id: "a1",
        kind: "activity",
        title: "Daily reading routine",
        plan: { owner, status: "inProgress" },
      },
      { id: "a2", kind: "activity", title: "Parent workshop", plan: { owner, status: "done" } },
      { id: "a3", kind: "activity", title: "Book fair" },
    ],
    edges: [],
    checkIns: [today],
  });

  expect(await server.dailySweep.runOnce(new Date())).toEqual([owner.id]);
  const inbox = await inboxOf(dee);
  expect(inbox.items).toHaveLength(1);
  expect(inbox.items[0]).toMatchObject({ kind: "checkIn", target: { modelId: model.id } });
  expect(inbox.items[0]?.text).toBe(
    "Check-in today for “Reading plan”: your action “Daily reading routine”.",
  );
  // Another sweep the same day (this process or another): nothing new.
  expect(await server.dailySweep.runOnce(new Date())).toEqual([]);
  // The admin owns nothing: their inbox stays empty.
  expect((await inboxOf(admin)).items).toEqual([]);
});

it("rings a goal's owner once when time alone has put the goal off track", async () => {
  const today = new Date().toISOString().slice(0, 10);
  // The line runs from 30% a hundred days ago to 80% in a hundred days: 40% sixty days ago, 55%
  // today. 42% sixty days ago was on track then; it is off track now.
  const smart = {
    indicator: "Grade 3 students reading on level",
    unit: "percent",
    baseline: { value: 30, date: addDays(today, -100) },
    target: { value: 80, date: addDays(today, 100) },
  };
  const model = await createModelIn(server.url, admin, districtId, {
    format: "logic-model",
    version: 1,
    title: "Literacy plan",
    masteryGoal: "Every student reads fluently by grade 3",
    nodes: [
      {
        id: "g3",
        kind: "midJourney",
        title: "Grade 3 reading on level",
        owner,
        smart,
        measurements: [{ date: addDays(today, -60), value: 42 }],
      },
      // Measured last week on the line: on track, nobody hears.
      {
        id: "g4",
        kind: "midJourney",
        title: "Grade 4 reading on level",
        owner,
        smart,
        measurements: [{ date: addDays(today, -7), value: 54 }],
      },
      // Fallen the same way, but nobody owns it.
      {
        id: "g5",
        kind: "midJourney",
        title: "Grade 5 reading on level",
        smart,
        measurements: [{ date: addDays(today, -60), value: 42 }],
      },
    ],
    edges: [],
  });

  expect(await server.dailySweep.runOnce(new Date())).toEqual([owner.id]);
  const items = (await inboxOf(dee)).items.filter((i) => i.target.modelId === model.id);
  expect(items).toHaveLength(1);
  expect(items[0]).toMatchObject({ kind: "offTrack", target: { modelId: model.id, nodeId: "g3" } });
  expect(items[0]?.text).toMatch(
    /^Your goal “Grade 3 reading on level” has fallen off track with time: latest 42% on .+, while the plan is 55% today \(in “Literacy plan”\)\.$/,
  );
  expect(await server.dailySweep.runOnce(new Date())).toEqual([]);
});
