import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cascadePaths, type LogicNode, toModelFile } from "@logic-canvas/shared";
import type { Flags } from "./lib/args.ts";
import { writeResult } from "./lib/machine.ts";
import { round, summarize } from "./lib/stats.ts";
import { type Launched, launch } from "./lib/targets.ts";

export const description =
  "Issue 16: the goals cascade's roll-up, alignment map and progress rows over a generated district (500 models × 20 goals)";

/** A JSON request as the pages send it: same origin, the session cookie. */
export async function request(base: string, path: string, cookie: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      Origin: base,
      ...(cookie ? { Cookie: cookie } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

function goals(prefix: string, count: number, alignTo?: { modelId: string; cardId: string }) {
  const kinds = ["smallWin", "midJourney", "longTerm"] as const;
  return Array.from({ length: count }, (_, i): LogicNode => {
    const baseline = 50 + ((i * 7) % 30);
    return {
      id: `${prefix}${i}`,
      kind: kinds[i % 3] as LogicNode["kind"],
      title: `${prefix} goal ${i}`,
      smart: {
        indicator: "students proficient",
        unit: "percent",
        baseline: { value: baseline, date: "2026-09-01" },
        target: { value: baseline + 6, date: "2027-06-01" },
        cohortSize: 150,
      },
      measurements: [{ date: "2026-11-15", value: baseline + 2 }],
      ...(i === 0 && alignTo ? { alignsTo: [alignTo] } : {}),
    };
  });
}

async function createIn(
  base: string,
  cookie: string,
  wid: string,
  title: string,
  nodes: LogicNode[],
) {
  const file = toModelFile({ title, masteryGoal: "", nodes, edges: [] });
  const response = await request(base, `/api/workspaces/${wid}/models`, cookie, file);
  return ((await response.json()) as { id: string }).id;
}

export async function buildDistrict(
  base: string,
  schools: number,
  teamsPerSchool: number,
  models: number,
  goalsPer: number,
) {
  const setup = await request(base, "/api/setup", "", {
    email: "ada@district.test",
    password: "first-admin-password",
    name: "Ada Admin",
    district: "Bench District",
  });
  const cookie = setup.headers
    .getSetCookie()
    .map((l) => l.split(";")[0] ?? "")
    .filter((p) => p && !p.endsWith("="))
    .join("; ");
  const tree = (await (await request(base, "/api/workspaces", cookie)).json()) as {
    workspaces: { id: string; parentId: string | null }[];
  };
  const district = tree.workspaces.find((w) => w.parentId === null)?.id as string;
  const dm = await createIn(base, cookie, district, "District plan", goals("D", goalsPer));
  const teams: { wid: string; schoolModel: string }[] = [];
  for (let s = 0; s < schools; s++) {
    const school = (await (
      await request(base, "/api/workspaces", cookie, {
        name: `School ${s}`,
        kind: "school",
        parentId: district,
      })
    ).json()) as { id: string };
    const sm = await createIn(
      base,
      cookie,
      school.id,
      `School ${s} plan`,
      goals(`S${s}_`, goalsPer, { modelId: dm, cardId: "D0" }),
    );
    for (let t = 0; t < teamsPerSchool; t++) {
      const team = (await (
        await request(base, "/api/workspaces", cookie, {
          name: `School ${s} team ${t}`,
          kind: "team",
          parentId: school.id,
        })
      ).json()) as { id: string };
      teams.push({ wid: team.id, schoolModel: sm });
    }
  }
  const teamModels = models - 1 - schools;
  for (let m = 0; m < teamModels; m++) {
    const team = teams[m % teams.length] as { wid: string; schoolModel: string };
    const sIndex = Math.floor((m % teams.length) / teamsPerSchool);
    await createIn(
      base,
      cookie,
      team.wid,
      `Team model ${m}`,
      goals(`T${m}_`, goalsPer, { modelId: team.schoolModel, cardId: `S${sIndex}_0` }),
    );
  }
  return { cookie, district, dm };
}

/**
 * The progress page's first 200 rows asked right after a change to a model they read (built
 * again), then asked again and the next 200 (kept: progress-cache.ts).
 */
async function progressAfterChange(
  base: string,
  district: Awaited<ReturnType<typeof buildDistrict>>,
  goalsPer: number,
  repeats: number,
) {
  const { cookie } = district;
  const first = cascadePaths.progress(district.district, { limit: 200 });
  const next = cascadePaths.progress(district.district, { limit: 200, cursor: "200" });
  const changed: number[] = [];
  const again: number[] = [];
  const nextPage: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const nodes = goals("D", goalsPer).map((n, at) =>
      at === 1 ? { ...n, measurements: [{ date: "2026-11-20", value: 60 + i }] } : n,
    );
    const file = toModelFile({ title: "District plan", masteryGoal: "", nodes, edges: [] });
    const put = await fetch(`${base}/api/models/${district.dm}/content`, {
      method: "PUT",
      headers: { Origin: base, Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify(file),
    });
    if (!put.ok) throw new Error(`PUT content answered ${put.status}: ${await put.text()}`);
    changed.push((await timed(base, first, cookie)).ms);
    again.push((await timed(base, first, cookie)).ms);
    nextPage.push((await timed(base, next, cookie)).ms);
  }
  const figures = {
    builtAgainMs: summarize(changed),
    askedAgainMs: summarize(again),
    nextPageMs: summarize(nextPage),
  };
  console.log(
    `  progress after a change: first page p50 ${figures.builtAgainMs.p50} ms (rows built again), asked again p50 ${figures.askedAgainMs.p50} ms, next page p50 ${figures.nextPageMs.p50} ms (kept)`,
  );
  return figures;
}

async function timed(base: string, path: string, cookie: string) {
  const started = performance.now();
  const response = await request(base, path, cookie);
  const bytes = (await response.arrayBuffer()).byteLength;
  return { ms: performance.now() - started, bytes };
}

const ENV = { API_REQUESTS_PER_SECOND: "100000", LOG_LEVEL: "info" };

/** Resolves with the warm-up's own figure once the server logs that its goal index is warm. */
function warmedLine(launched: Launched): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), 120_000);
    launched.server.child.stdout?.on("data", (chunk: Buffer) => {
      const line = chunk
        .toString()
        .split("\n")
        .find((l) => l.includes("cascade goals warmed"));
      if (!line) return;
      clearTimeout(timer);
      resolve(Number(/"ms":(\d+)/.exec(line)?.[1] ?? NaN));
    });
  });
}

/**
 * Cold, honestly: the server restarted on the district's data, (a) asked at once, while its
 * goal index still reads the 500 documents in the background, and (b) asked first once the
 * warm-up says it is done (the index warm, the route's code not yet run).
 */
async function afterRestart(dataDir: string, path: string, cookie: string, waitWarm: boolean) {
  const launched = await launch("ours", { dataDir, env: ENV });
  try {
    const warmed = warmedLine(launched);
    const base = `http://127.0.0.1:${launched.server.port}`;
    const warmUpMs = waitWarm ? await warmed : null;
    const first = await timed(base, path, cookie);
    const second = await timed(base, path, cookie);
    return { firstMs: round(first.ms, 1), secondMs: round(second.ms, 1), warmUpMs };
  } finally {
    await launched.stop();
  }
}

export async function run(flags: Flags): Promise<void> {
  const models = flags.number("models", 500);
  const goalsPer = flags.number("goals", 20);
  const schools = flags.number("schools", 10);
  const teamsPerSchool = flags.number("teams", 6);
  const repeats = flags.number("repeats", 10);
  const dataDir = mkdtempSync(join(tmpdir(), "lc-bench-cascade-"));
  const launched = await launch("ours", { dataDir, env: ENV });
  let cookie = "";
  const figures: Record<string, unknown> = {};
  let rollupPath = "";
  try {
    const base = `http://127.0.0.1:${launched.server.port}`;
    const built = performance.now();
    const district = await buildDistrict(base, schools, teamsPerSchool, models, goalsPer);
    cookie = district.cookie;
    console.log(
      `  district of ${models} models × ${goalsPer} goals built in ${round((performance.now() - built) / 1000, 1)} s`,
    );
    rollupPath = cascadePaths.rollup(district.dm, "D0");
    const routes = {
      rollup: rollupPath,
      map: cascadePaths.map(district.district),
      mapOpen: cascadePaths.map(district.district, { open: true }),
      progressPage: cascadePaths.progress(district.district, { limit: 200 }),
      progressAll: cascadePaths.progress(district.district),
    };
    // Asked in turn right after the build: the index refreshed what was written behind it.
    for (const [name, path] of Object.entries(routes)) {
      const first = await timed(base, path, cookie);
      const warm: number[] = [];
      let bytes = first.bytes;
      for (let i = 0; i < repeats; i++) {
        const t = await timed(base, path, cookie);
        warm.push(t.ms);
        bytes = t.bytes;
      }
      const summary = summarize(warm);
      figures[name] = { firstAfterBuildMs: round(first.ms, 1), warm: summary, bytes };
      console.log(
        `  ${name}: first after the build ${round(first.ms, 1)} ms, warm p50 ${summary.p50} ms (p95 ${summary.p95}), ${bytes} bytes`,
      );
    }
    figures.progressAfterChange = await progressAfterChange(base, district, goalsPer, repeats);
  } finally {
    await launched.stop();
  }
  try {
    const atOnce = await afterRestart(dataDir, rollupPath, cookie, false);
    const afterWarm = await afterRestart(dataDir, rollupPath, cookie, true);
    figures.rollupAfterRestart = { askedAtOnce: atOnce, askedOnceWarm: afterWarm };
    console.log(
      `  roll-up after a restart: asked at once ${atOnce.firstMs} ms (then ${atOnce.secondMs} ms); asked once the index is warm (warm-up ${afterWarm.warmUpMs} ms) ${afterWarm.firstMs} ms (then ${afterWarm.secondMs} ms)`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  const path = writeResult(
    "cascade-rollup",
    { models, goalsPer, schools, teamsPerSchool, repeats },
    figures,
  );
  console.log(`  wrote ${path}`);
}
