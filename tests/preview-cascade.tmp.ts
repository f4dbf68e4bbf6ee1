// Throwaway preview (not committed): the cascade pages on mocked API answers, to look at.
import { addDays, todayIso, type MapNodeView, type ProgressRow } from "@logic-canvas/shared";
import { setUpServer } from "./support/accounts.ts";
import { launchChromium } from "./support/browser.ts";
import { startTestServer, WITH_BUILT_CLIENT } from "./support/server.ts";
import { myWorkspaces } from "./support/workspaces.ts";

const STATUSES = ["on-track", "on-track", "at-risk", "off-track", "achieved", "not-measured"] as const;
const SCHOOLS = ["Lincoln Elementary","Roosevelt Elementary","Jefferson Elementary","Washington Elementary","Adams Elementary","Madison Elementary","Monroe Elementary","Jackson Elementary","Grant Elementary","Hayes Elementary"];
const GRADES = ["Kindergarten","Grade 1","Grade 2","Grade 3","Grade 4","Grade 5"];
function node(id: string, ws: string, kind: "district"|"school"|"team", title: string, i: number, children: MapNodeView[] = [], schoolId: string|null = null): MapNodeView {
  return { modelId: `M${id}`.padEnd(16,"x").slice(0,16), modelTitle: `${ws} plan`, workspaceId: `W${ws}`, workspaceName: ws, workspaceKind: kind, schoolId, cardId: id, kind: i % 3 === 1 ? "midJourney" : "longTerm", title, status: STATUSES[i % STATUSES.length] as never, stale: i % 7 === 1, latest: { date: addDays(todayIso(), -10), value: 60 + (i % 30) }, unit: "percent", studentsSentence: "62% → 70% of 240 students: 149 → 168, 19 more students", rollupSentence: children.length ? "The 6 teams' targets add up to 212 of the 240 students the school goal needs: 28 short" : null, broken: i === 13 ? [{ modelId: "x".repeat(16), cardId: "gone", reason: "goal-deleted" }] : [], warnings: i === 3 ? [{ code: "cascade-child-not-rising", message: "Grade 3 sets a target (82%) below its own baseline (84%) while the school goal rises", modelId: "x", cardId: "y" }] : [], needsAttention: i % 4 === 2, children };
}
const roots = ["reading","math"].map((sub, d) => node(`d${d}`, "Springfield District", "district", `Raise ${sub} proficiency across the district`, d, SCHOOLS.map((s, si) => node(`s${si}${d}`, s, "school", `Increase the share of students proficient in ${sub}`, si + d, GRADES.flatMap((g, gi) => [node(`t${si}${gi}${d}`, g, "team", `${g}: ${sub} proficiency`, si*6+gi+d, [], `W${s}`), node(`m${si}${gi}${d}`, g, "team", `${g}: ${sub} benchmark`, si*6+gi+d+1, [], `W${s}`)]), `W${s}`))));
const map = { workspaceId: "x", workspaceName: "Springfield District", roots, unaligned: [], schools: SCHOOLS.map((s) => ({ id: `W${s}`, name: s })), generatedAt: new Date().toISOString() };
const rows: ProgressRow[] = [];
const walk = (n: MapNodeView) => { rows.push({ modelId: n.modelId, modelTitle: n.modelTitle, workspaceId: n.workspaceId, workspaceName: n.workspaceName, workspaceKind: n.workspaceKind, cardId: n.cardId, kind: n.kind, title: n.title, status: n.status, statusToday: n.status, stale: n.stale, unit: "percent", baseline: 60, target: 70, targetDate: addDays(todayIso(), 180), latest: n.latest, lastMeasured: n.latest?.date ?? null, nextCheckIn: addDays(todayIso(), 20), alignedUp: 1, brokenUp: n.broken.length }); n.children.forEach(walk); };
roots.forEach(walk);

const server = await startTestServer(WITH_BUILT_CLIENT);
const cookie = await setUpServer(server.url);
const district = (await myWorkspaces(server.url, cookie))[0]!;
const browser = await launchChromium();
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await ctx.addCookies(cookie.split("; ").map((p) => ({ name: p.slice(0, p.indexOf("=")), value: p.slice(p.indexOf("=") + 1), url: server.url })));
await ctx.route("**/cascade/map*", (r) => r.fulfill({ json: map }));
await ctx.route("**/cascade/progress", (r) => r.fulfill({ json: { workspaceId: "x", workspaceName: "S", rows, generatedAt: "" } }));
await ctx.route("**/cascade/events", (r) => r.fulfill({ status: 200, contentType: "text/event-stream", body: ": open\n\n" }));
const page = await ctx.newPage();
page.on("pageerror", (e) => console.error("pageerror", e.message));
await page.goto(`${server.url}/workspaces/${district.id}/alignment`);
await page.getByTestId("alignment-map").waitFor();
await page.screenshot({ path: "/tmp/cui/map.png" });
await page.screenshot({ path: "/tmp/cui/map-full.png", fullPage: true });
await page.getByLabel("Only what needs attention").check();
await page.screenshot({ path: "/tmp/cui/map-attention.png" });
await page.goto(`${server.url}/workspaces/${district.id}/progress`);
await page.getByTestId("workspace-progress").waitFor();
await page.screenshot({ path: "/tmp/cui/progress.png" });
await page.goto(`${server.url}/workspaces/${district.id}`);
await page.screenshot({ path: "/tmp/cui/home.png" });
await browser.close();
await server.stop();
process.exit(0);
