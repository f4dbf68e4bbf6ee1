import {
  type CanvasSnapshot,
  canvasSnapshotPath,
  readCanvasSnapshotAnswer,
} from "@logic-canvas/shared";
import { useEffect, useState } from "react";
import { requestJson } from "../app/json-api.ts";

/** What `public/assets/early-canvas-v1.js` leaves on the window: the request it started. */
interface EarlyRequest {
  id: string;
  token: string;
  snapshot?: Promise<unknown>;
}

/** The early script's request for this model and token, taken once (a later visit asks anew). */
function takeEarly(modelId: string, token: string): Promise<unknown> | undefined {
  const w = window as unknown as { __logicCanvasEarly?: EarlyRequest };
  const early = w.__logicCanvasEarly;
  if (!early || early.id !== modelId || early.token !== token) return undefined;
  const taken = early.snapshot;
  early.snapshot = undefined;
  return taken;
}

/**
 * The model's canvas snapshot (shared `canvas-snapshot.ts`), drawn while the graph document
 * syncs; null while it is on its way, and stays null when it cannot be had (offline, refused, an
 * answer that does not read): the canvas then waits for the document as before, and a refusal is
 * reported by the model's own request.
 */
export function useCanvasSnapshot(modelId: string, token: string): CanvasSnapshot | null {
  const [snapshot, setSnapshot] = useState<CanvasSnapshot | null>(null);
  useEffect(() => {
    let live = true;
    const request =
      takeEarly(modelId, token) ??
      requestJson(canvasSnapshotPath(modelId), {
        headers: { authorization: `Bearer ${token}` },
      }).catch(() => null);
    void request.then((body) => {
      if (body === null) return;
      const read = readCanvasSnapshotAnswer(body);
      if (!read.ok) console.warn(`The canvas's first layer was left out: ${read.error}.`);
      else if (live) setSnapshot(read.snapshot);
    });
    return () => {
      live = false;
    };
  }, [modelId, token]);
  return snapshot;
}
