import type { LogicNode } from "@logic-canvas/shared";
import { useSyncExternalStore } from "react";
import { editorRoute } from "../app/routes.ts";
import { loadSignedIn } from "../app/signed-in.ts";
import { alignmentContext } from "./cascade-client.ts";
import {
  type Alignment,
  type AlignmentContextAnswer,
  CASCADE_EVENT,
  type CardAlignment,
  cascadePaths,
} from "./cascade-types.ts";
import { goalKey } from "./map-tree.ts";

/**
 * The open model's alignments as the server resolves them (each parent goal's title and status,
 * broken ones with why, how many goals align to each card from below), shared by every card and
 * the side panel. It starts with the first card that asks and stops with the last; the model
 * and its token are the editor's own route, as the top bar reads them. Live through the
 * server's event stream; a local change calls `reloadAlignments()`.
 */

type Listener = () => void;

let cards: ReadonlyMap<string, CardAlignment> = new Map();
let modelId: string | null = null;
let source: EventSource | null = null;
let loading = false;
let again = false;
/** Alignments already asked about, so an unknown one asks the server once, not in a loop. */
const asked = new Set<string>();
const listeners = new Set<Listener>();

function route() {
  return editorRoute(window.location);
}

export function reloadAlignments(): void {
  const at = route();
  if (!at || modelId === null) return;
  if (loading) {
    again = true;
    return;
  }
  loading = true;
  alignmentContext(at.id, at.token || undefined)
    .then((answer) => {
      if (answer.modelId !== modelId) return;
      cards = new Map(answer.cards.map((c) => [c.cardId, c]));
      listen(answer);
      for (const l of listeners) l();
    })
    // Marks are extras: a model outside any workspace shows none, and the card still works.
    .catch(() => undefined)
    .finally(() => {
      loading = false;
      if (again) {
        again = false;
        reloadAlignments();
      }
    });
}

/**
 * The model's event stream, once the first answer says it belongs to a workspace: a change in a
 * model above (a parent goal's status) or below (a measurement that moves a roll-up) reloads the
 * marks, and with them every open roll-up. The stream needs a session cookie: with a link alone
 * the server refuses it and the browser gives up, the marks then load once.
 */
function listen(answer: AlignmentContextAnswer): void {
  if (source) return;
  // The model's stream is for signed-in people (a link shows no other model): someone on a
  // link alone would get a 401 in the console on every open, and nothing to follow. The answer
  // is asked once per page; a model left meanwhile is not followed.
  void loadSignedIn().then((account) => {
    if (account && !source && answer.modelId === modelId) follow(answer);
  });
}

function follow(answer: AlignmentContextAnswer): void {
  source = new EventSource(cascadePaths.modelEvents(answer.modelId));
  source.addEventListener(CASCADE_EVENT, () => reloadAlignments());
  // After a dropped connection the browser reconnects; what changed meanwhile is read again.
  let opened = false;
  source.addEventListener("open", () => {
    if (opened) reloadAlignments();
    opened = true;
  });
}

/** Asks the server again when a card names a goal the last answer did not resolve. */
export function resolveAlignments(cardId: string, list: readonly Alignment[]): void {
  const fresh = list.filter((a) => !asked.has(`${cardId}>${goalKey(a)}`));
  if (fresh.length === 0) return;
  for (const a of fresh) asked.add(`${cardId}>${goalKey(a)}`);
  reloadAlignments();
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    modelId = route()?.id ?? null;
    reloadAlignments();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    source?.close();
    source = null;
    modelId = null;
    cards = new Map();
    asked.clear();
  };
}

const snapshot = () => cards;

/** The resolved alignments of every card of the open model. */
export function useModelAlignments(): ReadonlyMap<string, CardAlignment> {
  return useSyncExternalStore(subscribe, snapshot);
}

const NONE: Alignment[] = [];

/** The card's alignments as its document stores them (none on a card that never had any). */
export function alignmentsOf(node: LogicNode): Alignment[] {
  return node.alignsTo ?? NONE;
}
