import {
  type CafeClock,
  type CafeHead,
  cafePaths,
  clockOffset,
  type NewCafe,
  type NewNote,
  type ProposalChange,
} from "@logic-canvas/shared";
import { requestJson } from "../app/json-api.ts";
import { personHeaders } from "../collab/review-person.ts";

/** The café API (server/src/http/routes-cafe.ts) as this person, with the link's token. */
export interface CafeAccess {
  modelId: string;
  token: string;
  displayName: string;
}

function send<T>(access: CafeAccess, path: string, method: string, body?: unknown): Promise<T> {
  return requestJson<T>(path, {
    method,
    headers: { authorization: `Bearer ${access.token}`, ...personHeaders(access.displayName) },
    ...(body === undefined ? {} : { body }),
  });
}

export function cafeApi(access: CafeAccess) {
  const m = access.modelId;
  return {
    create: (body: NewCafe) => send<CafeHead>(access, cafePaths.list(m), "POST", body),
    advance: (id: string, from: string) =>
      send<CafeHead>(access, cafePaths.advance(m, id), "POST", { from }),
    seat: (id: string, table: string) => send(access, cafePaths.seat(m, id), "PUT", { table }),
    note: (id: string, body: NewNote) => send(access, cafePaths.notes(m, id), "POST", body),
    theme: (id: string, title: string) =>
      send<{ id: string }>(access, cafePaths.themes(m, id), "POST", { title }),
    group: (id: string, note: string, theme: string | null) =>
      send(access, cafePaths.noteTheme(m, id, note), "PUT", { theme }),
    propose: (id: string, theme: string, change: ProposalChange) =>
      send(access, cafePaths.proposals(m, id), "POST", { theme, change }),
    decide: (id: string, proposal: string) =>
      send(access, cafePaths.decide(m, id, proposal), "POST"),
    /** The server clock's offset from this browser's (see shared `clockOffset`). */
    async clockOffset(): Promise<number> {
      const sent = Date.now();
      const clock = await send<CafeClock>(access, cafePaths.clock(m), "GET");
      return clockOffset(sent, clock.now, Date.now());
    },
  };
}
export type CafeApi = ReturnType<typeof cafeApi>;
