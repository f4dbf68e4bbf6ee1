/** Thread types in words. */
export const THREAD_TYPE_LABEL: Record<string, string> = {
  question: "Question",
  concern: "Concern",
  idea: "Idea",
  celebration: "Celebration",
};
