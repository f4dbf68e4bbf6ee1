import { loadavg } from "node:os";
import type { Browser, Page } from "playwright-core";
import type { Target } from "../lib/clients.ts";
import { round } from "../lib/stats.ts";
import { canvasModel } from "./model.ts";
import { type FirstCards, heapMiB, openCanvas, readView } from "./page.ts";
import { Panner, type PanRecord, zoomOut } from "./pan.ts";
import { startRemoteDrag } from "./remote.ts";
import { panFigures, type SizeFigures } from "./report.ts";

export interface Options {
  /** Fresh page loads timed for the first cards (the median is reported). */
  repeats: number;
  /** Drags per measured pan, and rounds of (pan, pan with a remote drag), interleaved. */
  drags: number;
  rounds: number;
  panSeconds: number;
  /** Zoom of the zoomed-out pan (the canvas's minimum is 0.1). */
  zoomedOut: number;
  remoteRate: number;
}

/** Elements in the page (cards, links and the rest), which the heap holds with their state. */
function mountedElements(page: Page): Promise<number> {
  return page.evaluate(() => document.getElementsByTagName("*").length);
}

/** Creates the model through the API as an import would; the owner's link and an editor token. */
export async function createModel(port: number, file: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}/api/models`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(file),
  });
  const text = await response.text();
  if (response.status !== 201) throw new Error(`POST /api/models: ${response.status} ${text}`);
  const created = JSON.parse(text) as { id: string; links: { owner: string; editor: string } };
  const token = new URLSearchParams(new URL(created.links.editor).hash.slice(1)).get("token");
  if (!token) throw new Error(`no #token= in the editor link ${created.links.editor}`);
  return { id: created.id, ownerLink: created.links.owner, editorToken: token };
}

/** Times the first cards on `repeats` cold page loads; keeps the last page open for the pans. */
async function timeFirstCards(
  browser: Browser,
  link: string,
  places: ReturnType<typeof canvasModel>["places"],
  repeats: number,
) {
  const runs: FirstCards[] = [];
  let last: Awaited<ReturnType<typeof openCanvas>> | undefined;
  for (let i = 0; i < Math.max(1, repeats); i++) {
    await last?.context.close();
    last = await openCanvas(browser, link, places);
    runs.push({
      ...last.first,
      ms: round(last.first.ms, 1),
      savedMs: round(last.first.savedMs, 1),
    });
    console.log(
      `    load ${i + 1}: first cards ${Math.round(last.first.ms)} ms (${last.first.inView} in view), saved ${Math.round(last.first.savedMs)} ms`,
    );
  }
  // The loop runs at least once, so a page is open; said to the compiler rather than asserted.
  if (!last) throw new Error("no page load was timed");
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { runs, medianMs: sorted[Math.floor(sorted.length / 2)] as number, open: last };
}

/**
 * On a fresh page, plain pans and pans while another person drags a card, interleaved so load
 * from elsewhere falls on both alike. A page too busy to finish a drag within the deadline is
 * recorded as stalled: that is a finding, not a reason to lose the other figures.
 */
async function remoteRounds(
  browser: Browser,
  link: string,
  places: ReturnType<typeof canvasModel>["places"],
  rows: number,
  target: Target,
  options: Options,
) {
  const plain: PanRecord[] = [];
  const remote: PanRecord[] = [];
  let updates = 0;
  const errors: string[] = [];
  let stalled: string | undefined;
  const { context, page } = await openCanvas(browser, link, places);
  try {
    await page.waitForTimeout(1000);
    const panner = new Panner(page, rows);
    for (let r = 0; r < options.rounds && !stalled; r++) {
      plain.push(await panner.measure({ drags: options.drags }));
      const dragger = await startRemoteDrag(
        target,
        "n2-0",
        () => panner.centreY,
        options.remoteRate,
      );
      try {
        remote.push(await panner.measure({ drags: options.drags }));
      } catch (error) {
        stalled = `${(error as Error).message} while another person dragged a card`;
        console.log(`    STALLED: ${stalled}`);
      } finally {
        const done = await dragger.stop();
        updates += done.updates;
        errors.push(...done.errors);
      }
    }
  } finally {
    await context.close();
  }
  return { plain, remote, updates, errors, stalled };
}

export async function measureSize(
  browser: Browser,
  port: number,
  cards: number,
  options: Options,
): Promise<SizeFigures> {
  const atStart = round(loadavg()[0] ?? 0);
  const { file, places, rows } = canvasModel(cards);
  const created = await createModel(port, file);
  const target: Target = { kind: "ours", port, docName: created.id, token: created.editorToken };
  const first = await timeFirstCards(browser, created.ownerLink, places, options.repeats);
  const { page, context } = first.open;
  try {
    await page.waitForTimeout(1000);
    const afterLoadMiB = await heapMiB(page);
    const startY = (await readView(page)).y;
    const mountedAfterLoad = await mountedElements(page);
    console.log(`    heap after load ${afterLoadMiB} MiB; panning …`);
    const panner = new Panner(page, rows);
    const pans: PanRecord[] = [];
    for (let r = 0; r < options.rounds; r++)
      pans.push(await panner.measure({ drags: options.drags }));
    console.log(`    pans done; ${options.panSeconds} s of panning for the heap …`);
    const long = await panner.measure({ seconds: options.panSeconds });
    // Where the pans ended, more or fewer cards are mounted around the view than at the start
    // (at the top of the model half the region around the view is empty): the heap is compared
    // at the view it started from, and the heap where the pans ended is kept beside it.
    const atPanEndMiB = await heapMiB(page);
    const mountedAtPanEnd = await mountedElements(page);
    await panner.returnTo(startY);
    await page.waitForTimeout(500);
    const afterPanMiB = await heapMiB(page);
    const mountedAfterPan = await mountedElements(page);
    await zoomOut(page, options.zoomedOut);
    const zoomed: PanRecord[] = [];
    for (let r = 0; r < options.rounds; r++)
      zoomed.push(await panner.measure({ drags: options.drags }));
    await context.close();
    // Last, on a page of its own: a page that stalls under the remote drag loses only this figure.
    console.log("    pans while another person drags a card …");
    const remote = await remoteRounds(browser, created.ownerLink, places, rows, target, options);
    return {
      cards: file.nodes.length,
      links: file.edges.length,
      firstCards: { medianMs: first.medianMs, runs: first.runs },
      pan: panFigures(pans),
      panWithRemoteDrag: {
        ...panFigures(remote.remote),
        plainOnSamePage: panFigures(remote.plain),
        remoteUpdates: remote.updates,
        remoteErrors: remote.errors,
        ...(remote.stalled ? { stalled: remote.stalled } : {}),
      },
      zoomedOutPan: panFigures(zoomed),
      longPan: { ...panFigures([long]), seconds: options.panSeconds },
      heap: {
        afterLoadMiB,
        afterPanMiB,
        growthPct: round(((afterPanMiB - afterLoadMiB) / afterLoadMiB) * 100, 1),
        atPanEndMiB,
        mountedElements: {
          afterLoad: mountedAfterLoad,
          atPanEnd: mountedAtPanEnd,
          afterPan: mountedAfterPan,
        },
      },
      loadAverage1m: { atStart, atEnd: round(loadavg()[0] ?? 0) },
    };
  } finally {
    await context.close();
  }
}
