import { describe, expect, it } from "vitest";
import { dateOrderOfFile, excelSerialDate, readSpreadsheetDate } from "../../src/index.ts";

const day = (cell: Parameters<typeof readSpreadsheetDate>[0], order?: "dmy" | "mdy") => {
  const read = readSpreadsheetDate(cell, order);
  return read.ok ? read.date : read.reason;
};

describe("dates as spreadsheets hold them", () => {
  it("reads ISO dates, with or without a time, and refuses days that never were", () => {
    expect(day("2026-09-15")).toBe("2026-09-15");
    expect(day("2026-9-5")).toBe("2026-09-05");
    expect(day("2026/09/15")).toBe("2026-09-15");
    expect(day("2026-09-15T00:00:00Z")).toBe("2026-09-15");
    expect(day("2026-02-30")).toBe("“2026-02-30” is not a calendar date");
  });

  it("reads US slashes when the file says month first, European ones when it says day first", () => {
    expect(day("9/15/2026")).toBe("2026-09-15");
    expect(day("15/9/2026")).toBe("2026-09-15");
    expect(day("15.09.2026")).toBe("2026-09-15");
    expect(day("3/4/2026", "mdy")).toBe("2026-03-04");
    expect(day("3/4/2026", "dmy")).toBe("2026-04-03");
    expect(day("15/9/2026", "mdy")).toBe("“15/9/2026” is not a date when the month comes first");
  });

  it("never guesses a date that reads both ways: it asks", () => {
    const read = readSpreadsheetDate("3/4/2026");
    expect(read).toEqual({
      ok: false,
      ambiguous: true,
      reason: "“3/4/2026” could be 3 April or March 4: choose the date order",
    });
    // The same day and month either way is no question.
    expect(day("5/5/2026")).toBe("2026-05-05");
  });

  it("reads two-digit years as Excel does (00–29 this century, 30–99 the last)", () => {
    expect(day("9/15/26")).toBe("2026-09-15");
    expect(day("15/9/99")).toBe("1999-09-15");
  });

  it("reads Excel serial day numbers, as numbers or as text", () => {
    expect(excelSerialDate(46280)).toBe("2026-09-15");
    expect(day(46280)).toBe("2026-09-15");
    expect(day("46280")).toBe("2026-09-15");
    expect(day(46280.75)).toBe("2026-09-15");
    expect(day(12)).toBe("12 is not a date (nor a spreadsheet's day number)");
  });

  it("reads a workbook's Date cells as the calendar day they name, whatever the time zone", () => {
    expect(day(new Date(Date.UTC(2026, 8, 15)))).toBe("2026-09-15");
    expect(day(new Date(Number.NaN))).toBe("the cell holds no valid date");
  });

  it("says in words what it cannot read", () => {
    expect(day("")).toBe("the date is empty");
    expect(day(null)).toBe("the date is empty");
    expect(day("next Tuesday")).toBe("“next Tuesday” is not a date this import understands");
  });
});

describe("the day–month order of a whole file", () => {
  it("is day first when one date proves it, and month first when one proves that", () => {
    expect(dateOrderOfFile(["3/4/2026", "15/4/2026"]).order).toBe("dmy");
    expect(dateOrderOfFile(["3/4/2026", "4/15/2026"]).order).toBe("mdy");
  });

  it("is not known when every date reads both ways, or when the file mixes both orders", () => {
    const silent = dateOrderOfFile(["3/4/2026", "5/6/2026", "2026-01-01", 46280]);
    expect(silent).toEqual({ order: undefined, ambiguous: 2 });
    const mixed = dateOrderOfFile(["15/4/2026", "4/15/2026"]);
    expect(mixed.order).toBeUndefined();
    expect(mixed.dayFirstExample).toBe("15/4/2026");
    expect(mixed.monthFirstExample).toBe("4/15/2026");
  });
});
