/**
 * Every size and count limit that both sides enforce, by name: the server refuses past them
 * (write gate, API, stateless messages), the readers read no further, and the client's inputs
 * stop there. A limit that only one process cares about stays beside its code.
 */

/** A card's title, and a model's. */
export const TITLE_MAX = 500;
export const NOTES_MAX = 10_000;
/** A goal's indicator (what is measured, in a sentence or two). */
export const INDICATOR_MAX = 1_000;
/** A measurement's unit ("percent", "students", "lexile level"…). */
export const UNIT_MAX = 40;

/** Caps of a model: the readers read no more than these, and the write gate refuses more. */
export const MAX_NODES = 20_000;
export const MAX_EDGES = 100_000;
export const MAX_MEASUREMENTS = 10_000;
export const MAX_CHECK_INS = 1_000;

/**
 * Subgroups a goal tracks beside the whole group ("English learners", "Students with IEPs"): a
 * school reports on a handful (the usual accountability groups), so a dozen leaves room while
 * keeping a chart of one line per subgroup readable; a name is a short label, like a person's.
 */
export const MAX_SUBGROUPS = 12;
export const SUBGROUP_NAME_MAX = 80;

/** A comment's text (and a vote's note). */
export const COMMENT_MAX = 5_000;
/** A person's display name (the client's name prompt, session tokens, review authors). */
export const NAME_MAX = 80;
/**
 * How much one review document holds. The gate refuses a write past a cap and the readers skip
 * entries past it, so a document never holds more than the readers show.
 */
export const REVIEW_LIMITS = {
  threads: 20_000,
  messagesPerThread: 1_000,
  votes: 100_000,
} as const;

/** "Why revised": one reason's length, and how many may wait for their change per person. */
export const REVISION_REASON_MAX = 1_000;
export const PENDING_REASONS_MAX = 20;

/** A saved version's label. */
export const VERSION_LABEL_MAX = 120;

/** A share link's label ("Board members", "Grade 3 team"). */
export const LINK_LABEL_MAX = 80;

/**
 * Share links one model may hold, revoked and expired ones included: each is a stored row, so
 * the total is bounded, not only the rate at which an owner creates them. A district's widest
 * sharing (a link per school, team and board) stays well under it.
 */
export const LINKS_PER_MODEL_MAX = 100;

/** PDCA cycles on a goal (issue 17): a phase's text, a reason, and how many a goal holds. */
export const CYCLE_TEXT_MAX = 2_000;
export const CYCLE_REASON_MAX = 1_000;
export const MAX_CYCLE_ACTIVITIES = 200;
export const MAX_CYCLES = 200;
/** Each saved phase is one entry of the goal's cycle log (see `doc/cycles.ts`). */
export const MAX_CYCLE_ENTRIES = 2_000;

/** The school's mission, vision and values above the mastery goal (issue 17, seed 002). */
export const MISSION_MAX = 2_000;
export const VISION_MAX = 2_000;
export const VALUE_MAX = 200;
export const MAX_VALUES = 12;
/**
 * A World Café session (shared/src/cafe): what one session holds and one person may write. A
 * session of 40 people over three rounds writes a few hundred notes; the caps leave room for
 * that and refuse a flood (10,000 notes) in words before anything is stored.
 */
export const CAFE_LIMITS = {
  sessionsPerModel: 100,
  prompts: 3,
  promptLength: 500,
  titleLength: 120,
  tables: 12,
  tableNameLength: 60,
  /** Minutes the whole session lasts (rounds share it equally). */
  minutesMin: 5,
  minutesMax: 240,
  participants: 200,
  notes: 2_000,
  notesPerPerson: 100,
  noteLength: 500,
  themes: 40,
  themeTitleLength: 200,
  proposals: 40,
} as const;
