/**
 * Every date the client shows, formatted here and nowhere else. The month is always a word
 * ("15 Sep 2026", "Aug 2026") in the browser's own locale and order, so no reader has to guess
 * whether 08/09/26 is August or September, or which part is the year.
 *
 * Calendar dates of the model (baselines, targets, measurements, check-ins) are whole days
 * stored as ISO `YYYY-MM-DD` and shown in UTC, as the domain judges them; moments (a version
 * saved, a change made) are shown in the reader's time zone.
 */

const DAY_MS = 86_400_000;

// Calendar days are formatted by the domain (the SMART check says them in its sentences too).
export { formatDay, formatDayNumber } from "@logic-canvas/shared/light";

// Created once: building an Intl formatter costs far more than using one.
const monthFormat = new Intl.DateTimeFormat(undefined, {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const localDayFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
});
const momentFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "numeric",
  minute: "2-digit",
});

/** The month of a day number, as "Aug 2026": for chart axes. */
export function formatMonthOfDay(day: number): string {
  return monthFormat.format(day * DAY_MS);
}

/** A moment (an ISO date-time) in the reader's time zone: "15 Sep 2026, 14:05". */
export function formatMoment(isoDateTime: string): string {
  const ms = Date.parse(isoDateTime);
  return Number.isFinite(ms) ? momentFormat.format(ms) : isoDateTime;
}

/** The day of a moment where the reader is ("5 Dec 2026"): "printed on", "saved on". */
export function formatLocalDay(ms = Date.now()): string {
  return localDayFormat.format(ms);
}

/**
 * Day numbers of the first day of each month from `first` to `last`, thinned to at most `max`
 * ticks, so a chart's axis reads "Sep 2026 · Dec 2026 · Mar 2027" with no month twice.
 */
export function monthTicks(first: number, last: number, max = 4): number[] {
  const start = new Date(first * DAY_MS);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  const ticks: number[] = [];
  for (;;) {
    const day = Date.UTC(year, month, 1) / DAY_MS;
    if (day > last) break;
    if (day >= first) ticks.push(day);
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  if (ticks.length === 0) return [first];
  const step = Math.ceil(ticks.length / max);
  return ticks.filter((_, i) => i % step === 0);
}
