import { afterPageShown } from "../app/page-shown.ts";

/**
 * The editor's parts that load on first use (issue 14) are fetched once the first cards are
 * drawn and the page is idle: editing must keep working when the network drops later. A team
 * member who goes offline on a train and adds a goal needs the goal panel's code, which this page
 * may never have asked for; the service worker keeps it for a reopened page, this keeps it for
 * the page already open. Each `import()` names the same module as its `lazy()` does, so the two
 * share one fetch and one module.
 */
const EDITING_PARTS = [
  () => import("../monitoring/GoalPanel.tsx"),
  () => import("../monitoring/GoalChart.tsx"),
  () => import("../review/CommentsPanel.tsx"),
  () => import("../review/ConsensusPanel.tsx"),
  () => import("../history/HistoryPanel.tsx"),
  () => import("../monitoring/Dashboard.tsx"),
  () => import("../radar/RadarView.tsx"),
  () => import("../plans/AgendaView.tsx"),
  () => import("../exports/PrintView.tsx"),
  () => import("./ShortcutHelp.tsx"),
];

let warmed = false;

/** Fetches the parts once per page, when the browser is idle; a failure is retried on use. */
export function warmEditorParts(): void {
  if (warmed) return;
  warmed = true;
  const run = () => {
    for (const load of EDITING_PARTS) load().catch(() => undefined);
  };
  // Called as the editor mounts; the first cards come first (`afterPageShown`), then idleness.
  void afterPageShown().then(() => {
    if ("requestIdleCallback" in window) window.requestIdleCallback(run, { timeout: 2_000 });
    else setTimeout(run, 500);
  });
}
