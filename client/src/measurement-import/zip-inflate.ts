import { fileTooLarge, readZipDirectory, WORKBOOK_LIMITS, WorkbookRefused } from "./zip-guard.ts";

/**
 * Inflates every part of a workbook as a stream, without keeping it: counts the bytes (a part
 * that inflates past the size its directory declares is lying, and is refused) and, in XML parts,
 * the depth of nested elements. Memory stays at one chunk whatever the file claims or holds.
 */

/** Tracks element depth across chunks; refuses DTDs, whose entities can expand without bound. */
export class XmlDepthMeter {
  depth = 0;
  private inTag = false;
  private justOpened = false;
  private closing = false;
  private declaration = false;
  private quote = "";
  private previous = "";

  constructor(
    private readonly part: string,
    private readonly maxDepth = WORKBOOK_LIMITS.xmlDepth,
  ) {}

  feed(text: string): void {
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i] as string;
      if (this.justOpened) this.opened(ch);
      else if (this.inTag) this.inside(ch);
      else if (ch === "<") {
        this.inTag = true;
        this.justOpened = true;
      }
      this.previous = ch;
    }
  }

  private opened(ch: string): void {
    this.justOpened = false;
    this.closing = ch === "/";
    // <?…?> and <!…> (comments, CDATA, declarations) open no element.
    this.declaration = ch === "?" || ch === "!";
    if (this.closing || this.declaration) return;
    this.depth += 1;
    if (this.depth > this.maxDepth)
      throw new WorkbookRefused(
        `This workbook's part “${this.part}” nests XML more than ${this.maxDepth} levels deep; a spreadsheet needs far fewer.`,
      );
  }

  private inside(ch: string): void {
    if (this.declaration && this.previous === "!" && (ch === "D" || ch === "E"))
      throw new WorkbookRefused(
        `This workbook's part “${this.part}” declares a DTD or entities, which spreadsheets never need.`,
      );
    if (this.quote) {
      if (ch === this.quote) this.quote = "";
      return;
    }
    if (!this.declaration && (ch === '"' || ch === "'")) this.quote = ch;
    else if (ch === ">") {
      if (!this.declaration) {
        if (this.closing) this.depth -= 1;
        else if (this.previous === "/") this.depth -= 1;
      }
      this.inTag = false;
    }
  }
}

const isXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);

async function inflatePart(
  bytes: Uint8Array,
  entry: {
    name: string;
    method: number;
    compressed: number;
    inflated: number;
    localOffset: number;
  },
  budget: { left: number },
): Promise<void> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== 0x04034b50)
    throw new WorkbookRefused(
      `This workbook is damaged: its part “${entry.name}” cannot be found.`,
    );
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressed);
  const source = new Blob([data as Uint8Array<ArrayBuffer>]).stream();
  const stream =
    entry.method === 8
      ? source.pipeThrough(new DecompressionStream("deflate-raw") as never)
      : source;
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  const meter = isXml(entry.name) ? new XmlDepthMeter(entry.name) : undefined;
  const decoder = new TextDecoder();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      seen += value.byteLength;
      budget.left -= value.byteLength;
      if (seen > entry.inflated)
        throw new WorkbookRefused(
          `This workbook lies about its sizes: its part “${entry.name}” holds more than the ${entry.inflated.toLocaleString("en")} bytes it declares.`,
        );
      if (budget.left < 0)
        throw new WorkbookRefused(
          "This workbook inflates past the limit of what is read; it may be a zip bomb.",
        );
      meter?.feed(decoder.decode(value, { stream: true }));
    }
  } catch (error) {
    await reader.cancel().catch(() => {});
    if (error instanceof WorkbookRefused) throw error;
    throw new WorkbookRefused(`This workbook is damaged: its part “${entry.name}” cannot be read.`);
  }
}

/** Runs every check on a workbook's bytes; resolves when a spreadsheet library may read it. */
export async function guardWorkbook(bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength > WORKBOOK_LIMITS.fileBytes)
    throw new WorkbookRefused(fileTooLarge(bytes.byteLength));
  const entries = readZipDirectory(bytes);
  const budget = { left: WORKBOOK_LIMITS.inflatedBytes };
  for (const entry of entries) await inflatePart(bytes, entry, budget);
}
