/**
 * The service worker that lets a model open without a network: the page itself (the app shell
 * and its scripts) comes from this cache, and the model from IndexedDB (y-indexeddb), so a team
 * member can reload or reopen a model on a train and keep working; the edits sync when the
 * network is back. Built as its own entry (`/sw.js`, see vite.config.ts). Only the app's own
 * files are cached: the API and the collaboration socket always go to the network.
 */

// The DOM lib has no service-worker types and mixing in the WebWorker lib conflicts with it;
// these are the few members this file uses.
interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ExtendableMessageEvent extends ExtendableEvent {
  readonly data: unknown;
}
interface WorkerScope {
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
  addEventListener(type: "message", listener: (event: ExtendableMessageEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: Location;
}

const scope = self as unknown as WorkerScope;
/** Bump when the caching rules change: `activate` drops every other version. */
const CACHE = "logic-canvas-shell-v2";
/** Every file of the build, listed at build time (vite.config.ts `offlineFiles`). */
const FILES = "/offline-files.json";
/** The key index.html is kept under: every app route (`/`, `/m/<id>`) is that same page. */
const SHELL = "/index.html";

const sameOrigin = (url: URL) => url.origin === scope.location.origin;
const isAsset = (url: URL) => sameOrigin(url) && url.pathname.startsWith("/assets/");

/** The hashed files a page references: its entry script, its styles, their preloads. */
function assetsIn(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
}

/** The build's files, so the parts that load on first use open offline too; none if unlisted. */
async function buildFiles(): Promise<string[]> {
  try {
    const response = await fetch(FILES, { cache: "no-cache" });
    const list: unknown = response.ok ? await response.json() : [];
    return Array.isArray(list) ? list.filter((f): f is string => typeof f === "string") : [];
  } catch {
    return [];
  }
}

async function cacheShell(): Promise<void> {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: "no-cache" });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  await cache.addAll(assetsIn(html));
  // After the shell: a page that opens at once needs the shell first.
  for (const file of await buildFiles()) {
    if (!isAsset(new URL(file, scope.location.origin))) continue;
    if (!(await cache.match(file))) await cache.add(file).catch(() => undefined);
  }
}

/** Online, the newest page (a deploy takes effect at once); offline, the one kept last. */
async function navigation(request: Request): Promise<Response> {
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get("Content-Type")?.startsWith("text/html")) {
      const copy = response.clone();
      void caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
    }
    return response;
  } catch (error) {
    const kept = await caches.match(SHELL);
    if (kept) return kept;
    throw error;
  }
}

/** Hashed file names never change content: the cache answers first. */
async function asset(request: Request): Promise<Response> {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    void caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

scope.addEventListener("install", (event) => {
  event.waitUntil(cacheShell().then(() => scope.skipWaiting()));
});

scope.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (request.mode === "navigate" && sameOrigin(url)) event.respondWith(navigation(request));
  else if (isAsset(url)) event.respondWith(asset(request));
});

// The page loaded before this worker controlled it: it names the files it already fetched
// (lazily loaded chunks included), so they are kept too.
scope.addEventListener("message", (event) => {
  const data = event.data as { type?: unknown; urls?: unknown } | null;
  if (data?.type !== "keep-assets" || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .filter((u): u is string => typeof u === "string")
    .filter((u) => isAsset(new URL(u, scope.location.origin)));
  event.waitUntil(
    caches.open(CACHE).then(async (cache) => {
      for (const url of urls) if (!(await cache.match(url))) await cache.add(url);
    }),
  );
});
