import { CLOSE_REASONS, type CloseCode, closeReason } from "@logic-canvas/shared";

/** The table and its parsing live in shared/, where the client reads the same codes. */
export {
  CLOSE_REASONS,
  type CloseCode,
  closeReason,
  isCloseCode,
  parseCloseReason,
} from "@logic-canvas/shared";

/** The error shape Hocuspocus turns into a close (`code`, `reason`) or a refused authentication. */
export class CloseError extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(
    readonly closeCode: CloseCode,
    detail?: string,
  ) {
    const reason = closeReason(closeCode, detail);
    super(reason);
    this.code = CLOSE_REASONS[closeCode].wsCode;
    this.reason = reason;
    // Hocuspocus prints every error that closes a connection; for a deliberate refusal (already
    // in our own log) the stack says nothing, so the line stays one line.
    this.stack = `CloseError: ${reason}`;
  }
}

/** WebSocket close reasons are limited to 123 bytes. */
export function shortReason(code: CloseCode): string {
  const reason = closeReason(code);
  return Buffer.byteLength(reason) <= 123 ? reason : code;
}
