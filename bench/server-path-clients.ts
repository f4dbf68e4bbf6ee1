import { createInterface } from "node:readline";
import { addNode, moveNode, nodesMap } from "@logic-canvas/shared";
import * as Y from "yjs";
import { type BenchClient, connectMany, type Target, waitFor } from "./lib/clients.ts";

/**
 * One client process of `server-path-profile.ts`: connects its share of the clients to one
 * document, each adds a card of its own, then on the parent's `go` line each drags its card at a
 * steady rate with ±20 % jitter. Clients live in several processes, so a sender writes the time
 * since a shared origin (epoch milliseconds from the parent) as the card's x: every process reads
 * the same system clock. Prints one JSON line when ready and one with the figures at the end.
 */

interface Plan {
  target: Target;
  /** Clients in this process, and in the document over all processes. */
  clients: number;
  total: number;
  ratePerSecond: number;
  /** Epoch ms: edits sent in [windowStart, windowEnd] are counted. */
  origin: number;
}

const now = () => performance.timeOrigin + performance.now();
const plan = JSON.parse(process.argv[2] as string) as Plan;
const CARD_TITLE = "Bench card";

function observe(client: BenchClient, window: { start: number; end: number }, out: number[]) {
  const nodes = nodesMap(client.doc);
  nodes.observeDeep((events, transaction) => {
    if (transaction.local) return;
    const at = now() - plan.origin;
    for (const event of events) {
      if (event.target === nodes || !(event.target instanceof Y.Map)) continue;
      if (!(event as Y.YMapEvent<unknown>).keysChanged.has("position")) continue;
      const sentAt = (event.target.get("position") as { x: number } | undefined)?.x;
      if (sentAt === undefined || sentAt < window.start || sentAt > window.end) continue;
      out.push(at - sentAt);
    }
  });
}

function edit(
  editors: { client: BenchClient; card: string }[],
  window: { start: number; end: number },
) {
  const period = 1000 / plan.ratePerSecond;
  let sent = 0;
  let errors = 0;
  const schedule = (editor: { client: BenchClient; card: string }, delay: number) => {
    setTimeout(() => {
      const x = now() - plan.origin;
      if (x > window.end) return;
      try {
        moveNode(editor.client.doc, editor.card, { x, y: 0 }, "bench");
        if (x >= window.start && x <= window.end) sent++;
      } catch {
        errors++;
      }
      schedule(editor, period * (0.8 + 0.4 * Math.random()));
    }, delay);
  };
  for (const editor of editors) schedule(editor, Math.random() * period);
  return () => ({ sent, errors });
}

async function main(): Promise<void> {
  // Every provider adds a process exit listener.
  process.setMaxListeners(0);
  const clients = await connectMany(plan.clients, () => plan.target, 10);
  const editors = clients.map((client, i) => ({
    client,
    card: addNode(
      client.doc,
      { kind: "activity", title: `${CARD_TITLE} ${process.pid}-${i}`, position: { x: 0, y: 0 } },
      "bench",
    ),
  }));
  const benchCards = (doc: Y.Doc) =>
    [...nodesMap(doc).values()].filter((n) =>
      String((n as Y.Map<unknown>).get("title")).startsWith(CARD_TITLE),
    ).length;
  await waitFor(
    () => clients.every((c) => benchCards(c.doc) >= plan.total),
    120_000,
    "every client's card reaching every client",
  );
  const window = { start: Number.POSITIVE_INFINITY, end: Number.POSITIVE_INFINITY };
  const latencies: number[] = [];
  for (const client of clients) observe(client, window, latencies);
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
  // Two lines from the parent: the window ({ start, end }), then "finish" once the server is
  // idle again, i.e. every edit sent in the window has been delivered or never will be.
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const go = JSON.parse((await lines.next()).value as string) as { start: number; end: number };
  window.start = go.start;
  window.end = go.end;
  const stop = edit(editors, window);
  const startCpu = process.cpuUsage();
  await lines.next();
  const cpu = process.cpuUsage(startCpu);
  const seconds = (now() - plan.origin - window.start) / 1000;
  const errors = clients.flatMap((c) => c.errors);
  process.stdout.write(
    `${JSON.stringify({
      done: true,
      latencies,
      ...stop(),
      cpuPercent: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
      clientErrors: errors.slice(0, 5),
      clientErrorCount: errors.length,
    })}\n`,
  );
  for (const client of clients) client.destroy();
  setTimeout(() => process.exit(0), 200);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
