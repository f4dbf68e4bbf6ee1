import { type Author, encodeSessionToken } from "@logic-canvas/shared";
import { personIdOf } from "./server-internals.ts";

/** A person as a browser would be: a display name and the secret only it knows. */
export interface TestPerson {
  name: string;
  secret: string;
}

export function person(name: string): TestPerson {
  return { name, secret: `secret-of-${name}-${Math.random().toString(36).slice(2)}` };
}

/** The provider token naming `who`, for the link token `link`. */
export function sessionToken(link: string, who: TestPerson): string {
  return encodeSessionToken({ link, person: who.secret, name: who.name });
}

/** How `who` appears as an author with the given role. */
export function authorOf(who: TestPerson, role: Author["role"]): Author {
  return { id: personIdOf(who.secret), name: who.name, role };
}
