/**
 * Limits of a live connection that both sides must agree on: the server enforces them, the
 * client stays inside them. Server settings may lower or raise the first two (see the README).
 */
export const CONNECTION_LIMITS = {
  /**
   * Documents one WebSocket may hold open (or be opening) at once. A page needs two, the graph
   * `<id>` and `<id>/review`; the rest is headroom for a page moving from one model to the next.
   */
  documentsPerSocket: 4,
  /**
   * Connections to one document that a single share link may hold, out of the per-document cap:
   * one viewer link handed to a crowd cannot lock out the owner, the editors and other links.
   */
  connectionsPerLink: 100,
  /** Largest presence (awareness) state of one connection, as JSON bytes. */
  presenceStateBytes: 32 * 1024,
  /** Selected card ids a page announces in its presence, so its state stays under the cap. */
  presenceSelectionIds: 500,
} as const;
