import { useSyncExternalStore } from "react";
import { editorRoute } from "../app/routes.ts";
import { modelAlignments } from "./cascade-client.ts";
import type { ModelAlignments } from "./cascade-types.ts";

/**
 * The open model's alignments as the server resolves them (the parent goals' titles and
 * status, broken ones with words, how many goals align to each card from below), shared by
 * every card and the side panel. It starts with the first card that shows an alignment and
 * stops with the last; the model and its token are the editor's own route, as the top bar
 * reads them. Kept live by the server's events; `reloadAlignments()` after a local change.
 */

type Listener = () => void;

let data: ModelAlignments | null = null;
let modelId: string | null = null;
let source: EventSource | null = null;
let loading = false;
let again = false;
const listeners = new Set<Listener>();

function emit(): void {
  for (const l of listeners) l();
}

export function reloadAlignments(): void {
  const route = editorRoute(window.location);
  if (!route) return;
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  const forModel = route.id;
  modelAlignments(route.id, route.token || undefined)
    .then((answer) => {
      if (forModel !== modelId) return;
      data = answer;
      emit();
    })
    // Marks are extras: a model outside any workspace, or a server without the cascade, shows none.
    .catch(() => undefined)
    .finally(() => {
      loading = false;
      if (again) {
        again = false;
        reloadAlignments();
      }
    });
}

function start(): void {
  const route = editorRoute(window.location);
  if (!route) return;
  modelId = route.id;
  reloadAlignments();
  source = openEvents(route.id, route.token);
  source?.addEventListener("changed", () => reloadAlignments());
}

function stop(): void {
  source?.close();
  source = null;
  modelId = null;
  data = null;
}

/** Set by the cascade API's events route; null until known. */
let eventsUrlOf: ((modelId: string, token: string) => string) | null = null;
export function setAlignmentEventsUrl(of: (modelId: string, token: string) => string): void {
  eventsUrlOf = of;
}
function openEvents(id: string, token: string): EventSource | null {
  return eventsUrlOf ? new EventSource(eventsUrlOf(id, token)) : null;
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1) start();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) stop();
  };
}

export function useModelAlignments(): ModelAlignments | null {
  return useSyncExternalStore(subscribe, () => data);
}
