import { z } from "zod";
import { NAME_MAX } from "./limits.ts";

/**
 * What a client sends as the Hocuspocus provider's `token`: the share link's token, plus who is
 * connecting. There are no accounts: a person is a display name they chose and a random secret
 * their browser keeps; the server derives a stable public person id from the secret, so others
 * can see whose message is whose without being able to write as them.
 *
 * A bare link token (not JSON) is accepted too, for plain integrations: such a connection has no
 * person and may read, but not write the review document.
 */
const sessionTokenSchema = z.strictObject({
  link: z.string().min(16).max(256),
  person: z.string().min(16).max(256).optional(),
  name: z.string().trim().min(1).max(NAME_MAX).optional(),
});
type SessionToken = z.infer<typeof sessionTokenSchema>;

export function encodeSessionToken(token: SessionToken): string {
  return JSON.stringify(token);
}

/** Returns null for anything that is neither a bare token nor a valid session object. */
export function decodeSessionToken(raw: string): SessionToken | null {
  if (raw.length > 2_048) return null;
  if (!raw.startsWith("{")) return raw.length >= 16 ? { link: raw } : null;
  try {
    const parsed = sessionTokenSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
