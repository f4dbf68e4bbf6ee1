/**
 * A generated district for the cascade's end-to-end test and screenshots: a district plan with
 * two long-term goals; `schools` schools, each with a plan whose goals align to the district's;
 * `teams` grade teams per school, each with five goals: reading and math long-term goals aligned
 * to the school's (so the school's sum counts each team once), reading and math mid-journey
 * benchmarks and a small win aligned to nothing. Numbers are fixed by
 * the school's and team's index, so screenshots read the same every run; dates are relative to
 * today, so statuses do too. One team sits on the seed's trap (84 % now, a lower target), some
 * mid-journey goals go unmeasured past 60 days (stale), some teams fall behind.
 */
import { addDays, todayIso, type WorkspaceKind } from "@logic-canvas/shared";
import { createModelIn, createWorkspace, myWorkspaces } from "./workspaces.ts";

export interface DistrictShape {
  schools: number;
  teams: number;
}

export interface GeneratedDistrict {
  districtId: string;
  districtModelId: string;
  schools: {
    id: string;
    name: string;
    modelId: string;
    teams: { id: string; name: string; modelId: string }[];
  }[];
}

const SCHOOL_NAMES = [
  "Lincoln Elementary",
  "Roosevelt Elementary",
  "Jefferson Elementary",
  "Washington Elementary",
  "Adams Elementary",
  "Madison Elementary",
  "Monroe Elementary",
  "Jackson Elementary",
  "Grant Elementary",
  "Hayes Elementary",
  "Garfield Elementary",
  "Arthur Elementary",
];
const GRADES = ["Kindergarten", "Grade 1", "Grade 2", "Grade 3", "Grade 4", "Grade 5", "Grade 6"];
const SUBJECTS = [
  { id: "reading", name: "reading" },
  { id: "math", name: "math" },
] as const;

type Align = { modelId: string; cardId: string; note?: string };

/** One goal card of a generated model file. */
function goalCard(
  id: string,
  kind: "smallWin" | "midJourney" | "longTerm",
  title: string,
  smart: { cohort: number; from: number; to: number; measured?: number; stale?: boolean },
  alignsTo: Align[] = [],
) {
  const today = todayIso();
  const baselineDate = addDays(today, smart.stale ? -120 : -90);
  return {
    id,
    kind,
    title,
    smart: {
      indicator: "students proficient on the district assessment",
      unit: "percent",
      cohortSize: smart.cohort,
      baseline: { value: smart.from, date: baselineDate },
      target: { value: smart.to, date: addDays(today, 180) },
    },
    measurements:
      smart.measured === undefined || smart.stale
        ? []
        : [{ date: addDays(today, -10), value: smart.measured }],
    ...(alignsTo.length ? { alignsTo: alignsTo.map(alignmentInFile) } : {}),
  };
}

/** How the file format writes an alignment (the shape `shared/src/cascade` defines). */
function alignmentInFile(a: Align): Record<string, string> {
  return { modelId: a.modelId, cardId: a.cardId, ...(a.note ? { note: a.note } : {}) };
}

function modelFile(title: string, nodes: ReturnType<typeof goalCard>[]) {
  return {
    format: "logic-model",
    version: 2,
    title,
    masteryGoal: "Raise the bar and close the achievement gap in all of our schools",
    nodes,
    edges: [],
    checkIns: [addDays(todayIso(), 21)],
  };
}

/** The numbers of team `t` of school `s` for one subject: baseline, target, latest. */
function teamNumbers(s: number, t: number, subject: number) {
  const from = 55 + ((s * 7 + t * 5 + subject * 3) % 30);
  // The trap of seed 000: Grade 3 of the first school is at 84 % and sets a lower target.
  if (s === 0 && t === 3 && subject === 0) return { from: 84, to: 82, measured: 83 };
  const to = Math.min(98, from + 6 + ((s + t) % 4) * 2);
  const behind = (s + t + subject) % 5 === 0 ? -6 : (s + t + subject) % 7 === 0 ? -2 : 2;
  return { from, to, measured: from + behind };
}

async function workspace(
  url: string,
  cookie: string,
  name: string,
  kind: WorkspaceKind,
  parentId: string,
) {
  return (await createWorkspace(url, cookie, { name, kind, parentId })).id;
}

const cohortPerTeam = (s: number, t: number) => 60 + ((s * 11 + t * 13) % 50);
const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
const schoolCohort = (s: number, teams: number) =>
  sum(Array.from({ length: teams }, (_, t) => cohortPerTeam(s, t)));

/** A team's five goals: reading and math, long-term and mid-journey, and a small win. */
function teamGoals(teamName: string, s: number, t: number, schoolModelId: string) {
  const cohort = cohortPerTeam(s, t);
  const nodes = SUBJECTS.flatMap((subject, i) => {
    const n = teamNumbers(s, t, i);
    const up = [{ modelId: schoolModelId, cardId: `s-${subject.id}` }];
    const benchmark = { cohort, from: n.from - 10, to: n.to - 5, measured: n.measured - 6 };
    return [
      goalCard(
        `t-${subject.id}`,
        "longTerm",
        `${teamName}: ${subject.name} proficiency`,
        { cohort, ...n },
        up,
      ),
      goalCard(
        `m-${subject.id}`,
        "midJourney",
        `${teamName}: ${subject.name} benchmark`,
        { ...benchmark, stale: (s + t + i) % 6 === 1 },
        [],
      ),
    ];
  });
  const routines = { cohort, from: 0, to: 100, measured: 60 };
  return [
    ...nodes,
    goalCard("w-routines", "smallWin", `${teamName}: weekly data meetings held`, routines),
  ];
}

/** A school's two long-term goals, each aligned to the district's goal of its subject. */
function schoolGoals(s: number, teams: number, districtModelId: string) {
  return SUBJECTS.map((subject, i) =>
    goalCard(
      `s-${subject.id}`,
      "longTerm",
      `Increase the share of students proficient in ${subject.name}`,
      {
        cohort: schoolCohort(s, teams),
        from: 62 + ((s + i) % 9),
        to: 72 + ((s + i) % 9),
        measured: 64 + ((s * 3 + i) % 9),
      },
      [{ modelId: districtModelId, cardId: `d-${subject.id}` }],
    ),
  );
}

async function generateSchool(
  url: string,
  cookie: string,
  s: number,
  shape: DistrictShape,
  parent: { districtId: string; districtModelId: string },
): Promise<GeneratedDistrict["schools"][number]> {
  const name = SCHOOL_NAMES[s] ?? `School ${s + 1}`;
  const schoolId = await workspace(url, cookie, name, "school", parent.districtId);
  const plan = modelFile(
    `${name} improvement plan`,
    schoolGoals(s, shape.teams, parent.districtModelId),
  );
  const schoolModel = await createModelIn(url, cookie, schoolId, plan);
  const teams: GeneratedDistrict["schools"][number]["teams"] = [];
  for (let t = 0; t < shape.teams; t += 1) {
    const teamName = GRADES[t] ?? `Team ${t + 1}`;
    const teamId = await workspace(url, cookie, teamName, "team", schoolId);
    const file = modelFile(`${teamName} plan`, teamGoals(teamName, s, t, schoolModel.id));
    const model = await createModelIn(url, cookie, teamId, file);
    teams.push({ id: teamId, name: teamName, modelId: model.id });
  }
  return { id: schoolId, name, modelId: schoolModel.id, teams };
}

/** Builds the district under the first admin's district, over HTTP as the pages do. */
export async function generateDistrict(
  url: string,
  adminCookie: string,
  shape: DistrictShape = { schools: 10, teams: 6 },
): Promise<GeneratedDistrict> {
  const district = (await myWorkspaces(url, adminCookie)).find((w) => w.kind === "district");
  if (!district) throw new Error("the admin has no district");
  const cohort = sum(Array.from({ length: shape.schools }, (_, s) => schoolCohort(s, shape.teams)));
  const goals = SUBJECTS.map((subject, i) =>
    goalCard(
      `d-${subject.id}`,
      "longTerm",
      `Raise ${subject.name} proficiency across the district`,
      {
        cohort,
        from: 68 + i * 2,
        to: 78 + i * 2,
        measured: 71 + i * 2,
      },
    ),
  );
  const plan = await createModelIn(
    url,
    adminCookie,
    district.id,
    modelFile("District plan", goals),
  );
  const parent = { districtId: district.id, districtModelId: plan.id };
  const schools: GeneratedDistrict["schools"] = [];
  for (let s = 0; s < shape.schools; s += 1)
    schools.push(await generateSchool(url, adminCookie, s, shape, parent));
  return { ...parent, schools };
}
