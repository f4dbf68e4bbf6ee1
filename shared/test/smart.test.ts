import { describe, expect, it } from "vitest";
import {
  checkSmart,
  formatDay,
  type LogicNode,
  type SmartGoal,
  studentsView,
} from "../src/index.ts";

function letters(node: LogicNode): Record<string, boolean> {
  return Object.fromEntries(checkSmart(node).map((l) => [l.letter, l.pass]));
}

// Seed 000/001: "In May 2008, 87% of our students met or exceeded proficiency in Algebra.
// In May 2009, at least 90% will."
const algebra: LogicNode = {
  id: "alg",
  kind: "longTerm",
  title: "Students meet or exceed proficiency in Algebra",
  smart: {
    indicator: "students meeting or exceeding proficiency in Algebra",
    unit: "percent",
    baseline: { value: 87, date: "2008-05-15" },
    target: { value: 90, date: "2009-05-15" },
  },
};

describe("checkSmart", () => {
  it("passes all five letters for the seed's Algebra goal, each with a reason", () => {
    const result = checkSmart(algebra);
    expect(result.map((l) => l.letter).join("")).toBe("SMART");
    expect(result.every((l) => l.pass)).toBe(true);
    // The dates read as everywhere else in the app: the month in words, in the reader's locale.
    expect(result.find((l) => l.letter === "T")?.reason).toBe(
      `From ${formatDay("2008-05-15")} to ${formatDay("2009-05-15")}.`,
    );
    expect(result.find((l) => l.letter === "T")?.reason).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const l of result) expect(l.reason.length).toBeGreaterThan(10);
  });

  it("fails Specific for a means dressed as a goal, and says why", () => {
    const check = checkSmart({ ...algebra, title: "Buy a reading program" })[0];
    expect(check).toMatchObject({ letter: "S", pass: false });
    expect(check?.reason).toContain('"buy"');
  });

  it("fails Measurable, Attainable, Results and Time-bound for a goal with an indicator only", () => {
    const node: LogicNode = {
      id: "g",
      kind: "smallWin",
      title: "Lifelong learners",
      smart: { indicator: "learners", unit: "percent" },
    };
    expect(letters(node)).toEqual({ S: false, M: false, A: false, R: false, T: false });
    expect(checkSmart(node)[1]?.reason).toBe("It needs a baseline value, a target value.");
  });

  it("fails Attainable for more than 100% or more students than the cohort", () => {
    const over: LogicNode = {
      ...algebra,
      smart: { ...(algebra.smart as SmartGoal), target: { value: 120, date: "2009-05-15" } },
    };
    expect(letters(over).A).toBe(false);
    const cohort: LogicNode = {
      ...algebra,
      smart: {
        indicator: "third graders proficient",
        unit: "students",
        cohortSize: 100,
        baseline: { value: 74 },
        target: { value: 101 },
      },
    };
    expect(checkSmart(cohort)[2]?.reason).toContain("more than the 100 in the cohort");
  });

  it("fails Time-bound when the target date is not after the baseline date", () => {
    const node: LogicNode = {
      ...algebra,
      smart: { ...(algebra.smart as SmartGoal), target: { value: 90, date: "2008-05-15" } },
    };
    expect(letters(node).T).toBe(false);
  });
});

describe("studentsView", () => {
  it("turns 60% → 66% of 150 into 90 → 99 students: 9 more", () => {
    const view = studentsView({
      indicator: "x",
      unit: "percent",
      cohortSize: 150,
      baseline: { value: 60 },
      target: { value: 66 },
    });
    expect(view).toMatchObject({ baselineStudents: 90, targetStudents: 99, difference: 9 });
    expect(view?.sentence).toBe("60% → 66% of 150 students: 90 → 99, 9 more students");
  });

  it("writes a district's thousands with separators: 68% → 78% of 5,020 is 3,414 → 3,916", () => {
    const view = studentsView({
      indicator: "students proficient in reading",
      unit: "percent",
      baseline: { value: 68 },
      target: { value: 78 },
      cohortSize: 5020,
    });
    expect(view?.sentence).toBe("68% → 78% of 5,020 students: 3,414 → 3,916, 502 more students");
  });

  it("reads 74 of 90 last year and at least 90 of 100 this year as 16 more students", () => {
    const smart: SmartGoal = {
      indicator: "third graders meeting proficiency",
      unit: "students",
      cohortSize: 100,
      baseline: { value: 74 },
      target: { value: 90 },
    };
    const view = studentsView(smart, { baselineCohortSize: 90 });
    expect(view).toMatchObject({
      baselineStudents: 74,
      targetStudents: 90,
      difference: 16,
      baselineCohortSize: 90,
      cohortSize: 100,
      targetPercent: 90,
    });
    expect(view?.baselinePercent).toBeCloseTo(82.2, 1);
    expect(view?.sentence).toBe(
      "from 74 of 90 to 90 of 100 students (82.2% → 90%): 16 more students",
    );
  });

  it("rounds a target up ('at least') and a decreasing target down", () => {
    // 87% → 90% of a cohort of 31: 26.97 → 27 counted, 27.9 → at least 28.
    expect(studentsView({ ...(algebra.smart as SmartGoal), cohortSize: 31 })).toMatchObject({
      baselineStudents: 27,
      targetStudents: 28,
      difference: 1,
    });
    const absences = studentsView({
      indicator: "chronically absent",
      unit: "percent",
      cohortSize: 31,
      baseline: { value: 20 },
      target: { value: 10 },
    });
    expect(absences).toMatchObject({ baselineStudents: 6, targetStudents: 3, difference: -3 });
    expect(absences?.sentence).toContain("3 fewer students");
  });

  it("is null when the cohort, the baseline or a student unit is missing", () => {
    expect(studentsView(algebra.smart as SmartGoal)).toBeNull();
    expect(
      studentsView({
        indicator: "x",
        unit: "score",
        cohortSize: 10,
        baseline: { value: 1 },
        target: { value: 2 },
      }),
    ).toBeNull();
  });
});

describe("formatDay", () => {
  it("says a calendar date with the month in words, in UTC, whatever the time zone", () => {
    // Exact in the en-US locale the workspace runs Node in; the order follows the locale.
    if (Intl.DateTimeFormat().resolvedOptions().locale === "en-US")
      expect(formatDay("2008-05-15")).toBe("May 15, 2008");
    expect(formatDay("2008-12-31")).toMatch(/Dec/);
    expect(formatDay("2008-05-15")).toMatch(/May/);
    expect(formatDay("2008-05-15")).toMatch(/2008/);
    // Not a date: shown as it is rather than "Invalid Date".
    expect(formatDay("soon")).toBe("soon");
    expect(formatDay("2008-5-15")).toBe("2008-5-15");
  });
});
