import { describe, expect, it } from "vitest";
import { csvCell } from "../src/csv.ts";

/** Issue 12, section 4: spreadsheets trim leading whitespace, then run what starts with = + - @. */
describe("csvCell against formula injection after leading whitespace", () => {
  it.each([
    [" =1+1"],
    ['  =HYPERLINK("http://x","y")'],
    ["\u00a0=1+1"],
    ["\u200b=1+1"],
    ["\ufeff@SUM(A1)"],
    [" +1+1"],
    [" -1+1"],
    ["\t=1+1"],
    ["\r=1+1"],
    ["\n=1+1"],
    ["\r\n=1+1"],
    ["\uff1d1+1"],
    [" \uff201+1"],
  ])("escapes %j", (text) => {
    const cell = csvCell(text);
    const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
    expect(unquoted).toBe(`'${text}`);
  });

  it("escapes a leading tab, carriage return or line feed on its own (OWASP)", () => {
    expect(csvCell("\tindent")).toBe("'\tindent");
    expect(csvCell("\rline")).toBe('"\'\rline"');
    expect(csvCell("\nline")).toBe('"\'\nline"');
  });

  it("leaves plain numbers and ordinary text alone", () => {
    expect(csvCell(" -5")).toBe(" -5");
    expect(csvCell("-12.5")).toBe("-12.5");
    expect(csvCell(" a = b")).toBe(" a = b");
    expect(csvCell("Reading 80%")).toBe("Reading 80%");
  });
});
