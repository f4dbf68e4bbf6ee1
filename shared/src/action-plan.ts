import { z } from "zod";
import { addDays, dayNumber } from "./dates.ts";
import { NAME_MAX } from "./limits.ts";
import { idSchema, isoDateSchema } from "./scalars.ts";

/**
 * Action plans on activities (issue 17): who owns an activity, when it starts and is due, and
 * how it stands. One plain value on the card (`plan`), optional, read on activities only; the
 * file format, the document's field table and the server's write gate all use this schema.
 */

export const ACTION_STATUSES = ["notStarted", "inProgress", "done", "blocked"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  notStarted: "Not started",
  inProgress: "In progress",
  done: "Done",
  blocked: "Blocked",
};

export const BLOCKED_REASON_MAX = 1_000;

/**
 * A person of the model: an account's id (or the id the server derives for someone on a link),
 * with the name they had when chosen, so the card still says who after the account is renamed
 * or the person has left; matching (My actions) is by id only.
 */
export const personRefSchema = z.strictObject({
  id: idSchema,
  name: z
    .string()
    .max(NAME_MAX, `must be at most ${NAME_MAX} characters`)
    .trim()
    .min(1, "must not be empty"),
});
export type PersonRef = z.infer<typeof personRefSchema>;

export const actionPlanSchema = z
  .strictObject({
    owner: personRefSchema.optional(),
    start: isoDateSchema.optional(),
    due: isoDateSchema.optional(),
    status: z
      .enum(ACTION_STATUSES, { error: `must be one of ${ACTION_STATUSES.join(", ")}` })
      .optional(),
    blockedReason: z
      .string()
      .max(BLOCKED_REASON_MAX, `must be at most ${BLOCKED_REASON_MAX} characters`)
      .optional(),
  })
  .superRefine((plan, ctx) => {
    if (plan.start && plan.due && plan.start > plan.due)
      ctx.addIssue({ code: "custom", path: ["due"], message: "must not be before the start date" });
    const reason = plan.blockedReason?.trim() ?? "";
    if (plan.status === "blocked" && reason === "")
      ctx.addIssue({
        code: "custom",
        path: ["blockedReason"],
        message: "must say why a blocked action is blocked",
      });
    if (plan.status !== "blocked" && plan.blockedReason !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["blockedReason"],
        message: "is kept only while the action is blocked",
      });
  });
export type ActionPlan = z.infer<typeof actionPlanSchema>;

/** Why a plan cannot be saved, in words; null when it can. The card's editor shows this. */
export function actionPlanProblem(plan: unknown): string | null {
  const parsed = actionPlanSchema.safeParse(plan);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const words: Record<string, string> = {
    owner: "The owner",
    start: "The start date",
    due: "The due date",
    status: "The status",
    blockedReason: "The reason",
  };
  return `${words[field] ?? "The plan"} ${issue?.message ?? "is not valid"}.`;
}

/** How close an action is to its due date, "due soon" meaning within this many days. */
export const DUE_SOON_DAYS = 7;
export type DueState = "none" | "done" | "overdue" | "dueSoon" | "later";

/** Overdue: past its due date (the due day itself is still on time) and not done. */
export function dueState(plan: ActionPlan | undefined, today: string): DueState {
  if (plan?.status === "done") return "done";
  if (!plan?.due) return "none";
  if (plan.due < today) return "overdue";
  return plan.due <= addDays(today, DUE_SOON_DAYS) ? "dueSoon" : "later";
}

/** Days from `today` to the due date; negative when overdue. */
export function daysUntilDue(plan: ActionPlan | undefined, today: string): number | null {
  return plan?.due ? dayNumber(plan.due) - dayNumber(today) : null;
}

/** Soonest due first; actions without a due date last; then by title. */
export function bySoonestDue<T extends { title: string; plan?: ActionPlan }>(a: T, b: T): number {
  const da = a.plan?.due ?? "9999-12-31";
  const db = b.plan?.due ?? "9999-12-31";
  if (da !== db) return da < db ? -1 : 1;
  return a.title.localeCompare(b.title);
}
