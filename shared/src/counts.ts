/**
 * A count of students as sentences write it: "3,916", not "3916", so a district's numbers read
 * at a glance. Sentences only: files (CSV) keep plain digits for spreadsheets.
 */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: 2 });
}
