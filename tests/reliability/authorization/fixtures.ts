import { addNode, startThread } from "@logic-canvas/shared";
import * as Y from "yjs";
import {
  api,
  authorOf,
  type CreatedModel,
  createModel,
  person,
  sessionToken,
  startTestServer,
  storedDoc as storedDocOf,
  type TestPerson,
  type TestServer,
  tokenOf,
} from "../../support/index.ts";
import { personIdOf } from "../../support/server-internals.ts";
import type { Credential, DocKind, Role } from "./permissions.ts";

export { api, type CreatedModel, createModel, type TestServer };

/** One in-process server per file; limits raised so that the matrix itself is never throttled. */
export function startMatrixServer(): Promise<TestServer> {
  return startTestServer({
    limits: {
      apiRequestsPerSecond: 100_000,
      messagesPerSecond: 100_000,
      messageBurst: 100_000,
      maxUnauthenticatedPerAddress: 1_000,
      maxConnectionsPerModel: 1_000,
    },
  });
}

/** Each role's person: every token below names one, so a commenter may write the review. */
export const PEOPLE: Record<Role, TestPerson> = {
  viewer: person("Vera"),
  commenter: person("Cem"),
  editor: person("Edda"),
  owner: person("Otto"),
};
export const publicPerson = (role: Role) => ({
  id: personIdOf(PEOPLE[role].secret),
  name: PEOPLE[role].name,
});

export interface Fixture {
  model: CreatedModel;
  /** The provider token of each credential; undefined is "send no token at all". */
  tokens: Record<Credential, string | undefined>;
  /** The bare link token, as the HTTP API takes it. */
  bearer: Record<Credential, string | undefined>;
  revokedLinkId: string;
}

/** A model with a revoked editor link, plus the owner token of `other` as a foreign token. */
export async function makeFixture(url: string, other: CreatedModel): Promise<Fixture> {
  const model = await createModel(url);
  const created = await api(url, `/api/models/${model.id}/links`, {
    method: "POST",
    token: model.tokens.owner,
    body: '{"role":"editor"}',
  });
  const link = (await created.json()) as { id: string; url: string };
  const revokedToken = tokenOf(link.url);
  const revoke = await api(url, `/api/models/${model.id}/links/${link.id}`, {
    method: "DELETE",
    token: model.tokens.owner,
  });
  if (revoke.status !== 200) throw new Error(`revoke failed: ${revoke.status}`);
  const bad = `bad${Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString("base64url")}`;
  const bearer: Fixture["bearer"] = {
    "no-token": undefined,
    "bad-token": bad,
    "revoked-link": revokedToken,
    "other-model": other.tokens.owner,
    viewer: model.tokens.viewer,
    commenter: model.tokens.commenter,
    editor: model.tokens.editor,
    owner: model.tokens.owner,
  };
  const named = (c: Credential, role: Role) =>
    bearer[c] === undefined ? undefined : sessionToken(bearer[c] as string, PEOPLE[role]);
  const tokens: Fixture["tokens"] = {
    "no-token": undefined,
    "bad-token": named("bad-token", "editor"),
    "revoked-link": named("revoked-link", "editor"),
    "other-model": named("other-model", "owner"),
    viewer: named("viewer", "viewer"),
    commenter: named("commenter", "commenter"),
    editor: named("editor", "editor"),
    owner: named("owner", "owner"),
  };
  return { model, tokens, bearer, revokedLinkId: link.id };
}

export const docName = (modelId: string, kind: DocKind) =>
  kind === "graph" ? modelId : `${modelId}/review`;

/** The document as stored (snapshot plus appended updates). */
export async function storedDoc(server: TestServer, name: string): Promise<Y.Doc> {
  return storedDocOf(server.store, name);
}

/** What "nothing stored" compares: the state vector and the number of stored updates. */
export async function storedState(server: TestServer, name: string): Promise<string> {
  const stored = await server.store.loadDocument(name);
  const doc = await storedDoc(server, name);
  return `${Y.encodeStateVector(doc).join(",")}|${stored?.updates.length ?? 0}|${stored?.snapshot?.length ?? 0}`;
}

/** A valid change to the stored document, as the credential's person would write it. */
export async function changeFor(
  server: TestServer,
  name: string,
  kind: DocKind,
  role: Role,
  label: string,
): Promise<Uint8Array> {
  const doc = await storedDoc(server, name);
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  if (kind === "graph") addNode(doc, { kind: "input", title: label }, "local");
  else
    startThread(
      doc,
      {
        anchor: { kind: "model" },
        type: "idea",
        text: label,
        author: authorOf(PEOPLE[role], role),
      },
      "local",
    );
  return Y.mergeUpdates(updates);
}
