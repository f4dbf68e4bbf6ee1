import { cafePaths, cafesMap } from "@logic-canvas/shared";
import type * as Y from "yjs";
import type { Flags } from "./lib/args.ts";
import { type BenchClient, connectClient, waitFor, withTimeout } from "./lib/clients.ts";
import { writeResult } from "./lib/machine.ts";
import { round, summarize } from "./lib/stats.ts";
import { createModel, launch } from "./lib/targets.ts";

export const description =
  "World Café at size: 40 participants over 8 tables; a note's time from its POST to every participant's review document";

interface Person {
  secret: string;
  name: string;
}

function call(
  port: number,
  token: string,
  who: Person,
  path: string,
  method: string,
  body?: unknown,
) {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "x-person-secret": who.secret,
      "x-person-name": encodeURIComponent(who.name),
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).then(async (response) => {
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  });
}

/** Records, per note id, when each participant's document first held it. */
function watchNotes(clients: BenchClient[]) {
  const arrivals = new Map<string, number[]>();
  for (const client of clients) {
    const seen = new Set<string>();
    cafesMap(client.doc).observeDeep((events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      const now = performance.now();
      for (const event of events)
        for (const key of event.changes.keys.keys()) {
          if (!key.startsWith("n:") || seen.has(key)) continue;
          seen.add(key);
          const list = arrivals.get(key.slice(2)) ?? [];
          list.push(now);
          arrivals.set(key.slice(2), list);
        }
    });
  }
  return arrivals;
}

type Model = Awaited<ReturnType<typeof createModel>>;
type Sent = Map<string, { at: number; acked: number }>;

/** The facilitator opens a café of `tableCount` tables, seats everyone and starts round one. */
async function openCafe(
  port: number,
  model: Model,
  people: Person[],
  facilitator: Person,
  tableCount: number,
) {
  const head = (await call(port, model.ownerToken, facilitator, cafePaths.list(model.id), "POST", {
    title: "Bench café",
    prompts: ["What works?", "What worries you?", "What next?"],
    tables: Array.from({ length: tableCount }, (_, i) => `Table ${i + 1}`),
  })) as { id: string; tables: { id: string }[] };
  await Promise.all(
    people.map((who, i) =>
      call(port, model.editorToken, who, cafePaths.seat(model.id, head.id), "PUT", {
        table: head.tables[i % tableCount]?.id,
      }),
    ),
  );
  await call(port, model.ownerToken, facilitator, cafePaths.advance(model.id, head.id), "POST", {
    from: "draft",
  });
  return head;
}

/** Note → last participant, note → each participant, and POST → answer, over `ids`. */
function figuresOf(ids: string[], arrivals: Map<string, number[]>, sent: Sent) {
  const at = (id: string) => sent.get(id)?.at ?? 0;
  return {
    notes: ids.length,
    noteToEveryone: summarize(ids.map((id) => Math.max(...(arrivals.get(id) ?? [])) - at(id))),
    noteToEach: summarize(ids.flatMap((id) => (arrivals.get(id) ?? []).map((t) => t - at(id)))),
    postAnswered: summarize(ids.map((id) => (sent.get(id)?.acked ?? 0) - at(id))),
  };
}

export async function run(flags: Flags): Promise<void> {
  const participants = flags.number("participants", 40);
  const tableCount = flags.number("tables", 8);
  const bursts = flags.number("bursts", 3);
  const sequential = flags.number("sequential", 40);
  const launched = await launch("ours");
  const clients: BenchClient[] = [];
  try {
    const port = launched.server.port;
    const model = await createModel(port, { template: "coaching" });
    const people: Person[] = Array.from({ length: participants }, (_, i) => ({
      secret: `bench-person-${i}-${Math.random().toString(36).slice(2)}`,
      name: `Participant ${i + 1}`,
    }));
    const facilitator = { secret: `bench-facilitator-${Date.now()}`, name: "Facilitator" };
    const target = { kind: "ours" as const, port, docName: `${model.id}/review` };
    for (let i = 0; i < participants; i += 1)
      clients.push(connectClient({ ...target, token: model.editorToken }));
    await withTimeout(Promise.all(clients.map((c) => c.synced)), 120_000, "participants sync");
    const arrivals = watchNotes(clients);
    const head = await openCafe(port, model, people, facilitator, tableCount);
    const sent: Sent = new Map();
    const post = async (who: Person, n: number) => {
      const at = performance.now();
      const note = (await call(
        port,
        model.editorToken,
        who,
        cafePaths.notes(model.id, head.id),
        "POST",
        {
          tag: (["concern", "celebration", "idea"] as const)[n % 3],
          text: `Note ${n} from ${who.name}`,
        },
      )) as { id: string };
      sent.set(note.id, { at, acked: performance.now() });
    };
    // One note at a time (a quiet table), then bursts where every participant writes at once.
    for (let n = 0; n < sequential; n += 1) await post(people[n % participants] as Person, n);
    for (let b = 0; b < bursts; b += 1)
      await Promise.all(people.map((who, i) => post(who, 1000 * (b + 1) + i)));
    await waitFor(
      () => [...sent.keys()].every((id) => (arrivals.get(id)?.length ?? 0) >= participants),
      120_000,
      "every note at every participant",
    );
    const ids = [...sent.keys()];
    const quiet = figuresOf(ids.slice(0, sequential), arrivals, sent);
    const burst = figuresOf(ids.slice(sequential), arrivals, sent);
    console.log(
      `  quiet: note→all ${participants} p50 ${quiet.noteToEveryone.p50} ms, p99 ${quiet.noteToEveryone.p99} ms; bursts of ${participants}: p50 ${burst.noteToEveryone.p50} ms, p99 ${burst.noteToEveryone.p99} ms`,
    );
    const path = writeResult(
      "world-cafe",
      {
        participants,
        tables: tableCount,
        sequentialNotes: sequential,
        bursts,
        measured:
          "POST a note (HTTP, server checks role, stage and caps, writes the review document) → the note in each of the participants' review documents (HocuspocusProvider clients in the bench process); note→everyone is the last participant's arrival",
      },
      { quiet, burst, roundTrip: { p50: round(quiet.postAnswered.p50, 1) } },
    );
    console.log(`  wrote ${path}`);
  } finally {
    for (const client of clients) client.destroy();
    await launched.stop();
  }
}
