/**
 * Part of the public surface (see ../index.ts).
 * Review, comments, read state, notifications and World Café.
 */

export {
  type ActivityWordsEntry,
  type Actor,
  actorName,
  describeActivity,
  fieldWord,
} from "../activity-words.ts";
// World Café sessions (issue 17).
export * from "../cafe/index.ts";
export * from "../notifications-api.ts";
export {
  mergeReadMarks,
  READ_MARKS_MAX,
  type ReadMarks,
  type ReadState,
  readStatePath,
  readStateSchema,
} from "../read-state.ts";
export { reviewChanges } from "../review/changes.ts";
export {
  type Consensus,
  consensusFor,
  consensusSummary,
  FIST_TO_FIVE_LABELS,
  namesOfPeopleWhoTookPart,
  peopleWhoTookPart,
  QUORUM_MIN_SHARE,
  QUORUM_MIN_VOTES,
  type Quorum,
  quorumFor,
  quorumRuleText,
  WIDE_AGREEMENT_SHARE,
} from "../review/consensus.ts";
export {
  castVote,
  deleteMessage,
  editMessage,
  loadReview,
  reply,
  setThreadStatus,
  startThread,
  threadsMap,
  voteKey,
  votesMap,
  withdrawVote,
} from "../review/doc.ts";
export { type ReviewSnapshot, reviewWriteViolations } from "../review/permissions.ts";
export {
  readReview,
  readThreadEntry,
  readVoteEntry,
  type ThreadEntry,
  type VoteEntry,
} from "../review/read.ts";
export {
  type Anchor,
  type Author,
  authorSchema,
  type CommentMessage,
  MASTERY_TARGET,
  mentionsIn,
  type Review,
  THREAD_TYPES,
  type Thread,
  type ThreadType,
  type Vote,
} from "../review/schema.ts";
