/** The editor's views: the canvas, the progress dashboard, the innovation radar, the check-in
 * agenda and the printable table. */
export const VIEWS = [
  { id: "canvas", label: "Canvas" },
  { id: "progress", label: "Progress" },
  { id: "radar", label: "Radar" },
  { id: "agenda", label: "Agenda" },
  { id: "print", label: "Print" },
] as const;
export type ViewId = (typeof VIEWS)[number]["id"];

/** Whether a view shows the canvas, and with it the canvas tools (add, tidy, fit). */
export function viewShowsCanvas(view: ViewId): boolean {
  return view === "canvas";
}
