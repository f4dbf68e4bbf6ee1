import { addDays, todayIso } from "@logic-canvas/shared";

/**
 * The reading plan a leader reads (issue 19's e2e test): a goal measured long ago, links with and
 * without a rationale, and an activity whose title runs past 200 characters. Here so the test
 * file holds the steps and assertions, not the fixture.
 */

const today = todayIso();
/** The goal's last measurement: 250 days ago, on its line then, off it today. */
export const MEASURED = addDays(today, -250);
export const LONG_TITLE =
  "Weekly coaching cycles in which each reading coach co-plans, co-teaches and debriefs a guided reading lesson with every grade 1 to 3 teacher, followed by a short written reflection shared with the team";
export const RATIONALE = {
  coach: "coaches model the routine in every classroom",
  practice: "daily practice builds the reading habit",
  logging: "students who log their reading read more",
  fluency: "grade-level readers become fluent readers",
};

/**
 * A model whose mid-journey goal was measured 250 days ago, exactly on its line (8% when the line
 * from 5% to 45% was at 8%); today the line is at 33%.
 */
export function readingPlan() {
  return {
    format: "logic-model",
    version: 1,
    title: "Reading plan",
    masteryGoal: "Every student reads fluently by grade 3",
    nodes: [
      { id: "coach", kind: "input", title: "Reading coaches", position: { x: 40, y: 60 } },
      { id: "cycle", kind: "activity", title: LONG_TITLE, position: { x: 360, y: 60 } },
      {
        id: "guided",
        kind: "activity",
        title: "Daily guided reading",
        position: { x: 360, y: 200 },
      },
      {
        id: "logs",
        kind: "smallWin",
        title: "Students log their reading",
        position: { x: 680, y: 60 },
      },
      {
        id: "grade",
        kind: "midJourney",
        title: "Students reading at grade level",
        position: { x: 1000, y: 60 },
        smart: {
          indicator: "students reading at grade level on the benchmark",
          unit: "percent",
          baseline: { value: 5, date: addDays(today, -280) },
          target: { value: 45, date: addDays(today, 120) },
        },
        measurements: [{ date: MEASURED, value: 8 }],
      },
      { id: "fluent", kind: "longTerm", title: "Fluent readers", position: { x: 1320, y: 60 } },
    ],
    edges: [
      { id: "e1", source: "coach", target: "guided", rationale: RATIONALE.coach },
      { id: "e2", source: "guided", target: "logs", rationale: RATIONALE.practice },
      { id: "e3", source: "cycle", target: "logs" },
      { id: "e4", source: "logs", target: "grade", rationale: RATIONALE.logging },
      { id: "e5", source: "grade", target: "fluent", rationale: RATIONALE.fluency },
    ],
  };
}
