import { CLOSE_REASONS, type CloseCode, closeReason, fitCloseReason } from "@logic-canvas/shared";

/** The table and its parsing live in shared/, where the client reads the same codes. */
export {
  CLOSE_REASONS,
  type CloseCode,
  closeReason,
  fitCloseReason,
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

/** One of our reasons, with the table's message, as it fits a WebSocket close frame. */
export function shortReason(code: CloseCode): string {
  return fitCloseReason(closeReason(code));
}
