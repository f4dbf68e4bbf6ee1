import { ROLES } from "@logic-canvas/shared";
import type { Peer } from "../collab/presence.ts";
import { ROLE_LABEL } from "../editor/roles.ts";

/**
 * Who is connected now, by role, from the presence this page already has: each person's role is
 * the one the server stamped on their presence (awareness-stamp.ts), so it cannot be claimed.
 * Strongest role first, as an owner looks for who can change things.
 */
/** You first, then by name, so the list does not reorder as people come and go. */
const byName = (a: Peer, b: Peer) =>
  Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name);

export function ConnectedNow({ peers }: { peers: Peer[] }) {
  const groups = [...ROLES]
    .reverse()
    .map((role) => ({ role, people: peers.filter((p) => p.user.role === role).sort(byName) }))
    .filter((g) => g.people.length > 0);
  return (
    <section className="share-section" aria-labelledby="share-connected">
      <h3 id="share-connected">
        Connected now <span className="muted">({peers.length})</span>
      </h3>
      <ul className="share-connected" data-testid="share-connected">
        {groups.map(({ role, people }) => (
          <li key={role} data-testid={`connected-${role}`}>
            <span className={`role-badge role-${role}`}>
              {ROLE_LABEL[role]} · {people.length}
            </span>
            <span>{people.map((p) => `${p.user.name}${p.self ? " (you)" : ""}`).join(", ")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
