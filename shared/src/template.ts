import { compareNodes, UNTITLED } from "./doc/read.ts";
import type { NodeKind } from "./kinds.ts";
import { positionInLane } from "./lanes.ts";
import type { LogicEdge, LogicModel, LogicNode } from "./schema.ts";

/**
 * "Coaching for self-assessment": the logic model of seed 003, Table 2.1, as the book prints it
 * (../shared/examples/table-2-1.md). Only the long-term goals get SMART targets, because only
 * they state figures; the book gives no baseline, so none is invented.
 */

const COACHING_TEMPLATE_TITLE = "Coaching for self-assessment";

const MASTERY_GOAL =
  "Students will become proficient self-assessors who will be able to articulate where they are in relation to the learning intention and success criteria and use that information to determine next steps.";

type Row = Record<"input" | "activity" | "smallWin" | "midJourney", [string, string][]>;

const ROWS: Row[] = [
  {
    input: [
      [
        "I1",
        "Full-time instructional coaches for each low-performing school and half-time coaches for middle- and high-performing schools.",
      ],
    ],
    activity: [
      ["A1", "Principals hire instructional coaches."],
      ["A2", "Central office provides professional learning for coaches and coachees."],
    ],
    smallWin: [
      ["S1", "Coaches gain knowledge and skills for coaching teachers."],
      ["S2", "Coaches gain access to classrooms and work with classroom teachers."],
    ],
    midJourney: [
      ["M1", "Coaches support teachers' engagement in collaborative inquiry."],
      ["M2", "Coaches support implementation of learning intentions and success criteria."],
    ],
  },
  {
    input: [
      [
        "I2",
        "Human and fiscal resources to provide professional learning and follow-up support for classroom teachers.",
      ],
    ],
    activity: [
      [
        "A3",
        "Central office engages teams in collaborative inquiry designs for professional learning.",
      ],
      ["A4", "Instructional coaches provide follow-up support for classroom implementation."],
    ],
    smallWin: [
      ["S3", "Teachers collaboratively identify learning intentions based on standards."],
      ["S4", "Teachers construct success criteria and share them with students."],
    ],
    midJourney: [
      ["M3", "Teachers consistently share learning intentions with students."],
      [
        "M4",
        "Teachers co-construct success criteria with students and have students interact with criteria in meaningful ways.",
      ],
      ["M5", "Teachers have students self- and peer assess using success criteria."],
    ],
  },
  {
    input: [["I3", "High-quality instruction for students."]],
    activity: [["A5", "Teachers use success criteria as the basis for effective feedback."]],
    smallWin: [
      [
        "S5",
        "Students learn strategies for improving their performance based on self- and peer assessment.",
      ],
    ],
    midJourney: [
      ["M6", "Students apply the new strategies in their learning for both learning and pleasure."],
    ],
  },
];

const LONG_TERM: { id: string; title: string; percent: number }[] = [
  {
    id: "L1",
    title:
      "Year 1: 60% of students score proficient or above on literacy and mathematics standardized tests. Most students are beginning to self-regulate their learning.",
    percent: 60,
  },
  {
    id: "L2",
    title:
      "Year 2: 80% of students score proficient or above on literacy and mathematics standardized tests. Many students possess the qualities of self-regulated learners.",
    percent: 80,
  },
  {
    id: "L3",
    title:
      "Year 3: 100% of students score proficient or above on literacy and mathematics standardized tests. All students become independent, self-regulated learners.",
    percent: 100,
  },
];

const LANE_ORDER = ["input", "activity", "smallWin", "midJourney"] as const;

/** The school year a new model starts in: from July on, the year that is beginning. */
function currentSchoolYear(): number {
  const now = new Date();
  return now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/**
 * The template. `firstSchoolYear` (e.g. 2026 for 2026–27) dates the yearly targets: Year N's
 * test results are due by 30 June of the N-th school year's end.
 */
export function coachingTemplate(options: { firstSchoolYear?: number } = {}): LogicModel {
  const firstYear = options.firstSchoolYear ?? currentSchoolYear();
  const nodes: LogicNode[] = [];
  const edges: LogicEdge[] = [];
  const laneCount: Record<NodeKind, number> = {
    input: 0,
    activity: 0,
    smallWin: 0,
    midJourney: 0,
    longTerm: 0,
  };
  const add = (kind: NodeKind, id: string, title: string): LogicNode => {
    const node: LogicNode = { id, kind, title, position: positionInLane(kind, laneCount[kind]) };
    laneCount[kind] += 1;
    nodes.push(node);
    return node;
  };
  const link = (source: string, target: string) =>
    edges.push({ id: `${source}-${target}`, source, target });

  const midJourneyIds: string[] = [];
  for (const row of ROWS) {
    for (const kind of LANE_ORDER) for (const [id, title] of row[kind]) add(kind, id, title);
    for (let lane = 0; lane < LANE_ORDER.length - 1; lane += 1) {
      const from = LANE_ORDER[lane] as (typeof LANE_ORDER)[number];
      const to = LANE_ORDER[lane + 1] as (typeof LANE_ORDER)[number];
      for (const [source] of row[from]) for (const [target] of row[to]) link(source, target);
    }
    midJourneyIds.push(...row.midJourney.map(([id]) => id));
  }
  LONG_TERM.forEach((goal, year) => {
    const node = add("longTerm", goal.id, goal.title);
    node.smart = {
      indicator:
        "Students scoring proficient or above on literacy and mathematics standardized tests",
      unit: "percent",
      target: { value: goal.percent, date: `${firstYear + year + 1}-06-30` },
    };
  });
  for (const source of midJourneyIds) for (const goal of LONG_TERM) link(source, goal.id);
  // In the order a document reads back (lane, top to bottom, id), so load → read is identity.
  nodes.sort(compareNodes);
  edges.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { title: COACHING_TEMPLATE_TITLE, masteryGoal: MASTERY_GOAL, nodes, edges };
}

export function blankModel(title?: string): LogicModel {
  const trimmed = title?.trim();
  return { title: trimmed ? trimmed : UNTITLED, masteryGoal: "", nodes: [], edges: [] };
}
