import { initialsOf } from "@logic-canvas/shared";
import type { Peer } from "../collab/presence.ts";
import { ROLE_LABEL } from "./roles.ts";

/** Everyone here, with their role; clicking someone follows their view until you move. */
export function Avatars({
  peers,
  following,
  onFollow,
}: {
  peers: Peer[];
  following?: number;
  onFollow: (clientId: number | undefined) => void;
}) {
  return (
    <ul className="avatars" aria-label="People here">
      {peers.map((peer) => {
        const label = `${peer.user.name}${peer.self ? " (you)" : ""}, ${ROLE_LABEL[peer.user.role] ?? peer.user.role}`;
        return (
          <li key={peer.clientId}>
            <button
              type="button"
              className={`avatar${following === peer.clientId ? " is-following" : ""}`}
              style={{ background: peer.user.color }}
              title={peer.self ? label : `${label}. Click to follow their view.`}
              aria-pressed={peer.self ? undefined : following === peer.clientId}
              disabled={peer.self}
              onClick={() => onFollow(following === peer.clientId ? undefined : peer.clientId)}
              data-testid="avatar"
            >
              {/* Named by the hidden words, not aria-label: the letters shown are only a picture. */}
              <span aria-hidden="true">{initialsOf(peer.user.name)}</span>
              <span className="avatar-role" aria-hidden="true">
                {(ROLE_LABEL[peer.user.role] ?? "?")[0]}
              </span>
              <span className="visually-hidden">{peer.self ? label : `Follow ${label}`}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
