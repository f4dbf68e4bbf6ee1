import { answerOf } from "../app/json-api.ts";

/** What `public/assets/early-progress-v1.js` leaves on the window: the request it started. */
interface EarlyProgress {
  url: string;
  answer?: Promise<{ status: number; body: unknown }>;
}

/**
 * The early script's answer, if it asked exactly `url`, taken once (a later request asks anew),
 * as `requestJson` would have returned or thrown it; undefined otherwise.
 */
export function takeEarlyProgress<T>(url: string): Promise<T> | undefined {
  const w = window as unknown as { __logicCanvasEarlyProgress?: EarlyProgress };
  const early = w.__logicCanvasEarlyProgress;
  if (!early?.answer || early.url !== url) return undefined;
  const taken = early.answer;
  early.answer = undefined;
  return taken.then(({ status, body }) => answerOf<T>(status, body));
}
