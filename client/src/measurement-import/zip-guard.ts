/**
 * The checks a workbook passes BEFORE a spreadsheet library parses it. An XLSX file is a zip of
 * XML parts, and a zip can declare a few kilobytes that inflate to gigabytes (a zip bomb), lie
 * about its sizes, or hold XML nested so deep, or with entity definitions, that a parser runs out
 * of stack or memory. Here the central directory is read and judged, then every part is inflated
 * as a stream, counting bytes and XML depth without keeping what it inflates, and stopped the
 * moment a limit is passed. Each refusal says why, in words.
 */

export const WORKBOOK_LIMITS = {
  /** The file as uploaded (CSV or XLSX). */
  fileBytes: 20 * 1024 * 1024,
  /** All parts once inflated. */
  inflatedBytes: 100 * 1024 * 1024,
  /** Inflated ÷ compressed for a part over `ratioFloor`: real sheets stay far below. */
  ratio: 200,
  ratioFloor: 1024 * 1024,
  entries: 2_000,
  /** Element nesting in any XML part: a sheet needs about eight levels. */
  xmlDepth: 100,
} as const;

export class WorkbookRefused extends Error {
  override name = "WorkbookRefused";
}

const MB = (n: number) => `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;

export function fileTooLarge(size: number): string {
  return `This file is ${MB(size)}; at most ${MB(WORKBOOK_LIMITS.fileBytes)} can be imported. Keep only the rows to import and save it again.`;
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  inflated: number;
  localOffset: number;
}

function endOfDirectory(view: DataView): number {
  const last = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= last; at -= 1)
    if (view.getUint32(at, true) === 0x06054b50) return at;
  throw new WorkbookRefused("This is not an Excel workbook (.xlsx): its zip directory is missing.");
}

/** The central directory's entries, refused when it claims what no spreadsheet needs. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(view);
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    throw new WorkbookRefused("This workbook uses ZIP64, which no spreadsheet of this size needs.");
  if (count > WORKBOOK_LIMITS.entries)
    throw new WorkbookRefused(
      `This workbook holds ${count.toLocaleString("en")} parts; at most ${WORKBOOK_LIMITS.entries.toLocaleString("en")} are read.`,
    );
  if (offset + size > bytes.byteLength)
    throw new WorkbookRefused("This workbook is damaged: its zip directory runs past the file.");
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50)
      throw new WorkbookRefused("This workbook is damaged: its zip directory cannot be read.");
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressed: view.getUint32(at + 20, true),
      inflated: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  judgeDirectory(entries);
  return entries;
}

function judgeDirectory(entries: ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 1)
      throw new WorkbookRefused(
        "This workbook is encrypted (password protected): save it without a password first.",
      );
    if (entry.method !== 0 && entry.method !== 8)
      throw new WorkbookRefused(
        `This workbook's part “${entry.name}” uses an unknown compression.`,
      );
    total += entry.inflated;
    const ratio = entry.inflated / Math.max(1, entry.compressed);
    if (entry.inflated > WORKBOOK_LIMITS.ratioFloor && ratio > WORKBOOK_LIMITS.ratio)
      throw new WorkbookRefused(
        `This file looks like a zip bomb: its part “${entry.name}” would inflate ${Math.round(ratio).toLocaleString("en")} times, to ${MB(entry.inflated)}.`,
      );
  }
  if (total > WORKBOOK_LIMITS.inflatedBytes)
    throw new WorkbookRefused(
      `This workbook would inflate to ${MB(total)}; at most ${MB(WORKBOOK_LIMITS.inflatedBytes)} are read.`,
    );
}
