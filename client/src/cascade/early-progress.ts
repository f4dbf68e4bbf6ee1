import { answerOf } from "../app/json-api.ts";

/** What `public/assets/early-progress-v2.js` leaves on the window: the request it started. */
interface EarlyProgress {
  url: string;
  answer?: Promise<{ status: number; body: unknown }>;
  /** The answer, once it has come (v2). */
  settled?: { status: number; body: unknown };
  /** Set when the page took the answer, until the live stream has opened. */
  taken?: boolean;
}

const earlyOf = () =>
  (window as unknown as { __logicCanvasEarlyProgress?: EarlyProgress }).__logicCanvasEarlyProgress;

/**
 * The early script's answer, if it asked exactly `url`, taken once (a later request asks anew),
 * as `requestJson` would have returned or thrown it; undefined otherwise.
 */
export function takeEarlyProgress<T>(url: string): Promise<T> | undefined {
  const early = earlyOf();
  if (!early?.answer || early.url !== url) return undefined;
  const taken = early.answer;
  early.answer = undefined;
  early.taken = true;
  return taken.then(({ status, body }) => answerOf<T>(status, body));
}

/**
 * The early answer's body, if it has already come as a success for exactly `url` and was not
 * taken yet: the page then draws its first rows in its first render, not after a "Loading" frame,
 * its effects and a promise (issue 16). Reading does not take it; the page takes it as it mounts.
 */
export function earlyProgressNow<T>(url: string): T | undefined {
  const early = earlyOf();
  const settled = early?.settled;
  if (!early?.answer || early.url !== url || !settled) return undefined;
  return settled.status >= 200 && settled.status <= 299 ? (settled.body as T) : undefined;
}

/**
 * True once, when the rows shown came from the early request: it was answered before the page
 * opened its live stream (about a second on a slow machine), so a change in between was heard
 * by nobody and the rows are read once more when the stream opens.
 */
export function earlyAnswerPredatesStream(): boolean {
  const early = earlyOf();
  if (!early?.taken) return false;
  early.taken = false;
  return true;
}
