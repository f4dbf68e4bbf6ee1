import { createHash, randomBytes } from "node:crypto";

import { MODEL_ID_PATTERN } from "@logic-canvas/shared";

/** Model ids are made here and nowhere else; anything not matching is a 404 before storage. */
export { MODEL_ID_PATTERN };
export const LINK_ID_PATTERN = /^[0-9A-Za-z]{12}$/;

const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

function randomId(length: number): string {
  // Rejection sampling keeps every character equally likely.
  let id = "";
  while (id.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && id.length < length) id += ALPHABET[byte % 62];
    }
  }
  return id;
}

export const newModelId = (): string => randomId(16);
export const newLinkId = (): string => randomId(12);
/** Workspace and invitation ids: the shape of shared's WORKSPACE_ID_PATTERN. */
export const newWorkspaceId = (): string => randomId(16);

/** 256 random bits; the server keeps only the hash. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export const isModelId = (id: string): boolean => MODEL_ID_PATTERN.test(id);
