import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import type { CardPlace } from "./model.ts";

/**
 * The page side of the canvas benchmark: Chromium, the first-cards watch, the frame recorder,
 * the viewport and the JS heap. Everything that runs in the page is plain DOM, so it measures any
 * canvas: cards drawn as DOM nodes (`.react-flow__node[data-id]`) or on a drawing surface that
 * says how many cards it drew in a `data-drawn-cards` attribute.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface FirstCards {
  /** From navigation start to the first frame in which every card in view was there. */
  ms: number;
  /** Cards the viewport showed then, by the model's positions, and how many were DOM nodes. */
  inView: number;
  inDom: number;
  drawn: number;
  zoom: number;
  /** When the status first said "Saved" (the document synced), from navigation start. */
  savedMs: number;
}

/**
 * Watches every frame from the page's first script on: the first frame whose DOM holds every card
 * the viewport shows (by the model's positions and the viewport's transform), or a drawing
 * surface that drew at least that many. The card box is the canvas's width and a short card's
 * height, so a card only grazing the edge also counts.
 */
function watchFirstCards(places: CardPlace[]) {
  const w = window as unknown as { firstCards?: Omit<FirstCards, "savedMs">; savedMs?: number };
  const tick = () => {
    if (
      !w.savedMs &&
      document.querySelector("[data-testid=status]")?.textContent?.includes("Saved")
    )
      w.savedMs = performance.now();
    const viewport = document.querySelector(".react-flow__viewport");
    const flow = document.querySelector(".react-flow");
    if (!w.firstCards && viewport && flow) {
      const transform = getComputedStyle(viewport).transform;
      const m = new DOMMatrix(transform === "none" ? undefined : transform);
      // The part of the canvas inside the window (the page may let it run past the bottom).
      const box = flow.getBoundingClientRect();
      const width = Math.min(box.right, innerWidth) - box.left;
      const height = Math.min(box.bottom, innerHeight) - box.top;
      const present = new Set<string>();
      document.querySelectorAll(".react-flow__node[data-id]").forEach((el) => {
        present.add(el.getAttribute("data-id") ?? "");
      });
      const drawn = Number(
        document.querySelector("[data-drawn-cards]")?.getAttribute("data-drawn-cards") ?? 0,
      );
      let inView = 0;
      let inDom = 0;
      for (const [id, x, y] of places) {
        const sx = x * m.a + m.e;
        const sy = y * m.a + m.f;
        if (sx + 240 * m.a < 0 || sx > width || sy + 72 * m.a < 0 || sy > height) continue;
        inView++;
        if (present.has(id)) inDom++;
      }
      if (inView > 0 && (inDom === inView || drawn >= inView))
        w.firstCards = { ms: performance.now(), inView, inDom, drawn, zoom: m.a };
    }
    if (!w.firstCards || !w.savedMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * A fresh context (nothing cached in IndexedDB: a cold first render), watched from its start.
 * `around` runs on the new page before navigation and returns what runs once it has loaded (a
 * profiler started and stopped, say).
 */
export async function openCanvas(
  browser: Browser,
  link: string,
  places: CardPlace[],
  around?: (page: Page) => Promise<() => Promise<void>>,
): Promise<{ context: BrowserContext; page: Page; first: FirstCards }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  // tsx compiles with keepNames, which wraps the functions passed to the page in __name().
  await context.addInitScript("window.__name = (f) => f");
  await context.addInitScript(() => localStorage.setItem("logic-canvas:display-name", "Bench"));
  await context.addInitScript(watchFirstCards, places);
  const page = await context.newPage();
  const after = await around?.(page);
  await page.goto(link);
  await page.waitForFunction(
    () => {
      const w = window as unknown as { firstCards?: unknown; savedMs?: number };
      return w.firstCards && w.savedMs;
    },
    null,
    { timeout: 120_000, polling: 250 },
  );
  await after?.();
  const first = await page.evaluate(() => {
    const w = window as unknown as { firstCards: Omit<FirstCards, "savedMs">; savedMs: number };
    return { ...w.firstCards, savedMs: w.savedMs };
  });
  return { context, page, first };
}

/** Starts recording requestAnimationFrame deltas (each frame's time since the one before). */
export function startFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { frameDeltas: number[]; recording: boolean };
    w.frameDeltas = [];
    w.recording = true;
    let prev = 0;
    const loop = (now: number) => {
      if (prev) w.frameDeltas.push(now - prev);
      prev = now;
      if (w.recording) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  });
}

export function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { frameDeltas: number[]; recording: boolean };
    w.recording = false;
    return w.frameDeltas;
  });
}

export interface View {
  /** The flow's translation and zoom (React Flow's viewport), and the canvas's box on screen. */
  x: number;
  y: number;
  zoom: number;
  left: number;
  top: number;
  width: number;
  height: number;
}

export function readView(page: Page): Promise<View> {
  return page.evaluate(() => {
    const viewport = document.querySelector(".react-flow__viewport");
    const flow = document.querySelector(".react-flow");
    if (!viewport || !flow) throw new Error("no canvas on the page");
    const transform = getComputedStyle(viewport).transform;
    const m = new DOMMatrix(transform === "none" ? undefined : transform);
    const box = flow.getBoundingClientRect();
    return {
      x: m.e,
      y: m.f,
      zoom: m.a,
      left: box.left,
      top: box.top,
      // The part inside the window: the page may let the canvas run past its bottom.
      width: Math.min(box.right, innerWidth) - box.left,
      height: Math.min(box.bottom, innerHeight) - box.top,
    };
  });
}

/**
 * A screen x at which a vertical drag from `top` to `bottom` (page coordinates) grabs the empty
 * canvas all the way: no card, link, minimap, control or panel under it. Searched from the right,
 * where the space beside the last lane is. Dragging a card instead would measure a card move.
 */
export async function emptyColumn(page: Page, top: number, bottom: number): Promise<number> {
  const x = await page.evaluate(
    ([top, bottom]) => {
      const flow = document.querySelector(".react-flow") as HTMLElement;
      const box = flow.getBoundingClientRect();
      const blocked =
        ".react-flow__node, .react-flow__edge, .react-flow__minimap, .react-flow__controls, .react-flow__panel, button, a, input";
      for (let x = box.right - 8; x > box.left + 8; x -= 6) {
        let clear = true;
        for (let y = top; y <= bottom && clear; y += (bottom - top) / 8) {
          const el = document.elementFromPoint(x, y);
          clear = !!el && flow.contains(el) && !el.closest(blocked);
        }
        if (clear) return x;
      }
      return -1;
    },
    [top, bottom] as const,
  );
  if (x < 0) throw new Error("no empty column to drag the canvas by");
  return x;
}

/** The JS heap in use after a full garbage collection (Chrome DevTools Protocol), in MiB. */
export async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return Math.round((usedSize / 2 ** 20) * 10) / 10;
  } finally {
    await cdp.detach();
  }
}
