/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings. Dates are whole days in UTC so that a goal's
 * status does not change with the viewer's time zone.
 */

const DAY_MS = 86_400_000;

/**
 * Days since 1970 of each date seen: the same few dates recur across thousands of goals (a
 * district's roll-up judges every one, several dates each), and parsing was most of its cost.
 */
const DAY_NUMBERS = new Map<string, number>();
const DAY_NUMBERS_MAX = 10_000;

export function dayNumber(date: string): number {
  let day = DAY_NUMBERS.get(date);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
    if (DAY_NUMBERS.size >= DAY_NUMBERS_MAX) DAY_NUMBERS.clear();
    DAY_NUMBERS.set(date, day);
  }
  return day;
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in UTC; callers that need reproducible results pass `today` explicitly. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

// Created once: building an Intl formatter costs far more than using one.
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * Days already formatted: a print view or dashboard of 1,000 cards formats the same few dozen
 * dates thousands of times, and Intl formatting is the costly part. Bounded, as any string may come.
 */
const formattedDays = new Map<string, string>();

/**
 * A calendar date ("2026-09-15") as "15 Sep 2026" (or "Sep 15, 2026", by the reader's locale):
 * the month in words so that no one guesses which part is the day. The one definition, used by
 * the client's dates and by the domain's own sentences (the SMART check); a string that is not
 * an ISO date is returned as it is.
 */
export function formatDay(isoDate: string): string {
  let shown = formattedDays.get(isoDate);
  if (shown === undefined) {
    const ms = /^\d{4}-\d{2}-\d{2}$/.test(isoDate)
      ? Date.parse(`${isoDate}T00:00:00Z`)
      : Number.NaN;
    shown = Number.isFinite(ms) ? dayFormat.format(ms) : isoDate;
    if (formattedDays.size >= 2_000) formattedDays.clear();
    formattedDays.set(isoDate, shown);
  }
  return shown;
}

/** A day number (days since 1970-01-01 UTC, as `dayNumber` gives) as "15 Sep 2026". */
export function formatDayNumber(day: number): string {
  return dayFormat.format(day * DAY_MS);
}
