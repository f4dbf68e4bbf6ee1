/**
 * "A goal they own going off track" (issue 18), through the real server: the owner of a goal
 * hears once when a colleague's change turns it off track, not again while it stays off track,
 * anew when it falls again after recovering (a new measurement or a changed target alike), and
 * never about their own change. A goal's owner is refused on an activity, in words.
 */
import {
  addMeasurement,
  addNode,
  type InboxResponse,
  nodesMap,
  readModel,
  updateNode,
  updateSmart,
} from "@logic-canvas/shared";
import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import {
  acknowledged,
  authorOf,
  type Client,
  connect,
  createModel,
  person,
  sessionToken,
  synced,
  type TestPerson,
  useTestServer,
  waitFor,
} from "../../tests/support/index.ts";

const server = useTestServer();

async function inboxOf(who: TestPerson): Promise<InboxResponse> {
  const response = await fetch(`${server.url}/api/inbox`, {
    headers: {
      Origin: server.url,
      "x-person-secret": who.secret,
      "x-person-name": encodeURIComponent(who.name),
    },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as InboxResponse;
}

/** Polls the inbox until it holds `count` items (the server answers over HTTP). */
async function inboxHolds(who: TestPerson, count: number): Promise<InboxResponse> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const inbox = await inboxOf(who);
    if (inbox.items.length >= count) return inbox;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${who.name}'s inbox`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function editors(names: string[]) {
  const model = await createModel(server.url, { title: "Reading plan" });
  const people = names.map((n) => person(n));
  const clients = people.map((p) =>
    connect(server, model.id, sessionToken(model.tokens.editor, p)),
  );
  await Promise.all(clients.map(synced));
  return { model, people, clients };
}

/** Every change, then its acknowledgement and its arrival at the other editor. */
async function recorded(by: Client, other: Client, goal: string, date: string, value: number) {
  addMeasurement(by.doc, goal, { date, value }, "local");
  await acknowledged(by);
  const seen = () =>
    (nodesMap(other.doc).get(goal) as Y.Map<unknown> | undefined)?.get("measurements") as
      | Y.Array<{ date: string }>
      | undefined;
  await waitFor(
    () =>
      seen()
        ?.toArray()
        .some((m) => m.date === date) ?? false,
    `${date} to arrive`,
  );
}

describe("the owner of a goal that goes off track", () => {
  it("hears once per fall, from a colleague, never about their own change", async () => {
    const { model, people, clients } = await editors(["Ann", "Bea"]);
    const [ann, bea] = people as [TestPerson, TestPerson];
    const [annC, beaC] = clients as [Client, Client];
    // The line runs from 30% on 1 Sep to 80% on 31 Oct: 55% on 1 Oct.
    const goal = addNode(
      annC.doc,
      {
        kind: "midJourney",
        title: "Grade 3 reading on level",
        smart: {
          indicator: "Grade 3 students reading on level",
          unit: "percent",
          baseline: { value: 30, date: "2025-09-01" },
          target: { value: 80, date: "2025-10-31" },
        },
        owner: { id: authorOf(bea, "editor").id, name: "Bea" },
      },
      "local",
    );
    await acknowledged(annC);
    await waitFor(() => nodesMap(beaC.doc).has(goal), "the goal to reach Bea");

    await recorded(annC, beaC, goal, "2025-10-01", 40);
    const first = await inboxHolds(bea, 1);
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({
      kind: "offTrack",
      from: { name: "Ann" },
      read: false,
      target: { modelId: model.id, nodeId: goal },
    });
    expect(first.items[0]?.text).toMatch(
      /^Your goal “Grade 3 reading on level” is off track: latest 40% against a plan of 55% on .*2025 \(in “Reading plan”, after a change by Ann\)\.$/,
    );

    // Still off track: nothing more. Back on track, then Bea's own fall: nothing for anyone.
    await recorded(annC, beaC, goal, "2025-10-15", 42);
    await recorded(annC, beaC, goal, "2025-10-20", 75);
    await recorded(beaC, annC, goal, "2025-10-25", 50);
    // Back on track (78% against 77.5%), then Ann raises the target to 120%: a new fall.
    await recorded(annC, beaC, goal, "2025-10-28", 78);
    updateSmart(annC.doc, goal, { target: { value: 120 } }, "local");
    await acknowledged(annC);
    const second = await inboxHolds(bea, 2);
    expect(second.items).toHaveLength(2);
    expect(second.items[0]?.text).toMatch(/latest 78% against a plan of 115\.5% on /);
    expect((await inboxOf(ann)).items).toEqual([]);
    for (const c of clients) c.destroy();
  });
});

describe("an owner on a card that is not a goal", () => {
  it("a goal with an owner moved to the activities is accepted; moved back, it has its owner", async () => {
    const { clients } = await editors(["Ann", "Bea"]);
    const [annC, beaC] = clients as [Client, Client];
    const owner = { id: "bea", name: "Bea" };
    const goal = addNode(annC.doc, { kind: "smallWin", title: "Coaches observe", owner }, "local");
    updateNode(annC.doc, goal, { kind: "activity" }, "local");
    await acknowledged(annC);
    updateNode(annC.doc, goal, { kind: "smallWin" }, "local");
    await acknowledged(annC);
    await waitFor(
      () => readModel(beaC.doc).nodes.find((n) => n.id === goal)?.kind === "smallWin",
      "the goal to come back to Bea",
    );
    expect(readModel(beaC.doc).nodes.find((n) => n.id === goal)?.owner).toEqual(owner);
    expect(annC.closes).toEqual([]);
    for (const c of clients) c.destroy();
  });

  it("is refused in words and reaches nobody", async () => {
    const { clients } = await editors(["Ann", "Bea"]);
    const [annC, beaC] = clients as [Client, Client];
    const activity = addNode(annC.doc, { kind: "activity", title: "Coaching cycles" }, "local");
    await acknowledged(annC);
    await waitFor(() => nodesMap(beaC.doc).has(activity), "the activity to reach Bea");
    (nodesMap(annC.doc).get(activity) as Y.Map<unknown>).set("owner", { id: "bea", name: "Bea" });
    await waitFor(() => annC.closes.length > 0, "the writer to be refused");
    expect(annC.closes[0]).toMatch(/^invalid-write: .*only goals .* have an owner here/);
    expect((nodesMap(beaC.doc).get(activity) as Y.Map<unknown>).has("owner")).toBe(false);
    beaC.destroy();
    annC.destroy();
  });
});
