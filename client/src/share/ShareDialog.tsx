import { type Role, type ShareLink, visibleLinkRoles } from "@logic-canvas/shared";
import type { Peer } from "../collab/presence.ts";
import { ROLE_LABEL } from "../editor/roles.ts";
import { Modal } from "../ui/Modal.tsx";
import { ConnectedNow } from "./ConnectedNow.tsx";
import { LinkRow } from "./LinkRow.tsx";
import { NewLinkForm } from "./NewLinkForm.tsx";
import { isOwnLink, type LinkAccess } from "./share-api.ts";
import { useShareLinks } from "./use-share-links.ts";
import "./share.css";

/** What a person opening a link of each role may do, in a few words. */
const ROLE_GRANTS: Record<Role, string> = {
  viewer: "can look, not change",
  commenter: "can read and comment",
  editor: "can change everything",
  owner: "can change everything and manage links",
};

/**
 * The Share dialog: the links this person may pass on, by role, each with Copy; for the owner,
 * another link (label, expiry) and Revoke; and who is connected now. What is listed is what the
 * server returns for this page's link, so an editor sees the viewer and commenter links only.
 */
export function ShareDialog(props: {
  access: LinkAccess;
  role: string;
  peers: Peer[];
  onClose: () => void;
}) {
  const { access } = props;
  const { links, canManage, error, create, revoke } = useShareLinks(access);
  const live = links?.filter((l) => !l.revoked) ?? [];
  const revokedCount = (links?.length ?? 0) - live.length;
  // The server refuses revoking the last working owner link (nobody could manage the model).
  const ownerLinks = live.filter((l) => l.role === "owner" && !l.expired).length;
  return (
    <Modal title="Share this model" onClose={props.onClose} testId="share-dialog">
      <div className="share">
        <p className="muted share-intro">
          {canManage
            ? "Anyone with a link opens this model with the link's role. Revoking a link disconnects the people using it at once."
            : "You can pass on the viewer and commenter links. Only the owner creates or revokes links."}
        </p>
        {error && (
          <p className="error-text share-intro" role="alert">
            {error}
          </p>
        )}
        <section className="share-section share-main" aria-labelledby="share-links">
          <h3 id="share-links">Links</h3>
          {links === null && !error && <p className="muted">Loading the links…</p>}
          {links !== null &&
            visibleLinkRoles(props.role).map((role) => (
              <RoleLinks
                key={role}
                role={role}
                links={live.filter((l) => l.role === role)}
                access={access}
                canRevoke={(link) =>
                  canManage && !(link.role === "owner" && !link.expired && ownerLinks === 1)
                }
                onRevoke={revoke}
              />
            ))}
          {revokedCount > 0 && (
            <p className="muted small">
              {revokedCount === 1 ? "1 revoked link is" : `${revokedCount} revoked links are`} not
              shown.
            </p>
          )}
        </section>
        <div className="share-side">
          {canManage && (
            <section className="share-section" aria-labelledby="share-another">
              <h3 id="share-another">Another link</h3>
              <NewLinkForm onCreate={create} />
            </section>
          )}
          <ConnectedNow peers={props.peers} />
        </div>
      </div>
    </Modal>
  );
}

function RoleLinks(props: {
  role: Role;
  links: ShareLink[];
  access: LinkAccess;
  canRevoke: (link: ShareLink) => boolean;
  onRevoke: (linkId: string) => Promise<void>;
}) {
  const { role, links, access } = props;
  return (
    <div className="share-role" data-testid={`share-role-${role}`}>
      <h4>
        {ROLE_LABEL[role]} <span className="muted">— {ROLE_GRANTS[role]}</span>
      </h4>
      {links.length === 0 ? (
        <p className="muted small">No {ROLE_LABEL[role]?.toLowerCase()} link.</p>
      ) : (
        <ul className="share-links">
          {links.map((link) => (
            <LinkRow
              key={link.id}
              link={link}
              own={isOwnLink(link.url, access)}
              canRevoke={props.canRevoke(link)}
              onRevoke={() => props.onRevoke(link.id)}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
