import { z } from "zod";
import { LINK_LABEL_MAX } from "./limits.ts";
import { ROLES, type Role } from "./roles.ts";

/**
 * Share links as both sides see them: who may see which links, what a new link may say (label,
 * expiry), and the link as the API lists it. The server enforces these; the Share dialog reads
 * the same rules so it never offers what the server would refuse.
 */

/** The roles whose links a person with `role` may see and copy; empty means no Share dialog. */
export function visibleLinkRoles(role: string): readonly Role[] {
  if (role === "owner") return ROLES;
  // An editor may pass the model on for reading and commenting, not hand out editing or owning.
  if (role === "editor") return ["viewer", "commenter"];
  return [];
}

/** Only owners create and revoke links. */
export function canManageLinks(role: string): boolean {
  return role === "owner";
}

/** Whether a link with this expiry has expired at `now` (an expiry is the first moment it no longer works). */
export function isLinkExpired(expiresAt: string | null, now: number = Date.now()): boolean {
  return expiresAt !== null && Date.parse(expiresAt) <= now;
}

const roleMessage = `must be one of ${ROLES.join(", ")}`;

/**
 * A new link: its role, an optional label and an optional expiry (ISO date and time, strictly in
 * the future when it is checked). A blank label is no label.
 */
export const newLinkSchema = z.object(
  {
    role: z.enum(ROLES, { error: roleMessage }),
    label: z
      .string({ error: "must be text" })
      .trim()
      .max(LINK_LABEL_MAX, `must be at most ${LINK_LABEL_MAX} characters`)
      .optional()
      .transform((label) => label || undefined),
    expiresAt: z.iso
      .datetime({ offset: true, error: "must be a date and time" })
      .refine((at) => !isLinkExpired(at), "must be in the future")
      .nullish(),
  },
  { error: `Send { "role" } with a role that is one of ${ROLES.join(", ")}` },
);
export type NewLink = z.input<typeof newLinkSchema>;

const FIELD_WORDS: Record<string, string> = {
  role: "The role",
  label: "The label",
  expiresAt: "The expiry",
};

/**
 * The first problem with a new link, in words for the person, or null when it is fine. (The
 * API says the same, with the field's wire name in place of its words.)
 */
export function newLinkProblem(link: NewLink): string | null {
  const parsed = newLinkSchema.safeParse(link);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = FIELD_WORDS[String(issue?.path[0])];
  return field ? `${field} ${issue?.message}.` : (issue?.message ?? "This link is not valid.");
}

/** A link as the API lists it. `url` is null for a link made before URLs were kept. */
export interface ShareLink {
  id: string;
  role: Role;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  expired: boolean;
  revoked: boolean;
  revokedAt: string | null;
  url: string | null;
}
