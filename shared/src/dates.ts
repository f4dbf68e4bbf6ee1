/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` strings. Dates are whole days in UTC so that a goal's
 * status does not change with the viewer's time zone.
 */

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date in UTC; callers that need reproducible results pass `today` explicitly. */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
