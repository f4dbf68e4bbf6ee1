import type { NewLink, ShareLink } from "@logic-canvas/shared";
import { useCallback, useEffect, useState } from "react";
import { createLink, type LinkAccess, listLinks, revokeLink } from "./share-api.ts";

export interface ShareLinksState {
  links: ShareLink[] | null;
  canManage: boolean;
  /** The last failure, in the server's words. */
  error: string | null;
  create: (link: NewLink) => Promise<boolean>;
  revoke: (linkId: string) => Promise<void>;
}

/** The links this page may see, loaded when the dialog opens and after each change. */
export function useShareLinks(access: LinkAccess): ShareLinksState {
  const [links, setLinks] = useState<ShareLink[] | null>(null);
  const [canManage, setCanManage] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { modelId, token } = access;

  const reload = useCallback(async () => {
    try {
      const listed = await listLinks({ modelId, token });
      setLinks(listed.links);
      setCanManage(listed.canManage);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [modelId, token]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = useCallback(
    async (link: NewLink) => {
      try {
        await createLink({ modelId, token }, link);
        await reload();
        return true;
      } catch (e) {
        setError((e as Error).message);
        return false;
      }
    },
    [modelId, token, reload],
  );

  const revoke = useCallback(
    async (linkId: string) => {
      try {
        await revokeLink({ modelId, token }, linkId);
        await reload();
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [modelId, token, reload],
  );

  return { links, canManage, error, create, revoke };
}
