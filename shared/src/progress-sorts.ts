/** The orders of the progress rows, with the words of the page's sort menu. */
export const PROGRESS_SORTS = {
  attention: "Stale mid-journey, then off track first",
  place: "By school and team",
  status: "By status, worst first",
  measured: "Least recently measured first",
  checkIn: "Next check-in first",
  title: "By goal",
} as const;
export type ProgressSort = keyof typeof PROGRESS_SORTS;

/** Rows per page at most; a page past the end is empty, never an error. */
export const PROGRESS_PAGE_MAX = 5_000;
